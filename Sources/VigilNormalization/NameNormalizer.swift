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
    private let serbian: Transliterator?
    private let macedonian: Transliterator?
    private let greek: Transliterator?
    private let anyLatin: Transliterator?
    /// Indic scripts to ISO 15919 with its marks kept, for `indicSpelling`.
    private let indicLatin: Transliterator?

    public init() {
        han = try? Transliterator("Han-Latin/Names; Any-Latin; Latin-ASCII")
        cyrillic = try? Transliterator("Russian-Latin/BGN; Any-Latin; Latin-ASCII")
        ukrainian = try? Transliterator("Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII")
        belarusian = try? Transliterator("Belarusian-Latin/BGN; Any-Latin; Latin-ASCII")
        serbian = try? Transliterator("Serbian-Latin/BGN; Any-Latin; Latin-ASCII")
        macedonian = try? Transliterator("Macedonian-Latin/BGN; Any-Latin; Latin-ASCII")
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
        if script == .kana && ForeignTranscription.isKatakanaTranscription(raw) {
            // A Western name in katakana (バラク・オバマ): romaji without the vowels Japanese adds (barak obama).
            latin = ForeignTranscription.parts(raw).map { part in
                let romaji = transliterate(part, script: .kana).utf8.filter { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
                return String(decoding: ForeignTranscription.withoutEpentheticVowels(Array(romaji)), as: UTF8.self)
            }.joined(separator: " ")
        } else if (script == .han || script == .kana) && JapaneseNames.isJapanese(raw, script: script) {
            // Kanji read the Japanese way (Matsumoto, not Songben); kana runs through ICU.
            let japanese = JapaneseNames.read(raw) { self.transliterate($0, script: .kana) }
            latin = japanese.tokens.joined(separator: " ")
            kanjiReadings = japanese.readings
            script = .kana
        } else if script == .latin {
            latin = Self.joinDottedAbbreviations(MandarinRomanization.joinHyphenatedSyllables(foldLatin(Self.splitCaseBoundaries(raw))))
        } else if script == .hangul {
            latin = HangulRomanizer.tokens(raw).joined(separator: " ")
        } else if script == .khmer {
            latin = foldLatin(KhmerRomanizer.romanize(raw))
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
        // A list's descriptor before the name, not a word of it (`So-called 'Luhansk Guard'`, DFAT).
        if tokens.count > 2 && tokens[0] == "so" && tokens[1] == "called" { tokens.removeFirst(2) }
        var honorifics: [String] = []
        if stripHonorifics && tokens.count > 1 {
            var kept: [String] = []
            for t in tokens {
                let title = Vocabulary.honorifics.contains(t) || script == .latin && Vocabulary.generationalSuffixes.contains(t)
                if title && honorifics.count < tokens.count - 1 { honorifics.append(t) } else { kept.append(t) }
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

    /// ICU's transliteration of already case-folded text (the reference `HanReadings` is tested against).
    func icuTransliterate(_ folded: String, script: Script) -> String {
        let t: Transliterator?
        var folded = folded
        switch script {
        case .han: t = han
        case .cyrillic:
            switch Self.cyrillicLanguage(folded) {
            case .ukrainian: t = ukrainian
            case .belarusian: t = belarusian
            case .serbian: t = serbian
            case .macedonian: t = macedonian
            case .turkic:
                t = cyrillic
                folded = Self.russianLetters(folded)
            case nil: t = cyrillic
            }
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
    /// recognised). Two dotted letters are joined only when they make a legal form (`S.A.` -> `sa`; `Vocabulary.dottedPairForms`):
    /// otherwise they are a person's initials (`A.Q. Khan`), which match given names one by one.
    /// Works on folded (lower-case ASCII) text.
    static func joinDottedAbbreviations(_ folded: String) -> String {
        guard folded.utf8.count >= 3, folded.utf8.contains(UInt8(ascii: ".")) else { return folded }
        let bytes = Array(folded.utf8)
        func isLetter(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        func isWordByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b >= 0x80 }
        // Three letters or more right before `i`: a run starting there is run into a word.
        func runsIntoWord(_ i: Int) -> Bool { i >= 3 && bytes[(i - 3)..<i].allSatisfy(isLetter) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var changed = false
        while i < bytes.count {
            // A run `x.y(.z)*` of single letters, starting a word, or run into the end of a word of three
            // letters or more when it spells a legal form (`INTERNATIONALS.R.L.`, `KARNERD.O.O.`).
            if isLetter(bytes[i]), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "."), isLetter(bytes[i + 2]),
               i == 0 || runsIntoWord(i) || !isWordByte(bytes[i - 1]) && bytes[i - 1] != UInt8(ascii: ".") {
                let runIn = runsIntoWord(i)
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
                if !runIn || Vocabulary.dottedLegalForms.contains(joined), letters.count >= 2, endsWord,
                   letters.count >= 3 || Vocabulary.dottedPairForms.contains(joined) {
                    if runIn { out.append(UInt8(ascii: " ")) }
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
}
