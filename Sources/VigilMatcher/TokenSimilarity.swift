import VigilNormalization

/// Similarity of two folded ASCII tokens, 0...1, fit for short name tokens.
public enum TokenSimilarity {
    /// Jaro-Winkler similarity over bytes (prefix scale 0.1, prefix up to 4).
    public static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let la = a.count, lb = b.count
        if la == 0 || lb == 0 { return la == lb ? 1 : 0 }
        if a == b { return 1 }
        let window = max(0, max(la, lb) / 2 - 1)
        var aMatched = [Bool](repeating: false, count: la)
        var bMatched = [Bool](repeating: false, count: lb)
        var matches = 0
        for i in 0..<la {
            let lo = max(0, i - window), hi = min(lb - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !bMatched[j] && a[i] == b[j] {
                aMatched[i] = true
                bMatched[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var j = 0
        for i in 0..<la where aMatched[i] {
            while !bMatched[j] { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(la) + m / Double(lb) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, la, lb) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Optimal-string-alignment (Damerau-Levenshtein) distance over bytes, stopping early above `limit`.
    public static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return limit + 1 }
        if n == 0 || m == 0 { return max(n, m) }
        // Three rolling rows on the stack: no allocation in the matcher's hot loop.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { buf -> Int in
            var prev2 = buf.baseAddress!
            var prev = prev2 + (m + 1)
            var cur = prev + (m + 1)
            for j in 0...m { prev[j] = j; prev2[j] = 0 }
            return a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 1...n {
                        cur[0] = i
                        var rowMin = i
                        for j in 1...m {
                            let cost = a[i - 1] == b[j - 1] ? 0 : 1
                            var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                            cur[j] = v
                            rowMin = min(rowMin, v)
                        }
                        if rowMin > limit { return limit + 1 }
                        (prev2, prev, cur) = (prev, cur, prev2)
                    }
                    return prev[m]
                }
            }
        }
    }

    /// Typos a token of this length may carry and still be the same name: none up to 3 letters,
    /// one from 4 to 7, two up to 11, three beyond. Jaro-Winkler alone forgives too much in long
    /// tokens ("musafir" ~ "musharraf" 0.83) and too little in short ones.
    @inline(__always)
    static func allowedEdits(_ length: Int) -> Int {
        length >= 12 ? 3 : length >= 8 ? 2 : length >= 4 ? 1 : 0
    }

    /// How two tokens agree.
    public enum Agreement: String, Sendable {
        case exact, typo, transliteration, romanization, initial, none
        /// A family name against its nisba (Ahmad/Ahmadi): a name of the same root, often another family.
        case nisba
        /// Alternate Chinese readings, named by the key that met (explanations say which).
        case wadeGiles = "wade-giles", cantonese = "cantonese/dialect", secondReading = "second reading"

        case korean = "korean romanization"
        case japanese = "japanese reading"
        /// An organisation's initials against its words (`NameScorer.alignAcronyms`).
        case acronym

        /// Two spellings of one Chinese, Korean or Japanese name, by any romanization key.
        var isRomanization: Bool {
            self == .romanization || self == .wadeGiles || self == .cantonese || self == .secondReading || self == .korean || self == .japanese
        }
    }

    /// Two tokens of one consonant skeleton: a transliteration, unless they begin with consonants no
    /// transcription writes for one another (Thomas/Dimas, Zafari/Safari), which is less.
    @inline(__always)
    static func skeletonMeets(_ a: TokenForm, _ b: TokenForm) -> (similarity: Double, agreement: Agreement) {
        mayBeginAlike(a.bytes[0], b.bytes[0]) ? (0.9, .transliteration) : (firstLetterSimilarity, .transliteration)
    }

    /// Two tokens one letter apart, the first, in letters no transcription swaps (Jason/Mason).
    static let firstLetterSimilarity = 0.75

    /// A family name and its nisba, one of them written in an abjad: the root meets, the name may not.
    static let nisbaSimilarity = 0.75

