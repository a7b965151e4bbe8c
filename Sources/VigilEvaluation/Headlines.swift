import Foundation

/// Headline numbers per set and category (`docs/eval/baseline.json` holds one of these).
/// Layout: `{"threshold": 0.8, "sets": {set: {category: {metric: value}}}}`.
public struct Headlines: Sendable, Equatable {
    public var threshold: Double
    public var sets: [String: [String: [String: Double]]]

    public init(threshold: Double, sets: [String: [String: [String: Double]]] = [:]) {
        self.threshold = threshold
        self.sets = sets
    }

    /// Metrics where higher is worse; a rise beyond the tolerance is the regression.
    public static let lowerIsBetter: Set<String> = ["alert_rate"]
    /// Metrics not compared (wall clock varies by machine; sizes are context).
    public static let informational: Set<String> = ["p50_ms", "p90_ms", "p99_ms", "n", "best_threshold", "unresolvable"]

    public mutating func add(_ r: PairReport) {
        var cats: [String: [String: Double]] = [:]
        for g in [r.overall] + r.groups {
            var m = ["n": Double(g.count), "precision": g.atThreshold.precision, "recall": g.atThreshold.recall, "f1": g.atThreshold.f1]
            if let b = g.best { m["best_f1"] = b.f1; m["best_threshold"] = b.threshold }
            cats[g.key] = m
        }
        sets[r.name] = cats
    }

    public mutating func add(_ r: ScreeningReport) {
        var cats: [String: [String: Double]] = [:]
        for c in (r.overall.map { [$0] } ?? []) + r.categories {
            cats[c.category] = ["n": Double(c.count), "recall_at_1": c.recallAt1, "recall_at_10": c.recallAt10,
                                "recall_at_threshold": c.recallAtThreshold]
        }
        if let a = r.alertRate { cats["negative"] = ["n": Double(r.negatives), "alert_rate": a] }
        cats["latency"] = ["p50_ms": r.latency.p50 * 1000, "p90_ms": r.latency.p90 * 1000, "p99_ms": r.latency.p99 * 1000]
        if r.unresolvable > 0 { cats["all", default: [:]]["unresolvable"] = Double(r.unresolvable) }
        sets[r.name] = cats
    }

    /// A metric that moved the wrong way by more than the tolerance.
    public struct Regression: Sendable, Equatable, CustomStringConvertible {
        public var set: String, category: String, metric: String
        public var baseline: Double, current: Double
        public var description: String {
            "\(set) / \(category) / \(metric): \(fmt3(baseline)) -> \(fmt3(current))"
        }
    }

    /// Regressions of `self` (current) against `baseline`: a compared metric lower by more than
    /// `tolerance` (higher, for alert rates). Sets, categories or metrics missing on either side are
    /// skipped. Sorted by set, category, metric.
    public func regressions(against baseline: Headlines, tolerance: Double = 0.01) -> [Regression] {
        var out: [Regression] = []
        for (set, cats) in baseline.sets {
            guard let curCats = sets[set] else { continue }
            for (cat, metrics) in cats {
                guard let cur = curCats[cat] else { continue }
                for (metric, old) in metrics where !Self.informational.contains(metric) {
                    guard let new = cur[metric] else { continue }
                    let worse = Self.lowerIsBetter.contains(metric) ? new - old > tolerance : old - new > tolerance
                    if worse { out.append(Regression(set: set, category: cat, metric: metric, baseline: old, current: new)) }
                }
            }
        }
        return out.sorted { ($0.set, $0.category, $0.metric) < ($1.set, $1.category, $1.metric) }
    }

    public func jsonData() throws -> Data {
        let rounded = sets.mapValues { $0.mapValues { $0.mapValues { ($0 * 10000).rounded() / 10000 } } }
        let obj: [String: Any] = ["threshold": threshold, "sets": rounded]
        return try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    public init(jsonData: Data) throws {
        guard let obj = try JSONSerialization.jsonObject(with: jsonData) as? [String: Any],
              let sets = obj["sets"] as? [String: [String: [String: Double]]]
        else { throw EvaluationError.badFile(path: "baseline", line: nil, reason: "expected {\"threshold\":…, \"sets\":{set:{category:{metric:number}}}}") }
        self.threshold = obj["threshold"] as? Double ?? 0
        self.sets = sets
    }
}

func fmt3(_ d: Double) -> String { String(format: "%.3f", d) }
func fmtMs(_ s: Double) -> String { String(format: "%.2f", s * 1000) }
