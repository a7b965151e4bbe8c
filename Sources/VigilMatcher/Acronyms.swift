import VigilIndex

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
                guard (3...6).contains(length), !side[i].sketch.isLegalForm, !side[i].form.isStopWord, mayBeAcronym(side[i].form) else { continue }
                letters = side[i].form.bytes
            }
            // The customer's other words must all have met the listed name, or be a qualifier (`PLA China`):
            // a name beside the letters makes them a person's (`Mera Al Ali` is not `M. E. Raad Automation`).
            guard side.indices.allSatisfy({ k in (i...end).contains(k) || side[k].covers & used != 0 || isQualifier(side[k].form) }),
                  let run = wordsAbbreviated(by: letters, in: other, used: otherUsed) else { continue }
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

    /// A place, legal form, stop word or series number: a word that qualifies an organisation's name.
    @inline(__always)
    private static func isQualifier(_ form: TokenForm) -> Bool {
        form.isPlaceWord || form.sketch.isLegalForm || form.isNameParticle || form.isSeriesMarker
    }

    /// Whether a word may be an acronym: letters only, and not a name: not Chinese or Korean name
    /// syllables (`Han Bin`, `Shi Bin` are people, not `HARAKAT AL-NUJABA` or `SHAHID HEMMAT INDUSTRIAL`),
    /// nor a given name (`Mera`).
    static func mayBeAcronym(_ form: TokenForm) -> Bool {
        form.bytes.allSatisfy(isLetter) && !form.isEastAsianSyllable && form.gender == .unknown
    }
}

/// Organisations' names by their acronyms, so a customer's `IRGC` or `PLA` retrieves the listed words
/// (`NameScorer.alignAcronyms` then scores them): the letters share no trigram with the words. Each
/// name of three to six words (legal forms and lone letters left out) under its initials, with its
/// stop words and without. Built when the index opens: a pass over the organisations' names.
struct AcronymIndex: Sendable {
    private let byAcronym: [[UInt8]: [UInt32]]

    init(_ listed: ListedNames, forms: [TokenForm], index: SearchIndex) {
        var map: [[UInt8]: [UInt32]] = [:]
        for (n, record) in listed.records.enumerated() where !record.isPerson {
            let words = index.names.tokens(ofName: n).map { forms[Int($0)] }.filter { !$0.sketch.isLegalForm && $0.bytes.count > 1 }
            guard (3...6).contains(words.count) else { continue }
            let all: [UInt8] = words.map { $0.bytes[0] }
            let significant: [UInt8] = words.filter { !$0.isStopWord }.map { $0.bytes[0] }
            if (3...6).contains(all.count) { map[all, default: []].append(UInt32(n)) }
            if significant != all && (3...6).contains(significant.count) { map[significant, default: []].append(UInt32(n)) }
        }
        byAcronym = map
    }

    /// The organisations' names `letters` abbreviates.
    func names(abbreviatedBy letters: [UInt8]) -> [UInt32] { byAcronym[letters] ?? [] }
}
