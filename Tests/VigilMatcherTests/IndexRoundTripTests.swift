import Dispatch
import Synchronization
import XCTest
import VigilIndex
import VigilLists
@testable import VigilMatcher
import VigilTestSupport

/// The index as a whole, through the file: real OFAC SDN + UN lists written, mapped and searched.
final class IndexRoundTripTests: XCTestCase {
    /// Every UN entity and every fourth OFAC entity is found by its exact primary name, scored as high
    /// as anything the name finds (other entities may share the name: `AL-QAIDA` is on both lists).
    func testEveryEntityIsFoundByItsExactPrimaryName() throws {
        let index = try TestData.ofacUNIndex.get()
        let matcher = Matcher(index: index)
        var checked = 0
        for e in 0..<index.entities.count {
            let id = index.entities.id(e)
            guard id.hasPrefix("un:") || e % 4 == 0 else { continue }
            let entity = try index.entities.entity(e).get()
            let matches = matcher.match(ScreeningQuery(name: entity.primaryName), limit: 100, minimumScore: 0.5)
            checked += 1
            guard let own = matches.first(where: { $0.entity.id == id }) else {
                XCTFail("\(id) \(entity.primaryName): not found; got \(matches.prefix(3).map(\.entity.id))")
                continue
            }
            XCTAssertEqual(own.score, matches[0].score, "\(id) \(entity.primaryName): \(matches[0].entity.id) scored higher")
            XCTAssertGreaterThanOrEqual(own.score, 0.99, "\(id) \(entity.primaryName)")
        }
        XCTAssertGreaterThan(checked, 1_003 + 3_800)
    }

    /// One mapped file, many threads: four threads screening the same names at once through one
    /// matcher, and a second matcher over the same mapping, give what one thread gives alone.
    func testConcurrentReadersOfOneMapping() throws {
        let index = try TestData.ofacUNIndex.get()
        let names = stride(from: 0, to: index.names.count, by: 211).map { index.text(of: index.names[$0]) }
            + ["Владимир Путин", "Kim Jong Un", "Ayman al Zawahri", "Jane Ordinary"]
        @Sendable func screenAll(_ m: Matcher) -> [[String]] {
            names.map { n in m.match(ScreeningQuery(name: n), limit: 5, minimumScore: 0.7).map { "\($0.entity.id) \($0.score)" } }
        }
        let shared = Matcher(index: index)
        let alone = screenAll(shared)
        XCTAssertGreaterThan(alone.filter { !$0.isEmpty }.count, names.count / 2)
        let results = Mutex<[[[String]]]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let r = screenAll(i == 3 ? Matcher(index: index) : shared)
            results.withLock { $0.append(r) }
        }
        let all = results.withLock { $0 }
        XCTAssertEqual(all.count, 4)
        for r in all { XCTAssertEqual(r, alone) }
    }
}