    /// Two Mandarin romanizations of one name (Hsi/Xi, Chin-ping/Jinping, Tse-tung/Zedong).
    static let romanizationSimilarity = 0.85
    /// Chinese readings beyond pinyin and Wade-Giles proper: a pinyin-valid token read as Wade-Giles
    /// (Cheng/Zheng, Chang/Zhang), Cantonese (Cheung/Zhang, Ka-shing/Jiacheng), dialect surnames
    /// (Tan/Chen, Lim/Lin). Weaker, as they also join distinct pinyin syllables (tang/dang).
    static let alternateSimilarity = 0.8

    /// Two spellings of an abjad-written token whose letters read differently by country
    /// (`PhoneticKey.readingsMeet`): a little below a shared skeleton.
    static let readingSimilarity = 0.85

    /// A Latin token that spells a Japanese name's kanji in their readings (`JapaneseNames.spells`):
    /// as sure as a transliteration variant, as the split must account for every letter.
    static let japaneseSimilarity = 0.9

    /// Similarity of two tokens, 0...1, and how they agree:
    /// - 1 when equal;
    /// - 0.9 for the same consonant skeleton (of 3 consonants or more, or in tokens of 4 letters or
    ///   fewer; a one-consonant skeleton only a letter apart) with the same syllable count (a
    ///   transliteration variant: qadhafi/gaddafi, mohammed/muhammad, abu/abou), or for one typo;
    /// - 0.8 for two typos in a long token, 0.7 for three;
    /// - 0.85 for two romanizations of the same Mandarin syllables (hsi/xi, tsetung/zedong);
    /// - 0.7 for an initial against a token with that first letter;
    /// - otherwise 0 (not the same name token).
    /// One-syllable tokens (Chinese and Korean name syllables above all: chen/cheng, jin/jing,
    /// zhang/sheng, liang/jiang) that differ by a letter are different names: below 5 letters they must
    /// be equal, and from 5 only a swap of two letters (hlaing/hliang) or one letter more or less
    /// counts as a typo.
    /// - Parameters:
    ///   - korean: both names may be Korean, so Korean romanization variants count.
    ///   - chinese: both names may be Chinese, so alternate Chinese readings count.
    ///   - vowelsUncertain: one name was written in an abjad, so a same-skeleton pair counts whatever
    ///     its vowels and syllable count.
    ///   - spellings: compare spellings too; off, only readings (romanizations) count.
    public static func compare(_ a: TokenForm, _ b: TokenForm, korean: Bool = false, chinese: Bool = true,
                               vowelsUncertain: Bool = false, spellings: Bool = true) -> (similarity: Double, agreement: Agreement) {
        // A male and a female given name a letter apart are two people (Antonio/Antonia, Said/Saida);
        // not when one side was written in an abjad, whose romanized vowels are guesses.
        if a.gender != b.gender, a.gender != .unknown, b.gender != .unknown, !vowelsUncertain,
           isFeminineEnding(a.gender == .female ? a.bytes : b.bytes, of: a.gender == .female ? b.bytes : a.bytes) {
            return (0, .none)
        }
        // A family name and its nisba are two names (Ahmad/Ahmadi, Hassan/Hassani, Reza/Rezaei) when one
        // was written in an abjad: there the ی or ي of the nisba is written, not a guessed vowel. (Not
        // between Latin spellings, nor from Georgian, where a final -i is the nominative: პუტინი Putini.)
        if vowelsUncertain, isNisba(a, of: b) || isNisba(b, of: a) { return (nisbaSimilarity, .nisba) }
        var r = spellings ? spellingCompare(a, b, eastAsianNames: korean || chinese) : (0, .none)
        if r.similarity < 0.9, (a.kanji == nil) != (b.kanji == nil), let kanji = a.kanji ?? b.kanji,
           JapaneseNames.spells(JapaneseNames.canonical(a.kanji == nil ? a.bytes : b.bytes), readings: kanji) {
            // A Latin spelling that reads as the token's kanji one by one (Yamada: 山 yama, 田 da).
            return (japaneseSimilarity, .japanese)
        }
        // Short vowels are unwritten in an abjad, so even one-consonant tokens meet on their skeleton
        // (nunu/nono, bibi/baby), as they do not between Latin spellings.
        if vowelsUncertain, r.similarity < 0.9, a.skeleton == b.skeleton,
           a.skeleton.count >= 2 || (max(a.bytes.count, b.bytes.count) <= 4 && a.syllables == b.syllables),
           min(a.bytes.count, b.bytes.count) >= 3 {
            r = skeletonMeets(a, b)
        }
        if vowelsUncertain, r.similarity < 0.9, isAssimilatedArticle(a.bytes, b.bytes) || isAssimilatedArticle(b.bytes, a.bytes) {
            // The romanizer's article against the article as Latin spellings write it before a sun
            // letter (ar-Rashid, as-Sayed, ash-Shami, Er-Rmichi) or in South Asian compounds (ur, ud).
            return (0.9, .transliteration)
        }
        if vowelsUncertain, r.similarity < readingSimilarity, a.sketch.readingHash == b.sketch.readingHash,
           min(a.bytes.count, b.bytes.count) >= 3, PhoneticKey.readingsMeet(a.bytes, b.bytes) {
            // One Arabic letter read two ways (Othman/Osman, Kadhim/Kazem, Hijazi/Hegazi).
            r = (readingSimilarity, .transliteration)
        }
        if r.similarity < 0.9, isBalticForm(a.bytes, of: b.bytes) || isBalticForm(b.bytes, of: a.bytes) {
            return (0.9, .transliteration)
        }
        if korean, r.similarity < romanizationSimilarity, let ka = a.korean, let kb = b.korean, KoreanRomanization.sameName(ka, kb) {
            return (romanizationSimilarity, .korean)
        }
        // Mandarin syllables read alike in two systems: say so (joined tokens accept it, where a
        // mere skeleton likeness is refused).
        if r.similarity < 0.9 || r.agreement == .transliteration {
            if let ma = a.mandarin, let mb = b.mandarin, MandarinRomanization.sameName(ma, mb) {
                return (max(r.similarity, romanizationSimilarity), .romanization)
            }
            if chinese, r.similarity < alternateSimilarity, a.chineseReadings != .none && b.chineseReadings != .none, a.alternates != nil || b.alternates != nil,
               let ra = a.alternates ?? a.mandarin, let rb = b.alternates ?? b.mandarin, MandarinRomanization.sameName(ra, rb) {
                return (alternateSimilarity, alternateKey(a, b))
            }
        }
        return r
    }

