/// Spelling-independent keys of folded ASCII tokens, used both to retrieve candidates (as postings
/// terms) and to compare tokens. They erase the differences transliteration makes between two
/// spellings of one name.
public enum PhoneticKey {
    /// Erases spelling differences between transliteration standards that edit distance overcounts:
    /// x -> ks (Alexey/Aleksey, Maxim/Maksim), dzh/dj -> j (Dzhafarov/Jafarov), a word-initial i before
    /// a vowel -> y (ICAO Iurii/BGN Yuriy, Ialovets/Yalovets), y dropped between a vowel and e (BGN
    /// Deyev/Deev) and before a word-initial e (Yevgeny/Evgeny), and the -ий ending -ii/-iy/-yy/-ij -> y
    /// (Dmitrii/Dmitriy/Dmitry); ou/oo -> u and ee -> i (Nour/Noor/Nur, Saeed/Said), ben -> bin,
    /// el/ul -> al, doubled consonants once. Returns the token itself when nothing applies.
    public static func spellingFold(_ t: [UInt8]) -> [UInt8] {
        let x = UInt8(ascii: "x"), d = UInt8(ascii: "d"), i = UInt8(ascii: "i"), y = UInt8(ascii: "y")
        let o = UInt8(ascii: "o"), e = UInt8(ascii: "e"), u = UInt8(ascii: "u")
        // Arabic particles in French and English transcription: ben/bin, el/ul/al.
        if t == Array("ben".utf8) { return Array("bin".utf8) }
        if t == Array("el".utf8) || t == Array("ul".utf8) { return Array("al".utf8) }
        var doubled = false
        for k in 1..<max(1, t.count) where t[k] == t[k - 1] { doubled = true; break }
        let needs = doubled || t.contains(UInt8(ascii: "a")) || t.contains(x) || t.contains(d) || t.contains(y) || t.contains(o) || t.contains(e)
            || (t.count >= 3 && (t[0] == i || t[t.count - 2] == i))
        guard needs else { return t }
        var out: [UInt8] = []
        out.reserveCapacity(t.count + 2)
        var k = 0
        while k < t.count {
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

    /// Number of vowel runs, a cheap syllable count.
    public static func vowelGroups(_ t: [UInt8]) -> Int {
        var n = 0
        var inVowel = false
        // A silent final e after a consonant (French "Poutine", English "-ine") is not a syllable.
        let end = t.count >= 5 && t.last == 101 && !isVowel(t[t.count - 2]) ? t.count - 1 : t.count
        for (k, c) in t[..<end].enumerated() {
            // y between two vowels is a consonant (Nayef, Ayad, Maya: two syllables), but not after i,
            // where it spells the Slavic soft vowel (Anatoliyovych, Sergiyovych).
            let v = isVowel(c) && !(c == UInt8(ascii: "y") && k > 0 && k + 1 < end && isVowel(t[k - 1])
                && t[k - 1] != UInt8(ascii: "i") && isVowel(t[k + 1]))
            if v && !inVowel { n += 1 }
            inVowel = v
        }
        return n
    }

    @inline(__always)
    public static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121 }

    /// The skeleton as one string, or nil when it is too short to tell names apart (under 3 consonants).
    public static func skeletonString(_ token: String) -> String? {
        let k = skeleton(spellingFold(Array(token.utf8)))
        return k.count >= 3 ? String(decoding: k, as: UTF8.self) : nil
    }
}
