/// Japanese names written in kanji, read the Japanese way: 松本里佳 is Matsumoto Rika, not the Mandarin
/// "Songben Lijia" that a Chinese reading gives (and that meets Chinese names it has nothing to do with).
///
/// A kanji name is Japanese when it carries kana (山田さくら), a kanji form only Japanese writes (沢, 広,
/// 辺), or a known Japanese surname that no Chinese reading competes with (`isJapanese`). Its surname
/// reads from a surname table; every other kanji has several readings (on and kun, plus the voiced
/// forms a second element takes: 山田 yama + ta -> Yamada), so a token keeps them all and a Latin
/// spelling meets it when it splits into one reading per kanji (`spells`).
public enum JapaneseNames {
    /// Per kanji: on readings, then kun readings and stems (`JapaneseReadingTable`).
    static let readings: [UInt32: (on: [String], kun: [String])] = {
        var table: [UInt32: (on: [String], kun: [String])] = [:]
        for entry in JapaneseReadingTable.readings.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let kanji = entry.unicodeScalars.first else { continue }
            let rest = String(String.UnicodeScalarView(entry.unicodeScalars.dropFirst()))
            let parts = rest.split(separator: "|", omittingEmptySubsequences: false)
            let on = parts[0].split(separator: ",").map(String.init)
            let kun = parts.count > 1 ? parts[1].split(separator: ",").map(String.init) : []
            table[kanji.value] = (on, kun)
        }
        return table
    }()

    static let surnames: [String: String] = {
        var table: [String: String] = [:]
        for entry in JapaneseReadingTable.surnames.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = entry.split(separator: ":")
            if parts.count == 2 { table[String(parts[0])] = String(parts[1]) }
        }
        return table
    }()

    /// The romaji of a word when the surname table knows it (佐藤 -> sato).
    static func tableSurname(_ word: some Sequence<Unicode.Scalar>) -> String? {
        var key = String.UnicodeScalarView()
        key.append(contentsOf: word)
        return surnames[String(key)]
    }

    /// The kanji Japanese surnames of the table are written with (田 山 藤 野 村 ...): a four-kanji name
    /// that begins with two of them is most likely a Japanese surname and given name (2 + 2), a shape
    /// Chinese names seldom take.
    static let surnameKanji: Set<UInt32> = Set(surnames.keys.flatMap { $0.unicodeScalars.map(\.value) })

    static let japaneseOnlyForms: Set<UInt32> = Set(JapaneseReadingTable.japaneseOnlyForms.unicodeScalars.filter { $0.value > 0x7F }.map(\.value))

    /// The most common Chinese surnames (simplified and traditional forms). A three-kanji name whose
    /// Japanese surname begins with one of them (高田明, 田中华) reads as Chinese as well as Japanese
    /// (Gao Tianming), so it keeps its Chinese reading.
    static let commonChineseSurnames: Set<UInt32> = Set("""
        王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆
        汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤
        張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔萬錢嚴湯
        """.unicodeScalars.map(\.value))

    static func isKanji(_ s: Unicode.Scalar) -> Bool { Script.of(s) == .han }

    /// Whether a name of kanji (with or without kana) is Japanese; `script` is its dominant script.
    public static func isJapanese(_ raw: String, script: Script) -> Bool {
        let scalars = raw.unicodeScalars
        guard scalars.contains(where: isKanji) else { return false }
        if script == .kana { return true }
        guard script == .han else { return false }
        if scalars.contains(where: { japaneseOnlyForms.contains($0.value) }) { return true }
        let words = Self.words(raw)
        // Spaced: one word is a known surname, first or last (里佳 松本, given name first as in the West).
        if words.count >= 2 { return words.contains { $0.count >= 2 && tableSurname($0) != nil } }
        guard let word = words.first, word.count >= 3 else { return false }
        if word.count == 4, word.allSatisfy(isKanji), surnameKanji.contains(word[0].value), surnameKanji.contains(word[1].value) {
            return true
        }
        guard let n = surnameLength(word), n >= 2 else { return false }
        // 2 + 2 is the common Japanese shape and rare in Chinese; 2 + 1 competes with Chinese 1 + 2.
        return word.count >= 4 || !commonChineseSurnames.contains(word[0].value)
    }

    /// The name's words: kanji and kana, split at spaces, middle dots and commas.
    static func words(_ raw: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for s in raw.unicodeScalars {
            if let script = Script.of(s), script == .han || script == .kana || s.value == 0x30FC /* ー */ {
                current.append(s)
            } else if !current.isEmpty {
                words.append(current)
                current = []
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The length of the longest known surname that begins the word and leaves a given name, or nil.
    static func surnameLength(_ word: [Unicode.Scalar]) -> Int? {
        for n in stride(from: min(3, word.count), through: 2, by: -1) where n < word.count || word.count == n {
            if tableSurname(word[..<n]) != nil { return n }
        }
        return nil
    }

    /// The tokens of a Japanese name in name order (surname first, as written) and, per token, the
    /// readings of each of its kanji (a surname from the table or a kana run: its one spelling), the
    /// one the token spells first. `kana` romanizes a run of kana.
    public static func read(_ raw: String, kana: (String) -> String) -> (tokens: [String], readings: [String: [[String]]]) {
        var words = Self.words(raw)
        if words.count == 1, words[0].count >= 2, words[0].allSatisfy(isKanji) || words[0].count >= 3 {
            // Unspaced: split the surname off (a known one, else two kanji when three or more remain).
            let word = words[0]
            let kanjiLead = word.prefix(while: isKanji).count
            let n = surnameLength(word) ?? (kanjiLead >= 3 ? 2 : kanjiLead >= 2 ? 1 : 0)
            if n > 0 && n < word.count { words = [Array(word[..<n]), Array(word[n...])] }
        }
        var tokens: [String] = []
        var readings: [String: [[String]]] = [:]
        // The surname: the word the table knows, else the first.
        let known = words.map(tableSurname)
        let surnameWord = known.firstIndex { $0 != nil } ?? 0
        for (w, word) in words.enumerated() {
            var elements: [[String]] = []
            if let surname = known[w] {
                elements = [[surname]]
            } else {
                var kanaRun = String.UnicodeScalarView()
                func flushKana() {
                    guard !kanaRun.isEmpty else { return }
                    let spelled = NameNormalizer.tokenize(kana(String(kanaRun))).joined()
                    if !spelled.isEmpty { elements.append([spelled]) }
                    kanaRun = String.UnicodeScalarView()
                }
                for s in word {
                    if isKanji(s), let r = Self.readings[s.value] {
                        flushKana()
                        // Surnames read mostly kun (Yama-da), given names as often on (Ta-ro, Ri-ka).
                        elements.append(w == surnameWord && words.count > 1 ? r.kun + r.on : r.on + r.kun)
                    } else if !isKanji(s) {
                        kanaRun.append(s)
                    }
                }
                flushKana()
            }
            guard !elements.isEmpty else { continue }
            let token = elements.compactMap(\.first).joined()
            tokens.append(token)
            if elements.contains(where: { $0.count > 1 }) { readings[token] = elements }
        }
        return (tokens, readings)
    }

    // MARK: Meeting a Latin spelling

    /// Whether a Latin token spells the kanji of a Japanese token: it splits into one reading per kanji
    /// (the second and later ones also voiced, as compounds voice them: ta -> da, ki -> gi, hara ->
    /// bara), after both are brought to one spelling of Hepburn, Kunrei and passport romaji (`canonical`).
    public static func spells(_ latin: [UInt8], readings: [[[UInt8]]]) -> Bool {
        guard !readings.isEmpty, !latin.isEmpty else { return false }
        func walk(_ element: Int, _ at: Int) -> Bool {
            if element == readings.count { return at == latin.count }
            for r in readings[element] where r.count <= latin.count - at {
                var same = true
                for k in 0..<r.count where latin[at + k] != r[k] { same = false; break }
                if same && walk(element + 1, at + r.count) { return true }
            }
            return false
        }
        return walk(0, 0)
    }

    /// The readings of each element in canonical spelling, the second and later ones with their voiced
    /// forms too: what `spells` compares against.
    public static func canonicalReadings(_ elements: [[String]]) -> [[[UInt8]]] {
        elements.enumerated().map { i, readings in
            var out: [[UInt8]] = []
            for r in readings {
                let c = canonical(Array(r.utf8))
                if !out.contains(c) { out.append(c) }
                guard i > 0, let first = c.first else { continue }
                let voiced: [UInt8]
                switch first {
                case UInt8(ascii: "k"): voiced = [UInt8(ascii: "g")]
                case UInt8(ascii: "s"): voiced = [UInt8(ascii: "z")]
                case UInt8(ascii: "t"): voiced = [UInt8(ascii: "d")]
                case UInt8(ascii: "h"): voiced = [UInt8(ascii: "b"), UInt8(ascii: "p")]
                default: voiced = []
                }
                for v in voiced {
                    let form = canonical([v] + c.dropFirst())
                    if !out.contains(form) { out.append(form) }
                }
            }
            return out
        }
    }

    /// One spelling for the romaji systems and the way passports write long vowels: Hepburn's shi chi
    /// tsu fu ji sh ch j become Kunrei's si ti tu hu zi sy ty zy (di du dzu: zi zu), a long vowel is
    /// written once (ou oo uu oh: Ohno, Itoh, Satou -> ono, ito, sato), n before b m p is written m or n
    /// (Shimbun, Shinbun).
    public static func canonical(_ t: [UInt8]) -> [UInt8] {
        func isVowel(_ b: UInt8) -> Bool { b == 97 || b == 101 || b == 105 || b == 111 || b == 117 }
        var out: [UInt8] = []
        out.reserveCapacity(t.count)
        var i = 0
        func at(_ k: Int) -> UInt8 { k < t.count ? t[k] : 0 }
        while i < t.count {
            let b = t[i]
            switch b {
            case UInt8(ascii: "s") where at(i + 1) == UInt8(ascii: "h"):
                out.append(UInt8(ascii: "s"))
                if at(i + 2) != UInt8(ascii: "i") { out.append(UInt8(ascii: "y")) }
                i += 2
                continue
            case UInt8(ascii: "c") where at(i + 1) == UInt8(ascii: "h"):
                out.append(UInt8(ascii: "t"))
                if at(i + 2) != UInt8(ascii: "i") { out.append(UInt8(ascii: "y")) }
                i += 2
                continue
            case UInt8(ascii: "t") where at(i + 1) == UInt8(ascii: "s") && at(i + 2) == UInt8(ascii: "u"):
                out.append(UInt8(ascii: "t"))
                i += 2
                continue
            case UInt8(ascii: "d") where at(i + 1) == UInt8(ascii: "z") && at(i + 2) == UInt8(ascii: "u"):
                out.append(UInt8(ascii: "z"))
                i += 2
                continue
            case UInt8(ascii: "d") where at(i + 1) == UInt8(ascii: "i") || at(i + 1) == UInt8(ascii: "u"):
                out.append(UInt8(ascii: "z"))
                i += 1
                continue
            case UInt8(ascii: "f") where at(i + 1) == UInt8(ascii: "u"):
                out.append(UInt8(ascii: "h"))
                i += 1
                continue
            case UInt8(ascii: "j"):
                out.append(UInt8(ascii: "z"))
                if at(i + 1) != UInt8(ascii: "i") { out.append(UInt8(ascii: "y")) }
                i += 1
                continue
            case UInt8(ascii: "m") where at(i + 1) == UInt8(ascii: "b") || at(i + 1) == UInt8(ascii: "p") || at(i + 1) == UInt8(ascii: "m"):
                out.append(UInt8(ascii: "n"))
                i += 1
                continue
            case UInt8(ascii: "h") where out.last == UInt8(ascii: "o") && (i + 1 == t.count || !isVowel(at(i + 1))):
                i += 1  // Ohno, Itoh: the h of a long o
                continue
            case UInt8(ascii: "u") where out.last == UInt8(ascii: "o") || out.last == UInt8(ascii: "u"):
                i += 1  // ou, uu
                continue
            case UInt8(ascii: "o") where out.last == UInt8(ascii: "o"):
                i += 1  // oo
                continue
            default:
                out.append(b)
                i += 1
            }
        }
        return out
    }
}
