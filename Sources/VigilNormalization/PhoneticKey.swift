/// Spelling-independent keys of folded ASCII tokens, used both to retrieve candidates (as postings
/// terms) and to compare tokens. They erase the differences transliteration makes between two
/// spellings of one name.
public enum PhoneticKey {
    /// Erases spelling differences between transliteration standards that edit distance overcounts:
    /// x -> ks (Alexey/Aleksey, Maxim/Maksim), dzh/dj -> j (Dzhafarov/Jafarov), a word-initial i before
    /// a vowel -> y (ICAO Iurii/BGN Yuriy, Ialovets/Yalovets), y dropped between a vowel and e (BGN
    /// Deyev/Deev) and before a word-initial e (Yevgeny/Evgeny), and the -ий ending -ii/-iy/-yy/-ij -> y
    /// (Dmitrii/Dmitriy/Dmitry), and the -ej of German and Czech spellings -> -ey
    /// (Sergej/Sergey); ou/oo -> u and ee -> i (Nour/Noor/Nur, Saeed/Said), ben -> bin,
    /// el/ul -> al, doubled consonants once; Russian names in German, Dutch, Swedish and Polish spelling
    /// (tsch/tsj/tj/cz -> ch, sj/sz -> sh, zj -> zh). Returns the token itself when nothing applies.
    /// Whole words that fold to another word (`UkrainianGivenNames`, `TranslatedWords`): one look-up.
    static let wordFolds: [String: String] = UkrainianGivenNames.russianForms.merging(TranslatedWords.english) { ukrainian, _ in ukrainian }

    public static func spellingFold(_ t: [UInt8]) -> [UInt8] {
        let x = UInt8(ascii: "x"), d = UInt8(ascii: "d"), i = UInt8(ascii: "i"), y = UInt8(ascii: "y")
        let o = UInt8(ascii: "o"), e = UInt8(ascii: "e"), u = UInt8(ascii: "u")
        // Arabic particles in French and English transcription: ben/bin, el/ul/al.
        if t == Array("ben".utf8) { return Array("bin".utf8) }
        if t == Array("el".utf8) || t == Array("ul".utf8) { return Array("al".utf8) }
        // A word written another way in another language: a Ukrainian given name as its Russian form
        // (Serhiy / Sergey, Mykola / Nikolay), an organisation's generic word as the English (banque / bank).
        if (4...13).contains(t.count), let other = wordFolds[String(decoding: t, as: UTF8.self)] { return spellingFold(Array(other.utf8)) }
        var doubled = false
        for k in 1..<max(1, t.count) where t[k] == t[k - 1] { doubled = true; break }
        let j = UInt8(ascii: "j"), z = UInt8(ascii: "z"), s = UInt8(ascii: "s"), cc = UInt8(ascii: "c"), h = UInt8(ascii: "h"), tt = UInt8(ascii: "t")
        let needs = doubled || t.contains(UInt8(ascii: "a")) || t.contains(x) || t.contains(d) || t.contains(y) || t.contains(o) || t.contains(e)
            || (t.count >= 3 && (t[0] == i || t[t.count - 2] == i)) || t.contains(j) || t.contains(z)
        guard needs else { return t }
        var out: [UInt8] = []
        out.reserveCapacity(t.count + 2)
        var k = 0
        while k < t.count {
            // Russian names as German, Dutch, Swedish and Polish write them: tsch/tsj/tj/cz -> ch (Tschechow,
            // Kalatj, Czernow), sj/sz -> sh (Sjojgu, Szostakowicz), zj -> zh (Zjukov, Brezjnev).
            if k + 1 < t.count {
                let n = t[k + 1]
                if t[k] == tt, k + 3 < t.count, n == s, t[k + 2] == cc, t[k + 3] == h { out.append(cc); out.append(h); k += 4; continue }
                if t[k] == tt, k + 2 < t.count, n == s, t[k + 2] == j { out.append(cc); out.append(h); k += 3; continue }
                if (t[k] == tt && n == j) || (t[k] == cc && n == z) { out.append(cc); out.append(h); k += 2; continue }
                if (t[k] == s || t[k] == z) && n == j { out.append(t[k]); out.append(h); k += 2; continue }
                if t[k] == s && n == z { out.append(s); out.append(h); k += 2; continue }
            }
            let c = t[k]
            if c == x { out.append(UInt8(ascii: "k")); out.append(UInt8(ascii: "s")); k += 1; continue }
            // French ou and English oo write u (Mourad/Murad, Noor/Nour/Nur); English ee writes i
            // (Saeed/Said, Rasheed/Rashid).
            // A doubled a writes a long vowel or an ain (Saad/Sad, Laagoub/Lagoub).
            if c == UInt8(ascii: "a"), k + 1 < t.count, t[k + 1] == c { out.append(c); k += 2; continue }
            // Not ee before v: the Russian -eev of Alekseev/Alekseyev belongs to the ye rule below.
            if k + 1 < t.count, (c == o && (t[k + 1] == u || t[k + 1] == o))
                || (c == e && t[k + 1] == e && (k + 2 == t.count || t[k + 2] != UInt8(ascii: "v"))) {
                out.append(c == o ? u : i)
                k += 2
                continue
            }
            if c == d, k + 1 < t.count {
                if t[k + 1] == UInt8(ascii: "j") { out.append(UInt8(ascii: "j")); k += 2; continue }
                if k + 2 < t.count, t[k + 1] == UInt8(ascii: "z"), t[k + 2] == UInt8(ascii: "h") { out.append(UInt8(ascii: "j")); k += 3; continue }
            }
            if k == 0, c == i, t.count >= 3, isVowel(t[1]), t[1] != i { out.append(y); k += 1; continue }
            // BGN writes a word-initial е as ye (Yevgeny, Yelena, the initial Ye.); passports often e.
            if k == 0, c == y, t.count >= 2, t[1] == e { k += 1; continue }
            // BGN writes е after a vowel as ye (Deyev, Zayev); passports and FBK often as e (Deev, Zaev).
            if c == y, k > 0, k + 1 < t.count, t[k + 1] == UInt8(ascii: "e"), isVowel(t[k - 1]), t[k - 1] != y { k += 1; continue }
            // A doubled consonant (Arabic shadda, Italian and German spelling) is written once as often:
            // Ayyub/Ayub, Hassan/Hasan, Mohammed/Mohamed.
            if c == out.last && (c == y || !isVowel(c)) { k += 1; continue }
            out.append(c)
            k += 1
        }
        if out.count >= 4 {
            let a = out[out.count - 2], b = out[out.count - 1]
            if (a == i && (b == i || b == y || b == UInt8(ascii: "j"))) || (a == y && b == y) {
                out.removeLast(2)
                out.append(y)
            } else if t.count >= 5, t[t.count - 2] == e, t[t.count - 1] == j, b == j {
                // The й of -ей as German, Czech and Polish spellings end it (Sergej, Andrej, Alexej): BGN
                // writes y. Not -aj, which ends Arabic names (Faraj, Siraj), nor -dj (Laouedj).
                out[out.count - 1] = y
            }
        }
        return out
    }