    /// Whether `long` is `short` with the Persian and Arabic nisba ending: `-i` after a consonant
    /// (Ahmadi, Hassani, Saghiri; not Dmitrii, Andrei or Nikolai), or `-yi`/`-ei` after a vowel (Rezayi,
    /// Rezaei, Parsaei), on a stem of four letters or more that is `short` in some spelling (doubled
    /// letters, skeleton: Saeidi/Saeed), and `short` ends where the stem does.
    static func isNisba(_ longForm: TokenForm, of short: TokenForm) -> Bool {
        let long = longForm.bytes, i = UInt8(ascii: "i"), n = long.count
        // The other token must lack the ending: Sebti/Sabbti, Lahuti/Lahooti are one name.
        guard n >= 5, long[n - 1] == i, n > short.bytes.count, let end = short.bytes.last, end != i, end != UInt8(ascii: "y") else { return false }
        var ending = 1
        let last = long[n - 2]
        if last == UInt8(ascii: "y") || last == UInt8(ascii: "e"), PhoneticKey.isVowel(long[n - 3]) {
            ending = 2
        } else if PhoneticKey.isVowel(last) || PhoneticKey.isVowel(end) {
            // Andrei, Nikolai, Dmitrii; and a vowel in place of the ending is another reading of the last
            // letter (Mousa/Moussi for موسي).
            return false
        }
        let stem = long[..<(n - ending)]
        // The stem in the spelling fold: folding works letter by letter, so the folded token less its
        // ending (no allocation in the scoring loop).
        let folded = longForm.folded.map { $0.dropLast(ending) } ?? stem
        // Abdullahi, Abdellahi, Cabdullaahi: West African and Somali spellings of Abdullah, not a nisba.
        guard stem.count >= 4, stem.count >= short.bytes.count - 1, !folded.reversed().starts(with: "hal".utf8) else { return false }
        if stem.elementsEqual(short.bytes) || folded.elementsEqual(short.folded ?? short.bytes) { return true }
        // The skeleton drops vowels, the ending's among them.
        return longForm.skeleton == short.skeleton && short.skeleton.count >= 2
    }

