import VigilIndex
import VigilNormalization

/// Scores a query name against one listed name: order-free one-to-one token alignment (joined/split
/// tokens allowed), each pair on the better of spelling and transliteration skeleton, weighted by
/// rarity. Unmatched tokens penalize asymmetrically: a customer's extra token costs less than a
/// listed token the customer lacks.
struct NameScorer {
    /// Weight factor of query tokens with no partner (extra middle names are common).
    static let unmatchedQueryFactor = 0.5
    /// Weight factor of listed tokens with no partner (patronymics, second given names).
    static let unmatchedListedFactor = 0.6
    /// A token pair below this similarity does not align.
    static let minimumPairSimilarity = 0.70
    /// A joined pair ("abdul rahman" ~ "abdulrahman") must be nearly exact.
    static let minimumJoinedSimilarity = 0.90

    struct Side {
        var text: String
        var form: TokenForm
        var weight: Double
        /// Indices of the original tokens this (possibly joined) token covers.
        var covers: [Int]
        /// Whether the name this token belongs to may be Korean (`Matcher.looksKorean`): only then do
        /// Korean romanization variants count (Sung ~ Song ~ Seong), which would blur Western names.
        var koreanName = false
        /// Whether the name may be Chinese (`Matcher.looksChinese`): only then do alternate readings
        /// (Cantonese, dialect surnames, Wade-Giles of pinyin-valid tokens) count — `Dan Brown` is not `Tan`.
        var chineseName = false
        /// Whether the name was written in an abjad (Arabic, Hebrew script): its romanized vowels are
        /// guesses, so two tokens with the same consonant skeleton may be one word (Zaid/Zeid, Sakr/Saqr).
        var vowelsUncertain = false
    }

    /// Adjacent pairs of still-unaligned tokens, joined, in both orders: "jin ping" offers "jinping",
    /// and "KARTAL, Remzi" offers "remzikartal" as well as "kartalremzi" (lists write the family name
    /// first, customers often the given name). Only joins whose length is near a leftover token of the
    /// other side are built (a join is compared with single tokens only), so the common case costs nothing.
    static func joins(_ tokens: [Side], used: [Bool], otherLengths: [Int]) -> [Side] {
        guard tokens.count >= 2, !otherLengths.isEmpty else { return [] }
        var out: [Side] = []
        for i in 0..<(tokens.count - 1) where !used[i] && !used[i + 1] {
            let length = tokens[i].form.bytes.count + tokens[i + 1].form.bytes.count
            guard otherLengths.contains(where: { abs($0 - length) <= 3 }) else { continue }
            let weight = tokens[i].weight + tokens[i + 1].weight
            for (a, b) in [(tokens[i], tokens[i + 1]), (tokens[i + 1], tokens[i])] {
                out.append(Side(text: a.text + b.text, form: TokenForm(a.form.bytes + b.form.bytes, chineseReadings: a.chineseName ? a.form.chineseReadings : .none,
                                                          koreanReadings: a.koreanName, mandarinReadings: a.chineseName),
                                weight: weight, covers: [i, i + 1], koreanName: a.koreanName, chineseName: a.chineseName,
                                vowelsUncertain: a.vowelsUncertain))
            }
        }
        return out
    }

