/// A name reduced to comparable Latin tokens.
public struct NormalizedName: Sendable, Equatable {
    /// Folded ASCII tokens in name order, honorifics removed.
    public var tokens: [String]
    /// The script the name was written in (its dominant non-Latin script, else Latin).
    public var script: Script
    /// Honorifics and titles that were removed.
    public var honorifics: [String]
    /// For tokens romanized from Chinese characters that have more than one reading (柏 bai/bo, 薄
    /// bao/bo): every reading of each syllable, the one the token spells first. Keyed by token.
    public var hanReadings: [String: [[String]]]
    /// For tokens read from the kanji of a Japanese name (`JapaneseNames`): the readings of each kanji,
    /// the one the token spells first. Keyed by token.
    public var kanjiReadings: [String: [[String]]]

    public init(tokens: [String], script: Script, honorifics: [String] = [], hanReadings: [String: [[String]]] = [:],
                kanjiReadings: [String: [[String]]] = [:]) {
        self.tokens = tokens
        self.script = script
        self.honorifics = honorifics
        self.hanReadings = hanReadings
        self.kanjiReadings = kanjiReadings
    }

    /// Tokens joined by single spaces.
    public var text: String { tokens.joined(separator: " ") }
}

/// Turns a name in any script into folded ASCII tokens.
///
/// Latin text takes a table-driven path (no ICU call per name), and so does Chinese (`HanReadings`,
/// generated from ICU). Other scripts go through an ICU transliterator chosen by script (`Han-Latin/Names` for Chinese, so surnames read as surnames;
/// `Russian-Latin/BGN` for Cyrillic, the spelling on passports and lists).
public final class NameNormalizer: Sendable {
    public static let shared = NameNormalizer()

    private let latinFold: [UInt32: String]
    private let han: Transliterator?
    private let cyrillic: Transliterator?
    private let ukrainian: Transliterator?
    private let belarusian: Transliterator?
    private let greek: Transliterator?
    private let anyLatin: Transliterator?
    /// Indic scripts to ISO 15919 with its marks kept, for `indicSpelling`.
    private let indicLatin: Transliterator?

    public init() {
        han = try? Transliterator("Han-Latin/Names; Any-Latin; Latin-ASCII")
        cyrillic = try? Transliterator("Russian-Latin/BGN; Any-Latin; Latin-ASCII")
        ukrainian = try? Transliterator("Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII")
        belarusian = try? Transliterator("Belarusian-Latin/BGN; Any-Latin; Latin-ASCII")
        // UNGEGN reads modern Greek as lists write it (β v, Βλαντίμιρ Vlantimir), not classically (b).
        greek = try? Transliterator("Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII")
        anyLatin = try? Transliterator("Any-Latin; Latin-ASCII")
        indicLatin = try? Transliterator("Any-Latin")
        latinFold = Self.buildLatinFoldTable()
    }

