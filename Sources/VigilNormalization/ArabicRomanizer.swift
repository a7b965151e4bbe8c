/// Romanizes Arabic-script names (Arabic, Persian, Urdu, Pashto) the way lists spell them, without ICU:
/// `محمد حسين القذافي` -> "mohammad hussein al gaddafi", where a letter-by-letter transliterator writes
/// the consonants only ("mhmd hsyn alqdhafy", which meets no listed spelling).
///
/// Each word is, in order:
/// 1. a particle or compound read by rule: عبد + an article word -> "abdul" + the word, the canonical
///    form `NameNormalizer.joinServantNames` gives `Abd al-`, `Abdel`, `Abdul` (عبد الرحمن and
///    عبدالرحمن -> "abdul rahman"); عبد الله -> "abdullah"; a word + الله, الدين or زاده -> one token,
///    as lists write them (حبیب الله -> "habibullah", جلال الدين -> "jalaluddin", آخوند زاده ->
///    "akhundzadeh"); بن, ابن, بنت -> "bin", "ibn", "bint"; titles as `Vocabulary.honorifics` spells
///    them (شيخ -> "sheikh"), so the normalizer removes them as it does in Latin names;
/// 2. a frequent name word, from `nameTable` (generated from Wikidata and Algerian name corpora by
///    tools/gen-arabic-names.py): the spelling in which the matcher meets most of the word's Latin
///    spellings (محمد -> "mohamed", within a transliteration of mohammed, muhammad, mohammad), or the
///    Persian or Urdu one for a name read so (حسين -> "hossein", "hussain");
/// 3. the article ال written apart, "al", before the rest of the word read by 2 or 4 (القذافي ->
///    "al gaddafi"): lists write `Al-Qadhafi`, `Gaddafi` and `Elqadhafi`, and the article as its own
///    token meets all three;
/// 4. two table words written together (علیمحمدی -> "ali mohammadi", سیدمحمد -> "sayed mohammad");
/// 5. letter rules that write the vowels lists write: ا و ي as long vowels a, u, i (w and y before a
///    vowel or first in the word), ة and a final ه after a consonant as "a" (Persian "eh"), ى as final
///    "a", and a short "a" where the consonants could not be said without one (حسن -> "hasan",
///    احمد -> "ahmad", جعفر -> "jafar").
///
/// The name's letters choose the reading of letters Persian and Urdu say differently from Arabic
/// (ث ذ ض ظ ق و, a final ه): any of ی ک پ چ ژ گ and no Urdu or Pashto letter reads Persian (ذ -> "z",
/// ق -> "gh", a final ه -> "eh"); an Urdu or Pashto letter (ٹ ڈ ڑ ں ہ ے, ټ ځ ډ ړ ښ ګ ڼ ې) reads Urdu
/// (ذ -> "z", ق -> "q", a final ه -> "a"). Persian and Urdu readings use their own spelling tables.
///
/// Latin letters and digits mixed into the name pass through; everything else separates words.
/// - Complexity: O(n) in the name's scalars, one hash lookup per word (two to four for a compound).
public enum ArabicRomanizer {
    /// How the name's letters say ث ذ ض ظ ق و and a final ه.
    enum Reading { case arabic, persian, urdu }

