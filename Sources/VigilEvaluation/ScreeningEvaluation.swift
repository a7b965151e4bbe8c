import VigilLists
import VigilMatcher
import VigilScreening

/// What a query should find: any one of `entityIDs` (ids as the index spells them, e.g. `un:6908000`).
public struct Expectation: Sendable, Equatable {
    public var entityIDs: [String]
    public var category: String
    /// Entities left out of the ranking (e.g. the query's own entry on its source list).
    public var ignoredIDs: [String]
    public init(entityIDs: [String], category: String, ignoredIDs: [String] = []) {
        self.entityIDs = entityIDs
        self.category = category
        self.ignoredIDs = ignoredIDs
    }

    /// 1-based rank of the first expected entity in `results` (scores descending) after dropping
    /// ignored entities, and its score. Ties share the better rank: the rank is 1 + the number of
    /// results scoring strictly higher, so an identical entry on another list does not push it down.
    public func rank(in results: [(id: String, score: Double)]) -> (rank: Int, score: Double)? {
        let kept = ignoredIDs.isEmpty ? results : results.filter { !ignoredIDs.contains($0.id) }
        guard let hit = kept.first(where: { entityIDs.contains($0.id) }) else { return nil }
        return (1 + kept.filter { $0.score > hit.score }.count, hit.score)
    }
}

public enum ExpectedFile {
    /// Reads `id,expected_entity_id[,category][,ignore_entity_ids]` with a header. The category column may be named
    /// `category` or `variant` (the shipped samples), else the third column is used. Alternatives
    /// are separated by `|` (any of them counts as found). An empty file (header only) means every
    /// query is a negative.
    public static func load(path: String) throws -> [String: Expectation] {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw EvaluationError.badFile(path: path, line: nil, reason: "\(error)") }
        guard let header = try reader.next()?.fields.map({ $0.lowercased() }) else { return [:] }
        guard let ci = header.firstIndex(of: "id"),
              let ce = header.firstIndex(of: "expected_entity_id") ?? header.firstIndex(of: "entity_id")
        else { throw EvaluationError.badFile(path: path, line: 1, reason: "header needs id,expected_entity_id[,category]") }
        let cc = header.firstIndex(of: "category") ?? header.firstIndex(of: "variant")
            ?? (header.count > 2 ? header.indices.first { $0 != ci && $0 != ce && header[$0] != "ignore_entity_ids" } : nil)
        let cx = header.firstIndex(of: "ignore_entity_ids")
        var out: [String: Expectation] = [:]
        while let r = try reader.next() {
            if r.fields == [""] { continue }
            guard r.fields.count > max(ci, ce) else {
                throw EvaluationError.badFile(path: path, line: r.line, reason: "expected \(header.count) fields, found \(r.fields.count)")
            }
            let ids = r.fields[ce].split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            guard !ids.isEmpty else { throw EvaluationError.badFile(path: path, line: r.line, reason: "empty expected_entity_id") }
            var category = cc.flatMap { $0 < r.fields.count ? r.fields[$0] : nil } ?? ""
            if category.isEmpty { category = "all" }
            let id = r.fields[ci]
            guard out[id] == nil else { throw EvaluationError.badFile(path: path, line: r.line, reason: "duplicate id \(id)") }
            let ignored = cx.flatMap { $0 < r.fields.count ? r.fields[$0] : nil }.map {
                $0.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            } ?? []
            out[id] = Expectation(entityIDs: ids, category: category, ignoredIDs: ignored)
        }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}

/// One screened query and where its expected entity came out.
public struct QueryOutcome: Sendable, Equatable {
    public var id: String
    public var category: String
    /// True when the query has an expectation (a positive).
    public var isPositive: Bool
    /// 1-based rank of the first expected entity among the top results; nil when absent.
    public var rank: Int?
    /// Score of the expected entity when found, else 0.
    public var expectedScore: Double
    /// Score of the top result, else 0.
    public var topScore: Double
    public var seconds: Double

    public init(id: String, category: String, isPositive: Bool, rank: Int?, expectedScore: Double, topScore: Double, seconds: Double) {
        self.id = id; self.category = category; self.isPositive = isPositive; self.rank = rank
        self.expectedScore = expectedScore; self.topScore = topScore; self.seconds = seconds
    }
}

/// Recall of one category of positives.
public struct RecallMetrics: Sendable, Equatable {
    public var category: String
    public var count: Int
    public var recallAt1: Double
    public var recallAt10: Double
    /// The expected entity is returned with a score at or above the threshold.
    public var recallAtThreshold: Double
}