    /// Folds every precomposed Latin letter to ASCII once, so accented Latin names never need ICU.
    private static func buildLatinFoldTable() -> [UInt32: String] {
        guard let t = try? Transliterator("Latin-ASCII; Lower") else { return [:] }
        var table: [UInt32: String] = [:]
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFB00...0xFB06]
        for r in ranges {
            for v in r {
                guard let s = Unicode.Scalar(v), let out = try? t.transliterate(String(Character(s))) else { continue }
                let ascii = out.unicodeScalars.filter { $0.isASCII }
                table[v] = String(String.UnicodeScalarView(ascii)).lowercased()
            }
        }
        return table
    }

    /// - Parameter stripHonorifics: drop titles ("Dr", "Haji", "General"). Right for people; wrong for
    ///   vessels and companies ("LADY RANIA", "GENERAL ELECTRIC"), so the index turns it off for them.
    public func normalize(_ raw: String, stripHonorifics: Bool = true) -> NormalizedName {
        var script = Script.dominant(in: raw)
        var latin: String
        var kanjiReadings: [String: [[String]]] = [:]
        if (script == .han || script == .kana) && JapaneseNames.isJapanese(raw, script: script) {
            // Kanji read the Japanese way (Matsumoto, not Songben); kana runs through ICU.
            let japanese = JapaneseNames.read(raw) { self.transliterate($0, script: .kana) }
            latin = japanese.tokens.joined(separator: " ")
            kanjiReadings = japanese.readings
            script = .kana
        } else if script == .latin {
            latin = Self.joinDottedAbbreviations(MandarinRomanization.joinHyphenatedSyllables(foldLatin(Self.splitCaseBoundaries(raw))))
        } else if script == .hangul {
            latin = HangulRomanizer.tokens(raw).joined(separator: " ")
        } else if script == .arabic {
            // Name-aware: writes the vowels lists write (محمد -> "mohammad", not ICU's "mhmd").
            latin = foldLatin(ArabicRomanizer.romanize(raw))
        } else {
            latin = transliterate(raw, script: script)
        }
        var tokens = Self.tokenize(latin)
        if script == .latin { tokens = Self.lettersForDigits(tokens) }
        var hanReadings: [String: [[String]]] = [:]
        if script == .han {
            let syllableReadings = Self.polyphoneReadings(tokens, original: raw)
            let surnameLength = Self.hanSurnameLength(tokens, original: raw)
            tokens = Self.group(tokens, surnameLength: surnameLength) { $0.joined() }
            if let syllableReadings {
                let grouped = Self.group(syllableReadings, surnameLength: surnameLength) { Array($0.joined()) }
                for (token, readings) in zip(tokens, grouped) where readings.contains(where: { $0.count > 1 }) {
                    hanReadings[token] = readings
                }
            }
        }
        tokens = LegalForms.canonicalize(Self.joinCompoundNames(Self.joinServantNames(Self.joinPersianSuffixes(Self.numbersAsDigits(tokens)))))
        var honorifics: [String] = []
        if stripHonorifics && tokens.count > 1 {
            var kept: [String] = []
            for t in tokens {
                if Vocabulary.honorifics.contains(t) && honorifics.count < tokens.count - 1 { honorifics.append(t) } else { kept.append(t) }
            }
            if !kept.isEmpty { tokens = kept } else { honorifics = [] }
        }
        return NormalizedName(tokens: tokens, script: script, honorifics: honorifics, hanReadings: hanReadings, kanjiReadings: kanjiReadings)
    }

    /// The name's canonical form with its diacritics kept: NFKC, case folded, apostrophes dropped
    /// inside a word, other punctuation and separators one space (`  NÚÑEZ-Güell, José` -> `núñez güell
    /// josé`, `Chin-p'ing` -> `chin ping`). Matching compares the folded tokens (`normalize`); this is the
    /// form a reviewer reads beside them, where `Đorđević` and `Dordevic` differ.
    public func diacriticForm(_ raw: String) -> String {
        let folded = (try? ICU.nfkcCasefold(raw)) ?? raw.lowercased()
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in folded.unicodeScalars {
            if s == "'" || s == "`" || s == "\u{2019}" || s == "\u{02BC}" || s.properties.generalCategory == .format { continue }
            let isWordPart = s.properties.isAlphabetic || s.properties.numericType != nil
                || s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .spacingMark
            if isWordPart {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(s)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// Zero-width space, middle dot, katakana middle dot (ウラジーミル・プーチン), halfwidth katakana
    /// middle dot, hyphenation point, bullet.
    static let wordSeparators: Set<UInt32> = [0x200B, 0xB7, 0x30FB, 0xFF65, 0x2027, 0x2022]

    /// Case folds and strips diacritics of Latin text via the precomputed table; other scalars pass.
    func foldLatin(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for s in raw.unicodeScalars {
            if s.isASCII {
                let v = s.value
                out.append((v >= 0x41 && v <= 0x5A) ? Unicode.Scalar(v + 32)! : s)
            } else if let f = latinFold[s.value] {
                out.append(contentsOf: f.unicodeScalars)
            } else if s.properties.isWhitespace || Self.wordSeparators.contains(s.value) {
                // No-break and other Unicode spaces separate words like a space does (RuPEP, FBK use them),
                // and so do the middle dots between the parts of a foreign name in Chinese and Japanese.
                out.append(" ")
            } else if s.properties.generalCategory == .format {
                // Zero-width joiners and marks (ZWNJ inside Persian words, BOM): invisible, not separators.
                continue
            } else if s.properties.isDiacritic || s.properties.generalCategory == .nonspacingMark {
                continue
            } else if Script.of(s) != nil, let t = try? ICU.nfkcCasefold(String(Character(s))) {
                // Rare: a look-alike letter from another script or a compatibility form.
                out.append(contentsOf: (anyLatin.flatMap { try? $0.transliterate(t) } ?? t).unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    func transliterate(_ raw: String, script: Script) -> String {
        let folded = (try? ICU.nfkcCasefold(raw)) ?? raw
        // Chinese: a table generated from ICU's own Han-Latin/Names gives ICU's output (tested on every
        // entry and on real names) without ICU's lock; ICU remains the fallback for rare characters.
        if script == .han, let fast = HanReadings.romanized(folded) { return foldLatin(fast) }
        return icuTransliterate(Self.silenceFinalInherentVowels(folded), script: script)
    }

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

    /// ICU's transliteration of already case-folded text (the reference `HanReadings` is tested against).
    func icuTransliterate(_ folded: String, script: Script) -> String {
        let t: Transliterator?
        switch script {
        case .han: t = han
        case .cyrillic: t = Self.cyrillicLanguage(folded).flatMap { $0 == .ukrainian ? ukrainian : belarusian } ?? cyrillic
        case .greek: t = greek ?? anyLatin
        default:
            if folded.unicodeScalars.contains(where: { (0x900...0xDFF).contains($0.value) }), let indicLatin,
               let iso = try? indicLatin.transliterate(folded) {
                return foldLatin(Self.indicSpelling(iso))
            }
            t = anyLatin
        }
        guard let t, var out = try? t.transliterate(folded) else { return foldLatin(folded) }
        // BGN marks a digraph that is two letters with a middle dot (Svet·skiy, Mos·khayev): the word
        // stays one word, unlike the dot between the parts of a foreign name in Chinese.
        if script == .cyrillic { out = String(String.UnicodeScalarView(out.unicodeScalars.filter { $0.value != 0xB7 })) }
        return foldLatin(out)
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

    enum CyrillicLanguage { case ukrainian, belarusian }

    /// Ukrainian or Belarusian by the letters Russian lacks, so Володимир reads Volodymyr and Лукашэнка
    /// Lukashenka as their passports write them; nil: Russian. Belarusian: ў, or і beside ы/э/ё (which
    /// Ukrainian lacks); Ukrainian: і ї є ґ otherwise.
    static func cyrillicLanguage(_ text: String) -> CyrillicLanguage? {
        var i = false, ukrainianOnly = false, russianOrBelarusian = false
        for s in text.unicodeScalars {
            switch s.value {
            case 0x45E, 0x40E: return .belarusian  // ў
            case 0x456, 0x406: i = true  // і
            case 0x457, 0x407, 0x454, 0x404, 0x491, 0x490: ukrainianOnly = true  // ї є ґ
            case 0x44B, 0x42B, 0x44D, 0x42D, 0x451, 0x401: russianOrBelarusian = true  // ы э ё
            default: continue
            }
        }
        if ukrainianOnly { return .ukrainian }
        if i { return russianOrBelarusian ? .belarusian : .ukrainian }
        return nil
    }

    static let numberWords: [String: Int] = {
        var table: [String: Int] = [:]
        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        for (n, w) in units.enumerated() where w != "one" { table[w] = n }  // "one-person company", "Capital One"
        for (i, w) in ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].enumerated() { table[w] = 20 + 10 * i }
        table["fourty"] = 40  // a common misspelling
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
        for (n, w) in ordinals.enumerated() { table[w] = n + 1 }
        for (i, w) in ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"].enumerated() {
            table[w] = 20 + 10 * i
        }
        return table
    }()

    /// English numbers written out or as ordinals become digits, as names write them either way (`Brigade
    /// Forty-Four` / `Brigade 44`, `First International Bank` / `1st International Bank`): number words
    /// up to ninety-nine (a tens word takes a following unit, in words or a digit), ordinals, and digit
    /// ordinals (`1st`, `22nd`, `3rd`, `4th`). `One` stays a word: it is part of names and of the legal
    /// form "one-person company" more often than a number.
    static func numbersAsDigits(_ tokens: [String]) -> [String] {
        guard tokens.contains(where: { mayBeNumberWord($0) || digitsOfOrdinal($0) != nil }) else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if let digits = digitsOfOrdinal(t) {
                out.append(digits)
            } else if let n = numberWords[t] {
                // Tens followed by a unit: forty four, forty-four, forty 4.
                if n >= 20, n % 10 == 0, i + 1 < tokens.count,
                   let unit = numberWords[tokens[i + 1]] ?? (tokens[i + 1].utf8.count == 1 ? Int(tokens[i + 1]) : nil), (1...9).contains(unit) {
                    out.append(String(n + unit))
                    i += 2
                    continue
                }
                out.append(String(n))
            } else {
                out.append(t)
            }
            i += 1
        }
        return out
    }

    /// A lone digit between two letters of a word is the letter it looks like (OCR, or a filter dodged:
    /// `Ig0r Sech1n`, `I9or`): 0 o, 1 i, 3 e, 4 a, 5 s, 7 t, 8 b, 9 g, in words of three letters or more.
    /// Digits at a word's edge or in a run (`737`, `B2B`, `A380`) stay digits.
    static func lettersForDigits(_ tokens: [String]) -> [String] {
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        func isLetter(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        guard tokens.contains(where: { $0.utf8.contains(where: isDigit) }) else { return tokens }
        return tokens.map { t in
            guard t.utf8.count >= 4, t.utf8.contains(where: isDigit), t.utf8.lazy.filter(isLetter).count >= 3 else { return t }
            var bytes = Array(t.utf8)
            var changed = false
            for k in 1..<(bytes.count - 1) where isLetter(bytes[k - 1]) && isLetter(bytes[k + 1]) {
                if let letter = lookAlikeLetters[bytes[k]] { bytes[k] = letter; changed = true }
            }
            return changed ? String(decoding: bytes, as: UTF8.self) : t
        }
    }

    static let lookAlikeLetters: [UInt8: UInt8] = [
        UInt8(ascii: "0"): UInt8(ascii: "o"), UInt8(ascii: "1"): UInt8(ascii: "i"), UInt8(ascii: "3"): UInt8(ascii: "e"),
        UInt8(ascii: "4"): UInt8(ascii: "a"), UInt8(ascii: "5"): UInt8(ascii: "s"), UInt8(ascii: "7"): UInt8(ascii: "t"),
        UInt8(ascii: "8"): UInt8(ascii: "b"), UInt8(ascii: "9"): UInt8(ascii: "g"),
    ]

    /// Number words begin with e, f, n, s, t or z and have 3 to 11 letters: most tokens are ruled out
    /// without hashing them.
    @inline(__always)
    static func mayBeNumberWord(_ t: String) -> Bool {
        guard let c = t.utf8.first, (3...11).contains(t.utf8.count) else { return false }
        switch c {
        case UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "z"):
            return numberWords[t] != nil
        default: return false
        }
    }

    /// The number of a digit ordinal (`1st` -> 1, `22nd` -> 22, `3rd`, `11th`); nil for any other token.
    static func digitsOfOrdinal(_ t: String) -> String? {
        guard let first = t.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"), t.utf8.count >= 3 else { return nil }
        let bytes = Array(t.utf8)
        let digits = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        guard bytes.count == digits + 2 else { return nil }
        let suffix = String(decoding: bytes[digits...], as: UTF8.self)
        guard suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" else { return nil }
        return String(decoding: bytes[..<digits], as: UTF8.self)
    }

    /// A given name run into a capitalised family name (`AlexandrovichBRAVERMAN`, `AhmadAL-KHATIB`, as a
    /// form or a copy from a list that capitalises family names leaves them) is split where a lower-case
    /// letter meets two or more capitals. One capital is a name's own inner capital and stays:
    /// `McDonald`, `DiCaprio`, `LeBron`.
    static func splitCaseBoundaries(_ raw: String) -> String {
        let scalars = raw.unicodeScalars
        var out: String.UnicodeScalarView?
        var i = scalars.startIndex
        var previousLower = false
        while i < scalars.endIndex {
            let s = scalars[i]
            if previousLower && Self.isUppercase(s) {
                let next = scalars.index(after: i)
                if next < scalars.endIndex && Self.isUppercase(scalars[next]) {
                    if out == nil { out = String.UnicodeScalarView(scalars[..<i]) }
                    out!.append(" ")
                }
            }
            out?.append(s)
            previousLower = s.isASCII ? (s.value >= 0x61 && s.value <= 0x7A) : s.properties.isLowercase
            i = scalars.index(after: i)
        }
        return out.map(String.init) ?? raw
    }

    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? (s.value >= 0x41 && s.value <= 0x5A) : s.properties.isUppercase
    }

    /// Abbreviations written with dots become one token: `A.B.C.` -> `abc`, `G.m.b.H.` -> `gmbh`,
    /// `L.L.C.` -> `llc`, so they meet the same letters written without dots (and legal forms are
    /// recognised). Two dotted letters are joined only when they make a legal form (`S.A.` -> `sa`):
    /// otherwise they are a person's initials (`A.Q. Khan`), which match given names one by one.
    /// Works on folded (lower-case ASCII) text.
    static func joinDottedAbbreviations(_ folded: String) -> String {
        guard folded.utf8.count >= 3, folded.utf8.contains(UInt8(ascii: ".")) else { return folded }
        let bytes = Array(folded.utf8)
        func isLetter(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        func isWordByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b >= 0x80 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var changed = false
        while i < bytes.count {
            // A run `x.y(.z)*` of single letters, starting a word.
            if isLetter(bytes[i]), i == 0 || !isWordByte(bytes[i - 1]) && bytes[i - 1] != UInt8(ascii: "."),
               i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "."), isLetter(bytes[i + 2]) {
                var letters: [UInt8] = [bytes[i]]
                var j = i + 1  // at a dot
                while j + 1 < bytes.count, bytes[j] == UInt8(ascii: "."), isLetter(bytes[j + 1]),
                      j + 2 >= bytes.count || !isWordByte(bytes[j + 2]) {
                    letters.append(bytes[j + 1])
                    j += 2
                }
                if j < bytes.count, bytes[j] == UInt8(ascii: ".") { j += 1 }
                let endsWord = j >= bytes.count || !isWordByte(bytes[j])
                let joined = String(decoding: letters, as: UTF8.self)
                if letters.count >= 2, endsWord, letters.count >= 3 || Vocabulary.legalForms[joined] != nil {
                    out.append(contentsOf: letters)
                    out.append(UInt8(ascii: " "))
                    i = j
                    changed = true
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return changed ? String(decoding: out, as: UTF8.self) : folded
    }

    /// Splits folded text into tokens: letters and digits form tokens, apostrophes vanish inside a
    /// token (`p'ing` -> `ping`), anything else separates.
    public static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(b)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(b + 32)
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue
            default:
                if b >= 0x80 {
                    // Leftover non-ASCII (e.g. modifier letters from transliteration): apostrophe-like, drop.
                    continue
                }
                if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    /// A Chinese name written without spaces transliterates to one token per syllable; they are grouped
    /// as surname + given name (`xi jin ping` -> `xi jinping`), the way passports romanize the name.
    /// How many leading syllables form the surname, or nil when the syllables should stay apart (a
    /// spaced name, a name of more than 4 or fewer than 2 characters, syllables not one per character).
    static func hanSurnameLength(_ syllables: [String], original: String) -> Int? {
        let hanCount = original.unicodeScalars.filter { Script.of($0) == .han }.count
        let hasSpace = original.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "·" || $0 == "・" }
        guard !hasSpace, hanCount == syllables.count, (2...4).contains(hanCount) else { return nil }
        return (hanCount == 4 || isCompoundSurname(syllables[0], syllables[1])) && hanCount > 2 ? 2 : 1
    }

    static func group<T>(_ items: [T], surnameLength: Int?, _ join: (ArraySlice<T>) -> T) -> [T] {
        guard let n = surnameLength else { return items }
        return [join(items[..<n]), join(items[n...])]
    }

    /// Every reading of each syllable when the syllables are one per Han character and some character
    /// has several readings (`HanPolyphones`); the reading ICU gave stays first. Nil otherwise.
    static func polyphoneReadings(_ syllables: [String], original: String) -> [[[String]]]? {
        let han = original.unicodeScalars.filter { Script.of($0) == .han }
        guard han.count == syllables.count, han.contains(where: { HanPolyphones.readings[$0.value] != nil }) else { return nil }
        return zip(syllables, han).map { syllable, c in
            [[syllable] + (HanPolyphones.readings[c.value] ?? []).filter { $0 != syllable }]
        }
    }

    /// Arabic "servant of" names are written many ways: `Abd al-Khaliq`, `Abdul Khaliq`, `Abdel Khaliq`,
    /// `Abdulkhaliq`. The particle becomes one canonical token, `abdul`, so they align.
    /// Written joined (`Abdelkader`, `Abderrahmane`, `Abdessalam`, `Abdirahman`), the particle is split off
    /// the same way, so the name meets `Abdul Qadir` and `عبد القادر`.
    static let servantParticles: Set<String> = ["abd", "abdu", "abdi", "abed"]
    static let servantArticles: Set<String> = ["al", "el", "ul", "ar", "ur", "an", "as", "ash", "ad", "az", "at"]
    static let servantJoinedParticles: Set<String> = ["abdel", "abdal", "abdoul", "abdol", "abdoel", "abdull"]

    static func joinServantNames(_ tokens: [String]) -> [String] {
        // Every form of the particle starts with "ab": most names are ruled out without hashing a token.
        guard tokens.contains(where: { $0.utf8.count >= 3 && $0.utf8.starts(with: "ab".utf8) }) else { return tokens }
        var tokens = tokens
        if tokens.contains(where: { $0.utf8.count >= 6 && $0.hasPrefix("abd") }) {
            tokens = tokens.flatMap { t -> [String] in
                guard let rest = servantNameRest(t) else { return [t] }
                return ["abdul", rest]
            }
        }
        guard tokens.count >= 2 else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if servantParticles.contains(t), i + 2 < tokens.count, servantArticles.contains(tokens[i + 1]) {
                out.append("abdul")
                i += 2
                continue
            }
            if t == "abd", i + 1 < tokens.count, let rest = servantNameRest(t + tokens[i + 1]) {
                // The article written with the divine name: "Abd elghani", "Abd errahman".
                out.append("abdul")
                out.append(rest)
                i += 2
                continue
            }
            if servantJoinedParticles.contains(t) && i + 1 < tokens.count {
                out.append("abdul")
            } else {
                out.append(t)
            }
            i += 1
        }
        return out
    }

    /// The divine name in a joined "servant of" name, or nil: `abdelkader` -> "kader", `abderrahmane` ->
    /// "rahmane" (the article written as the doubled sun letter), `abdirahman` -> "rahman". Abd, one
    /// vowel (ou counts as one), then the article: l, or a doubled letter written once; at least three
    /// letters must remain. Abdullah, Abdallah, Abdellah, Abdoulaye stay whole (they are one name).
    static func servantNameRest(_ t: String) -> String? {
        let b = Array(t.utf8)
        guard b.count >= 6, b[0] == UInt8(ascii: "a"), b[1] == UInt8(ascii: "b"), b[2] == UInt8(ascii: "d") else { return nil }
        let vowels: [UInt8] = Array("aeiou".utf8)
        guard vowels.contains(b[3]) else { return nil }
        var k = 4
        if b[3] == UInt8(ascii: "o") && b[4] == UInt8(ascii: "u") { k = 5 }
        var rest = b[k...]
        if rest.starts(with: "llah".utf8) || rest.starts(with: "lah".utf8) || rest.starts(with: "laye".utf8)
            || rest.starts(with: "la".utf8) && rest.count <= 3 { return nil }
        if let first = rest.first, first == UInt8(ascii: "l") {
            rest = rest.dropFirst()
        } else if rest.count >= 2, rest[rest.startIndex] == rest[rest.startIndex + 1], !vowels.contains(rest[rest.startIndex]) {
            rest = rest.dropFirst()
        }
        guard rest.count >= 3, !(rest.count == 3 && rest.last == UInt8(ascii: "h") && rest.first == UInt8(ascii: "a")) else { return nil }
        return String(decoding: rest, as: UTF8.self)
    }

    /// Persian family names end in -pour (son of), -zadeh (born of), -nejad (descended from), written
    /// joined, with a zero-width non-joiner (which vanishes) or with a space (اکبر پور, Akbar Pour): the
    /// suffix joins the word before it, so Akbarpour is one name and not Akbar with an extra token.
    static let persianSuffixes: Set<String> = ["pour", "pur", "zadeh", "zade", "zada", "nejad", "nezhad", "nejhad", "nijad"]

    @inline(__always)
    static func mayBePersianSuffix(_ t: String) -> Bool {
        guard let c = t.utf8.first, c == UInt8(ascii: "p") || c == UInt8(ascii: "z") || c == UInt8(ascii: "n") else { return false }
        return persianSuffixes.contains(t)
    }

    static func joinPersianSuffixes(_ tokens: [String]) -> [String] {
        // Most names hold no suffix: a first letter rules a token out before it is hashed.
        guard tokens.count >= 2, tokens.dropFirst().contains(where: { mayBePersianSuffix($0) }) else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        for t in tokens {
            if persianSuffixes.contains(t), let previous = out.last, previous.utf8.count >= 3, !persianSuffixes.contains(previous) {
                out[out.count - 1] = previous + t
            } else {
                out.append(t)
            }
        }
        return out
    }

    /// Arabic compound names ending in "of the faith" and "of God" are written joined or apart:
    /// `Saif al-Din`, `Saifeddine`, `Saif Eddine`, `Saifuddin`; `Saif Allah`, `Seifallah`, `Saifullah`.
    /// They become one token with one canonical ending (`saifuddin`, `saifullah`), as the Arabic-script
    /// romanizer writes them.
    static let compoundArticles: Set<String> = ["al", "el", "ul", "ud", "ad", "ed"]
    static let compoundFaith: Set<String> = ["din", "deen", "dine", "dean"]
    static let compoundJoinedFaith: Set<String> = ["eddine", "eddin", "uddine", "uddin", "uddeen", "addin", "aldin", "eldin", "eldine", "ud-din"]
    static let compoundGod: Set<String> = ["allah", "ullah", "ollah"]

    /// Whether a token may end a compound: every faith and god ending ends in e, n or h.
    @inline(__always)
    static func mayEndCompound(_ t: String) -> Bool {
        guard let last = t.utf8.last else { return false }
        return last == UInt8(ascii: "e") || last == UInt8(ascii: "n") || last == UInt8(ascii: "h")
    }

    static func joinCompoundNames(_ tokens: [String]) -> [String] {
        guard tokens.contains(where: mayEndCompound) else { return tokens }
        let articles = compoundArticles, faith = compoundFaith, joinedFaith = compoundJoinedFaith, god = compoundGod
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            let long = t.utf8.count >= 3
            if long, i + 2 < tokens.count, mayEndCompound(tokens[i + 2]), articles.contains(tokens[i + 1]), faith.contains(tokens[i + 2]) {
                out.append(t + "uddin"); i += 3; continue
            }
            if long, i + 1 < tokens.count, mayEndCompound(tokens[i + 1]), joinedFaith.contains(tokens[i + 1]) {
                out.append(t + "uddin"); i += 2; continue
            }
            if long, t != "abd", t != "abdul", i + 1 < tokens.count, mayEndCompound(tokens[i + 1]), god.contains(tokens[i + 1]) {
                out.append(t + "ullah"); i += 2; continue
            }
            out.append(mayEndCompound(t) ? Self.canonicalCompoundEnding(t) : t)
            i += 1
        }
        return out
    }

    /// `saifeddine` -> `saifuddin`, `seifallah` -> `seifullah`: one spelling of the joined ending.
    static func canonicalCompoundEnding(_ t: String) -> String {
        for suffix in ["eddine", "eddin", "uddine", "uddeen", "addin", "aldin", "eldin", "eldine"] where t.utf8.count > suffix.utf8.count + 2 && t.hasSuffix(suffix) {
            return String(t.dropLast(suffix.count)) + "uddin"
        }
        for suffix in ["allah", "ollah"] where t.utf8.count > suffix.utf8.count + 2 && t.hasSuffix(suffix) && !t.hasPrefix("abd") {
            return String(t.dropLast(suffix.count)) + "ullah"
        }
        return t
    }

    static let compoundSurnames: Set<String> = [
        "ouyang", "sima", "zhuge", "shangguan", "situ", "dongfang", "huangfu", "yuwen", "zhangsun", "murong",
        "xiahou", "zhongli", "gongsun", "linghu", "duanmu", "wuma", "nangong", "ximen", "dugu", "baili",
    ]
    static func isCompoundSurname(_ a: String, _ b: String) -> Bool { compoundSurnames.contains(a + b) }
}