    /// Latin text for an Arabic-script name: tokens separated by spaces, lower-case ASCII except for
    /// any Latin letters the name already held (they pass unchanged, for the caller to fold).
    public static func romanize(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.contains(where: { $0.value >= 0xFB50 && $0.value <= 0xFEFF }) {
            // Presentation forms (ﻣﺤﻤﺪ): read through their compatibility decomposition; anything left
            // over separates words.
            let folded = (try? ICU.nfkcCasefold(text)) ?? text
            text = String(String.UnicodeScalarView(folded.unicodeScalars.map { $0.value >= 0xFB50 && $0.value <= 0xFEFF ? " " : $0 }))
        }
        var words: [[UInt32]] = []
        var pieces: [Piece] = []
        var current: [UInt32] = []
        var reading = Reading.arabic
        func flush() {
            if !current.isEmpty { pieces.append(.arabic(words.count)); words.append(current); current.removeAll() }
        }
        for s in text.unicodeScalars {
            let v = s.value
            if isDropped(v) { continue }
            if let letter = letterForm(v) {
                current.append(letter)
                if urduLetters.contains(letter) { reading = .urdu } else if reading == .arabic && persianLetters.contains(letter) { reading = .persian }
                continue
            }
            flush()
            if (0x660...0x669).contains(v) || (0x6F0...0x6F9).contains(v) {
                pieces.append(.other(Unicode.Scalar(0x30 + (v & 0xF))!))
            } else {
                pieces.append(.other(s))
            }
        }
        flush()
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 2)
        var tokens: [[UInt8]] = []
        func emitTokens() {
            for t in tokens where !t.isEmpty {
                if !out.isEmpty && out.last != 0x20 { out.append(0x20) }
                out.append(contentsOf: t)
            }
            tokens.removeAll()
        }
        var i = 0
        while i < pieces.count {
            switch pieces[i] {
            case .other(let s):
                emitTokens()
                if s.isASCII {
                    out.append(UInt8(s.value))
                } else if Script.of(s) != nil {
                    out.append(contentsOf: Array(String(s).utf8))
                } else if out.last != 0x20 {
                    // Arabic comma, full stop and other punctuation separate words.
                    out.append(0x20)
                }
                i += 1
            case .arabic(let w):
                // Consecutive Arabic words (separated by spaces only) form one run, read together.
                var run = [words[w]]
                var j = i + 1
                while j + 1 < pieces.count, case .other(let sep) = pieces[j], sep.properties.isWhitespace, case .arabic(let next) = pieces[j + 1] {
                    run.append(words[next])
                    j += 2
                }
                emitTokens()
                tokens = readRun(run, reading: reading)
                emitTokens()
                if !out.isEmpty && out.last != 0x20 { out.append(0x20) }
                i = j
            }
        }
        emitTokens()
        while out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    enum Piece {
        case arabic(Int)
        case other(Unicode.Scalar)
    }

    // MARK: - Words and compounds