    /// Whether a female given name is the male one with a feminine ending: -a or -e added or in place
    /// of the last letters (Antonio/Antonia, Martin/Martina/Martine, Said/Saida, Alexander/Alexandra).
    /// A name a letter apart otherwise (Lauren/Laurent) may be a typo of the other and still meets it.
    static func isFeminineEnding(_ female: [UInt8], of male: [UInt8]) -> Bool {
        guard let last = female.last, last == UInt8(ascii: "a") || last == UInt8(ascii: "e"), male.last != last else { return false }
        var prefix = 0
        while prefix < min(female.count, male.count) && female[prefix] == male[prefix] { prefix += 1 }
        return prefix >= 3 && female.count - prefix <= 2 && male.count - prefix <= 2
    }

    /// Whether `baltic` is `name` as Latvian and Lithuanian write a man's name, with the masculine
    /// ending and j for y: Latvian passports say Sergejs Ivanovs, Jevgenijs, Aleksandrs; Lithuanian
    /// ones Sergejus, Lavrovas. A stem of five letters or more, so that short names stay apart.
    static func isBalticForm(_ baltic: [UInt8], of name: [UInt8]) -> Bool {
        let s = UInt8(ascii: "s")
        guard baltic.last == s, name.last != s, name.count >= 5, baltic.count > name.count, baltic.count - name.count <= 2 else { return false }
        if baltic.count - name.count == 2 {
            let vowel = baltic[baltic.count - 2]
            guard vowel == UInt8(ascii: "a") || vowel == UInt8(ascii: "i") || vowel == UInt8(ascii: "u") || vowel == UInt8(ascii: "y") else { return false }
        }
        let j = UInt8(ascii: "j"), y = UInt8(ascii: "y"), i = UInt8(ascii: "i")
        for k in 0..<name.count where baltic[k] != name[k] {
            guard baltic[k] == j, name[k] == y || name[k] == i else { return false }
        }
        return true
    }

    /// Whether `a` is the article "al" and `b` the article assimilated to a sun letter: a, e or u, then
    /// one of d n r s t z, or sh.
    @inline(__always)
    static func isAssimilatedArticle(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == 2, a[0] == UInt8(ascii: "a"), a[1] == UInt8(ascii: "l"), b.count == 2 || b.count == 3,
              b[0] == UInt8(ascii: "a") || b[0] == UInt8(ascii: "e") || b[0] == UInt8(ascii: "u") else { return false }
        if b.count == 3 { return b[1] == UInt8(ascii: "s") && b[2] == UInt8(ascii: "h") }
        return "dnrstz".utf8.contains(b[1])
    }

    /// A token with each run of one letter written once (`joonng` -> `jong`).
    static func withoutDoubledLetters(_ bytes: [UInt8]) -> some Sequence<UInt8> {
        bytes.indices.lazy.filter { $0 == 0 || bytes[$0] != bytes[$0 - 1] }.map { bytes[$0] }
    }

    /// Whether two tokens of one length differ by exactly one swap of neighbouring letters (hlaing/hliang).
    static func isAdjacentSwap(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var k = 0
        while k < a.count && a[k] == b[k] { k += 1 }
        guard k + 1 < a.count, a[k] == b[k + 1], a[k + 1] == b[k] else { return false }
        return a[(k + 2)...].elementsEqual(b[(k + 2)...])
    }

    /// Whether the longer token is the shorter with one vowel inserted between two consonants.
    static func isEpentheticVowel(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var k = 0
        while k < short.count && short[k] == long[k] { k += 1 }
        // long[k] is the inserted letter; the rest must agree.
        guard long[(k + 1)...].elementsEqual(short[k...]), k > 0, k + 1 < long.count else { return false }
        return PhoneticKey.isVowel(long[k]) && long[k] != UInt8(ascii: "y")
            && !PhoneticKey.isVowel(long[k - 1]) && !PhoneticKey.isVowel(long[k + 1])
    }

