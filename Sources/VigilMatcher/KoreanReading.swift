import VigilLists

/// A name that may be Korean written in Hanja is screened in its Korean reading too (`Matcher.match`):
/// when, how it is explained, and how the two readings' matches become one list.
extension Matcher {
    /// Whether a customer of this nationality may bear a Korean name: none stated, one not recognised,
    /// or either Korea.
    static func mayBeKorean(_ nationality: String?) -> Bool {
        guard let nationality, let code = Countries.code(nationality) else { return true }
        return code == "KR" || code == "KP"
    }

    /// The explanation's note that a match came through the Korean reading of a Hanja name.
    static func koreanReadingNote(_ hangul: String) -> Explanation.AttributeEffect {
        .init(attribute: "reading", delta: 0, reason: "the Han characters read in Korean: \(hangul)")
    }

    /// Two readings' matches as one list: each entity's better match (the first reading's on a tie),
    /// best first, ties by entity id as `match` orders them, at most `limit`.
    static func merged(_ first: [Match], _ second: [Match], limit: Int) -> [Match] {
        guard !second.isEmpty else { return first }
        var best: [String: Match] = [:]
        for m in first + second where best[m.entity.id].map({ m.score > $0.score }) ?? true { best[m.entity.id] = m }
        return best.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.entity.id < $1.entity.id }.prefix(limit).map { $0 }
    }
}
