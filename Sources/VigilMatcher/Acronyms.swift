/// An organisation written as its initials on one side and in words on the other (`PLA` / `People's
/// Liberation Army`, `U.S. Department of State` / `United States Department of State`).
extension NameScorer {
    /// What an acronym meeting its words scores: near a typo, below the words themselves.
    static let acronymSimilarity = 0.9

    /// Aligns each leftover acronym of the query (`side`) with the leftover words of the listed name it abbreviates, in order:
    /// a token of three to six letters, or two or more single letters in a row (`U.S.` as `u s`), whose
    /// letters begin as many adjacent words; stop words may be left out (`BOC`, Bank of China) and are
    /// taken into the pair either way. Legal forms are not words of the acronym. Organisations only: a
    /// person's initials have their own rules.
    /// - Returns: the number of pairs aligned.
    static func alignAcronyms(_ side: UnsafeBufferPointer<Side>, used: inout UInt64, against other: UnsafeBufferPointer<Side>,
                              otherUsed: inout UInt64, matched: inout Double, total: inout Double,
                              explain: Bool, explanation: inout Explanation) -> Int {
        var aligned = 0
        var i = 0
        while i < side.count {
            defer { i += 1 }
            guard side[i].covers & used == 0, !side[i].isJoined else { continue }
            // The acronym: one token, or a run of lone letters.
            var letters: [UInt8] = []
            var end = i
            let length = Int(side[i].sketch.length)
            if length == 1 {
                while end < side.count, side[end].covers & used == 0, !side[end].isJoined, side[end].sketch.length == 1,
                      isLetter(side[end].form.bytes[0]) {
                    letters.append(side[end].form.bytes[0])
                    end += 1
                }
                end -= 1
                guard letters.count >= 2 else { continue }
            } else {
                guard (3...6).contains(length), !side[i].sketch.isLegalForm, !side[i].form.isStopWord,
                      side[i].form.bytes.allSatisfy(isLetter) else { continue }
                letters = side[i].form.bytes
            }
            guard let run = wordsAbbreviated(by: letters, in: other, used: otherUsed) else { continue }
            var w = 0.0
            for k in i...end { w += side[k].weight; used |= side[k].covers }
            for k in run { w += other[k].weight; otherUsed |= other[k].covers }
            matched += acronymSimilarity * w
            total += w
            aligned += 1
            if explain {
                let short = (i...end).map { side[$0].text }.joined(separator: " ")
                let long = run.map { other[$0].text }.joined(separator: " ")
                explanation.pairs.append(.init(query: short, listed: long, similarity: acronymSimilarity, weight: w, via: TokenSimilarity.Agreement.acronym.rawValue))
            }
            i = end
        }
        return aligned
    }

    /// The adjacent leftover words of `other` whose first letters spell `letters` (stop words may be
    /// skipped), or nil.
    private static func wordsAbbreviated(by letters: [UInt8], in other: UnsafeBufferPointer<Side>, used: UInt64) -> ClosedRange<Int>? {
        for start in other.indices where other[start].covers & used == 0 && other[start].form.bytes.first == letters[0] {
            var next = 0, k = start
            while k < other.count, next < letters.count, other[k].covers & used == 0, !other[k].isJoined {
                let word = other[k].form.bytes
                if word.count > 1 && word[0] == letters[next] && !other[k].sketch.isLegalForm {
                    next += 1
                } else if !other[k].form.isStopWord {
                    break
                }
                k += 1
            }
            if next == letters.count { return start...(k - 1) }
        }
        return nil
    }

    @inline(__always)
    private static func isLetter(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
}
