import XCTest
@testable import VigilMatcher

final class TopKTests: XCTestCase {
    /// The candidate cut keeps exactly what a full sort would keep, in the same order, including ties
    /// on score (broken by id) and lists shorter than k.
    func testKeepFirstEqualsSortPrefix() {
        var rng = SystemRandomNumberGenerator()
        let order: ((UInt32, Float), (UInt32, Float)) -> Bool = { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for trial in 0..<300 {
            let n = Int.random(in: 0...2_000, using: &rng)
            // Few distinct scores in some trials, so ties are common.
            let distinct = trial % 3 == 0 ? 4 : 1_000
            var items = (0..<n).map { (UInt32($0), Float(Int.random(in: 0..<distinct, using: &rng))) }
            items.shuffle(using: &rng)
            let k = Int.random(in: 0...150, using: &rng)
            let expected = Array(items.sorted(by: order).prefix(k))
            keepFirst(k, of: &items, by: order)
            XCTAssertEqual(items.map(\.0), expected.map(\.0), "n \(n) k \(k)")
        }
    }
}
