import XCTest
import VigilMatcher
import VigilScreening
import VigilTestSupport
@testable import VigilEvaluation

/// The shipped samples (data/ is in the repository, so this never needs ../shared/data).
final class SampleEvaluationTests: XCTestCase {
    func testShippedSamplesEvaluateAsIs() throws {
        let index = try TestData.defaultIndex.get()
        let dir = TestData.dataDirectory + "/samples"
        let expected = try ExpectedFile.load(path: dir + "/customers_expected.csv")
        XCTAssertEqual(expected.count, 64)
        let r = try ScreeningEvaluator.run(name: "samples", reader: try CustomerReader(path: dir + "/customers.csv"),
                                           expected: expected, matcher: Matcher(index: index))
        XCTAssertEqual(r.outcomes.count + r.unresolvable, 200)
        XCTAssertEqual(r.unresolvable, 0)
        XCTAssertEqual(r.overall?.count, 64)
        XCTAssertEqual(r.negatives, 136)
        XCTAssertGreaterThan(r.overall?.recallAt10 ?? 0, 0.8)
        XCTAssertLessThan(r.alertRate ?? 1, 0.2)
        XCTAssertGreaterThan(r.latency.p50, 0)
        XCTAssertFalse(r.categories.isEmpty)
    }

    func testSharedDataSetsSkipCleanly() throws {
        try XCTSkipUnless(TestData.hasShared, "../shared/data absent")
        let cases = TestData.sharedDirectory + "/eval/nomenklatura_name_bench/cases.csv"
        let pairs = try PairFile.load(path: cases)
        XCTAssertGreaterThan(pairs.count, 800)
        let r = PairEvaluator.report(name: "name_bench", scored: PairEvaluator.score(pairs, matcher: Matcher(index: try TestData.ofacUNIndex.get())),
                                     threshold: ScreeningOptions.defaultThreshold)
        XCTAssertGreaterThan(r.overall.best?.f1 ?? 0, 0.5)
    }
}
