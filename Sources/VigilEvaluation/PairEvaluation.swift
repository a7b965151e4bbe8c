import VigilLists
import VigilMatcher

/// A labelled name pair: nomenklatura name_bench `cases.csv` or a generic `name1,name2,is_match[,category]`.
public struct LabelledPair: Sendable, Equatable {
    public var name1: String
    public var name2: String
    public var isMatch: Bool
    /// `category`, else `case_group`, else `all`.
    public var category: String
    /// `Person` unless the file says otherwise.
    public var schema: String

    public init(name1: String, name2: String, isMatch: Bool, category: String = "all", schema: String = "Person") {
        self.name1 = name1; self.name2 = name2; self.isMatch = isMatch; self.category = category; self.schema = schema
    }
}

public enum EvaluationError: Error, CustomStringConvertible, Equatable {
    case badFile(path: String, line: Int?, reason: String)

    public var description: String {
        switch self {
        case let .badFile(path, line, reason): return line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)"
        }
    }
}

public enum PairFile {
    /// Reads a pairs CSV with a header holding name1, name2, is_match and optionally category,
    /// case_group, schema. is_match is true/false/1/0; a bad row is an error with file:line.
    public static func load(path: String) throws -> [LabelledPair] {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw EvaluationError.badFile(path: path, line: nil, reason: "\(error)") }
        guard let header = try reader.next()?.fields.map({ $0.lowercased() }) else {
            throw EvaluationError.badFile(path: path, line: nil, reason: "empty")
        }
        guard let c1 = header.firstIndex(of: "name1"), let c2 = header.firstIndex(of: "name2"),
              let cm = header.firstIndex(of: "is_match")
        else { throw EvaluationError.badFile(path: path, line: 1, reason: "header needs name1,name2,is_match") }
        let cc = header.firstIndex(of: "category"), cs = header.firstIndex(of: "schema"), cg = header.firstIndex(of: "case_group")
        var pairs: [LabelledPair] = []
        while let r = try reader.next() {
            if r.fields == [""] { continue }
            guard r.fields.count == header.count else {
                throw EvaluationError.badFile(path: path, line: r.line, reason: "expected \(header.count) fields, found \(r.fields.count)")
            }
            let label = r.fields[cm].lowercased()
            guard ["true", "false", "1", "0"].contains(label) else {
                throw EvaluationError.badFile(path: path, line: r.line, reason: "is_match must be true or false")
            }
            var category = cc.map { r.fields[$0] } ?? ""
            if category.isEmpty { category = cg.map { r.fields[$0] } ?? "" }
            if category.isEmpty { category = "all" }
            var schema = cs.map { r.fields[$0] } ?? ""
            if schema.isEmpty { schema = "Person" }
            pairs.append(LabelledPair(name1: r.fields[c1], name2: r.fields[c2], isMatch: label == "true" || label == "1",
                                      category: category, schema: schema))
        }
        return pairs
    }
}

/// A pair with Vigil's score and the explanation summary.
public struct ScoredPair: Sendable {
    public var pair: LabelledPair
    public var score: Double
    public var why: String
}

/// Headline figures of one group of labelled observations.
public struct PairGroupMetrics: Sendable, Equatable {
    public var key: String
    public var count: Int
    public var matches: Int
    public var atThreshold: Confusion
    public var best: PRPoint?
}

public struct PairReport: Sendable {
    public var name: String
    public var threshold: Double
    public var scored: [ScoredPair]
    public var overall: PairGroupMetrics
    /// Per `schema/category`, sorted by key.
    public var groups: [PairGroupMetrics]
    public var curve: [PRPoint]

    /// Pairs on the wrong side of the threshold, the most confidently wrong first.
    public var misclassified: [ScoredPair] {
        scored.filter { ($0.score >= threshold) != $0.pair.isMatch }
            .sorted { abs($0.score - threshold) > abs($1.score - threshold) }
    }
}

public enum PairEvaluator {
    /// Scores every pair with `Matcher.compare` (the index supplies token rarity).
    public static func score(_ pairs: [LabelledPair], matcher: Matcher) -> [ScoredPair] {
        pairs.map { p in
            let (s, e) = matcher.compare(p.name1, p.name2, listedIsPerson: p.schema == "Person")
            return ScoredPair(pair: p, score: s, why: e.summary)
        }
    }

    /// Metrics of already-scored pairs; pure (tested without an index).
    public static func report(name: String, scored: [ScoredPair], threshold: Double) -> PairReport {
        func group(_ key: String, _ ps: [ScoredPair]) -> PairGroupMetrics {
            let obs = ps.map { ScoredLabel(score: $0.score, isMatch: $0.pair.isMatch) }
            return PairGroupMetrics(key: key, count: ps.count, matches: ps.filter(\.pair.isMatch).count,
                                    atThreshold: Confusion(obs, threshold: threshold), best: Metrics.bestF1(Metrics.prCurve(obs)))
        }
        var byKey: [String: [ScoredPair]] = [:]
        for s in scored { byKey["\(s.pair.schema)/\(s.pair.category)", default: []].append(s) }
        let curve = Metrics.prCurve(scored.map { ScoredLabel(score: $0.score, isMatch: $0.pair.isMatch) })
        return PairReport(name: name, threshold: threshold, scored: scored, overall: group("all", scored),
                          groups: byKey.keys.sorted().map { group($0, byKey[$0]!) }, curve: curve)
    }
}
