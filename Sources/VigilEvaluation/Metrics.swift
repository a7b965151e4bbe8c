/// Pure metric code: confusion counts, precision/recall/F1, PR curves, best F1, percentiles.
/// No I/O; every function here is unit-tested with hand-computed expectations.

/// A scored, labelled observation: a pair's score and whether it is a true match.
public struct ScoredLabel: Sendable, Equatable {
    public var score: Double
    public var isMatch: Bool
    public init(score: Double, isMatch: Bool) {
        self.score = score
        self.isMatch = isMatch
    }
}

/// Counts at one threshold; an observation is predicted a match when `score >= threshold`.
public struct Confusion: Sendable, Equatable {
    public var tp = 0, fp = 0, fn = 0, tn = 0

    public init(tp: Int = 0, fp: Int = 0, fn: Int = 0, tn: Int = 0) {
        self.tp = tp; self.fp = fp; self.fn = fn; self.tn = tn
    }

    public init(_ observations: some Sequence<ScoredLabel>, threshold: Double) {
        for o in observations {
            switch (o.isMatch, o.score >= threshold) {
            case (true, true): tp += 1
            case (true, false): fn += 1
            case (false, true): fp += 1
            case (false, false): tn += 1
            }
        }
    }

    /// 1 when nothing is predicted positive (no false alarms were raised).
    public var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
    /// 1 when there are no positives to find.
    public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    /// Harmonic mean of precision and recall; 0 when both are 0.
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    public var count: Int { tp + fp + fn + tn }
}

/// One point of a precision-recall curve.
public struct PRPoint: Sendable, Equatable {
    public var threshold: Double
    public var precision: Double
    public var recall: Double
    public var f1: Double
}

public enum Metrics {
    /// The thresholds the curve and the best-F1 search use: 0.00, 0.01, ... 1.00.
    public static let thresholdGrid: [Double] = (0...100).map { Double($0) / 100 }

    /// Precision, recall and F1 at each threshold of `thresholds`.
    /// - Complexity: O(n log n + t) for n observations and t thresholds.
    public static func prCurve(_ observations: [ScoredLabel], thresholds: [Double] = thresholdGrid) -> [PRPoint] {
        // Sort scores descending once, then sweep thresholds descending.
        let sorted = observations.sorted { $0.score > $1.score }
        let positives = observations.filter(\.isMatch).count
        var points: [PRPoint] = []
        points.reserveCapacity(thresholds.count)
        var i = 0, tp = 0, fp = 0
        for t in thresholds.sorted(by: >) {
            while i < sorted.count, sorted[i].score >= t {
                if sorted[i].isMatch { tp += 1 } else { fp += 1 }
                i += 1
            }
            let c = Confusion(tp: tp, fp: fp, fn: positives - tp, tn: 0)
            points.append(PRPoint(threshold: t, precision: c.precision, recall: c.recall, f1: c.f1))
        }
        return points.reversed()
    }

    /// The point with the highest F1; on a tie, the lowest threshold.
    public static func bestF1(_ curve: [PRPoint]) -> PRPoint? {
        var best: PRPoint?
        for p in curve where best == nil || p.f1 > best!.f1 { best = p }
        return best
    }

    /// The nearest-rank percentile (`p` in 0...100) of `values`; nil when empty.
    /// p50 of [1, 2, 3, 4] is 2; p99 of 100 values is the 99th smallest.
    public static func percentile(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return percentile(sorted: sorted, p)
    }

    /// As `percentile(_:_:)` on values already sorted ascending.
    public static func percentile(sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }

    /// Counts per bin of `bins` equal-width bins over 0...1 (a score of 1 goes in the last bin).
    public static func histogram(_ scores: [Double], bins: Int = 20) -> [Int] {
        var counts = [Int](repeating: 0, count: bins)
        for s in scores {
            let b = min(bins - 1, max(0, Int(s * Double(bins))))
            counts[b] += 1
        }
        return counts
    }
}
