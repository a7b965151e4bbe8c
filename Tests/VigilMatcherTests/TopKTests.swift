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

    /// Retrieval's cut keeps what a full sort on (weight, fewer tokens, id) keeps, in that order, though
    /// it looks token counts up only near the cut: ties on weight are common (every name holding only
    /// `john` collects the same weight) and must still prefer the shorter name.
    func testRetrievalCutEqualsFullSort() {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<300 {
            let n = Int.random(in: 0...2_000, using: &rng)
            let distinct = trial % 3 == 0 ? 3 : 500
            let weights = (0..<n).map { _ in Float(1 + Int.random(in: 0..<distinct, using: &rng)) * 0.37 }
            let lengths = (0..<n).map { _ in Int.random(in: 1...6, using: &rng) }
            var items = (0..<n).map { RetrievedName(name: UInt32($0), weight: weights[$0]) }
            items.shuffle(using: &rng)
            let k = Int.random(in: 0...150, using: &rng)
            let expected = (0..<n).sorted { (a: Int, b: Int) -> Bool in
                if weights[a] != weights[b] { return weights[a] > weights[b] }
                if lengths[a] != lengths[b] { return lengths[a] < lengths[b] }
                return a < b
            }.prefix(k)
            var looked = 0
            keepFirstRetrieved(k, of: &items) { looked += 1; return lengths[Int($0)] }
            XCTAssertEqual(items.map { Int($0.name) }, Array(expected), "n \(n) k \(k)")
            if distinct == 500, n > 4 * k { XCTAssertLessThan(looked, n / 2, "lengths looked up only near the cut") }
        }
    }
}
