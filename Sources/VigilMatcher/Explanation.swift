/// Why a listed name scored what it did: each aligned token pair, what was left over, attribute effects.
public struct Explanation: Sendable, Equatable {
    public struct TokenPair: Sendable, Equatable {
        /// Query token(s); two tokens joined when the listed name writes them as one ("jin ping" ~ "jinping").
        public var query: String
        public var listed: String
        public var similarity: Double
        /// Rarity weight the pair carries (query + listed side).
        public var weight: Double
        /// How they met: "exact", "typo", "transliteration", "initial", "joined", "acronym", "altered", a romanization.
        public var via: String
    }

    public struct AttributeEffect: Sendable, Equatable {
        /// "birth_date", "gender", "nationality", "id_number".
        public var attribute: String
        public var delta: Double
        public var reason: String
    }

    public var pairs: [TokenPair] = []
    public var unmatchedQuery: [String] = []
    public var unmatchedListed: [String] = []
    /// Score from names alone, before attributes.
    public var nameScore: Double = 0
    public var attributes: [AttributeEffect] = []

    /// One readable line: `putin=putin(1.00) vladimir=vladimir(1.00); listed only: vladimirovich; birth_date +0.05`.
    public var summary: String {
        var parts: [String] = []
        parts.append(pairs.map { p in
            let sim = (p.similarity * 100).rounded() / 100
            return p.query == p.listed ? "\(p.query)(\(sim))" : "\(p.query)~\(p.listed)(\(sim) \(p.via))"
        }.joined(separator: " "))
        if !unmatchedQuery.isEmpty { parts.append("query only: \(unmatchedQuery.joined(separator: " "))") }
        if !unmatchedListed.isEmpty { parts.append("listed only: \(unmatchedListed.joined(separator: " "))") }
        for a in attributes {
            let d = (a.delta * 100).rounded() / 100
            parts.append("\(a.attribute) \(d >= 0 ? "+" : "")\(d) (\(a.reason))")
        }
        return parts.joined(separator: "; ")
    }
}
