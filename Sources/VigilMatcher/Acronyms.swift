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
            // The acronym: one token, or a run of lone letters (read in place: this runs per candidate).
            var end = i
            let length = Int(side[i].sketch.length)
            if length == 1 {
                while end + 1 < side.count, side[end + 1].covers & used == 0, !side[end + 1].isJoined, side[end + 1].sketch.length == 1 { end += 1 }
                guard end > i, (i...end).allSatisfy({ isLetter(side[$0].form.bytes[0]) }) else { continue }
            } else {
                guard (3...6).contains(length), mayBeAcronym(side[i].form) else { continue }
            }
            let count = end > i ? end - i + 1 : length
            let letter = { (n: Int) -> UInt8 in end > i ? side[i + n].form.bytes[0] : side[i].form.bytes[n] }
            // The customer's other words must all have met the listed name, or be a qualifier (`PLA China`):
            // a name beside the letters makes them a person's (`Mera Al Ali` is not `M. E. Raad Automation`).
            guard side.indices.allSatisfy({ k in (i...end).contains(k) || side[k].covers & used != 0 || isQualifier(side[k].form) }),
                  let run = wordsAbbreviated(count: count, letter: letter, in: other, used: otherUsed) else { continue }
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

    /// The adjacent leftover words of `other` whose first letters spell the `count` letters `letter`
    /// gives (stop words may be skipped), or nil.
    private static func wordsAbbreviated(count: Int, letter: (Int) -> UInt8, in other: UnsafeBufferPointer<Side>,
                                         used: UInt64) -> ClosedRange<Int>? {
        let first = letter(0)
        for start in other.indices where other[start].covers & used == 0 && other[start].form.bytes.first == first {
            var next = 0, k = start
            while k < other.count, next < count, other[k].covers & used == 0, !other[k].isJoined {
                let word = other[k].form.bytes
                if word.count > 1 && word[0] == letter(next) && !other[k].sketch.isLegalForm {
                    next += 1
                } else if !other[k].form.isStopWord {
                    break
                }
                k += 1
            }
            if next == count { return start...(k - 1) }
        }
        return nil
    }

    /// A folded ASCII letter (digits and marks are none): what acronyms and altered words are made of.
    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }

    /// A place, legal form, stop word or series number: a word that qualifies an organisation's name.
    @inline(__always)
    private static func isQualifier(_ form: TokenForm) -> Bool {
        form.isPlaceWord || form.sketch.isLegalForm || form.isNameParticle || form.isSeriesMarker
    }

    /// Whether a word may be an acronym: letters only, no legal form or stop word, and not a name: not
    /// Chinese or Korean name syllables (`Han Bin`, `Shi Bin` are people, not `HARAKAT AL-NUJABA` or
    /// `SHAHID HEMMAT INDUSTRIAL`), nor a given name (`Mera`). Scoring and retrieval ask the same.
    static func mayBeAcronym(_ form: TokenForm) -> Bool {
        form.bytes.allSatisfy(isLetter) && !form.sketch.isLegalForm && !form.isStopWord && !form.isEastAsianSyllable
            && form.gender == .unknown
    }
}

extension Matcher {
    /// The organisations' names a query token of three to six letters, or a run of lone letters (`I.R.G.C.`
    /// as `i r g c`), abbreviates, added to the retrieved names with the acronym's whole weight (when it
    /// reaches the floor; the letters stand for every word, and must not tie with the names a letter
    /// away, `POLA`, for the last places): their words share no trigram with the letters.
    func addAcronymCandidates(_ tokens: [String], forms: [TokenForm]?, probes: [(text: String, weight: Double, joined: Bool, readings: Bool)],
                              floor: Double, scratch: Scratch) {
        var i = 0
        var added: Set<UInt32>?
        while i < tokens.count {
            var end = i + 1, weight = probes[i].weight
            if tokens[i].utf8.count == 1 {
                while end < tokens.count, tokens[end].utf8.count == 1 {
                    weight += probes[end].weight
                    end += 1
                }
            }
            defer { i = end }
            let run = end > i + 1, count = run ? end - i : tokens[i].utf8.count
            let letter = { (n: Int) -> UInt8 in run ? tokens[i + n].utf8.first! : tokens[i].utf8[tokens[i].utf8.index(tokens[i].utf8.startIndex, offsetBy: n)] }
            guard (3...6).contains(count), (0..<count).allSatisfy({ NameScorer.isLetter(letter($0)) }),
                  run || forms.map({ i < $0.count && NameScorer.mayBeAcronym($0[i]) }) ?? true, weight >= floor else { continue }
            let names = acronyms.names(abbreviatedBy: count, letter: letter)
            guard !names.isEmpty else { continue }
            if added == nil { added = Set(scratch.ranked.map(\.name)) }
            for n in names where added!.insert(n).inserted {
                scratch.ranked.append(RetrievedName(name: n, weight: Float(weight)))
            }
        }
    }
}

/// Organisations' names by their acronyms, so a customer's `IRGC` or `PLA` retrieves the listed words
/// (`NameScorer.alignAcronyms` then scores them): the letters share no trigram with the words. Each
/// name of three to six words (legal forms and lone letters left out) under its initials, with its
/// stop words and without. Built when the index opens: a pass over the organisations' names.
struct AcronymIndex: Sendable {
    /// Initials packed a byte each, first letter lowest (at most six).
    private let byAcronym: [UInt64: [UInt32]]

    init(_ listed: ListedNames, forms: [TokenForm], index: SearchIndex) {
        var map: [UInt64: [UInt32]] = [:]
        for (n, record) in listed.records.enumerated() where !record.isPerson {
            // (No array per name: a million-name index has tens of thousands of organisations.)
            var all: UInt64 = 0, allCount = 0, significant: UInt64 = 0, significantCount = 0
            for t in index.names.tokens(ofName: n) {
                let form = forms[Int(t)]
                guard !form.sketch.isLegalForm, form.bytes.count > 1 else { continue }
                allCount += 1
                if allCount <= 6 { all |= UInt64(form.bytes[0]) << UInt64(8 * (allCount - 1)) }
                if !form.isStopWord {
                    significantCount += 1
                    if significantCount <= 6 { significant |= UInt64(form.bytes[0]) << UInt64(8 * (significantCount - 1)) }
                }
            }
            guard (3...6).contains(allCount) else { continue }
            map[all, default: []].append(UInt32(n))
            if significantCount != allCount && significantCount >= 3 { map[significant, default: []].append(UInt32(n)) }
        }
        byAcronym = map
    }

    /// The organisations' names the letters `letter(0..<count)` abbreviate.
    func names(abbreviatedBy count: Int, letter: (Int) -> UInt8) -> [UInt32] {
        guard (3...6).contains(count) else { return [] }
        var key: UInt64 = 0
        for n in 0..<count { key |= UInt64(letter(n)) << UInt64(8 * n) }
        return byAcronym[key] ?? []
    }
}