    /// Greedy one-to-one alignment of `q` against `l` (best pairs first; ties prefer more weight),
    /// skipping tokens already used; records each pair and returns the weighted similarity added.
    /// - Returns: the number of pairs aligned.
    @discardableResult
    static func align(_ q: [Side], _ l: [Side], isPerson: Bool, explain: Bool, qUsed: inout [Bool], lUsed: inout [Bool],
                      matched: inout Double, total: inout Double, explanation: inout Explanation) -> Int {
        var candidates: [(qi: Int, li: Int, sim: Double, agreement: TokenSimilarity.Agreement)] = []
        for (qi, a) in q.enumerated() where !a.covers.contains(where: { qUsed[$0] }) {
            for (li, b) in l.enumerated() where !b.covers.contains(where: { lUsed[$0] }) {
                let joined = a.covers.count > 1 || b.covers.count > 1
                if a.covers.count > 1 && b.covers.count > 1 { continue }
                let (s, agreement) = TokenSimilarity.compare(a.form, b.form, korean: a.koreanName && b.koreanName,
                                                                   chinese: a.chineseName && b.chineseName,
                                                                   vowelsUncertain: a.vowelsUncertain || b.vowelsUncertain)
                // Joining invents a token: only an exact or one-typo join counts ("jin ping" ~ "jinping"),
                // never a mere skeleton likeness ("zhao nan" is not "shona").
                if joined && !agreement.isRomanization && (s < minimumJoinedSimilarity || agreement == .transliteration) { continue }
                // A person's initial stands for the whole token ("N." for Nursultan): it aligns below the
                // usual bar. In a vessel or company name a lone letter is just a letter ("M-VITO").
                let aligns = agreement == .initial ? (isPerson && !joined) : s >= minimumPairSimilarity
                if aligns { candidates.append((qi, li, s, agreement)) }
            }
        }
        guard !candidates.isEmpty else { return 0 }
        var aligned = 0
        candidates.sort {
            if $0.sim != $1.sim { return $0.sim > $1.sim }
            return q[$0.qi].weight + l[$0.li].weight > q[$1.qi].weight + l[$1.li].weight
        }
        for c in candidates {
            let a = q[c.qi], b = l[c.li]
            if a.covers.contains(where: { qUsed[$0] }) || b.covers.contains(where: { lUsed[$0] }) { continue }
            for i in a.covers { qUsed[i] = true }
            for i in b.covers { lUsed[i] = true }
            // An initial carries the weight of the token it stands for, not the rarity of a lone letter.
            let w = c.agreement == .initial ? 2 * (a.form.bytes.count > 1 ? a.weight : b.weight) : a.weight + b.weight
            matched += c.sim * w
            total += w
            aligned += 1
            if explain {
                let via = (a.covers.count > 1 || b.covers.count > 1) ? "joined" : c.agreement.rawValue
                explanation.pairs.append(.init(query: a.text, listed: b.text, similarity: c.sim, weight: w, via: via))
            }
        }
        return aligned
    }

    /// - Parameter isPerson: people often carry extra or missing middle names and patronymics, so
    ///   leftovers cost less; for organisations and vessels every distinguishing word counts.
    /// - Parameter explain: record pairs and leftovers in `explanation`; off for the first pass over
    ///   candidates, most of which are dropped (no strings built for them).
    static func score(query: [Side], listed: [Side], isPerson: Bool = true, explain: Bool = true, explanation: inout Explanation) -> Double {
        var qUsed = [Bool](repeating: false, count: query.count)
        var lUsed = [Bool](repeating: false, count: listed.count)
        var matched = 0.0
        var total = 0.0
        // Single tokens first; then, only if both sides have leftovers, joined neighbours among them.
        var alignedPairs = align(query, listed, isPerson: isPerson, explain: explain, qUsed: &qUsed, lUsed: &lUsed, matched: &matched, total: &total, explanation: &explanation)
        if qUsed.contains(false) && lUsed.contains(false) && (query.count >= 2 || listed.count >= 2) {
            let qLeft = query.indices.filter { !qUsed[$0] }.map { query[$0].form.bytes.count }
            let lLeft = listed.indices.filter { !lUsed[$0] }.map { listed[$0].form.bytes.count }
            let qJoins = joins(query, used: qUsed, otherLengths: lLeft)
            let lJoins = joins(listed, used: lUsed, otherLengths: qLeft)
            if !qJoins.isEmpty || !lJoins.isEmpty {
                alignedPairs += align(query + qJoins, listed + lJoins, isPerson: isPerson, explain: explain, qUsed: &qUsed, lUsed: &lUsed, matched: &matched, total: &total, explanation: &explanation)
            }
        }
        // One aligned token is weak evidence when the query has more: "Rania Makhlouf" is not the
        // vessel "LADY RANIA". Then the query's other tokens count in full.
        // Leftovers on both sides are a substitution ("ben MOHAMED ben" vs "ben ALI ben"): a
        // different name, charged in full. Leftovers on one side only are an extra or missing token.
        let leftoverBothSides = qUsed.contains(false) && lUsed.contains(false)
        let full = alignedPairs <= 1 || leftoverBothSides || !isPerson
        let queryFactor = (full && (query.count >= 2 || !isPerson)) ? 1.0 : unmatchedQueryFactor
        let listedFactor = (leftoverBothSides || !isPerson) ? 1.0 : unmatchedListedFactor
        for (i, t) in query.enumerated() where !qUsed[i] {
            total += t.weight * queryFactor
            if explain { explanation.unmatchedQuery.append(t.text) }
        }
        for (i, t) in listed.enumerated() where !lUsed[i] {
            total += t.weight * listedFactor
            if explain { explanation.unmatchedListed.append(t.text) }
        }
        guard total > 0 else { return 0 }
        let s = matched / total
        if explain { explanation.nameScore = s }
        return s
    }
}
