/// An organisation's legal form with a letter slipped in or changed on one side (`Siemens AkG` for
/// `Siemens AG`, `GmbG` for `GmbH`): the unknown word would otherwise be charged as a distinguishing
/// word of full rarity, where it is the form the other name has.
extension NameScorer {
    static let mistypedLegalFormSimilarity = 0.9

    /// Pairs a leftover legal form of one name with the other name's last word when that word is no
    /// legal form and a letter from it; weighed as the form is. A two-letter form only takes a letter
    /// slipped between its two (`AkG`): `Co` / `Cox`, `SA` / `Ma` are names.
    static func alignMistypedLegalForm(_ query: UnsafeBufferPointer<Side>, qUsed: inout UInt64, _ listed: UnsafeBufferPointer<Side>,
                                       lUsed: inout UInt64, matched: inout Double, total: inout Double,
                                       explain: Bool, explanation: inout Explanation) {
        if let (i, j) = mistypedForm(forms: query, formsUsed: qUsed, words: listed, wordsUsed: lUsed) {
            countLatePair(query[i], listed[j], similarity: mistypedLegalFormSimilarity, weight: 2 * query[i].weight, via: "typo",
                          qUsed: &qUsed, lUsed: &lUsed, matched: &matched, total: &total, explain: explain, explanation: &explanation)
        } else if let (j, i) = mistypedForm(forms: listed, formsUsed: lUsed, words: query, wordsUsed: qUsed) {
            countLatePair(query[i], listed[j], similarity: mistypedLegalFormSimilarity, weight: 2 * listed[j].weight, via: "typo",
                          qUsed: &qUsed, lUsed: &lUsed, matched: &matched, total: &total, explain: explain, explanation: &explanation)
        }
    }

    /// A leftover legal form of `forms` and the last word of `words`, left over and a letter from it.
    private static func mistypedForm(forms: UnsafeBufferPointer<Side>, formsUsed: UInt64, words: UnsafeBufferPointer<Side>,
                                     wordsUsed: UInt64) -> (Int, Int)? {
        guard let last = words.indices.last, words[last].covers & wordsUsed == 0, !words[last].isJoined,
              !words[last].sketch.isLegalForm else { return nil }
        let word = words[last].form.bytes
        guard word.count >= 2, word.allSatisfy(isLetter) else { return nil }
        for i in forms.indices where forms[i].covers & formsUsed == 0 && forms[i].sketch.isLegalForm && !forms[i].isJoined {
            let form = forms[i].form.bytes
            guard form.count >= 2, TokenSimilarity.editDistance(form, word, limit: 1) == 1 else { continue }
            // Two letters are half changed by a letter: there only one slipped between them counts.
            if form.count == 2 && !(word.count == 3 && word.first == form.first && word.last == form.last) { continue }
            return (i, last)
        }
        return nil
    }
}
