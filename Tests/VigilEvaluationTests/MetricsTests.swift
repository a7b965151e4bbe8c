import XCTest
@testable import VigilEvaluation

/// Hand-computed expectations for the pure metric code.
final class MetricsTests: XCTestCase {
    // 0.9 match, 0.8 non-match, 0.7 match, 0.4 non-match.
    let obs = [ScoredLabel(score: 0.9, isMatch: true), ScoredLabel(score: 0.8, isMatch: false),
               ScoredLabel(score: 0.7, isMatch: true), ScoredLabel(score: 0.4, isMatch: false)]

    func testConfusionAtThreshold() {
        let c = Confusion(obs, threshold: 0.75)
        XCTAssertEqual(c, Confusion(tp: 1, fp: 1, fn: 1, tn: 1))
        XCTAssertEqual(c.precision, 0.5)
        XCTAssertEqual(c.recall, 0.5)
        XCTAssertEqual(c.f1, 0.5)
        let low = Confusion(obs, threshold: 0.6)  // tp 2, fp 1: P 2/3, R 1, F1 0.8
        XCTAssertEqual(low.precision, 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(low.recall, 1)
        XCTAssertEqual(low.f1, 0.8, accuracy: 1e-12)
    }

    func testScoreEqualToThresholdIsPredictedMatch() {
        XCTAssertEqual(Confusion([ScoredLabel(score: 0.8, isMatch: true)], threshold: 0.8).tp, 1)
    }

    func testEmptyEdges() {
        let none = Confusion()
        XCTAssertEqual(none.precision, 1)  // nothing predicted: no false alarms
        XCTAssertEqual(none.recall, 1)     // nothing to find
        let allMissed = Confusion(tp: 0, fp: 0, fn: 3, tn: 0)
        XCTAssertEqual(allMissed.f1, 2 * 1 * 0 / 1)  // P 1, R 0 -> F1 0
        XCTAssertEqual(Confusion(tp: 0, fp: 2, fn: 2, tn: 0).f1, 0)  // P 0, R 0
    }

    func testPRCurveMatchesConfusionAtEveryThreshold() {
        let curve = Metrics.prCurve(obs)
        XCTAssertEqual(curve.count, 101)
        XCTAssertEqual(curve.first?.threshold, 0)
        XCTAssertEqual(curve.last?.threshold, 1)
        for p in curve {
            let c = Confusion(obs, threshold: p.threshold)
            XCTAssertEqual(p.precision, c.precision, accuracy: 1e-12, "at \(p.threshold)")
            XCTAssertEqual(p.recall, c.recall, accuracy: 1e-12, "at \(p.threshold)")
        }
        let at85 = curve.first { $0.threshold == 0.85 }!
        XCTAssertEqual(at85.precision, 1)
        XCTAssertEqual(at85.recall, 0.5)
        XCTAssertEqual(at85.f1, 2.0 / 3, accuracy: 1e-12)
        let at30 = curve.first { $0.threshold == 0.3 }!  // all predicted: P 0.5, R 1
        XCTAssertEqual(at30.f1, 2.0 / 3, accuracy: 1e-12)
    }

    func testBestF1TakesLowestThresholdOfTheBestPlateau() {
        // F1 0.8 on (0.4, 0.7]; the grid's lowest such threshold is 0.41.
        let best = Metrics.bestF1(Metrics.prCurve(obs))!
        XCTAssertEqual(best.f1, 0.8, accuracy: 1e-12)
        XCTAssertEqual(best.threshold, 0.41, accuracy: 1e-12)
        XCTAssertNil(Metrics.bestF1([]))
    }

    func testPercentileNearestRank() {
        XCTAssertEqual(Metrics.percentile([4, 1, 3, 2], 50), 2)
        XCTAssertEqual(Metrics.percentile([4, 1, 3, 2], 90), 4)
        XCTAssertEqual(Metrics.percentile([4, 1, 3, 2], 0), 1)
        XCTAssertEqual(Metrics.percentile((1...100).map(Double.init), 99), 99)
        XCTAssertEqual(Metrics.percentile((1...100).map(Double.init), 100), 100)
        XCTAssertEqual(Metrics.percentile([7], 99), 7)
        XCTAssertNil(Metrics.percentile([], 50))
    }

    func testHistogramBins() {
        XCTAssertEqual(Metrics.histogram([0, 0.05, 0.5, 0.99, 1.0], bins: 20),
                       [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2])
        XCTAssertEqual(Metrics.histogram([-0.1, 1.5], bins: 2), [1, 1])
    }

    func testLatencySummary() {
        let l = LatencySummary(seconds: (1...10).map { Double($0) / 1000 })
        XCTAssertEqual(l.count, 10)
        XCTAssertEqual(l.p50, 0.005)
        XCTAssertEqual(l.p90, 0.009)
        XCTAssertEqual(l.p99, 0.010)
        XCTAssertEqual(l.max, 0.010)
        XCTAssertEqual(LatencySummary(seconds: []).p50, 0)
    }
}
