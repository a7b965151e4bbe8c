import XCTest
@testable import VigilScreening

final class LatencyHistogramTests: XCTestCase {
    /// Percentiles are exact below a millisecond and within 1/512 above, whatever the run's length;
    /// per-worker histograms merge to the whole.
    func testPercentilesAndMerge() {
        var whole = LatencyHistogram(), odd = LatencyHistogram(), even = LatencyHistogram()
        for v in UInt64(1)...20_000 {
            whole.record(microseconds: v)
            if v % 2 == 1 { odd.record(microseconds: v) } else { even.record(microseconds: v) }
        }
        odd.merge(even)
        for h in [whole, odd] {
            XCTAssertEqual(h.count, 20_000)
            XCTAssertEqual(h.maxMicroseconds, 20_000)
            XCTAssertEqual(h.percentile(0.04), 800)  // exact below 1,024 µs
            for (fraction, value) in [(0.5, 10_000.0), (0.99, 19_800.0), (0.999, 19_980.0)] {
                let p = Double(h.percentile(fraction))
                XCTAssertGreaterThanOrEqual(p, value)
                XCTAssertLessThanOrEqual(p, value * (1 + 1.0 / 512))
            }
            XCTAssertEqual(h.percentile(1), 20_000)
        }
        XCTAssertEqual(LatencyHistogram().percentile(0.99), 0)
        var huge = LatencyHistogram()
        huge.record(microseconds: .max)
        XCTAssertEqual(huge.percentile(0.5), .max)
    }
}
