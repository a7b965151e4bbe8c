/// Romanizes Khmer names the way Cambodian passports and lists write them (Hun Sen, Pol Pot, Nuon
/// Chea, Ieng Sary, Khieu Samphan): ICU has no Khmer transliterator, so `Any-Latin` left them as they
/// were, and a name in Khmer met nothing.
///
/// Khmer writes syllables: an initial consonant (with subscript consonants after a coeng), a vowel sign
/// and a final consonant. Each consonant belongs to one of two series, which decides how a vowel
/// sign reads (ា is a after a first-series consonant, ea after a second); the signs ៉ and ៊ move a
/// consonant to the other series. A consonant with no vowel sign carries the inherent vowel (a or o)
/// unless it closes the syllable before it. The vowel values follow UNGEGN as names simplify it.
public enum KhmerRomanizer {
    /// Consonants U+1780...U+17A2: initial spelling, final spelling, series (1 or 2).
    static let consonants: [(initial: String, final: String, series: UInt8)] = [
        ("k", "k", 1), ("kh", "k", 1), ("k", "k", 2), ("kh", "k", 2), ("ng", "ng", 2),  // ក ខ គ ឃ ង
        ("ch", "ch", 1), ("chh", "ch", 1), ("ch", "ch", 2), ("chh", "ch", 2), ("nh", "nh", 2),  // ច ឆ ជ ឈ ញ
        ("d", "t", 1), ("th", "t", 1), ("d", "t", 2), ("th", "t", 2), ("n", "n", 1),  // ដ ឋ ឌ ឍ ណ
        ("t", "t", 1), ("th", "t", 1), ("t", "t", 2), ("th", "t", 2), ("n", "n", 2),  // ត ថ ទ ធ ន
        ("b", "p", 1), ("ph", "p", 1), ("p", "p", 2), ("ph", "p", 2), ("m", "m", 2),  // ប ផ ព ភ ម
        ("y", "y", 2), ("r", "r", 2), ("l", "l", 2), ("v", "v", 2),  // យ រ ល វ
        ("s", "s", 1), ("s", "s", 1), ("s", "s", 1), ("h", "h", 1), ("l", "l", 1), ("", "", 1),  // ឝ ឞ ស ហ ឡ អ
    ]
    /// Dependent vowels U+17B6...U+17C5 after a first- and a second-series consonant.
    static let vowels: [(first: String, second: String)] = [
        ("a", "ea"), ("e", "i"), ("ei", "i"), ("oe", "ue"), ("eu", "eu"), ("o", "u"), ("ou", "ou"), ("uo", "uo"),  // ា ិ ី ឹ ឺ ុ ូ ួ
        ("aeu", "eu"), ("oea", "oea"), ("ie", "ie"), ("e", "e"), ("e", "e"), ("ai", "ey"), ("ao", "o"), ("au", "ov"),  // ើ ឿ ៀ េ ែ ៃ ោ ៅ
    ]
    /// Independent vowels U+17A3...U+17B3.
    static let independentVowels = ["a", "a", "e", "ei", "o", "ou", "ou", "ov", "rue", "rue", "lue", "lue", "ae", "ai", "ao", "ao", "au"]

    static let coeng: UInt32 = 0x17D2, toFirstSeries: UInt32 = 0x17C9, toSecondSeries: UInt32 = 0x17CA
    static let nikahit: UInt32 = 0x17C6, reahmuk: UInt32 = 0x17C7, silencer: UInt32 = 0x17CD

    /// One consonant and what is written on it: the subscripts, the vowel, the marks after the vowel.
    struct Cluster {
        var onset: String
        var final: String
        var series: UInt8
        var vowel: String?
        /// A final sound the vowel sign carries (ំ m, ះ h): the syllable is closed.
        var coda = ""
        var silenced = false
    }

    /// The name with each Khmer word romanized; other characters are kept.
    public static func romanize(_ text: String) -> String {
        var out = ""
        var word: [Unicode.Scalar] = []
        func flush() {
            if !word.isEmpty { out += romanizeWord(word) }
            word.removeAll()
        }
        for s in text.unicodeScalars {
            let khmer = Script.of(s) == .khmer
            if khmer && s.value != 0x17D4 && s.value != 0x17D5 {  // ។ ៕ end a sentence
                word.append(s)
            } else {
                flush()
                out.unicodeScalars.append(khmer ? " " : s)
            }
        }
        flush()
        return out
    }

    static func clusters(_ word: [Unicode.Scalar]) -> [Cluster] {
        var result: [Cluster] = []
        var i = 0
        while i < word.count {
            let v = word[i].value
            if (0x1780...0x17A2).contains(v) {
                let c = consonants[Int(v - 0x1780)]
                result.append(Cluster(onset: c.initial, final: c.final, series: c.series))
            } else if (0x17A3...0x17B3).contains(v) {
                var cluster = Cluster(onset: "", final: "", series: 1)
                cluster.vowel = independentVowels[Int(v - 0x17A3)]
                result.append(cluster)
            } else if !result.isEmpty {
                let last = result.count - 1
                switch v {
                case coeng where i + 1 < word.count && (0x1780...0x17A2).contains(word[i + 1].value):
                    // A subscript consonant joins the onset (ស្រ sr, ខ្ម khm); after a vowel it closes the syllable
                    // and starts the next.
                    let c = consonants[Int(word[i + 1].value - 0x1780)]
                    if result[last].vowel == nil && result[last].coda.isEmpty {
                        result[last].onset += c.initial
                        result[last].final = c.final
                    } else {
                        result.append(Cluster(onset: c.initial, final: c.final, series: c.series))
                    }
                    i += 1
                case toFirstSeries:
                    result[last].series = 1
                    // ប with ៉ is p (ប៉ុល Pol).
                    if result[last].onset == "b" { result[last].onset = "p" }
                case toSecondSeries: result[last].series = 2
                case 0x17B6...0x17C5:
                    let pair = vowels[Int(v - 0x17B6)]
                    result[last].vowel = (result[last].vowel ?? "") + (result[last].series == 1 ? pair.first : pair.second)
                case nikahit:
                    if result[last].vowel == nil { result[last].vowel = result[last].series == 1 ? "a" : "u" }
                    result[last].coda = "m"
                case reahmuk:
                    if result[last].vowel == nil { result[last].vowel = result[last].series == 1 ? "a" : "ea" }
                    result[last].coda = "h"
                case silencer, 0x17CC:  // ៍ and the robat: the letter is not read
                    result[last].silenced = true
                default: break
                }
            }
            i += 1
        }
        return result
    }

    static func romanizeWord(_ word: [Unicode.Scalar]) -> String {
        let parts = clusters(word)
        var out = ""
        var open = false  // the last syllable has a vowel and no final yet
        for (k, c) in parts.enumerated() where !c.silenced {
            if let vowel = c.vowel {
                out += c.onset + vowel + c.coda
                open = c.coda.isEmpty
            } else if open {
                // A bare consonant after an open syllable closes it (ពត: po + t).
                out += c.final
                open = false
            } else {
                // A bare consonant opening a syllable carries the inherent vowel; a lone last one is read
                // with it too (a one-letter word).
                out += c.onset + (c.series == 1 ? "a" : "o")
                open = k + 1 < parts.count
            }
        }
        return out
    }
}
