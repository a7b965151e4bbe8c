/// Mandarin romanizations of one name: Hanyu Pinyin (Xi Jinping, Mao Zedong) and Wade-Giles as
/// Taiwan, Hong Kong-era and older lists write it, apostrophes lost (Hsi Chin-ping, Mao Tse-tung).
/// A token that splits into Mandarin syllables gets the set of pinyin readings it can stand for;
/// two tokens are the same name in two systems when their readings meet syllable by syllable.
///
/// The pinyin syllable inventory is taken from pypinyin 0.55 (MIT); the Wade-Giles forms are derived
/// from it by the standard correspondence (b->p, d->t, g->k, j/zh->ch, q/ch->ch', x->hs, r->j,
/// z->ts, c->ts', zi->tzu, si->ssu, zhi->chih, -ong->-ung, -ie->-ieh, -ian->-ien, ge->ko, ...).
public enum MandarinRomanization {
    /// Valid pinyin syllables, toneless, ü written u.
    static let pinyinSyllables: [String] = """
        a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai
        can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai
        chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di
        dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng
        fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha
        hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
        jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan
        kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu lo
        long lou lu luan lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo
        mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan
        nue nun nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian
        qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan
        rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou
        shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te
        tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu
        xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong
        you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng
        zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Spelling (pinyin or Wade-Giles without apostrophes) -> the pinyin syllables it may be.
    static let readings: [String: [String]] = {
        var map: [String: Set<String>] = [:]
        for p in pinyinSyllables {
            map[p, default: []].insert(p)
            for w in wadeGiles(p) where w != p { map[w, default: []].insert(p) }
        }
        return map.mapValues { $0.sorted() }
    }()

    static let longestSyllable = 6

    /// Wade-Giles spellings of a pinyin syllable, as lists print them without apostrophes and
    /// umlauts (so aspirated and plain initials fall together, as they do in practice).
    static func wadeGiles(_ p: String) -> [String] {
        switch p {
        case "zi": return ["tzu", "tsu"]
        case "ci": return ["tzu", "tsu"]
        case "si": return ["ssu", "szu"]
        case "zhi", "chi": return ["chih"]
        case "shi": return ["shih"]
        case "ri": return ["jih"]
        case "er": return ["erh"]
        case "you": return ["yu"]
        case "yi": return ["i", "yi"]
        case "ye": return ["yeh"]
        case "yan": return ["yen"]
        case "yong": return ["yung"]
        case "yue": return ["yueh"]
        case "e": return ["o", "e"]
        default: break
        }
        let initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"]
        guard let initial = initials.first(where: { p.hasPrefix($0) }) else { return [p] }
        var final = String(p.dropFirst(initial.count))
        let wgInitial: String
        switch initial {
        case "b": wgInitial = "p"
        case "d": wgInitial = "t"
        case "g": wgInitial = "k"
        case "j", "q", "zh", "ch": wgInitial = "ch"
        case "x": wgInitial = "hs"
        case "r": wgInitial = "j"
        case "z", "c": wgInitial = "ts"
        default: wgInitial = initial
        }
        switch final {
        case "ong": final = "ung"
        case "iong": final = "iung"
        case "ie": final = "ieh"
        case "ian": final = "ien"
        case "ue": final = "ueh"
        case "ui": final = "uei"
        case "e": final = (initial == "g" || initial == "k" || initial == "h") ? "o" : "e"
        case "uo": final = (initial == "g" || initial == "k" || initial == "h" || initial == "sh") ? "uo" : "o"
        default: break
        }
        var out = [wgInitial + final]
        if initial == "z" || initial == "c" { out.append("tz" + final) }
        return out
    }

    /// Syllables packed into a UInt64 (at most 6 ASCII letters), so splitting allocates nothing.
    @inline(__always)
    static func pack<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var k: UInt64 = 0
        for b in bytes { k = k << 8 | UInt64(b) }
        return k
    }

    static let pinyinKeys: Set<UInt64> = Set(pinyinSyllables.map { pack(Array($0.utf8)) })
    static let readingsByKey: [UInt64: [String]] = Dictionary(uniqueKeysWithValues: readings.map { (pack(Array($0.key.utf8)), $0.value) })
    static let pinyinFilter = KeyFilter(pinyinKeys)
    static let readingsFilter = KeyFilter(readingsByKey.keys)

    /// The readings of each syllable of a token, or nil when it does not split into Mandarin syllables.
    /// A token that is valid pinyin reads as itself only ("chang" is Chang, not Zhang): the
    /// Wade-Giles readings apply to tokens pinyin cannot spell ("hsi", "chin", "tsetung"), which keeps
    /// pinyin names from meeting each other through Wade-Giles ambiguity.
    public static func syllableReadings(_ token: String) -> [[String]]? {
        syllableReadings(Array(token.utf8))
    }

    public static func syllableReadings(_ bytes: [UInt8]) -> [[String]]? {
        guard bytes.count >= 1, isSplittable(bytes) else { return nil }
        let pinyin = pinyinFilter, readings = readingsFilter
        if let keys = split(bytes, valid: { pinyin.mayContain($0) && pinyinKeys.contains($0) }) {
            return keys.map { k in [String(decoding: unpack(k), as: UTF8.self)] }
        }
        return split(bytes, valid: { readings.mayContain($0) && readingsByKey[$0] != nil })?.map { readingsByKey[$0] ?? [] }
    }

    /// Cantonese (Hong Kong Government romanisation) syllables and southern-dialect surname spellings,
    /// each with the pinyin syllables it may stand for.
    static let dialectReadingsByKey: [UInt64: [String]] = {
        var map: [UInt64: Set<String>] = [:]
        for item in CantoneseReadings.packed.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = item.split(separator: ":")
            guard parts.count == 2 else { continue }
            map[pack(Array(parts[0].utf8)), default: []].formUnion(parts[1].split(separator: ",").map(String.init))
        }
        for (spelling, pinyin) in SouthernSurnames.table { map[pack(Array(spelling.utf8)), default: []].formUnion(pinyin) }
        return map.mapValues { $0.sorted() }
    }()

    /// Pinyin, Wade-Giles, Cantonese and dialect-surname readings in one table (one lookup per DP step).
    static let allReadingsByKey: [UInt64: [String]] = readingsByKey.merging(dialectReadingsByKey) { Array(Set($0).union($1)).sorted() }
    static let allReadingsFilter = KeyFilter(allReadingsByKey.keys)

    /// Other readings of a token, beyond `syllableReadings`: Wade-Giles for a token that is also valid
    /// pinyin ("cheng" may be Zheng, "chang" Zhang, "kuo" Guo), Hong Kong Cantonese ("cheung" Zhang,
    /// "kashing" Jiacheng) and southern surname spellings ("tan" Chen, "lim" Lin, "ng" Huang or Wu).
    /// Nil when there are none. Kept apart from `syllableReadings`: such a meeting is a weaker sign,
    /// since it also joins distinct pinyin names (tang/dang).
    /// - Parameter plain: the token's `syllableReadings`, which the caller has already computed.
    public static func alternateReadings(_ bytes: [UInt8], plain: [[String]]?) -> [[String]]? {
        guard bytes.count >= 2, isSplittable(bytes),
              case let filter = allReadingsFilter,
              let keys = split(bytes, valid: { filter.mayContain($0) && allReadingsByKey[$0] != nil }) else { return nil }
        let readings = keys.map { allReadingsByKey[$0] ?? [] }
        if let plain, plain.count == readings.count,
           zip(plain, readings).allSatisfy({ Set($0.0) == Set($0.1) }) { return nil }
        return readings
    }

    /// Pinyin and Wade-Giles readings only, also for a token that is valid pinyin (for explanations).
    public static func wadeGilesOnlyReadings(_ bytes: [UInt8]) -> [[String]]? {
        guard bytes.count >= 2, isSplittable(bytes) else { return nil }
        let filter = readingsFilter
        return split(bytes, valid: { filter.mayContain($0) && readingsByKey[$0] != nil })?.map { readingsByKey[$0] ?? [] }
    }

    /// Joins the hyphenated syllables of a romanized Chinese given name (`Chi-chang`, `Tse-tung`,
    /// `Jin-ping`, Cantonese `Ka-shing`) into one token, the way passports and pinyin write it. Only when both sides are single
    /// Mandarin syllables, so `Jean-Pierre`, `Al-Hassan` and Korean `Jong-un` stay apart.
    public static func joinHyphenatedSyllables(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "-")) else { return text }
        // Apostrophes belong to the syllable (Wade-Giles aspiration: Chin-p'ing).
        func isLetter(_ b: UInt8) -> Bool { (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || b == UInt8(ascii: "'") || b == UInt8(ascii: "`") }
        func isSyllable(_ run: ArraySlice<UInt8>) -> Bool {
            let letters = run.filter { $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "`") }
            guard letters.count >= 1, letters.count <= longestSyllable else { return false }
            let k = pack(letters)
            return pinyinKeys.contains(k) || readingsByKey[k] != nil || dialectReadingsByKey[k] != nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "-"), i > 0, i + 1 < bytes.count, isLetter(bytes[i - 1]), isLetter(bytes[i + 1]) {
                var s = i - 1
                while s > 0 && isLetter(bytes[s - 1]) { s -= 1 }
                var e = i + 1
                while e + 1 < bytes.count && isLetter(bytes[e + 1]) { e += 1 }
                let beforeOK = s == 0 || bytes[s - 1] != UInt8(ascii: "-")
                let afterOK = e + 1 == bytes.count || bytes[e + 1] != UInt8(ascii: "-")
                if beforeOK && afterOK && isSyllable(bytes[s..<i]) && isSyllable(bytes[(i + 1)...e]) { continue }
            }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lowercase ASCII letters only, short enough for at most four syllables.
    @inline(__always)
    static func isSplittable(_ bytes: [UInt8]) -> Bool {
        bytes.count <= 4 * longestSyllable && bytes.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    static func unpack(_ k: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        var k = k
        while k != 0 { out.append(UInt8(k & 0xFF)); k >>= 8 }
        return out.reversed()
    }

    /// Splits a token into valid syllables by dynamic programming, fewest syllables first, at most 4.
    static func split(_ chars: [UInt8], longest: Int = longestSyllable, valid: (UInt64) -> Bool) -> [UInt64]? {
        let n = chars.count
        guard n > 0 else { return nil }
        // count[i]: fewest syllables covering chars[i...] (Int.max: impossible); next[i]: first syllable
        // length. On the stack: this runs for every token of an index as it opens.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (n + 1)) { buffer -> [UInt64]? in
            let count = buffer.baseAddress!, next = buffer.baseAddress! + (n + 1)
            for i in 0...n { count[i] = Int.max; next[i] = 0 }
            count[n] = 0
            for i in stride(from: n - 1, through: 0, by: -1) {
                var key: UInt64 = 0
                for len in 1...min(longest, n - i) {
                    key = key << 8 | UInt64(chars[i + len - 1])
                    let rest = count[i + len]
                    guard rest < 4, rest + 1 < count[i], valid(key) else { continue }
                    count[i] = rest + 1
                    next[i] = len
                }
            }
            guard count[0] != Int.max else { return nil }
            var out: [UInt64] = []
            var i = 0
            while i < n {
                out.append(pack(chars[i..<(i + next[i])]))
                i += next[i]
            }
            return out
        }
    }

    /// Whether two tokens can be the same Mandarin name written in two romanizations.
    public static func sameName(_ a: [[String]], _ b: [[String]]) -> Bool {
        guard a.count == b.count else { return false }
        // A handful of readings per syllable: a linear scan beats building sets (no allocation).
        for (x, y) in zip(a, b) where !x.contains(where: { y.contains($0) }) { return false }
        return true
    }

    /// Pinyin spellings a token may stand for (at most `limit`), for retrieval terms.
    public static func pinyinSpellings(_ readings: [[String]], limit: Int = 8) -> [String] {
        var out = [""]
        for options in readings {
            var next: [String] = []
            for prefix in out { for o in options { next.append(prefix + o); if next.count >= limit { break } } }
            out = Array(next.prefix(limit))
        }
        return out
    }
}

/// A set of packed syllable keys (`MandarinRomanization.pack`) as a 65,536-bit table: most substrings
/// the syllable splitter tries are no syllable, and this says so with a multiply and a load, before a
/// dictionary hashes the key (which made up most of the cost of reading a token's keys).
struct KeyFilter: Sendable {
    private let bits: [UInt64]

    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        for k in keys { let h = Self.slot(k); bits[h >> 6] |= 1 << UInt64(h & 63) }
        self.bits = bits
    }

    @inline(__always)
    static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 48) }

    /// False when `key` is certainly not in the set.
    @inline(__always)
    func mayContain(_ key: UInt64) -> Bool {
        let h = Self.slot(key)
        return bits[h >> 6] & (1 << UInt64(h & 63)) != 0
    }
}
