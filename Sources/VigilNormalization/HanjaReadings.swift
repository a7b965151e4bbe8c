/// The Sino-Korean readings of Han characters (`HanjaReadingTable`, from Unihan kHangul): Korean names
/// are also written in Hanja (金正男 Kim Jong-nam, 潘基文 Ban Ki-moon, 金英哲 Kim Yong-chol), which the
/// Mandarin reading (Jin Zhengnan) never brings near their romanizations.
public enum HanjaReadings {
    /// The Hangul syllable a Han character is read with in a personal name (the table's first reading).
    static let byCharacter: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        for entry in HanjaReadingTable.readings.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var scalars = entry.unicodeScalars.makeIterator()
            guard let c = scalars.next(), let reading = scalars.next() else { continue }
            table[c.value] = reading
        }
        return table
    }()

    /// The name written in Hangul, each character by its personal-name reading, when it may be a Korean
    /// name in Hanja: three Han characters written as one word, the family name first (a one-character
    /// surname and a two-character given name, as almost every Korean name is written), nothing else,
    /// not read as Japanese. The name is then screened in both readings, each as a whole: read one
    /// syllable at a time, the Korean readings of the commonest Chinese names (two characters) met
    /// Chinese list entries through a single syllable (柳易 as `PAO, Yu Yi`), and names split in the
    /// Western order (淑華 黃) are not written as Koreans write theirs. Nil otherwise.
    /// - Complexity: O(1) for most names, which it leaves at their first letter (it runs for every query).
    public static func koreanReading(of name: String) -> String? {
        var out = String.UnicodeScalarView()
        var characters = 0, ended = false
        for s in name.unicodeScalars {
            if s.properties.isWhitespace {
                ended = characters > 0
                continue
            }
            guard !ended, characters < 3, Script.of(s) == .han, let reading = byCharacter[s.value] else { return nil }
            characters += 1
            out.append(reading)
        }
        guard characters == 3, !JapaneseNames.isJapanese(name, script: .han) else { return nil }
        return String(out)
    }
}