    /// Which alternate key joined two tokens, for the explanation (computed only after they met): a
    /// second reading of a character, else Wade-Giles when those readings alone suffice, else Cantonese
    /// or a dialect surname.
    static func alternateKey(_ a: TokenForm, _ b: TokenForm) -> Agreement {
        if a.fromHanReadings || b.fromHanReadings { return .secondReading }
        let wa = MandarinRomanization.wadeGilesOnlyReadings(a.bytes) ?? a.mandarin
        let wb = MandarinRomanization.wadeGilesOnlyReadings(b.bytes) ?? b.mandarin
        if let wa, let wb, MandarinRomanization.sameName(wa, wb) { return .wadeGiles }
        return .cantonese
    }

    /// An initial against a token that starts with its letter.
    static let initialSimilarity = 0.7

    /// - Parameter eastAsianNames: both names may be Korean or Chinese, so a token that splits into
    ///   such syllables is taken for them.
    static func spellingCompare(_ a: TokenForm, _ b: TokenForm, eastAsianNames: Bool = true) -> (similarity: Double, agreement: Agreement) {
        if a.bytes == b.bytes { return (1, .exact) }
        if a.folded != nil || b.folded != nil, (a.folded ?? a.bytes) == (b.folded ?? b.bytes) {
            return (0.9, .transliteration)  // Aleksey/Alexey, Deyev/Deev, Yuriy/Iurii, the initials Ye./E.
        }
        if a.bytes.count == 1 || b.bytes.count == 1 {
            return a.bytes.first == b.bytes.first ? (initialSimilarity, .initial) : (0, .none)
        }
        let shortest = min(a.bytes.count, b.bytes.count)
        if a.syllables <= 1 || b.syllables <= 1 {
            // A swap (hlaing/hliang) or a dropped letter only; a substituted letter is another syllable.
            if shortest >= 5 && (a.bytes.count != b.bytes.count ? editDistance(a.bytes, b.bytes, limit: 1) == 1 : isAdjacentSwap(a.bytes, b.bytes)) {
                return (0.9, .typo)
            }
            // A vowel written between two consonants or not (Arabic and Persian: Hamd/Hamad, Fazl/Fazel,
            // Sakr/Sakar); never next to another vowel, so Chen is not Chien.
            if shortest >= 3 && Self.isEpentheticVowel(a.bytes, b.bytes) { return (0.9, .transliteration) }
            // A syllable no Chinese or Korean romanization spells is no such name syllable: one letter
            // past the first may be a typo there as in longer tokens (Musk/Mosk, Merz/Mertz, Cook/Cock).
            // Outside Chinese and Korean names, from five letters, only one such syllable is: a token
            // that merely splits into several (po-li-ce, sa-lim) takes the typo too (Polnce/Police).
            // Zhihong and Zhiyong stay two Chinese given names.
            let syllableLike = shortest >= 5 && !eastAsianNames
                ? a.isSingleEastAsianSyllable || b.isSingleEastAsianSyllable : a.isEastAsianSyllable || b.isEastAsianSyllable
            if shortest >= 4, a.bytes[0] == b.bytes[0], !syllableLike,
               editDistance(a.bytes, b.bytes, limit: 1) == 1 {
                return (0.9, .typo)
            }
            // A key held down (Jong-uun, Joonng): the spelling without the doubled letters is one name
            // syllable, the one with them is none (or splits in two: u-un).
            if shortest >= 2, a.bytes.count != b.bytes.count {
                let (short, long) = a.bytes.count < b.bytes.count ? (a, b) : (b, a)
                if short.isSingleEastAsianSyllable, !long.isSingleEastAsianSyllable, Self.withoutDoubledLetters(long.bytes).elementsEqual(short.bytes) {
                    return (0.9, .typo)
                }
            }
            return (0, .none)
        }
        let sameSkeleton = a.skeleton == b.skeleton && a.syllables == b.syllables
            && (a.skeleton.count >= 3 || max(a.bytes.count, b.bytes.count) <= 4)
            // One consonant leaves the vowels as the name: abu/abou and isa/issa are a letter apart,
            // imu/emma and ali/ela are not the same token.
            && (consonants(a.skeleton) >= 2 || editDistance(a.bytes, b.bytes, limit: 1) <= 1)
        let allowed = allowedEdits(shortest)
        if allowed > 0 {
            // Each edit changes which letters a token holds by at most two: tokens whose letter sets
            // differ by more cannot be within `allowed` edits (most pairs the scorer sees end here).
            var d = (a.sketch.letters ^ b.sketch.letters).nonzeroBitCount > 2 * allowed
                ? allowed + 1 : editDistance(a.bytes, b.bytes, limit: allowed)
            if d > 1, a.folded != nil || b.folded != nil, (a.sketch.foldedLetters ^ b.sketch.foldedLetters).nonzeroBitCount <= 2 * allowed {
                d = min(d, editDistance(a.folded ?? a.bytes, b.folded ?? b.bytes, limit: allowed))
            }
            if d == 1 {
                // Rhyming names differ in their first consonant (Jason/Mason, Suarez/Juarez, Rasim/Qasim); a
                // slip of the finger rarely hits the first letter, and spellings of one name swap it only
                // for a letter of the same sound (Gaddafi/Qaddafi, Gamal/Jamal, Wladimir/Vladimir). Less
                // than a typo, not nothing: a changed first letter is also how a name is disguised.
                if a.bytes.count == b.bytes.count, !Self.mayBeginAlike(a.bytes[0], b.bytes[0]) {
                    return (firstLetterSimilarity, .typo)
                }
                return (0.9, .typo)
            }
            if d <= allowed { return sameSkeleton ? skeletonMeets(a, b) : (1 - 0.1 * Double(d), .typo) }
        }
        if shortest >= 3 && sameSkeleton { return skeletonMeets(a, b) }
        return (0, .none)
    }

