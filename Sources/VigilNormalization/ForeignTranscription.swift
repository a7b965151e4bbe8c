/// Western names written in katakana: バラク・オバマ is Barack Obama, written by its sound with the
/// syllables Japanese has, a vowel after most consonants (ク ku for k, ド do for d). Romaji as ICU writes
/// them (`baraku obama`, `donarudo toranpu`) keep those vowels, a letter or two from the Latin spelling;
/// without them (`barak`, `donard`, `toranp`) the usual spelling comparison meets it.
///
/// A katakana name is taken for such a transcription only when it says so: its parts written between
/// middle dots (・), as Japanese writes foreign names and not its own.
///
/// (Chinese transcriptions, 贝拉克·奥巴马, were tried by a coarse sound key of the pinyin: Chinese
/// writes most Western names with a few dozen syllables, and the key that met the right name met too
/// many others — 349 alerts for 2,000 transcribed names from CC-CEDICT against 10 for the same names
/// in Latin letters.)
public enum ForeignTranscription {
    /// The separators a transcribed name is written with: ・ (and its half-width form), ·, ＝ and ゠.
    static let separators: Set<UInt32> = [0x30FB, 0xFF65, 0xB7, 0xFF1D, 0x30A0]

    /// Whether a name is a Western name transcribed in katakana: parts between middle dots, all katakana.
    public static func isKatakanaTranscription(_ raw: String) -> Bool {
        var separated = false, kana = false
        for s in raw.unicodeScalars {
            if separators.contains(s.value) { separated = true; continue }
            switch Script.of(s) {
            case .kana?:
                if (0x3040...0x309F).contains(s.value) { return false }  // hiragana: a Japanese name
                kana = true
            case nil: continue
            default: return false
            }
        }
        return separated && kana
    }

    /// The parts of a transcribed name, each as one word.
    public static func parts(_ raw: String) -> [String] {
        raw.unicodeScalars.split { separators.contains($0.value) || $0 == " " || $0 == "\u{3000}" }
            .map { String(String.UnicodeScalarView($0)) }.filter { !$0.isEmpty }
    }

    /// Romaji without the vowels Japanese adds to a consonant: u after a consonant (o after t and d)
    /// before another consonant or at the end (baraku Barak, donarudo Donard, toranpu Toranp). Not
    /// after n, which is a syllable of its own, nor in the word's first syllable.
    public static func withoutEpentheticVowels(_ romaji: [UInt8]) -> [UInt8] {
        func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
        var out: [UInt8] = []
        for (i, b) in romaji.enumerated() {
            let previous = i > 0 ? romaji[i - 1] : 0, next = i + 1 < romaji.count ? romaji[i + 1] : 0
            let closes = next == 0 || !isVowel(next) && next != UInt8(ascii: "y")
            let afterConsonant = i >= 2 && !isVowel(previous) && previous != UInt8(ascii: "n")
            let added = b == UInt8(ascii: "u") || b == UInt8(ascii: "o") && (previous == UInt8(ascii: "t") || previous == UInt8(ascii: "d"))
            if closes && afterConsonant && added { continue }
            out.append(b)
        }
        return out
    }
}
