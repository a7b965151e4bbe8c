import VigilNormalization

/// Two names scored against each other without retrieval or attributes: labelled-pair evaluation
/// (`vigil eval pairs`) and explaining one pair.
extension Matcher {
    /// Scores two names against each other, with this index's token rarity, as if `listed` were on a
    /// list (no retrieval, no attributes): for evaluation on labelled pairs and for explaining a pair.
    public func compare(_ query: String, _ listed: String, listedIsPerson: Bool = true) -> (score: Double, explanation: Explanation) {
        let direct = compareOneReading(query, listed, listedIsPerson: listedIsPerson)
        guard let korean = HanjaReadings.koreanReading(of: query) else { return direct }
        var viaKorean = compareOneReading(korean, listed, listedIsPerson: listedIsPerson)
        guard viaKorean.score > direct.score else { return direct }
        viaKorean.explanation.attributes.insert(Self.koreanReadingNote(korean), at: 0)
        return viaKorean
    }

    private func compareOneReading(_ query: String, _ listed: String, listedIsPerson: Bool) -> (score: Double, explanation: Explanation) {
        let q = normalizer.normalize(query)
        let l = normalizer.normalize(listed, stripHonorifics: listedIsPerson).tokens
        guard !q.tokens.isEmpty, !l.isEmpty else { return (0, Explanation()) }
        var explanation = Explanation()
        let querySides = sides(q.tokens, titles: q.honorifics, chineseReadings: Self.chineseReadings(q.script), hanReadings: q.hanReadings,
                               kanjiReadings: q.kanjiReadings, hangul: q.script == .hangul,
                               abjad: Self.isAbjad(q.script), eastAsian: Self.isEastAsian(q.script))
        let listedSides = sides(l)
        var s = withExtendedLifetime((querySides, listedSides)) {
            NameScorer.score(query: querySides.sides(forPerson: listedIsPerson), listed: listedSides.sides(forPerson: listedIsPerson), isPerson: listedIsPerson, explanation: &explanation)
        }
        if q.script != .latin { s = Self.checkSameScript(query, listed, score: s, explanation: &explanation) }
        return (Self.clampAndRound(s), explanation)
    }
}
