import VigilLists

/// Other scorers' scores for the same pairs (`tools/peers/score_pairs.py` output): columns
/// name1,name2,is_match,category then one column per scorer; an empty cell means not scored.
public struct PeerScores: Sendable {
    public var scorers: [String]
    public var rows: [(pair: LabelledPair, scores: [Double?])]

    public static func load(path: String) throws -> PeerScores {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw EvaluationError.badFile(path: path, line: nil, reason: "\(error)") }
        guard let header = try reader.next()?.fields else { throw EvaluationError.badFile(path: path, line: nil, reason: "empty") }
        let fixed = ["name1", "name2", "is_match", "category", "schema"]
        guard Array(header.prefix(3)) == Array(fixed.prefix(3)) else {
            throw EvaluationError.badFile(path: path, line: 1, reason: "header must start name1,name2,is_match")
        }
        let cc = header.firstIndex(of: "category"), cs = header.firstIndex(of: "schema")
        let scoreColumns = header.indices.filter { !fixed.contains(header[$0]) }
        var rows: [(pair: LabelledPair, scores: [Double?])] = []
        while let r = try reader.next() {
            if r.fields == [""] { continue }
            guard r.fields.count == header.count else {
                throw EvaluationError.badFile(path: path, line: r.line, reason: "expected \(header.count) fields, found \(r.fields.count)")
            }
            let label = r.fields[2].lowercased()
            let pair = LabelledPair(name1: r.fields[0], name2: r.fields[1], isMatch: label == "true" || label == "1",
                                    category: cc.map { r.fields[$0] } ?? "all", schema: cs.map { r.fields[$0] } ?? "Person")
            rows.append((pair, scoreColumns.map { Double(r.fields[$0]) }))
        }
        return PeerScores(scorers: scoreColumns.map { header[$0] }, rows: rows)
    }
}

/// One scorer's figures on the shared pairs: best F1 over thresholds, and per category F1 at that threshold.
public struct ScorerSummary: Sendable, Equatable {
    public var scorer: String
    public var count: Int
    public var best: PRPoint
    public var categoryF1: [String: Double]
    /// Pairs per category this scorer scored.
    public var categoryCount: [String: Int] = [:]

    /// - Parameter fixedThreshold: evaluate at this threshold instead of the scorer's best.
    public static func summarize(_ scorer: String, _ rows: [(category: String, label: ScoredLabel)], fixedThreshold: Double? = nil) -> ScorerSummary? {
        guard !rows.isEmpty else { return nil }
        let obs = rows.map(\.label)
        let point: PRPoint
        if let t = fixedThreshold {
            let c = Confusion(obs, threshold: t)
            point = PRPoint(threshold: t, precision: c.precision, recall: c.recall, f1: c.f1)
        } else {
            guard let b = Metrics.bestF1(Metrics.prCurve(obs)) else { return nil }
            point = b
        }
        var byCategory: [String: [ScoredLabel]] = [:]
        for r in rows { byCategory[r.category, default: []].append(r.label) }
        return ScorerSummary(scorer: scorer, count: rows.count, best: point,
                             categoryF1: byCategory.mapValues { Confusion($0, threshold: point.threshold).f1 },
                             categoryCount: byCategory.mapValues(\.count))
    }
}

public enum PeerComparison {
    /// Vigil (at its threshold and at its best) beside each peer scorer, on the peer file's pairs.
    /// Vigil's scores are looked up by (name1, name2) in `vigil`; pairs it did not score are skipped.
    public static func compare(peers: PeerScores, vigil: [ScoredPair], threshold: Double) -> [ScorerSummary] {
        var lookup: [String: Double] = [:]
        for s in vigil { lookup[s.pair.name1 + "\u{1}" + s.pair.name2] = s.score }
        let vigilRows = peers.rows.compactMap { row -> (category: String, label: ScoredLabel)? in
            guard let s = lookup[row.pair.name1 + "\u{1}" + row.pair.name2] else { return nil }
            return (row.pair.category, ScoredLabel(score: s, isMatch: row.pair.isMatch))
        }
        var out: [ScorerSummary] = []
        if let v = ScorerSummary.summarize("vigil@\(fmt3(threshold))", vigilRows, fixedThreshold: threshold) { out.append(v) }
        if let v = ScorerSummary.summarize("vigil (best)", vigilRows) { out.append(v) }
        for (i, name) in peers.scorers.enumerated() {
            let rows = peers.rows.compactMap { row -> (category: String, label: ScoredLabel)? in
                guard let s = row.scores[i] else { return nil }
                return (row.pair.category, ScoredLabel(score: s, isMatch: row.pair.isMatch))
            }
            if let s = ScorerSummary.summarize(name + " (best)", rows) { out.append(s) }
        }
        return out
    }
}
