import VigilNormalization

/// Two names written in the same non-Latin script are compared in that script too: romanization
/// merges letters the script keeps apart, so a pair the scorer took as one spelling may be two names.
/// `김종은` and `김정은` both romanize `kim jong un` (ㅓ and ㅗ are both o), `习近朋` is a letter from
/// `习近平` in pinyin (jinpeng / jinping) but another character, and `عارف` is a letter from `آصف` in
/// Latin (aref / asef) but two in Arabic. The check only lowers a score; a pair it does not judge
/// keeps the scorer's.
enum SameScriptCheck {
    /// The share of the name score left when the native spellings disagree where the romanized ones
    /// agreed; nil when the check does not apply (different scripts, Latin, or the spellings agree).
    /// - Parameter explanation: the scorer's pairs, for the romanized typos the native spelling must bear out.
    static func factor(query: String, listed: String, explanation: Explanation) -> Double? {
        let script = Script.dominant(in: query)
        guard script != .latin, script != .other, mostlyWritten(in: script, query), mostlyWritten(in: script, listed) else { return nil }
        if Matcher.isEastAsian(script) { return syllableFactor(query, listed, script: script) }
        return spellingFactor(query, listed, script: script, explanation: explanation)
    }

    /// Whether most of a name's letters are of `script` (not a Latin name with a look-alike Cyrillic
    /// letter in it: `Burgaнov`).
    private static func mostlyWritten(in script: Script, _ text: String) -> Bool {
        var inScript = 0, letters = 0
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            letters += 1
            if let of = Script.of(s), of == script || script == .kana && of == .han { inScript += 1 }
        }
        return 2 * inScript > letters
    }

    /// Han, Hangul and kana write a syllable a character: the names' characters position by position,
    /// where a different one is another name (`종` / `정`), unless both read alike (`習` / `习`, xi).
    /// Names of different lengths (a given name left out) are the scorer's to judge.
    private static func syllableFactor(_ query: String, _ listed: String, script: Script) -> Double? {
        let q = characters(query, script: script), l = characters(listed, script: script)
        guard q.count == l.count, !q.isEmpty else { return nil }
        var alike = 0
        for (a, b) in zip(q, l) where a == b || script != .hangul && readAlike(a, b) { alike += 1 }
        return alike == q.count ? nil : Double(alike) / Double(q.count)
    }

    /// In an alphabet, each romanized typo or transliteration the scorer accepted must be at most one
    /// letter in the script itself: the native words left after the exact ones pair off within an edit.
    /// When they do not, the fuzzy pairs' part of the score is taken out.
    private static func spellingFactor(_ query: String, _ listed: String, script: Script, explanation: Explanation) -> Double? {
        let fuzzy = explanation.pairs.filter { $0.via == TokenSimilarity.Agreement.typo.rawValue
            || $0.via == TokenSimilarity.Agreement.transliteration.rawValue }
        guard !fuzzy.isEmpty else { return nil }
        var q = words(query, script: script), l = words(listed, script: script)
        for word in q where l.contains(word) {
            q.remove(at: q.firstIndex(of: word)!)
            l.remove(at: l.firstIndex(of: word)!)
        }
        // Joined or split (عبدالله / عبد الله): the rest as one string each.
        if Array(q.joined()) == Array(l.joined()) { return nil }
        var unpaired = false
        for word in q {
            if let k = l.firstIndex(where: { Edits.withinOne(word, $0) }) {
                l.remove(at: k)
            } else {
                unpaired = true
            }
        }
        guard unpaired else { return nil }
        let all = explanation.pairs.reduce(0) { $0 + $1.similarity * $1.weight }
        guard all > 0 else { return nil }
        return 1 - fuzzy.reduce(0) { $0 + $1.similarity * $1.weight } / all
    }

    /// Whether two Han characters read alike in Mandarin: a traditional form and its simplified one.
    private static func readAlike(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        guard let x = HanReadings.mandarin(of: [a]), let y = HanReadings.mandarin(of: [b]), !x.isEmpty else { return false }
        return x == y
    }

    /// The name's letters of `script`, kana folded to katakana.
    private static func characters(_ text: String, script: Script) -> [Unicode.Scalar] {
        text.unicodeScalars.compactMap { s in
            guard Script.of(s) == script || script == .kana && Script.of(s) == .han else { return nil }
            if (0x3041...0x3096).contains(s.value) { return Unicode.Scalar(s.value + 0x60) }
            return s
        }
    }

    /// The name's words in `script`, folded: case, marks and the letter variants spellings
    /// of one name use interchangeably (Arabic hamza seats, ta marbuta, Persian ye and kaf; Hebrew final
    /// forms; Greek accents and final sigma; Cyrillic ё).
    private static func words(_ text: String, script: Script) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = [], word: [Unicode.Scalar] = []
        for s in text.lowercased().unicodeScalars {
            if s.properties.generalCategory == .nonspacingMark || s.value == 0x640 || s.value == 0x200C { continue }
            guard s.properties.isAlphabetic || s.properties.generalCategory == .spacingMark else {
                if !word.isEmpty { out.append(word); word = [] }
                continue
            }
            word.append(fold(s))
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar { letterFolds[s.value] ?? s }

    /// Letters spellings of one name write for one another, to the one kept.
    private static let letterFolds: [UInt32: Unicode.Scalar] = {
        let groups: [(String, Unicode.Scalar)] = [
            ("\u{623}\u{625}\u{622}\u{671}", "\u{627}"),  // أ إ آ ٱ → ا
            ("\u{629}", "\u{647}"), ("\u{649}\u{6CC}\u{626}", "\u{64A}"), ("\u{6A9}", "\u{643}"), ("\u{624}", "\u{648}"),  // ة ى ی ئ ک ؤ
            ("\u{5DA}", "\u{5DB}"), ("\u{5DD}", "\u{5DE}"), ("\u{5DF}", "\u{5E0}"), ("\u{5E3}", "\u{5E4}"), ("\u{5E5}", "\u{5E6}"),  // Hebrew finals
            ("\u{3C2}", "\u{3C3}"), ("\u{3AC}", "\u{3B1}"), ("\u{3AD}", "\u{3B5}"), ("\u{3AE}", "\u{3B7}"),  // ς ά έ ή
            ("\u{3AF}\u{3CA}\u{390}", "\u{3B9}"), ("\u{3CC}", "\u{3BF}"), ("\u{3CD}\u{3CB}\u{3B0}", "\u{3C5}"), ("\u{3CE}", "\u{3C9}"),
            ("\u{451}", "\u{435}"),  // ё → е
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (from, to) in groups { for s in from.unicodeScalars { table[s.value] = to } }
        return table
    }()
}

extension Matcher {
    /// `checkSameScript` for a candidate of a query written in a non-Latin script whose listed name is
    /// too: its pairs explained and its name read from its entity record (rare, so not in the first pass).
    func checkSameScript(_ query: String, _ record: ListedNames.Record, _ q: UnsafeBufferPointer<NameScorer.Side>,
                         _ listed: UnsafeBufferPointer<NameScorer.Side>, score: Double, state: inout ScoringState) -> Double {
        var explanation = Explanation()
        _ = NameScorer.score(query: q, listed: listed, isPerson: record.isPerson, explanation: &explanation, state: &state)
        return Self.checkSameScript(query, index.entities[Int(record.entity)].name(at: Int(record.slot)), score: score, explanation: &explanation)
    }

    /// `score` lowered by `SameScriptCheck` when both names are written in one non-Latin script and
    /// differ there where their romanizations agree; the explanation says so.
    static func checkSameScript(_ query: String, _ listed: String, score: Double, explanation: inout Explanation) -> Double {
        guard let factor = SameScriptCheck.factor(query: query, listed: listed, explanation: explanation) else { return score }
        explanation.attributes.append(.init(attribute: "native_spelling", delta: score * factor - score,
                                            reason: "the names differ in their own script where their romanizations agree"))
        return score * factor
    }
}