    /// Whether two first letters may begin spellings of one name: the same letter, vowels (Umar/Omar,
    /// Ebrahim/Ibrahim, y among them: Yusuf/Jusuf), or consonants one letter of another script is
    /// written with (`firstLetterSpellings`).
    @inline(__always)
    static func mayBeginAlike(_ x: UInt8, _ y: UInt8) -> Bool {
        if x == y || PhoneticKey.isVowel(x) || PhoneticKey.isVowel(y) { return true }
        guard x >= UInt8(ascii: "a"), x <= UInt8(ascii: "z"), y >= UInt8(ascii: "a"), y <= UInt8(ascii: "z") else { return false }
        return firstLetterSpellings[Int(x - UInt8(ascii: "a"))] & (1 << UInt32(y - UInt8(ascii: "a"))) != 0
    }

    /// Per letter, the letters that write the same first sound in another transcription: Kaddafi,
    /// Qaddafi, Gaddafi and Cesar/Kesar; Gamal/Jamal (Egyptian g); Gennadiy/Hennadiy and Gamid/Hamid
    /// (Г in Ukrainian, ح in Russian); Darar/Zarar (ض), Zadran/Jadran (ځ), Zamir/Jamir (Bengali);
    /// Jimena/Ximena, Xikun/Sikun (Taiwanese), Cyrus/Syrus; Vladimir/Wladimir, Fyodor/Vyodor; Persian p/b,
    /// Pars/Fars.
    static let firstLetterSpellings: [UInt32] = {
        var masks = [UInt32](repeating: 0, count: 26)
        for pair in ["ck", "cq", "cg", "kq", "kg", "qg", "gj", "gh", "jx", "jz", "dz", "xs", "cs", "vw", "vf", "wf", "bp", "fp"] {
            let u = Array(pair.utf8).map { Int($0 - UInt8(ascii: "a")) }
            masks[u[0]] |= 1 << UInt32(u[1])
            masks[u[1]] |= 1 << UInt32(u[0])
        }
        return masks
    }()

    /// Consonants in a skeleton (`PhoneticKey.skeleton` writes a leading vowel as one `a`).
    @inline(__always)
    static func consonants(_ skeleton: [UInt8]) -> Int {
        skeleton.count - (skeleton.first == UInt8(ascii: "a") ? 1 : 0)
    }

    public static func similarity(_ a: TokenForm, _ b: TokenForm) -> Double {
        compare(a, b).similarity
    }
}