    /// Reads consecutive words of one name: particles and compounds, then word by word.
    static func readRun(_ run: [[UInt32]], reading: Reading) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var i = 0
        while i < run.count {
            let word = run[i]
            let k = key(word)
            let next = i + 1 < run.count ? key(run[i + 1]) : nil
            if k == abd, let next {
                if next == allah { out.append(Array("abdullah".utf8)); i += 2; continue }
                if hasArticle(next) {
                    out.append(Array("abdul".utf8))
                    out.append(contentsOf: readWord(Array(next.dropFirst(2)), original: Array(run[i + 1].dropFirst(2)), reading: reading,
                                                    afterArticle: true))
                    i += 2
                    continue
                }
            }
            if k.count > 3 && k.starts(with: abd) {
                let rest = Array(k.dropFirst(3))
                if rest == allah { out.append(Array("abdullah".utf8)); i += 1; continue }
                if hasArticle(rest) {
                    out.append(Array("abdul".utf8))
                    out.append(contentsOf: readWord(Array(rest.dropFirst(2)), original: Array(word.dropFirst(5)), reading: reading, afterArticle: true))
                    i += 1
                    continue
                }
            }
            if (k == allah || k == din), i > 0, let last = out.last, !last.suffix(ullah.count).elementsEqual(ullah) {
                // حبیب الله, جلال الدين: one token, the way lists mostly write these names (Habibullah,
                // Jalaluddin, Noureddine), whatever the spelling of the article. آیت الله is the title.
                out[out.count - 1] = last == Array("ayat".utf8) && k == allah ? Array("ayatollah".utf8) : last + (k == allah ? ullah : uddin)
                i += 1
                continue
            }
            if k.count > 5, k.suffix(4).elementsEqual(allah), lookup(k, reading) == nil {
                // The same written as one word: سعيدالله -> "saeedullah".
                let first = readWord(Array(k.dropLast(4)), original: Array(word.dropLast(4)), reading: reading)
                out.append(contentsOf: first.dropLast())
                out.append((first.last ?? []) + ullah)
                i += 1
                continue
            }
            if let particle = particles[k] { out.append(Array(particle.utf8)); i += 1; continue }
            if k == [0x648] {
                // و alone is "and" (حاجی خيرالله و حاجی ستار).
                out.append(Array((reading == .persian ? "va" : "wa").utf8))
                i += 1
                continue
            }
            if i > 0, reading != .arabic, let article = compoundArticles[k] {
                // Afghan and Pakistani compounds write this article "ur" or "ul" (مطیع الرحمن -> "mati ur
                // rahman", ضیاء الحق -> "zia ul haq"); elsewhere it is "al".
                out.append(Array(article.utf8))
                out.append(contentsOf: readWord(Array(k.dropFirst(2)), original: Array(word.dropFirst(2)), reading: reading, afterArticle: true))
                i += 1
                continue
            }
            if k == zadeh, i > 0, let last = out.last {
                // آخوند زاده: one token, as lists write it (Akhundzada, Alizadeh).
                out[out.count - 1] = last + (readWord(k, original: word, reading: reading).first ?? [])
                i += 1
                continue
            }
            if lookup(k, reading) == nil, let glued = gluedParticle(k, original: word, reading: reading) {
                out.append(contentsOf: glued)
                i += 1
                continue
            }
            out.append(contentsOf: readWord(k, original: word, reading: reading, article: true))
            i += 1
        }
        return out
    }

    /// A kinship particle written together with the name after it, as Maghrebi and Levantine names often
    /// are: بنحسين -> "bin hassine" (Ben Hassine), ابواليزيد -> "abu al yazid" (Abou El Yazid), ابوحمزة
    /// -> "abu hamza". Only when the word is not a table word itself and the rest is one (or, after ابو,
    /// the article and a word), so بنيامين and ابوبكر keep their own spellings.
    static func gluedParticle(_ k: [UInt32], original: [UInt32], reading: Reading) -> [[UInt8]]? {
        if k.count >= 5, k[0] == 0x628, k[1] == 0x646, let rest = lookup(Array(k.dropFirst(2)), reading) {
            return [Array("bin".utf8)] + rest
        }
        if k.count >= 6, k[0] == 0x627, k[1] == 0x628, k[2] == 0x648 {
            let rest = Array(k.dropFirst(3))
            if hasArticle(rest) && rest.count >= 5 {
                return [Array("abu".utf8), Array("al".utf8)] + readWord(Array(rest.dropFirst(2)), original: Array(original.dropFirst(5)), reading: reading)
            }
            if let spelled = lookup(rest, reading) { return [Array("abu".utf8)] + spelled }
        }
        return nil
    }

    /// One word: the table, else the article apart, else two table words, else the letter rules.
    /// - Parameter afterArticle: the word followed ال (read apart): a consonant and ي is then "ai".
    static func readWord(_ k: [UInt32], original: [UInt32], reading: Reading, article: Bool = false, afterArticle: Bool = false) -> [[UInt8]] {
        if afterArticle && k == ilah {
            // الإله, "the god", as in عبد الإله: Abdelilah, Abdul Ilah (read by letters, "ala").
            return [Array("ilah".utf8)]
        }
        if let spelled = lookup(k, reading) { return spelled }
        if article && hasArticle(k) {
            return [Array("al".utf8)] + readWord(Array(k.dropFirst(2)), original: Array(original.dropFirst(2)), reading: reading, afterArticle: true)
        }
        if k.count >= 6 {
            // Two table words written together: the split with the longest first word.
            var cut = k.count - 3
            while cut >= 3 {
                // Not -اني: the nisba ending (الزنداني, الديواني), never the word اني.
                if let a = lookup(Array(k[..<cut]), reading), !k[cut...].elementsEqual(nisbaAni), let b = lookup(Array(k[cut...]), reading) {
                    return a + b
                }
                cut -= 1
            }
        }
        return [spell(original, reading: reading, afterArticle: afterArticle)]
    }

    // MARK: - Letters

    /// The lookup key of a word: `nameTable`'s convention (alef forms -> ا, ة -> ه, ى and ی -> ي,
    /// ک -> ك, ہ and ۀ -> ه). Marks, tatweel and joiners are already gone (`isDropped`).
    static func key(_ word: [UInt32]) -> [UInt32] {
        word.map(keyForm)
    }

    @inline(__always)
    static func keyForm(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x623, 0x625, 0x622, 0x671, 0x672, 0x673: return 0x627
        case 0x629, 0x6C3, 0x6C1, 0x6C0: return 0x647
        case 0x649, 0x6CC: return 0x64A
        case 0x6A9, 0x6AA: return 0x643
        case 0x6D3: return 0x6D2
        default: return v
        }
    }

    /// Harakat, Quranic marks, tatweel and zero-width joiners: not letters, and never word breaks
    /// (Persian writes خامنه‌ای with a zero-width non-joiner inside the word).
    @inline(__always)
    static func isDropped(_ v: UInt32) -> Bool {
        (0x610...0x61A).contains(v) || (0x64B...0x65F).contains(v) || v == 0x670 || v == 0x640
            || (0x6D6...0x6ED).contains(v) || (0x200C...0x200F).contains(v)
    }

    /// The letter a scalar stands for inside a word, or nil when it separates words.
    @inline(__always)
    static func letterForm(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x621...0x63A, 0x641...0x64A, 0x671...0x6D3, 0x6D5, 0x6EE, 0x6EF, 0x6FA...0x6FC, 0x6FF, 0x750...0x77F, 0x8A0...0x8C9:
            return v
        default:
            return nil
        }
    }

    /// Urdu letters, and Pashto ones: Afghan names are written in English the South Asian way (q for
    /// ق, a final "a": Haqqani, Akhundzada). Not ھ: Arabic typists use it for a plain ه (الطاھر).
    static let urduLetters: Set<UInt32> = [
        0x679, 0x688, 0x691, 0x6BA, 0x6C1, 0x6C3, 0x6D2, 0x6D3,
        0x67C, 0x681, 0x685, 0x689, 0x693, 0x696, 0x69A, 0x6AB, 0x6BC, 0x6CD, 0x6D0,
    ]
    static let persianLetters: Set<UInt32> = [0x6CC, 0x6A9, 0x67E, 0x686, 0x698, 0x6AF, 0x6C0]

    /// Consonants and their Latin spelling. ع and ء are consonants with no letter: they still take or
    /// close a syllable (سعد -> "saad", جعفر -> "jafar").
    static let consonants: [UInt32: String] = [
        0x628: "b", 0x62A: "t", 0x62B: "th", 0x62C: "j", 0x62D: "h", 0x62E: "kh", 0x62F: "d", 0x630: "dh",
        0x631: "r", 0x632: "z", 0x633: "s", 0x634: "sh", 0x635: "s", 0x636: "d", 0x637: "t", 0x638: "z",
        0x639: "", 0x63A: "gh", 0x641: "f", 0x642: "q", 0x643: "k", 0x6A9: "k", 0x6AA: "k", 0x644: "l",
        0x645: "m", 0x646: "n", 0x621: "", 0x67E: "p", 0x686: "ch", 0x698: "zh", 0x6AF: "g", 0x679: "t",
        0x688: "d", 0x691: "r", 0x6BA: "n", 0x6A4: "v", 0x6A8: "g", 0x67C: "t", 0x689: "d", 0x693: "r",
        0x6BC: "n", 0x69A: "sh", 0x696: "zh", 0x681: "z", 0x685: "s", 0x6AB: "g", 0x6B5: "l", 0x695: "r",
        0x6C1: "h", 0x647: "h", 0x6D5: "h", 0x6C0: "h",
    ]
    /// Persian and Urdu readings of Arabic consonants (ق stays "q" in Urdu: Qureshi, Qadir).
    static let persianConsonants: [UInt32: String] = [0x62B: "s", 0x630: "z", 0x636: "z", 0x638: "z", 0x642: "gh"]
    static let urduConsonants: [UInt32: String] = [0x62B: "s", 0x630: "z", 0x636: "z", 0x638: "z"]

    static let alefs: Set<UInt32> = [0x627, 0x623, 0x625, 0x622, 0x671, 0x672, 0x673]
    static let waws: Set<UInt32> = [0x648, 0x6C6, 0x6C7, 0x6C8, 0x6CB]
    static let yehs: Set<UInt32> = [0x64A, 0x6CC, 0x6D0, 0x6CE, 0x6CD]
    static let hehs: Set<UInt32> = [0x647, 0x6C1, 0x6D5, 0x6C0]

    enum Sound {
        case consonant(String)
        case vowel(String)
    }

    /// The sounds of a word: consonants, and the vowels its letters write.
    static func sounds(_ w: [UInt32], reading: Reading) -> [Sound] {
        var out: [Sound] = []
        out.reserveCapacity(w.count)
        for (i, c) in w.enumerated() {
            let next: UInt32? = i + 1 < w.count ? w[i + 1] : nil
            let prev: UInt32? = i > 0 ? w[i - 1] : nil
            let nextIsVowelLetter = next.map { alefs.contains($0) || waws.contains($0) } ?? false
            if alefs.contains(c) {
                out.append(.vowel(i == 0 && c == 0x625 ? "i" : "a"))
            } else if waws.contains(c) {
                // Before a final ه or ة after a consonant, و is the consonant of "-wa" (قدوه qudwa, مروة
                // marwa; Persian "-veh").
                let beforeFinalHeh = i >= 1 && i == w.count - 2 && (hehs.contains(w[i + 1]) || w[i + 1] == 0x629)
                    && !(prev.map { alefs.contains($0) || waws.contains($0) || yehs.contains($0) } ?? true)
                if i == 0 || nextIsVowelLetter || beforeFinalHeh || next.map(yehs.contains) == true || prev.map(alefs.contains) == true {
                    out.append(.consonant(reading == .persian ? "v" : "w"))
                } else {
                    out.append(.vowel("u"))
                }
            } else if yehs.contains(c) {
                if i >= 2 && i == w.count - 2, let last = next, hehs.contains(last) || last == 0x629, case .consonant? = out.last {
                    // A final -يه / -ية after a consonant: "-ia" (سعيدية -> "saidia"), Persian "-ieh".
                    out.append(.vowel(reading == .persian && last != 0x629 ? "ieh" : "ia"))
                    break  // the final letter is read
                }
                if i == 0 || nextIsVowelLetter || (prev.map(alefs.contains) == true && next != nil) {
                    out.append(.consonant("y"))
                } else {
                    out.append(.vowel(c == 0x6D0 || c == 0x6CE ? "e" : "i"))
                }
            } else if c == 0x649 {
                out.append(next == nil ? .vowel("a") : .consonant("y"))
            } else if c == 0x629 || c == 0x6C3 {
                out.append(.vowel("a"))
            } else if c == 0x6D2 || c == 0x6D3 {
                out.append(.vowel("e"))
            } else if c == 0x624 {
                out.append(.vowel("u"))
            } else if c == 0x626 {
                out.append(.vowel("i"))
            } else if hehs.contains(c) && next == nil && i >= 2, case .consonant? = out.last {
                // A final ه after a consonant is a vowel: Arabic ة written plainly, Persian "-eh".
                out.append(.vowel(reading == .persian && c != 0x6C1 ? "eh" : "a"))
            } else if c == 0x6BE {
                // Urdu do-chashmi he aspirates the consonant before it (بھٹو -> "bhutto").
                if case .consonant(let last)? = out.last { out[out.count - 1] = .consonant(last + "h") } else { out.append(.consonant("h")) }
            } else if let latin = (reading == .persian ? persianConsonants[c] : reading == .urdu ? urduConsonants[c] : nil) ?? consonants[c] {
                out.append(.consonant(latin))
            }
        }
        return out
    }

    /// Spells a word by its letters, adding a short "a" where consonants meet that could not be said
    /// without a vowel: the first consonant of a word before another, the middle of a run of three
    /// (V C C a C V), and before the last consonant of a run that ends the word (حسن -> "hasan",
    /// احمد -> "ahmad"). Persian خوا reads "kha" (خواجه -> "khajeh"); a final وند reads "vand"; after
    /// the article, a consonant and ي alone read "ai" (الحی -> "hai").
    static func spell(_ word: [UInt32], reading: Reading, afterArticle: Bool = false) -> [UInt8] {
        if afterArticle, word.count == 2, word[1] == 0x64A || word[1] == 0x6CC, let c = consonants[word[0]], !c.isEmpty {
            // The article, a consonant and ي: the ي is doubled, unwritten shadda, and the syllable "ai"
            // (الحی in عبد الحی -> "hai", as lists write Abdul Hai). Without the article the word may
            // be a foreign one (لي Li, دي De) or the preposition في.
            return Array((((reading == .persian ? persianConsonants[word[0]] : reading == .urdu ? urduConsonants[word[0]] : nil) ?? c) + "ai").utf8)
        }
        var w = word
        var suffix = ""
        if w.count > 4 && w.suffix(3).elementsEqual([0x648, 0x646, 0x62F]) { w.removeLast(3); suffix = "vand" }
        var i = 0
        while i + 2 < w.count {
            if w[i] == 0x62E && w[i + 1] == 0x648 && alefs.contains(w[i + 2]) { w.remove(at: i + 1) }
            i += 1
        }
        let s = sounds(w, reading: reading)
        var out: [UInt8] = []
        out.reserveCapacity(w.count * 2)
        var run: [String] = []
        func flush(atStart: Bool, atEnd: Bool) {
            guard !run.isEmpty else { return }
            var rest = run[...]
            if atStart {
                out.append(contentsOf: Array(rest.removeFirst().utf8))
                if !rest.isEmpty { out.append(UInt8(ascii: "a")) }
            }
            if atEnd && rest.count >= 2 {
                internalRun(rest.dropLast(), into: &out)
                out.append(UInt8(ascii: "a"))
                out.append(contentsOf: Array(rest.last!.utf8))
            } else {
                internalRun(rest, into: &out)
            }
            run.removeAll(keepingCapacity: true)
        }
        var runStart = 0
        for (j, sound) in s.enumerated() {
            switch sound {
            case .consonant(let c):
                if run.isEmpty { runStart = j }
                run.append(c)
            case .vowel(let v):
                flush(atStart: runStart == 0 && !run.isEmpty, atEnd: false)
                out.append(contentsOf: Array(v.utf8))
            }
        }
        flush(atStart: runStart == 0, atEnd: suffix.isEmpty)
        out.append(contentsOf: Array(suffix.utf8))
        return out
    }

    /// Consonants between two vowels: a short "a" after every second one, never after the last
    /// (V C1 C2 a C3 V).
    static func internalRun(_ run: ArraySlice<String>, into out: inout [UInt8]) {
        for (t, c) in run.enumerated() {
            out.append(contentsOf: Array(c.utf8))
            if t % 2 == 1 && t < run.count - 1 { out.append(UInt8(ascii: "a")) }
        }
    }

    // MARK: - Particles and the table

    static let abd: [UInt32] = [0x639, 0x628, 0x62F]
    static let nisbaAni: [UInt32] = [0x627, 0x646, 0x64A]
    static let allah: [UInt32] = [0x627, 0x644, 0x644, 0x647]
    static let ilah: [UInt32] = [0x627, 0x644, 0x647]
    static let din: [UInt32] = [0x627, 0x644, 0x62F, 0x64A, 0x646]
    static let zadeh: [UInt32] = [0x632, 0x627, 0x62F, 0x647]
    static let compoundArticles: [[UInt32]: String] = [
        [0x627, 0x644, 0x631, 0x62D, 0x645, 0x646]: "ur", [0x627, 0x644, 0x631, 0x62D, 0x645, 0x627, 0x646]: "ur",
        [0x627, 0x644, 0x62D, 0x642]: "ul",
    ]
    static let ullah = Array("ullah".utf8)
    static let uddin = Array("uddin".utf8)

    @inline(__always)
    static func hasArticle(_ k: [UInt32]) -> Bool { k.count >= 4 && k[0] == 0x627 && k[1] == 0x644 }

    /// Words read by rule, before the table: kinship particles, the article alone (آل سعود), and titles,
    /// spelled as `Vocabulary.honorifics` spells them so that `NameNormalizer` removes them as it does
    /// from Latin names (شيخ -> "sheikh", ملا -> "mullah").
    static let particles: [[UInt32]: String] = {
        let words = [
            ("بن", "bin"), ("ابن", "ibn"), ("بنت", "bint"), ("ابو", "abu"), ("ال", "al"), ("عبد", "abd"), ("الله", "allah"),
            ("ایت", "ayat"), ("شيخ", "sheikh"), ("ملا", "mullah"),
            ("مولوي", "maulvi"), ("مولانا", "maulana"), ("قاري", "qari"), ("امام", "imam"), ("سيد", "sayed"), ("امير", "amir"),
        ]
        var t: [[UInt32]: String] = [:]
        for (arabic, latin) in words { t[key(arabic.unicodeScalars.map(\.value))] = latin }
        return t
    }()

    /// A word's spelling: the reading's own table (حسين: "hossein" in a Persian name), else the general one.
    @inline(__always)
    static func lookup(_ k: [UInt32], _ reading: Reading) -> [[UInt8]]? {
        switch reading {
        case .arabic: return table[k]
        case .persian: return persianTable[k] ?? table[k]
        case .urdu: return urduTable[k] ?? table[k]
        }
    }

    /// The generated tables parsed once: key scalars -> Latin tokens.
    static let table = parse(nameTable, capacity: 8192)
    static let persianTable = parse(persianNameTable, capacity: 512)
    static let urduTable = parse(urduNameTable, capacity: 512)

    static func parse(_ text: String, capacity: Int) -> [[UInt32]: [[UInt8]]] {
        var t: [[UInt32]: [[UInt8]]] = [:]
        t.reserveCapacity(capacity)
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let k = line[..<space].unicodeScalars.map(\.value)
            let tokens = line[line.index(after: space)...].split(separator: " ").map { Array($0.utf8) }
            if !k.isEmpty && !tokens.isEmpty { t[k] = tokens }
        }
        return t
    }
}
