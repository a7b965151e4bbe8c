import Dispatch
import VigilLists
import VigilMatcher
import VigilScreening

/// What retrieval costs in recall: each query is screened twice, by `Matcher.match` (postings,
/// then the best `Matcher.candidateLimit` names scored) and by `Matcher.bruteForceMatch` (every listed
/// name scored, same scoring), and the alerts compared. Issue 7's bar: retrieval keeps >= 99.5% of
/// the (query, entity) pairs brute force puts at or above the threshold.
public struct CandidateRecallReport: Sendable {
    /// One alert brute force raises and retrieval does not.
    public struct Miss: Sendable, Equatable {
        public var queryID: String
        public var query: String
        public var entityID: String
        /// The listed name brute force matched.
        public var matchedName: String
        public var score: Double
    }

    public var name: String
    public var threshold: Double
    /// Queries screened (a sample of the set, evenly spread).
    public var queries: Int
    /// (query, entity) pairs at or above the threshold when every listed name is scored.
    public var bruteForceAlerts: Int
    /// Of those, the pairs retrieval also returns at or above the threshold.
    public var retrievedAlerts: Int
    /// Labelled positives whose expected entity brute force puts at or above the threshold, and of
    /// those, the ones retrieval finds too.
    public var positivesByBruteForce: Int
    public var positivesRetrieved: Int
    /// Time of all queries, each on one thread: retrieval + scoring, and scoring every name.
    public var retrievalSeconds: Double
    public var bruteForceSeconds: Double
    public var misses: [Miss]

    /// Share of brute force's alerts that retrieval keeps (1 when brute force raises none).
    public var recall: Double { bruteForceAlerts == 0 ? 1 : Double(retrievedAlerts) / Double(bruteForceAlerts) }
    /// How many times faster retrieval is than scoring every name.
    public var speedup: Double { retrievalSeconds > 0 ? bruteForceSeconds / retrievalSeconds : 0 }

    /// Several sets' reports as one (their counts, times and misses added).
    public static func combined(_ reports: [CandidateRecallReport], name: String) -> CandidateRecallReport {
        func sum<T: AdditiveArithmetic>(_ field: KeyPath<CandidateRecallReport, T>) -> T { reports.reduce(.zero) { $0 + $1[keyPath: field] } }
        return CandidateRecallReport(
            name: name, threshold: reports.first?.threshold ?? 0, queries: sum(\.queries), bruteForceAlerts: sum(\.bruteForceAlerts),
            retrievedAlerts: sum(\.retrievedAlerts), positivesByBruteForce: sum(\.positivesByBruteForce), positivesRetrieved: sum(\.positivesRetrieved),
            retrievalSeconds: sum(\.retrievalSeconds), bruteForceSeconds: sum(\.bruteForceSeconds), misses: reports.flatMap(\.misses))
    }
}

public enum CandidateRecallEvaluator {
    /// Results asked for per query: far above the alerts a query raises, so no alert is cut by the limit.
    static let resultLimit = 1_000

    /// Screens up to `sample` queries of `reader` (every k-th row) both ways on all cores.
    /// - Parameter expected: query id -> expectation; queries absent from it are negatives.
    public static func run(name: String, reader: CustomerReader, expected: [String: Expectation], matcher: Matcher,
                           threshold: Double = ScreeningOptions.defaultThreshold, sample: Int = 300) throws -> CandidateRecallReport {
        var rows: [CustomerRow] = []
        while let row = try reader.next() {
            if row.isScreenable { rows.append(row) }
        }
        let step = max(1, (rows.count + max(1, sample) - 1) / max(1, sample))
        let picked = stride(from: 0, to: rows.count, by: step).map { rows[$0] }
        struct Outcome {
            /// Entities retrieval returns at or above the threshold.
            var retrieved: Set<String> = []
            var bruteForce: [(id: String, name: String, score: Double)] = []
            var retrievalSeconds = 0.0
            var bruteForceSeconds = 0.0
        }
        var outcomes = [Outcome](repeating: Outcome(), count: picked.count)
        let lanes = max(1, min(Machine.coreCount, picked.count))
        outcomes.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for i in stride(from: lane, to: picked.count, by: lanes) {
                    let query = picked[i].customer.query
                    let t0 = Clock.now()
                    let r = matcher.match(query, limit: resultLimit, minimumScore: threshold)
                    let t1 = Clock.now()
                    let b = matcher.bruteForceMatch(query, limit: resultLimit, minimumScore: threshold)
                    let t2 = Clock.now()
                    out[i] = Outcome(retrieved: Set(r.map(\.entity.id)), bruteForce: b.map { ($0.entity.id, $0.matchedName, $0.score) },
                                     retrievalSeconds: t1 - t0, bruteForceSeconds: t2 - t1)
                }
            }
        }
        var report = CandidateRecallReport(name: name, threshold: threshold, queries: picked.count, bruteForceAlerts: 0, retrievedAlerts: 0,
                                           positivesByBruteForce: 0, positivesRetrieved: 0, retrievalSeconds: 0, bruteForceSeconds: 0, misses: [])
        for (row, o) in zip(picked, outcomes) {
            let found = o.retrieved
            report.bruteForceAlerts += o.bruteForce.count
            report.retrievedAlerts += o.bruteForce.filter { found.contains($0.id) }.count
            for m in o.bruteForce where !found.contains(m.id) {
                report.misses.append(.init(queryID: row.customer.id, query: row.customer.name, entityID: m.id, matchedName: m.name, score: m.score))
            }
            if let exp = expected[row.customer.id], o.bruteForce.contains(where: { exp.entityIDs.contains($0.id) }) {
                report.positivesByBruteForce += 1
                if exp.entityIDs.contains(where: found.contains) { report.positivesRetrieved += 1 }
            }
            report.retrievalSeconds += o.retrievalSeconds
            report.bruteForceSeconds += o.bruteForceSeconds
        }
        return report
    }
}
