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

    static func score(query: [Side], listed: [Side], explanation: inout Explanation) -> Double {
        let q = withJoins(query)
        let l = withJoins(listed)
        var candidates: [(qi: Int, li: Int, sim: Double)] = []
        for (qi, a) in q.enumerated() {
            for (li, b) in l.enumerated() {
                // A joined token pairs only with a single token on the other side.
                let joined = a.covers.count > 1 || b.covers.count > 1
                if a.covers.count > 1 && b.covers.count > 1 { continue }
                let s = TokenSimilarity.similarity(a.bytes, b.bytes, skeletonA: a.skeleton, skeletonB: b.skeleton)
                // Joining invents a token: only a near-exact join counts ("jin ping" ~ "jinping").
                if s >= (joined ? minimumJoinedSimilarity : minimumPairSimilarity) { candidates.append((qi, li, s)) }
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
            let via: String
            if a.covers.count > 1 || b.covers.count > 1 { via = "joined" } else if c.sim == 1 { via = "exact" } else if a.bytes.count == 1 || b.bytes.count == 1 { via = "initial" } else if a.skeleton == b.skeleton && c.sim == 0.9 { via = "transliteration" } else { via = "spelling" }
            explanation.pairs.append(.init(query: a.text, listed: b.text, similarity: c.sim, weight: w, via: via))
        }
        // One aligned token is weak evidence when the query has more: "Rania Makhlouf" is not the
        // vessel "LADY RANIA". Then the query's other tokens count in full.
        let alignedPairs = explanation.pairs.count
        let queryFactor = (alignedPairs <= 1 && query.count >= 2) ? 1.0 : unmatchedQueryFactor
        for (i, t) in query.enumerated() where !qUsed[i] {
            total += t.weight * queryFactor
            explanation.unmatchedQuery.append(t.text)
        }
        for (i, t) in listed.enumerated() where !lUsed[i] {
            total += t.weight * unmatchedListedFactor
            explanation.unmatchedListed.append(t.text)
        }
        guard total > 0 else { return 0 }
        let s = matched / total
        explanation.nameScore = s
        return s
    }
}