public struct LatencySummary: Sendable, Equatable {
    public var count: Int
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var max: Double
    /// Computes percentiles of `seconds` (nearest rank); zeros when empty.
    public init(seconds: [Double]) {
        let s = seconds.sorted()
        count = s.count
        p50 = Metrics.percentile(sorted: s, 50) ?? 0
        p90 = Metrics.percentile(sorted: s, 90) ?? 0
        p99 = Metrics.percentile(sorted: s, 99) ?? 0
        max = s.last ?? 0
    }
}

public struct ScreeningReport: Sendable {
    public var name: String
    public var threshold: Double
    public var outcomes: [QueryOutcome]
    /// Positives whose expected ids are all absent from the index (left out of recall).
    public var unresolvable: Int
    public var overall: RecallMetrics?
    public var categories: [RecallMetrics]
    public var negatives: Int
    /// Share of negatives with any result at or above the threshold.
    public var alertRate: Double?
    public var latency: LatencySummary

    /// Metrics of outcomes; pure (tested without an index).
    public init(name: String, threshold: Double, outcomes: [QueryOutcome], unresolvable: Int = 0) {
        self.name = name
        self.threshold = threshold
        self.outcomes = outcomes
        self.unresolvable = unresolvable
        func recall(_ category: String, _ os: [QueryOutcome]) -> RecallMetrics {
            let n = Double(os.count)
            return RecallMetrics(
                category: category, count: os.count,
                recallAt1: Double(os.filter { $0.rank == 1 }.count) / n,
                recallAt10: Double(os.filter { ($0.rank ?? .max) <= 10 }.count) / n,
                recallAtThreshold: Double(os.filter { $0.rank != nil && $0.expectedScore >= threshold }.count) / n)
        }
        let positives = outcomes.filter(\.isPositive)
        overall = positives.isEmpty ? nil : recall("all", positives)
        var byCategory: [String: [QueryOutcome]] = [:]
        for o in positives { byCategory[o.category, default: []].append(o) }
        categories = byCategory.keys.sorted().map { recall($0, byCategory[$0]!) }
        let neg = outcomes.filter { !$0.isPositive }
        negatives = neg.count
        alertRate = neg.isEmpty ? nil : Double(neg.filter { $0.topScore >= threshold }.count) / Double(neg.count)
        latency = LatencySummary(seconds: outcomes.map(\.seconds))
    }
}

public enum ScreeningEvaluator {
    /// Screens every query one at a time on the calling thread (so latency is per query, not
    /// shared with other work), timing `Matcher.match` with the monotonic clock.
    /// - Parameters:
    ///   - reader: the queries, as `vigil screen` reads them.
    ///   - expected: query id -> expectation; queries absent from it are negatives.
    ///   - topK: results kept per query (recall@topK is the widest recall); ignored entities are
    ///     asked for on top, so they never crowd the expected one out.
    public static func run(
        name: String, reader: CustomerReader, expected: [String: Expectation], matcher: Matcher,
        threshold: Double = ScreeningOptions.defaultThreshold, topK: Int = 10
    ) throws -> ScreeningReport {
        var known = Set<String>()
        known.reserveCapacity(matcher.index.entities.count)
        for e in matcher.index.entities { known.insert(e.id) }
        var outcomes: [QueryOutcome] = []
        var unresolvable = 0
        while let row = try reader.next() {
            let exp = expected[row.customer.id]
            if let exp, !exp.entityIDs.contains(where: known.contains) {
                unresolvable += 1
                continue
            }
            let start = Clock.now()
            let matches = row.isScreenable ? matcher.match(row.customer.query, limit: topK + (exp?.ignoredIDs.count ?? 0), minimumScore: 0) : []
            let seconds = Clock.now() - start
            var rank: Int?
            var expectedScore = 0.0
            if let exp, let hit = exp.rank(in: matches.map { ($0.entity.id, $0.score) }) {
                rank = hit.rank
                expectedScore = hit.score
            }
            if let r = rank, r > topK { rank = nil; expectedScore = 0 }
            outcomes.append(QueryOutcome(
                id: row.customer.id, category: exp?.category ?? "negative", isPositive: exp != nil, rank: rank,
                expectedScore: expectedScore, topScore: matches.first?.score ?? 0, seconds: seconds))
        }
        return ScreeningReport(name: name, threshold: threshold, outcomes: outcomes, unresolvable: unresolvable)
    }
}
