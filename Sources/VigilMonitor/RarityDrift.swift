import VigilIndex

/// How far token rarities moved between the index a store was last screened against and a new one.
///
/// A name score is a ratio of rarity-weighted sums (`NameScorer`): when every weight moves by a factor
/// within 1 ± δ, the score moves by a factor within (1 ± δ) / (1 ∓ δ), so by at most 2δ / (1 − δ); the
/// attributes' part does not move. A list update changes the rarity of few tokens much (those of the
/// names it adds or removes) and of every token a little (the name count changed). So an update screens
/// again the customers a moved score could change: those whose stored matches lie within `bound` of the
/// threshold, and those whose name or matched entities hold a `drifted` token, within that token's
/// bound.
struct RarityDrift {
    /// Tokens whose rarity moved by more than the tolerance, with their relative move.
    var drifted: [String: Double] = [:]
    /// The largest relative move of any other token's rarity, and of an unknown token's.
    var others = 0.0
    /// The new index's frequency of each token whose frequency changed (new tokens included), and the
    /// tokens it no longer has: what the store writes to hold the new index's statistics.
    var changedFrequencies: [(token: String, frequency: Int)] = []
    var goneTokens: [String] = []

    /// Scores from tokens of the `others` kind only move by at most this (4-decimal rounding included).
    var bound: Double { Self.scoreBound(others) }

    static func scoreBound(_ delta: Double) -> Double { delta >= 1 ? 1 : 2 * delta / (1 - delta) + 0.0002 }

    /// - Parameters:
    ///   - old: the name count and token frequencies of the index the store was screened against.
    ///   - tolerance: a relative move above this puts a token in `drifted`.
    init(old: (names: Int, frequencies: [String: Int]), new index: SearchIndex, tolerance: Double = 0.002) {
        let newNames = index.names.count
        func move(_ oldFrequency: Int, _ newFrequency: Int) -> Double {
            let before = Double(SearchIndex.idf(frequency: oldFrequency, total: old.names))
            let after = Double(SearchIndex.idf(frequency: newFrequency, total: newNames))
            return abs(after / before - 1)
        }
        func note(_ token: String, _ m: Double) {
            if m > tolerance { drifted[token] = m } else { others = max(others, m) }
        }
        // A token in neither index weighs as an unknown token in both (customers' rare names).
        let unknown = move(0, 0)
        others = unknown
        var seen = Set<String>()
        for t in 0..<index.tokens.count {
            let token = String(decoding: index.tokens.utf8(t), as: UTF8.self), frequency = Int(index.tokenFrequency[t])
            seen.insert(token)
            let before = old.frequencies[token]
            if before != frequency { changedFrequencies.append((token, frequency)) }
            note(token, move(before ?? 0, frequency))
        }
        for (token, frequency) in old.frequencies where !seen.contains(token) {
            goneTokens.append(token)
            note(token, move(frequency, 0))
        }
    }
}
