/// Toneless readings of Chinese characters from a table compiled into the binary
/// (`HanReadingTable.swift`, generated from ICU by `tools/gen-han-table.sh`): the Mandarin syllables
/// ICU's `Han-Latin/Names; Any-Latin; Latin-ASCII` gives after NFKC_Casefold, without an ICU call and
/// its global lock, and the Hong Kong Government Cantonese romanisation.
///
/// How ICU reads, and so the table: `Han-Latin/Names` gives a surname reading (单 shan, 区 ou, 解 xie,
/// 仇 qiu) to a Han character that starts the text or follows any non-Han character (a space, `·`, a
/// Latin letter, a digit), so every Han run of a text starts "at the start of a name"; a handful of
/// characters read otherwise before one particular character (万俟 mo qi, 重庆 chong qing, 长孙 at the
/// start zhang sun); every other character has one reading wherever it stands. The surname rules name
/// simplified characters only: traditional 單 and 區 read dan and qu, as in ICU.
package enum HanReadings {
    /// Mandarin syllables, one per Han character of `scalars`, in order (other scalars are skipped but
    /// end a Han run, as in ICU). The first character of each run takes its surname reading.
    ///
    /// - Returns: nil when a scalar of script Han has no reading in the table (rare characters of the
    ///   supplementary planes, 々, the CJK radicals supplement): fall back to ICU. Empty when there is
    ///   no Han character.
    /// - Complexity: O(n), two array reads per scalar; allocates the result only.
    package static func mandarin(of scalars: some Sequence<Unicode.Scalar>) -> [String]? {
        mandarin(of: scalars, capacity: max(scalars.underestimatedCount, 4))
    }

    /// `mandarin(of: text.unicodeScalars)`.
    package static func mandarin(of text: String) -> [String]? {
        mandarin(of: text.unicodeScalars, capacity: text.utf8.count / 3 + 1)
    }

    private static func mandarin(of scalars: some Sequence<Unicode.Scalar>, capacity: Int) -> [String]? {
        let t = table
        var out: [String] = []
        out.reserveCapacity(capacity)
        var iterator = scalars.makeIterator()
        var next = iterator.next()
        var atStart = true
        while let s = next {
            next = iterator.next()
            let value = t.mandarinValue(s)
            if value == 0 { atStart = true; continue }
            guard let syllable = t.mandarinSyllable(value, of: s, atStart: atStart, next: next) else { return nil }
            out.append(t.mandarinSyllables[syllable])
            atStart = false
        }
        return out
    }

    /// Hong Kong Government Cantonese romanisation (陳大文 chan tai man), one per Han character.
    ///
    /// - Returns: nil when a Han character has no Cantonese reading (the source lists 13,185 mostly
    ///   traditional characters: simplified 陈 has none). Other scalars are skipped.
    /// - Complexity: O(n); allocates the result only.
    package static func cantonese(of scalars: some Sequence<Unicode.Scalar>) -> [String]? {
        cantonese(of: scalars, capacity: max(scalars.underestimatedCount, 4))
    }

    /// `cantonese(of: text.unicodeScalars)`.
    package static func cantonese(of text: String) -> [String]? {
        cantonese(of: text.unicodeScalars, capacity: text.utf8.count / 3 + 1)
    }

    private static func cantonese(of scalars: some Sequence<Unicode.Scalar>, capacity: Int) -> [String]? {
        let t = table
        var out: [String] = []
        out.reserveCapacity(capacity)
        for s in scalars {
            let slot = t.slot(s)
            if t.mandarinSlots[slot] == 0 { continue }
            let syllable = t.cantoneseSlots[slot]
            if syllable == 0 { return nil }
            out.append(t.cantoneseSyllables[Int(syllable)])
        }
        return out
    }

    /// The text `Han-Latin/Names; Any-Latin; Latin-ASCII` makes of `text`'s NFKC_Casefold, for texts of
    /// Han characters, ASCII and a few punctuation marks: each Han character becomes its syllable, set
    /// off by a space from what precedes it and from a letter that follows (a digit that follows stays
    /// attached: 金1 `jin1`, 1金 `1 jin`, as ICU spaces them); ASCII is lower-cased; `—` and `–` become
    /// `-`, `、` `,`, `。` `.`, no-break and ideographic spaces a space, `·` stays (`NameNormalizer`
    /// drops it later).
    /// `NameNormalizer.tokenize` of the result equals that of ICU's.
    ///
    /// - Returns: nil for any other non-ASCII scalar (Latin with diacritics, kana, full-width forms,
    ///   other CJK punctuation) or a Han character without a reading: fall back to ICU.
    /// - Complexity: O(n); allocates the result only (none for results of up to 15 bytes).
    package static func romanized(_ text: String) -> String? {
        let t = table
        let capacity = text.utf8.count * 3 + 8  // a Han scalar (>= 3 bytes) makes at most 1 + 6 bytes
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer -> String? in
            var n = 0
            var iterator = text.unicodeScalars.makeIterator()
            var next = iterator.next()
            var previousHan = false, atStart = true
            while let s = next {
                next = iterator.next()
                let v = s.value
                if v < 0x80 {
                    var byte = UInt8(v)
                    let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                    if isLetter { byte |= 0x20 }
                    if isLetter && previousHan { buffer[n] = 0x20; n += 1 }
                    buffer[n] = byte; n += 1
                    previousHan = false; atStart = false
                    continue
                }
                let value = t.mandarinValue(s)
                if value == 0 {
                    switch v {
                    case 0xB7: buffer[n] = 0xC2; buffer[n + 1] = 0xB7; n += 2
                    case 0x2013, 0x2014: buffer[n] = UInt8(ascii: "-"); n += 1
                    case 0x3001: buffer[n] = UInt8(ascii: ","); n += 1
                    case 0x3002: buffer[n] = UInt8(ascii: "."); n += 1
                    case 0xA0, 0x3000: buffer[n] = 0x20; n += 1
                    default: return nil
                    }
                    previousHan = false; atStart = false
                    continue
                }
                guard let syllable = t.mandarinSyllable(value, of: s, atStart: !previousHan, next: next) else { return nil }
                if !atStart { buffer[n] = 0x20; n += 1 }
                for byte in t.mandarinSyllables[syllable].utf8 { buffer[n] = byte; n += 1 }
                previousHan = true; atStart = false
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<n]), as: UTF8.self)
        }
    }

    /// Whether ICU gives `s` the script Han (what ends or continues a Han run for surname readings).
    package static func isHan(_ s: Unicode.Scalar) -> Bool { table.mandarinValue(s) != 0 }

    /// The ICU version the Mandarin table was generated from; readings may differ under another.
    package static var icuVersion: String { HanReadingTable.icuVersion }

    // MARK: - The decoded table

    /// Decoded at first use (a static `let` is initialised once, thread-safely), ~0.4 MB.
    static let table = Table()

    /// Code point -> slot through pages of 256 code points (page 0 is empty and shared); each slot holds
    /// a Mandarin value and a Cantonese syllable number.
    struct Table: Sendable {
        /// Mandarin slot values: 0 not Han; `unread` Han without a reading; else a syllable number, with
        /// `special` set when the character has a surname reading or a pair rule.
        static let unread: UInt16 = 0x7FFF
        static let special: UInt16 = 0x8000

        struct Special: Sendable {
            var scalar: UInt32
            var initial: UInt16 = 0  // syllable at the start of a run, 0 when the usual one
            var pairs: [(next: UInt32, atStart: UInt16, inside: UInt16)] = []
        }

        private(set) var pages: [UInt16] = []
        private(set) var mandarinSlots = [UInt16](repeating: 0, count: 256)
        private(set) var cantoneseSlots = [UInt16](repeating: 0, count: 256)
        private(set) var mandarinSyllables = [""]
        private(set) var cantoneseSyllables = [""]
        private(set) var specials: [Special] = []

        @inline(__always)
        func slot(_ s: Unicode.Scalar) -> Int {
            let page = Int(s.value >> 8)
            return page < pages.count ? Int(pages[page]) << 8 | Int(s.value & 0xFF) : 0
        }

        @inline(__always)
        func mandarinValue(_ s: Unicode.Scalar) -> UInt16 { mandarinSlots[slot(s)] }

        /// The syllable number of Han character `s` (slot value `value`), or nil when it has none.
        @inline(__always)
        func mandarinSyllable(_ value: UInt16, of s: Unicode.Scalar, atStart: Bool, next: Unicode.Scalar?) -> Int? {
            if value & Self.special != 0, let sp = specials.first(where: { $0.scalar == s.value }) {
                if let next, let pair = sp.pairs.first(where: { $0.next == next.value }) {
                    return Int(atStart ? pair.atStart : pair.inside)
                }
                if atStart && sp.initial != 0 { return Int(sp.initial) }
            }
            let syllable = value & ~Self.special
            return syllable == Self.unread ? nil : Int(syllable)
        }

        init() {
            for range in HanReadingTable.hanRanges.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let bounds = range.split(separator: "-").compactMap { UInt32($0, radix: 16) }
                guard bounds.count == 2 else { continue }
                for v in bounds[0]...bounds[1] { mandarinSlots[allocate(v)] = Self.unread }
            }
            var mandarinNumbers: [Substring: UInt16] = [:]
            Self.forEachLine(HanReadingTable.mandarin) { syllable, characters in
                let number = Self.number(syllable, &mandarinSyllables, &mandarinNumbers)
                for c in characters { mandarinSlots[allocate(c.value)] = number }
            }
            Self.forEachLine(HanReadingTable.mandarinInitial) { syllable, characters in
                let number = Self.number(syllable, &mandarinSyllables, &mandarinNumbers)
                for c in characters { updateSpecial(c) { $0.initial = number } }
            }
            for line in HanReadingTable.mandarinPairs.split(separator: "\n") {
                let fields = line.split(separator: " ")
                let pair = fields.first.map { Array($0.unicodeScalars) } ?? []
                guard fields.count >= 3, pair.count == 2 else { continue }
                let atStart = Self.number(fields[1], &mandarinSyllables, &mandarinNumbers)
                let inside = Self.number(fields[2], &mandarinSyllables, &mandarinNumbers)
                updateSpecial(pair[0]) { $0.pairs.append((pair[1].value, atStart, inside)) }
            }
            var cantoneseNumbers: [Substring: UInt16] = [:]
            Self.forEachLine(HanReadingTable.cantonese) { syllable, characters in
                let number = Self.number(syllable, &cantoneseSyllables, &cantoneseNumbers)
                for c in characters { cantoneseSlots[allocate(c.value)] = number }
            }
            assert(mandarinSyllables.allSatisfy { $0.utf8.count <= 6 }, "romanized(_:) sizes its buffer for 6-letter syllables")
        }

        /// The slot of `v`, adding its page when new.
        private mutating func allocate(_ v: UInt32) -> Int {
            let page = Int(v >> 8)
            if page >= pages.count { pages += [UInt16](repeating: 0, count: page + 1 - pages.count) }
            if pages[page] == 0 {
                pages[page] = UInt16(mandarinSlots.count >> 8)
                mandarinSlots += [UInt16](repeating: 0, count: 256)
                cantoneseSlots += [UInt16](repeating: 0, count: 256)
            }
            return Int(pages[page]) << 8 | Int(v & 0xFF)
        }

        /// Changes the `Special` of `c` (made when new) and flags its slot.
        private mutating func updateSpecial(_ c: Unicode.Scalar, _ change: (inout Special) -> Void) {
            mandarinSlots[allocate(c.value)] |= Self.special
            if let i = specials.firstIndex(where: { $0.scalar == c.value }) {
                change(&specials[i])
            } else {
                var sp = Special(scalar: c.value)
                change(&sp)
                specials.append(sp)
            }
        }

        private static func number(_ syllable: Substring, _ syllables: inout [String], _ numbers: inout [Substring: UInt16]) -> UInt16 {
            if let n = numbers[syllable] { return n }
            syllables.append(String(syllable))
            numbers[syllable] = UInt16(syllables.count - 1)
            return UInt16(syllables.count - 1)
        }

        /// Calls `body` with the reading and the characters of each "reading characters" line.
        private static func forEachLine(_ text: String, _ body: (Substring, Substring.UnicodeScalarView) -> Void) {
            for line in text.split(separator: "\n") {
                guard let space = line.firstIndex(of: " ") else { continue }
                body(line[..<space], line[line.index(after: space)...].unicodeScalars)
            }
        }
    }
}
