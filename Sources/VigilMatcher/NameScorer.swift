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
        var bytes: [UInt8]
        var skeleton: [UInt8]
        var weight: Double
        /// Indices of the original tokens this (possibly joined) token covers.
        var covers: [Int]
    }

    /// Adjacent pairs joined: "jin ping" also offers "jinping" covering both.
    static func withJoins(_ tokens: [Side]) -> [Side] {
        var out = tokens
        if tokens.count >= 2 {
            for i in 0..<(tokens.count - 1) {
                let bytes = tokens[i].bytes + tokens[i + 1].bytes
                out.append(Side(
                    text: tokens[i].text + tokens[i + 1].text, bytes: bytes, skeleton: PhoneticKey.skeleton(bytes),
                    weight: tokens[i].weight + tokens[i + 1].weight, covers: [i, i + 1]))
            }
        }
        return out
    }

    /// - Parameter isPerson: people often carry extra or missing middle names and patronymics, so
    ///   leftovers cost less; for organisations and vessels every distinguishing word counts.
    static func score(query: [Side], listed: [Side], isPerson: Bool = true, explanation: inout Explanation) -> Double {
        let q = withJoins(query)
        let l = withJoins(listed)
        var candidates: [(qi: Int, li: Int, sim: Double, agreement: TokenSimilarity.Agreement)] = []
        for (qi, a) in q.enumerated() {
            for (li, b) in l.enumerated() {
                // A joined token pairs only with a single token on the other side.
                let joined = a.covers.count > 1 || b.covers.count > 1
                if a.covers.count > 1 && b.covers.count > 1 { continue }
                let (s, agreement) = TokenSimilarity.compare(a.bytes, b.bytes, skeletonA: a.skeleton, skeletonB: b.skeleton)
                // Joining invents a token: only a near-exact join counts ("jin ping" ~ "jinping").
                if s >= (joined ? minimumJoinedSimilarity : minimumPairSimilarity) { candidates.append((qi, li, s, agreement)) }
            }
        }
        // Greedy one-to-one alignment, best pairs first; ties prefer single tokens and higher weight.
        candidates.sort {
            if $0.sim != $1.sim { return $0.sim > $1.sim }
            let wa = q[$0.qi].weight + l[$0.li].weight, wb = q[$1.qi].weight + l[$1.li].weight
            return wa > wb
        }
        var qUsed = [Bool](repeating: false, count: query.count)
        var lUsed = [Bool](repeating: false, count: listed.count)
        var matched = 0.0
        var total = 0.0
        for c in candidates {
            let a = q[c.qi], b = l[c.li]
            if a.covers.contains(where: { qUsed[$0] }) || b.covers.contains(where: { lUsed[$0] }) { continue }
            for i in a.covers { qUsed[i] = true }
            for i in b.covers { lUsed[i] = true }
            let w = a.weight + b.weight
            matched += c.sim * w
            total += w
            let via = (a.covers.count > 1 || b.covers.count > 1) ? "joined" : c.agreement.rawValue
            explanation.pairs.append(.init(query: a.text, listed: b.text, similarity: c.sim, weight: w, via: via))
        }
        // One aligned token is weak evidence when the query has more: "Rania Makhlouf" is not the
        // vessel "LADY RANIA". Then the query's other tokens count in full.
        let alignedPairs = explanation.pairs.count
        // Leftovers on both sides are a substitution ("ben MOHAMED ben" vs "ben ALI ben"): a
        // different name, charged in full. Leftovers on one side only are an extra or missing token.
        let leftoverBothSides = qUsed.contains(false) && lUsed.contains(false)
        let full = alignedPairs <= 1 || leftoverBothSides || !isPerson
        let queryFactor = (full && (query.count >= 2 || !isPerson)) ? 1.0 : unmatchedQueryFactor
        let listedFactor = (leftoverBothSides || !isPerson) ? 1.0 : unmatchedListedFactor
        for (i, t) in query.enumerated() where !qUsed[i] {
            total += t.weight * queryFactor
            explanation.unmatchedQuery.append(t.text)
        }
        for (i, t) in listed.enumerated() where !lUsed[i] {
            total += t.weight * listedFactor
            explanation.unmatchedListed.append(t.text)
        }
        guard total > 0 else { return 0 }
        let s = matched / total
        explanation.nameScore = s
        return s
    }
}