    /// A consonant skeleton that erases common transliteration differences:
    /// vowels after the first letter dropped, doubled letters collapsed, and
    /// kh/gh/q/c/k -> k, ph/f -> f, dh/th/d/t -> d, sh/ch/j/zh -> j, w/v -> v, y -> i.
    /// `qadhafi`, `gaddafi`, `kadhafi` -> `kdf`/`gdf`; `mohammed`, `muhammad` -> `mmd`.
    public static func skeleton(_ t: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(t.count)
        var i = 0
        func emit(_ c: UInt8) { if out.last != c { out.append(c) } }
        while i < t.count {
            let c = t[i]
            let next: UInt8 = i + 1 < t.count ? t[i + 1] : 0
            let isVowel = c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121
            if next == UInt8(ascii: "h") && (c == UInt8(ascii: "k") || c == UInt8(ascii: "g") || c == UInt8(ascii: "p")
                || c == UInt8(ascii: "d") || c == UInt8(ascii: "t") || c == UInt8(ascii: "s") || c == UInt8(ascii: "c") || c == UInt8(ascii: "z")) {
                switch c {
                case UInt8(ascii: "k"), UInt8(ascii: "g"): emit(UInt8(ascii: "k"))
                case UInt8(ascii: "p"): emit(UInt8(ascii: "f"))
                case UInt8(ascii: "d"), UInt8(ascii: "t"): emit(UInt8(ascii: "d"))
                default: emit(UInt8(ascii: "j"))
                }
                i += 2
                continue
            }
            if isVowel {
                if out.isEmpty { out.append(UInt8(ascii: "a")) }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "q"), UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "g"): emit(UInt8(ascii: "k"))
            case UInt8(ascii: "t"): emit(UInt8(ascii: "d"))
            case UInt8(ascii: "w"): emit(UInt8(ascii: "v"))
            case UInt8(ascii: "z"): emit(UInt8(ascii: "s"))
            default: emit(c)
            }
            i += 1
        }
        return out
    }

    /// Whether two tokens may spell one Arabic-script word whose letters are read differently from
    /// country to country: the skeleton's consonants, except that ث is "th" in Arabic, "s" in Turkish,
    /// Persian and Urdu (Othman/Osman, Wathiq/Wasiq, Haitham/Heysem), ذ ض ظ are "dh"/"d" in Arabic and
    /// "z" in Persian, Urdu and Turkish (Kadhim/Kazem, Dahir/Zaher, Ramadan/Ramazan, Rida/Reza,
    /// Fadl/Fazl, Muadh/Muaz), and ج is "g" in Egyptian spelling (Hegazi/Hijazi, Naguib/Najib) and "dj"
    /// in French. So beyond the skeleton, "s" meets "th" (never t, d or dh: Nasir is not Nadir), "z"
    /// meets d, th and dh, and "g" meets "j". French "ou" before a vowel may write the consonant و
    /// (Djouadi/Jawadi, Zarkaoui/Zarqawi, Redouane/Radwan, Ouahid/Wahid) or the vowel u before ع
    /// (Souad/Suad): both readings are tried. For names written in an abjad only (`TokenSimilarity`'s
    /// `vowelsUncertain`); both tokens need two units or more.
    public static func readingsMeet(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if readingsMeetEitherWay(a[...], b[...]) { return true }
        // A Latin spelling may write the article joined (Elgherbi, AlOthman, Essaouabi) where the Arabic
        // script's reading writes it apart ("al gharbi").
        if let x = articleStripped(a), readingsMeetEitherWay(x, b[...]) { return true }
        if let y = articleStripped(b), readingsMeetEitherWay(a[...], y) { return true }
        if let x = leadingVowelDropped(a, other: b), readingsMeetEitherWay(x, b[...]) { return true }
        if let y = leadingVowelDropped(b, other: a), readingsMeetEitherWay(a[...], y) { return true }
        return joinedArticleMeets(a, b) || joinedArticleMeets(b, a)
    }

    /// The token without its first letter where a word-initial vowel is written or not: a prosthetic
    /// alef before two consonants, which Maghrebi spellings leave out (Brahim for ابراهيم, Mbarka for
    /// امباركة, Smail for اسماعيل); alef before و (awil for اويل, Ouail); and و first in the word, which
    /// Berber names write as the vowel ou (Ourida for وريدة, Ouarda, Oussim). Nil otherwise.
    static func leadingVowelDropped(_ t: [UInt8], other: [UInt8]) -> ArraySlice<UInt8>? {
        guard t.count >= 4, let o = other.first else { return nil }
        let w = UInt8(ascii: "w")
        if t[0] == w { return isVowel(o) && o != UInt8(ascii: "y") ? t[1...] : nil }
        guard isVowel(t[0]), t[0] != UInt8(ascii: "y"), !isVowel(t[1]) else { return nil }
        if t[1] == w { return t[1...] }
        // Both without a vowel between their first two consonants (Brahim, Mbarka): Akram is not Karam,
        // Amjad not Majid.
        return startsWithCluster(t[1...]) && startsWithCluster(other[...]) ? t[1...] : nil
    }

    /// Two consonants first, a digraph (kh, sh) counting as one (Smail, Mbarka, Khtar).
    static func startsWithCluster(_ t: ArraySlice<UInt8>) -> Bool {
        var k = t.startIndex
        guard k + 1 < t.endIndex, !isVowel(t[k]) else { return false }
        if t[k + 1] == UInt8(ascii: "h") && "kgsczdtp".utf8.contains(t[k]) { k += 1 }
        k += 1
        return k < t.endIndex && !isVowel(t[k]) && t[k] != t[k - 1]
    }

    /// The romanizer's article joined to its word (al + hassan, the scorer's join) against a Latin
    /// spelling that writes the article joined in another form: Elhassani, or the Maghrebi l- (Lahcen for
    /// الحسن, Lajnef for الأجنف, Laouani for العواني), whose vowel may be the word's own.
    static func joinedArticleMeets(_ p: [UInt8], _ q: [UInt8]) -> Bool {
        guard p.count >= 6, p[0] == UInt8(ascii: "a"), p[1] == UInt8(ascii: "l"), let x = articleStripped(p),
              let y = articleStripped(q, maghrebi: true) else { return false }
        if readingsMeetEitherWay(x, y) { return true }
        return q[0] == UInt8(ascii: "l") && y.count >= 4 && isVowel(y[y.startIndex]) && readingsMeetEitherWay(x, y.dropFirst())
    }

    static func readingsMeetEitherWay(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        readingsMeet(a, b, ouIsW: true) || readingsMeet(a, b, ouIsW: false)
    }

    /// Two consonants at least, and three when a letter is read two ways as the first consonant of a
    /// name with a d against a z (zanini/dina, donia/zanoun are other names). Two suffice where the
    /// letter cannot be another one: dh against z (Ridha/Reza: ض, ذ, ظ), th against s (Thani/Sani,
    /// Thuraya/Soraya: ث), g against j (Gomaa/Jumaa, Nagy/Naji: ج), and d against z after the first
    /// consonant (Riad/Riaz, Qadi/Kazi: a final or inner ض).
    static func readingsMeet(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, ouIsW: Bool) -> Bool {
        // Arabic script always writes a final ي: a spelling ending in -i or -y (a nisba, Lakhdari) is not
        // a word ending in a consonant (al-Khidhar).
        if endsInI(a) ? endsInConsonant(b) : endsInI(b) && endsInConsonant(a) { return false }
        var x = ReadingUnits(a, ouIsW: ouIsW), y = ReadingUnits(b, ouIsW: ouIsW)
        var consonants = 0, readings = 0, sureReadings = 0
        while true {
            let u = x.next(), v = y.next()
            guard let u, let v else {
                // With two consonants, a letter read two ways needs as many syllables (Thilleli is not Saila).
                return u == nil && v == nil && consonants >= 2 && (readings == 0 || consonants >= 3)
                    && (sureReadings == 0 || consonants >= 3 || vowelGroups(a) == vowelGroups(b))
            }
            if u != v {
                if !unitsMeet(u, v) { return false }
                let (p, q) = u < v ? (u, v) : (v, u)
                let sure = (p == UInt8(ascii: "D") && q == UInt8(ascii: "z")) || (p == UInt8(ascii: "T") && q == UInt8(ascii: "s"))
                    || (p == UInt8(ascii: "g") && q == UInt8(ascii: "j")) || (p == UInt8(ascii: "d") && q == UInt8(ascii: "z") && consonants >= 1)
                if sure { sureReadings += 1 } else { readings += 1 }
            }
            if u != UInt8(ascii: "a") { consonants += 1 }
        }
    }

    @inline(__always)
    static func endsInI(_ t: ArraySlice<UInt8>) -> Bool { t.last == UInt8(ascii: "i") || t.last == UInt8(ascii: "y") }

    /// Ends in a consonant that is sounded (a final h after a vowel writes ة: Habibeh).
    @inline(__always)
    static func endsInConsonant(_ t: ArraySlice<UInt8>) -> Bool {
        guard let last = t.last, !isVowel(last) else { return false }
        return !(last == UInt8(ascii: "h") && t.count >= 2 && isVowel(t[t.endIndex - 2]))
    }

    /// The token without an article or "son of" written joined to it: al or el (elgherbi, alothman,
    /// elobeid), a and e before a doubled sun letter (essaouabi, ezzahra), ben and bin
    /// (Benameur for بن عامر, Bennaceur); at least four letters must remain. Nil otherwise.
    /// - Parameter maghrebi: also the Maghrebi article, l joined (Lahcen, Lakhdar, Larbi): `readingsMeet`
    ///   strips it only against the romanizer's own article, the class hash always (both meet in one class).
    static func articleStripped(_ t: [UInt8], maghrebi: Bool = false) -> ArraySlice<UInt8>? {
        if maghrebi && t.count >= 5 && t[0] == UInt8(ascii: "l") && t[1] != UInt8(ascii: "l") { return t[1...] }
        guard t.count >= 6 else { return nil }
        if t[0] == UInt8(ascii: "b") && (t[1] == UInt8(ascii: "e") || t[1] == UInt8(ascii: "i") || (maghrebi && t[1] == UInt8(ascii: "a")))
            && t[2] == UInt8(ascii: "n") {
            return t.count >= 7 ? t[3...] : nil
        }
        guard t[0] == UInt8(ascii: "a") || t[0] == UInt8(ascii: "e") else { return nil }
        // Before a vowel only when five letters remain (Elobeid, Alothman; not Elias, Alawi).
        if t[1] == UInt8(ascii: "l") && (!isVowel(t[2]) || t.count >= 7) { return t[2...] }
        if t[1] == t[2], "tdrzsn".utf8.contains(t[1]) { return t[2...] }
        return nil
    }

    /// A hash of the reading units with every unit `readingsMeet` lets meet another merged (t th d dh
    /// s z as one, g j k as one), w, a leading vowel and a joined article left out (al, el, the
    /// Maghrebi l-, ben, bin, ban; French ou is read both ways): equal for any two tokens that meet, a
    /// quick test before comparing.
    public static func readingClassHash(_ t: [UInt8]) -> UInt32 {
        var units = ReadingUnits(articleStripped(t, maghrebi: true) ?? t[...], ouIsW: false)
        var h: UInt32 = 0x811C_9DC5
        var last: UInt8 = 0
        while let u = units.next() {
            var c = u
            switch u {
            case UInt8(ascii: "T"), UInt8(ascii: "D"), UInt8(ascii: "t"), UInt8(ascii: "s"), UInt8(ascii: "z"): c = UInt8(ascii: "d")
            case UInt8(ascii: "g"), UInt8(ascii: "j"): c = UInt8(ascii: "k")
            case UInt8(ascii: "v"), UInt8(ascii: "a"): continue  // w, and the place of a leading vowel (ou reads w)
            default: break
            }
            if c == last { continue }
            last = c
            h = (h ^ UInt32(c)) &* 0x0100_0193
        }
        return h
    }

    /// Pairs of distinct reading units that may write one Arabic letter (besides equal units).
    @inline(__always)
    static func unitsMeet(_ u: UInt8, _ v: UInt8) -> Bool {
        let (p, q) = u < v ? (u, v) : (v, u)
        switch p {
        case UInt8(ascii: "D"):  // dh: th, d, t (the skeleton's d), z (ذ ض ظ)
            return q == UInt8(ascii: "T") || q == UInt8(ascii: "d") || q == UInt8(ascii: "t") || q == UInt8(ascii: "z")
        case UInt8(ascii: "T"):  // th: d, t, s (ث), z (ظ)
            return q == UInt8(ascii: "d") || q == UInt8(ascii: "t") || q == UInt8(ascii: "s") || q == UInt8(ascii: "z")
        case UInt8(ascii: "d"):  // d: t (the skeleton's d), z (ض ظ)
            return q == UInt8(ascii: "t") || q == UInt8(ascii: "z")
        case UInt8(ascii: "g"):  // g: k (the skeleton's k), j (ج)
            return q == UInt8(ascii: "j") || q == UInt8(ascii: "k")
        case UInt8(ascii: "s"):  // s: z (the skeleton's s)
            return q == UInt8(ascii: "z")
        default:
            return false
        }
    }

    /// The skeleton's consonants of an unfolded token, one at a time, with th ("T"), dh ("D"), t, d,
    /// s, z, g and j kept apart; dj and dzh are j, x is ks, c before e, i, y is s, a final h after a vowel
    /// is silent, and (when `ouIsW`) ou before a vowel is w.
    struct ReadingUnits {
        let t: ArraySlice<UInt8>
        let ouIsW: Bool
        var i: Int
        var last: UInt8 = 0
        var pendingS = false
        init(_ t: ArraySlice<UInt8>, ouIsW: Bool) { self.t = t; self.ouIsW = ouIsW; i = t.startIndex }

        @inline(__always)
        func at(_ k: Int) -> UInt8 { k < t.endIndex ? t[k] : 0 }

        mutating func next() -> UInt8? {
            if pendingS {
                pendingS = false
                if last != UInt8(ascii: "s") { last = UInt8(ascii: "s"); return last }
            }
            while i < t.endIndex {
                let c = t[i]
                let nx = at(i + 1)
                var u: UInt8
                if c == UInt8(ascii: "d") && nx == UInt8(ascii: "j") {
                    u = UInt8(ascii: "j"); i += 2
                } else if c == UInt8(ascii: "d") && nx == UInt8(ascii: "z") && at(i + 2) == UInt8(ascii: "h") {
                    u = UInt8(ascii: "j"); i += 3
                } else if nx == UInt8(ascii: "h") && (c == UInt8(ascii: "k") || c == UInt8(ascii: "g") || c == UInt8(ascii: "p") || c == UInt8(ascii: "d")
                    || c == UInt8(ascii: "t") || c == UInt8(ascii: "s") || c == UInt8(ascii: "c") || c == UInt8(ascii: "z")) {
                    switch c {
                    case UInt8(ascii: "k"), UInt8(ascii: "g"): u = UInt8(ascii: "k")
                    case UInt8(ascii: "p"): u = UInt8(ascii: "f")
                    case UInt8(ascii: "d"): u = UInt8(ascii: "D")
                    case UInt8(ascii: "t"): u = UInt8(ascii: "T")
                    default: u = UInt8(ascii: "j")
                    }
                    i += 2
                } else if ouIsW && c == UInt8(ascii: "o") && nx == UInt8(ascii: "u")
                            && (at(i + 2) == UInt8(ascii: "a") || at(i + 2) == UInt8(ascii: "e") || at(i + 2) == UInt8(ascii: "i")) {
                    u = UInt8(ascii: "v"); i += 2
                } else if c == UInt8(ascii: "w") && i > t.startIndex && isVowel(t[i - 1]) && t[i - 1] != UInt8(ascii: "y") && !isVowel(nx) {
                    // w after a vowel and before a consonant or the end closes a diphthong, which French
                    // writes ou and Levantine and Egyptian spellings o (Tawfik/Toufik, Fawzi/Fouzi,
                    // Sawsan/Sousan, Awda/Odeh): a vowel, as those are.
                    i += 1
                    continue
                } else if c == UInt8(ascii: "h") && i + 1 == t.endIndex && i - 1 > t.startIndex && isVowel(t[i - 1]) {
                    // A final h after a vowel writes ة or a final ه: Habibeh/Habiba, Hatamleh/Hatamla.
                    i += 1
                    continue
                } else if isVowel(c) {
                    i += 1
                    guard last == 0 else { continue }
                    u = UInt8(ascii: "a")
                } else {
                    switch c {
                    case UInt8(ascii: "c") where nx == UInt8(ascii: "e") || nx == UInt8(ascii: "i") || nx == UInt8(ascii: "y"):
                        u = UInt8(ascii: "s")  // French c before e, i: Hacen, Naceur, Houcine, Yacine
                    case UInt8(ascii: "c") where i > t.startIndex && isVowel(t[i - 1]) && (nx == UInt8(ascii: "a") || nx == UInt8(ascii: "o") || nx == UInt8(ascii: "u")):
                        u = UInt8(ascii: "s")  // French ç between vowels, folded: Fayçal, Meçabih
                    case UInt8(ascii: "q"), UInt8(ascii: "c"), UInt8(ascii: "k"): u = UInt8(ascii: "k")
                    case UInt8(ascii: "w"): u = UInt8(ascii: "v")
                    case UInt8(ascii: "x"): u = UInt8(ascii: "k"); pendingS = true
                    default: u = c
                    }
                    i += 1
                }
                if u == last { if pendingS { return next() }; continue }
                last = u
                return u
            }
            return nil
        }
    }

    /// Number of vowel runs, a cheap syllable count.
    public static func vowelGroups(_ t: [UInt8]) -> Int { vowelGroups(t[...]) }

    static func vowelGroups(_ s: ArraySlice<UInt8>) -> Int {
        let t = Slice0(s)
        var n = 0
        var inVowel = false
        // A silent final e after a consonant (French "Poutine", English "-ine") is not a syllable.
        let end = t.count >= 5 && t.last == 101 && !isVowel(t[t.count - 2]) ? t.count - 1 : t.count
        for k in 0..<end {
            let c = t[k]
            // y between two vowels is a consonant (Nayef, Ayad, Maya: two syllables), but not after i,
            // where it spells the Slavic soft vowel (Anatoliyovych, Sergiyovych).
            let v = isVowel(c) && !(c == UInt8(ascii: "y") && k > 0 && k + 1 < end && isVowel(t[k - 1])
                && t[k - 1] != UInt8(ascii: "i") && isVowel(t[k + 1]))
            if v && !inVowel { n += 1 }
            inVowel = v
        }
        return n
    }

    /// A slice read from index 0.
    struct Slice0 {
        let s: ArraySlice<UInt8>
        init(_ s: ArraySlice<UInt8>) { self.s = s }
        var count: Int { s.count }
        var last: UInt8? { s.last }
        @inline(__always) subscript(k: Int) -> UInt8 { s[s.startIndex + k] }
    }

    @inline(__always)
    public static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121 }

    /// The skeleton as one string, or nil when it is too short to tell names apart (under 3 consonants).
    public static func skeletonString(_ token: String) -> String? {
        let k = skeleton(spellingFold(Array(token.utf8)))
        return k.count >= 3 ? String(decoding: k, as: UTF8.self) : nil
    }
}
