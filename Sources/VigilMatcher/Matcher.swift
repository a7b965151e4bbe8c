import VigilIndex
import VigilLists
import VigilNormalization

/// Finds listed entities for a query: trigram candidates from the index, then rarity-weighted name
/// scoring and attribute adjustments, best name per entity, sorted by score.
public final class Matcher: Sendable {
    public let index: SearchIndex
    private let normalizer: NameNormalizer
    /// Listed token skeletons, computed once at load (the matcher's hot loop reads them).
    private let tokenSkeletons: [[UInt8]]
    /// Rarity weight of each listed token, stop words and legal forms damped.
    private let tokenWeights: [Double]

    /// How many names, at most, get full scoring per query.
    public static let candidateLimit = 300

    public init(index: SearchIndex, normalizer: NameNormalizer = .shared) {
        self.index = index
        self.normalizer = normalizer
        self.tokenSkeletons = index.tokenBytes.map(PhoneticKey.skeleton)
        self.tokenWeights = index.tokens.indices.map { i in
            Self.damp(index.tokens[i], Double(index.rarity(ofTokenID: UInt32(i))))
        }
    }

    static func damp(_ token: String, _ weight: Double) -> Double {
        if Vocabulary.stopWords.contains(token) || Vocabulary.legalForms[token] != nil { return weight * 0.2 }
        return weight
    }

    /// - Parameters:
    ///   - limit: most matches returned.
    ///   - minimumScore: matches below this are not returned (context matches under the alert threshold
    ///     are still returned when above it).
    /// - Complexity: O(postings of the query's trigrams + candidateLimit × tokens²).
    public func match(_ query: ScreeningQuery, limit: Int = 10, minimumScore: Double = 0.5) -> [Match] {
        let normalized = normalizer.normalize(query.name)
        guard !normalized.tokens.isEmpty, limit > 0 else { return [] }
        let querySides = sides(normalized.tokens)

        var best: [UInt32: Match] = [:]
        for nameID in candidates(for: normalized.tokens) {
            let name = index.names[Int(nameID)]
            let listedSides = name.tokens.enumerated().map { i, t in
                NameScorer.Side(
                    text: index.tokens[Int(t)], bytes: index.tokenBytes[Int(t)], skeleton: tokenSkeletons[Int(t)],
                    weight: tokenWeights[Int(t)], covers: [i])
            }
            var explanation = Explanation()
            let entity = index.entities[Int(name.entity)]
            let isPerson = entity.schema == .person || entity.schema == .unknown
            var score = NameScorer.score(query: querySides, listed: listedSides, isPerson: isPerson, explanation: &explanation)
            let listedName = entity.names[Int(name.slot)]
            if listedName.type == .weakAka || listedName.quality?.lowercased() == "low" {
                score *= 0.9
                explanation.attributes.append(.init(attribute: "name_quality", delta: -score / 9, reason: "weak or low-quality alias"))
            }
            if score < minimumScore - 0.2 { continue }
            score += AttributeScorer.apply(query, entity, to: &explanation)
            score = min(1, max(0, score))
            guard score >= minimumScore else { continue }
            if let existing = best[name.entity], existing.score >= score { continue }
            best[name.entity] = Match(entity: entity, matchedName: listedName.value, score: score, explanation: explanation)
        }
        var out = Array(best.values)
        out.sort { $0.score != $1.score ? $0.score > $1.score : $0.entity.id < $1.entity.id }
        return Array(out.prefix(limit))
    }

    /// Tokens as the scorer sees them, weighted by their rarity in this index.
    func sides(_ tokens: [String]) -> [NameScorer.Side] {
        tokens.enumerated().map { i, t in
            let bytes = Array(t.utf8)
            return NameScorer.Side(
                text: t, bytes: bytes, skeleton: PhoneticKey.skeleton(bytes),
                weight: Self.damp(t, Double(index.rarity(of: t))), covers: [i])
        }
    }

    /// Scores two names against each other, with this index's token rarity, as if `listed` were on a
    /// list (no retrieval, no attributes): for evaluation on labelled pairs and for explaining a pair.
    public func compare(_ query: String, _ listed: String, listedIsPerson: Bool = true) -> (score: Double, explanation: Explanation) {
        let q = normalizer.normalize(query).tokens
        let l = normalizer.normalize(listed, stripHonorifics: listedIsPerson).tokens
        guard !q.isEmpty, !l.isEmpty else { return (0, Explanation()) }
        var explanation = Explanation()
        let s = NameScorer.score(query: sides(q), listed: sides(l), isPerson: listedIsPerson, explanation: &explanation)
        return (min(1, max(0, s)), explanation)
    }

    /// Names sharing enough rare trigrams with the query, best first, at most `candidateLimit`.
    func candidates(for tokens: [String]) -> [UInt32] {
        var grams: Set<UInt32> = []
        for t in tokens { Grams.forEachTerm(in: t) { grams.insert($0) } }
        let total = Double(index.names.count)
        var scores: [UInt32: Double] = [:]
        var queryWeight = 0.0
        for g in grams {
            let postings = index.postings(forGram: g)
            let w = log1p(total / Double(postings.count + 1))
            queryWeight += w
            // Very common grams add cost and little signal when the query has others.
            if postings.count > index.names.count / 8 && grams.count > 4 { continue }
            for id in postings { scores[id, default: 0] += w }
        }
        let floor = queryWeight * 0.3
        var ranked = scores.filter { $0.value >= floor }.map { ($0.key, $0.value) }
        ranked.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return ranked.prefix(Self.candidateLimit).map(\.0)
    }
}

/// ln(1 + x) for weights; precision is not critical here.
@inline(__always)
func log1p(_ x: Double) -> Double {
    guard x > 0 else { return 0 }
    let y = 1 + x
    let k = Double(y.exponent)
    let m = y.significand
    let z = (m - 1) / (m + 1)
    let z2 = z * z
    var term = z, sum = 0.0, n = 1.0
    for _ in 0..<10 { sum += term / n; term *= z2; n += 2 }
    return k * 0.6931471805599453 + 2 * sum
}
