/// Script rules ICU does not apply on its own: Indic names as English writes them (inherent vowels,
/// ISO 15919 marks), and which Cyrillic language a name is in.
extension NameNormalizer {
    /// Devanagari, Bengali, Gurmukhi and Gujarati (virama, consonant ranges): a word-final consonant with no vowel sign is
    /// read without its inherent a in Hindi and Bengali names (पुतिन Putin, अमित Amit, not Putina,
    /// Amita), except after a conjunct, where the vowel stays (गुप्त Gupta, कृष्ण Krishna). ICU writes
    /// every inherent vowel; a virama after such a consonant tells it not to.
    static let viramaScripts: [(consonants: [ClosedRange<UInt32>], virama: UInt32, nukta: UInt32, block: ClosedRange<UInt32>)] = [
        ([0x915...0x939, 0x958...0x95F], 0x94D, 0x93C, 0x900...0x97F),  // Devanagari
        ([0x995...0x9B9, 0x9DC...0x9DF], 0x9CD, 0x9BC, 0x980...0x9FF),  // Bengali
        ([0xA15...0xA39, 0xA59...0xA5E], 0xA4D, 0xA3C, 0xA00...0xA7F),  // Gurmukhi
        ([0xA95...0xAB9], 0xACD, 0xABC, 0xA80...0xAFF),  // Gujarati
    ]

    static func silenceFinalInherentVowels(_ text: String) -> String {
        // Every script passes through here (Cyrillic, Greek, ...): look before copying anything.
        guard text.unicodeScalars.contains(where: { (0x900...0xAFF).contains($0.value) }) else { return text }
        let scripts = viramaScripts
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, s) in scalars.enumerated() {
            out.append(s)
            guard let script = scripts.first(where: { $0.block.contains(s.value) }) else { continue }
            // The consonant (or its nukta) ends the word: the next scalar is outside the script's block
            // (a nukta after the consonant is inside it).
            let isConsonant = script.consonants.contains { $0.contains(s.value) }
            let consonantIndex = s.value == script.nukta ? i - 1 : i
            guard isConsonant || s.value == script.nukta, consonantIndex >= 0,
                  script.consonants.contains(where: { $0.contains(scalars[consonantIndex].value) }) else { continue }
            if i + 1 < scalars.count, script.block.contains(scalars[i + 1].value) { continue }
            // Part of a conjunct (a virama before it) keeps its vowel; so does a one-letter word.
            let before = consonantIndex - 1
            guard before >= 0, script.block.contains(scalars[before].value), scalars[before].value != script.virama else { continue }
            out.append(Unicode.Scalar(script.virama)!)
        }
        return String(out)
    }

    /// ISO 15919 as Indian names are written in English: ś and ṣ sh (Sharma, Krishna), ṛ ri (Krishna),
    /// c ch and ch chh (Chandra, Chhabra), the nasal marks n.
    static func indicSpelling(_ iso: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(iso.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            switch s.value {
            case 0x15B, 0x15A, 0x1E63, 0x1E62: out.append(contentsOf: "sh".unicodeScalars)  // ś Ś ṣ Ṣ
            case 0x1E5B, 0x1E5A, 0x1E5D, 0x1E5C: out.append(contentsOf: "ri".unicodeScalars)  // ṛ ṝ
            case 0x1E41, 0x1E43, 0x1E45, 0xF1: out.append("n")  // ṁ ṃ ṅ ñ
            case 0x72 where i + 1 < scalars.count && scalars[i + 1].value == 0x325:  // r̥ (vocalic r, decomposed)
                out.append(contentsOf: "ri".unicodeScalars)
                i += 1
            case 0x63, 0x43:  // c, C: ch; ICU's ch (छ) is chh
                if i + 1 < scalars.count, scalars[i + 1] == "h" || scalars[i + 1] == "H" {
                    out.append(contentsOf: "chh".unicodeScalars)
                    i += 1
                } else {
                    out.append(contentsOf: "ch".unicodeScalars)
                }
            default: out.append(s)
            }
            i += 1
        }
        return String(out)
    }

    enum CyrillicLanguage { case ukrainian, belarusian, serbian, macedonian, turkic }

    /// The language of a Cyrillic name by the letters Russian lacks, so each reads as its passports
    /// write it; nil: Russian.
    /// - Ukrainian or Belarusian: Володимир Volodymyr, Лукашэнка Lukashenka. Belarusian: ў, or і beside
    ///   ы/э/ё (which Ukrainian lacks); Ukrainian: і ї є ґ otherwise.
    /// - Serbian (ђ ћ џ ј љ њ) and Macedonian (ѓ ќ ѕ besides): Вучић Vucic, as Serbian Latin writes it
    ///   folded (Russian rules read it Vuchic and drop џ).
    /// - Kazakh, Kyrgyz, Mongolian, Tatar, Bashkir, Tajik (ә ғ қ ң ө ұ ү һ …): their names are
    ///   written in Latin the Russian way (Tokayev, Khurelsukh), so these letters are read as their
    ///   Russian neighbours first (`russianLetters`); Russian rules alone drop or keep them raw.
    static func cyrillicLanguage(_ text: String) -> CyrillicLanguage? {
        var i = false, ukrainianOnly = false, russianOrBelarusian = false, serbian = false
        for s in text.unicodeScalars {
            switch s.value {
            case 0x45E, 0x40E: return .belarusian  // ў
            case 0x453, 0x403, 0x45C, 0x40C, 0x455, 0x405: return .macedonian  // ѓ ќ ѕ
            case _ where turkicLetters[s.value] != nil: return .turkic
            case 0x452, 0x402, 0x45B, 0x40B, 0x45F, 0x40F, 0x458, 0x408, 0x459, 0x409, 0x45A, 0x40A: serbian = true  // ђ ћ џ ј љ њ
            case 0x456, 0x406: i = true  // і
            case 0x457, 0x407, 0x454, 0x404, 0x491, 0x490: ukrainianOnly = true  // ї є ґ
            case 0x44B, 0x42B, 0x44D, 0x42D, 0x451, 0x401: russianOrBelarusian = true  // ы э ё
            default: continue
            }
        }
        if serbian { return .serbian }
        if ukrainianOnly { return .ukrainian }
        if i { return russianOrBelarusian ? .belarusian : .ukrainian }
        return nil
    }

    /// Letters of the Cyrillic alphabets of Central Asia and Mongolia, lower case (the text is case
    /// folded), as the Russian letter their names are written with in Latin: ү ө у о (Хүрэлсүх
    /// Khurelsukh), қ ғ ң к г н (Тоқаев Tokayev), ә а, ұ у, һ х.
    static let turkicLetters: [UInt32: Character] = [
        0x4D9: "а", 0x493: "г", 0x49B: "к", 0x4A3: "н", 0x4E9: "о", 0x4B1: "у", 0x4AF: "у", 0x4BB: "х",
        0x497: "ж", 0x499: "з", 0x4A1: "к", 0x4AB: "с", 0x4E3: "и", 0x4EF: "у", 0x4B3: "х", 0x4B7: "ч",
    ]

    /// `text` with `turkicLetters` (and і, which these alphabets share with Ukrainian) as Russian letters.
    static func russianLetters(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if let r = turkicLetters[s.value] { out.append(contentsOf: r.unicodeScalars) }
            else if s.value == 0x456 { out.append("\u{438}") }
            else { out.append(s) }
        }
        return String(out)
    }
}
