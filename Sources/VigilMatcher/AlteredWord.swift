/// An organisation's name with one word altered by a letter or two and the rest exact (`CVC Health
/// Corporation` / `CVS Health`, `General Mortars` / `General Motors`): how a name is disguised, or
/// mistyped, and what a screener wants to see. A person's name a letter off is mostly another person
/// (Cooney / Carney), unless the rest of a long name agrees: three names exact and one a letter off
/// (`Haji Ssad Khan Zarkari` / `Haji Asad Khan Zarkari`, a slip at the first letter the typo rules refuse).
extension NameScorer {
    /// What the altered word scores: the least a pair aligns at.
    static let alteredWordSimilarity = minimumPairSimilarity

    /// Aligns the one leftover word of each side when every other word met exactly, two at least (a
    /// person's: three), and the two are a letter apart (an organisation's: two from six letters), at
    /// `alteredWordSimilarity`. Not places (`Chad`
    /// / `China`: another company of the group), series numbers or legal forms, which have their own
    /// charges; nor beside a single word, too little to tell a disguise from another name (`Wu Xiang`
    /// is not the vessel `WU XIAN`).
    /// - Returns: whether it aligned them.
    static func alignAlteredWord(_ query: UnsafeBufferPointer<Side>, qUsed: inout UInt64, _ listed: UnsafeBufferPointer<Side>,
                                 lUsed: inout UInt64, alignedPairs: Int, isPerson: Bool, matched: inout Double, total: inout Double,
                                 explain: Bool, explanation: inout Explanation) -> Bool {
        guard alignedPairs >= (isPerson ? 3 : 2), matched == total, let qi = onlyLeftover(query, used: qUsed),
              let li = onlyLeftover(listed, used: lUsed) else {
            return false
        }
        let q = query[qi], l = listed[li]
        guard !q.isJoined, !l.isJoined, isWord(q.form), isWord(l.form), !(q.form.isPlaceWord && l.form.isPlaceWord) else { return false }
        let shortest = min(q.form.bytes.count, l.form.bytes.count)
        if isPerson {
            // A person's word: one letter, beside three exact names, and no East Asian syllable (another name).
            guard shortest >= 4, !q.form.isEastAsianSyllable, !l.form.isEastAsianSyllable, !q.koreanName, !q.chineseName,
                  TokenSimilarity.editDistance(q.form.bytes, l.form.bytes, limit: 1) <= 1 else { return false }
        } else {
            let limit = shortest >= 6 ? 2 : 1
            guard shortest >= 3, TokenSimilarity.editDistance(q.form.bytes, l.form.bytes, limit: limit) <= limit else { return false }
        }
        countLatePair(q, l, similarity: alteredWordSimilarity, weight: q.weight + l.weight, via: "altered", qUsed: &qUsed, lUsed: &lUsed,
                      matched: &matched, total: &total, explain: explain, explanation: &explanation)
        return true
    }

    /// Counts a pair found after the alignment (an altered word, a mistyped legal form) as `align` counts
    /// its pairs: the similarity of its weight matched, its tokens used, the pair explained.
    static func countLatePair(_ q: Side, _ l: Side, similarity: Double, weight w: Double, via: String, qUsed: inout UInt64, lUsed: inout UInt64,
                              matched: inout Double, total: inout Double, explain: Bool, explanation: inout Explanation) {
        matched += similarity * w
        total += w
        qUsed |= q.covers
        lUsed |= l.covers
        if explain { explanation.pairs.append(.init(query: q.text, listed: l.text, similarity: similarity, weight: w, via: via)) }
    }

    /// The index of the one token of `sides` not in `used`, if exactly one is left.
    private static func onlyLeftover(_ sides: UnsafeBufferPointer<Side>, used: UInt64) -> Int? {
        var found: Int?
        for i in sides.indices where sides[i].covers & used == 0 {
            if found != nil { return nil }
            found = i
        }
        return found
    }

    /// A word of letters that is no legal form, series number or particle.
    @inline(__always)
    private static func isWord(_ form: TokenForm) -> Bool {
        !form.sketch.isLegalForm && !form.isSeriesMarker && !form.isNameParticle
            && form.bytes.allSatisfy(isLetter)
    }
}
