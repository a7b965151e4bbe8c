/// What the scorer charges for the tokens of two names that found no partner.
extension NameScorer {
    /// What a token with no partner costs, as a factor of its weight.
    struct LeftoverCharges {
        let isPerson: Bool
        /// Both names have leftovers: a substitution.
        let bothSides: Bool
        /// An organisation's name whose aligned tokens all agree exactly.
        let coreExact: Bool
        /// The side's factor before the rules below (`unmatchedQueryFactor`, `unmatchedListedFactor`…).
        var base = 1.0
        /// Whether a place on this side may count as a qualifier.
        var placeCounts = true
        /// Both names name an ancestor (after `bin`, `ben`) the other lacks: another father
        /// (`ancestorSubstitutionFactor`).
        var fathersDiffer = false

        /// - Parameter initialIsMinor: a lone letter costs as a patronymic does (the customer's initials).
        @inline(__always)
        func factor(_ side: Side, initialIsMinor: Bool) -> Double {
            let form = side.form
            var f = base
            // A patronymic one side lacks is the usual difference between a passport and a list entry
            // (Vladimir Vladimirovich Putin / Vladimir Putin): it costs little. So does an initial the
            // customer adds (В. В. Путин: the second is the patronymic's), whose weight is a letter's
            // rarity, not a name's; in a Korean or Chinese name a lone letter is a syllable (Hyon U).
            if isPerson && !bothSides && (form.isPatronymic || initialIsMinor && isInitial(side)) { f *= unmatchedPatronymicFactor }
            // So is an Arabic nasab the customer shortens: the fathers and grandfathers after "bin" / "ibn"
            // the list writes out and a customer leaves out (Osama bin Laden / Usama bin Muhammad ibn Awad
            // ibn Ladin), with their particles.
            else if isPerson && !bothSides && !initialIsMinor && (side.kinship == .ancestor || form.isKinshipParticle) { f *= unmatchedPatronymicFactor }
            // A name in place of another: particles (`al`, `bin`, `abdul`) are parts of names, not names.
            if isPerson && bothSides && !form.isNameParticle {
                f *= fathersDiffer && side.kinship == .ancestor ? ancestorSubstitutionFactor : substitutionFactor
            }
            // An organisation's or vessel's name that otherwise agrees exactly may differ by a qualifier:
            // a series number (`KKR Asian Fund III` / `IV`, `Victory` / `Victory 3`: another vintage or
            // ship of the series) or a place one side adds (`Deutsche Bank (Schweiz) AG`, `Faberlic
            // Europe`: a branch or subsidiary). Both are what a screener wants to see, so they are damped
            // as legal forms are; a place on both sides is another company, and after a fuzzy pair a
            // qualifier is no such sign.
            if coreExact && (form.isSeriesMarker || form.isPlaceWord && !bothSides && placeCounts) { f *= Matcher.dampFactor }
            return f
        }
    }

    /// Whether token `i` of an organisation's name is the acronym of its other words, in order (`FOREIGN
    /// TRADE BANK (FTB)`, `MYANMAR GEMS ENTERPRISE (MGE)`; stop words may be left out: `BOA`, `BA` of Bank of
    /// America): it repeats the name, so the other name lacking it is no difference.
    static func isOwnAcronym(_ i: Int, of sides: UnsafeBufferPointer<Side>) -> Bool {
        let length = Int(sides[i].sketch.length)
        guard (2...6).contains(length), sides.count > length else { return false }
        let letters = sides[i].form.bytes
        guard letters.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return false }
        for start in sides.indices where start != i && sides[start].form.bytes.first == letters[0] {
            var next = 0, k = start
            while k < sides.count, next < letters.count, k != i {
                let word = sides[k].form.bytes
                if word.first == letters[next] && word.count > 1 {
                    next += 1
                } else if !sides[k].form.isStopWord {
                    break
                }
                k += 1
            }
            if next == letters.count { return true }
        }
        return false
    }

    /// Whether every leftover of a person's name spells again, in another spelling, a name of it the
    /// customer gave exactly: lists write a name's variants side by side (`Michaela Michelle Micheli`),
    /// and a customer gives one of them. Such repeats cost as a patronymic does. Not the same word twice
    /// (Spanish `LOPEZ LOPEZ` is two surnames), nor a name and its nisba (`Mohammad Mohammadi`), nor beside another leftover (`ROMERO WIRICHAGA, Ramiro`:
    /// Ramiro is no second Romero), nor repeating a name met only in another spelling.
    static func onlyRepeatsLeft(_ sides: UnsafeBufferPointer<Side>, used: UInt64, exact: UInt64) -> Bool {
        guard exact != 0, !sides[0].koreanName, !sides[0].chineseName, !sides[0].eastAsianScript else { return false }
        for i in sides.indices where sides[i].covers & used == 0 {
            guard sides[i].sketch.length >= 4 else { return false }
            var repeated = false
            for j in sides.indices where sides[j].covers & exact != 0 && sides[j].sketch.length >= 4 {
                let a = sides[i].form, b = sides[j].form
                guard TokenSketch.mayMeet(sides[i].sketch, sides[j].sketch, korean: false, chinese: false), a.bytes != b.bytes,
                      !TokenSimilarity.isNisba(a, of: b), !TokenSimilarity.isNisba(b, of: a) else { continue }
                if Side.compare(sides[i], sides[j], korean: false, chinese: false, vowelsUncertain: false).similarity >= 0.8 {
                    repeated = true
                    break
                }
            }
            if !repeated { return false }
        }
        return true
    }

    /// Whether a token of `sides` outside `used` is an ancestor's name (`Kinship.ancestor`).
    static func hasLeftoverAncestor(_ sides: UnsafeBufferPointer<Side>, used: UInt64) -> Bool {
        sides.contains { $0.covers & used == 0 && $0.kinship == .ancestor }
    }

    /// A lone letter (not a digit) of a name that is not East Asian: an initial.
    @inline(__always)
    static func isInitial(_ side: Side) -> Bool {
        side.sketch.length == 1 && !side.koreanName && !side.chineseName && !side.eastAsianScript
            && side.form.bytes[0] >= UInt8(ascii: "a")
    }
}

extension NameScorer {
    /// A name of one short word with a letter changed is a quarter of its evidence changed, and nothing
    /// else to tell: `Snoe` is not the vessel `SNOW` (`Hannibol` still is `Hannibal`); it scores as a
    /// changed first letter does. Not a name written in an abjad, whose vowels any romanization guesses
    /// (اسعد Asad / Issad), nor a swap of neighbours, which keeps the letters (`AQMI`, the French `AQIM`).
    static func capOneShortWord(_ query: UnsafeBufferPointer<Side>, _ listed: UnsafeBufferPointer<Side>, score s: Double, explain: Bool,
                                explanation: inout Explanation) -> Double {
        guard query.count == 1 && listed.count == 1 && s < 1 && !query[0].vowelsUncertain && !listed[0].vowelsUncertain
            && query[0].sketch.length == listed[0].sketch.length && query[0].sketch.length <= 4
            && !TokenSimilarity.isAdjacentSwap(query[0].form.bytes, listed[0].form.bytes)
            && Side.compare(query[0], listed[0], korean: false, chinese: false, vowelsUncertain: false).agreement == .typo else { return s }
        let capped = min(s, TokenSimilarity.firstLetterSimilarity)
        if explain {
            explanation.attributes.append(.init(attribute: "name_length", delta: capped - s, reason: "one short word, a letter changed"))
        }
        return capped
    }
}
