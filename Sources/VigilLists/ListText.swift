/// Text clean-up shared by the list parsers: whitespace, enumerations ("a) x b) y", "(1) x (2) y").
enum ListText {
    /// Splits a field that enumerates several values: `a) Syrian b) Palestinian`, `(1) Somali (2) Swedish`,
    /// `1) Saudi Arabia 2) Qatar`, `A) ... (b) ...`. A marker is one or two digits or one letter, closed by `)`,
    /// at the start of the text or after a space, `;` or `,` (so `(Afghan)` and `Kim Jong-un)` are not markers).
    /// Pieces are trimmed of spaces and `;,-`; empty pieces are dropped. Text without markers is one piece.
    static func splitEnumerated(_ text: String) -> [String] {
        // Markers are ASCII, so the scan works on UTF-8 bytes (no per-Character work); pieces are cut
        // at marker boundaries, which never fall inside a multi-byte character.
        let bytes = Array(text.utf8)
        var pieces: [String] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if let length = markerLength(bytes, at: i) {
                pieces.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += length
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self))
        return pieces.map(cleanPiece).filter { !$0.isEmpty }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
    private static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
    private static func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }

    /// Length in bytes of an enumeration marker starting at `i`, or nil.
    private static func markerLength(_ c: [UInt8], at i: Int) -> Int? {
        if i > 0 {
            let prev = c[i - 1]
            // After a space (also the no-break space U+00A0, bytes C2 A0), `;`, `,` or `-`.
            guard isSpace(prev) || prev == 0xA0 || prev == UInt8(ascii: ";") || prev == UInt8(ascii: ",") || prev == UInt8(ascii: "-")
            else { return nil }
        }
        var j = i
        if c[j] == UInt8(ascii: "(") { j += 1 }
        let bodyStart = j
        while j < c.count, isDigit(c[j]), j - bodyStart < 2 { j += 1 }
        if j == bodyStart {
            // One letter, a-z or A-Z.
            guard j < c.count, isLetter(c[j]) else { return nil }
            j += 1
        }
        guard j < c.count, c[j] == UInt8(ascii: ")") else { return nil }
        j += 1
        // The marker must stand alone: followed by a space, a separator, a digit (`b)1965`) or the end.
        if j < c.count {
            let next = c[j]
            guard isSpace(next) || next == 0xC2 || next == UInt8(ascii: "-") || next == UInt8(ascii: "(") || next == UInt8(ascii: ";") || isDigit(next)
            else { return nil }
        }
        return j - i
    }

    private static func cleanPiece(_ piece: String) -> String {
        var s = Substring(piece.collapsedWhitespace)
        while let f = s.first, f == " " || f == ";" || f == "," || f == "-" { s.removeFirst() }
        while let l = s.last, l == " " || l == ";" || l == "," || l == "-" { s.removeLast() }
        return String(s)
    }

    /// Joins the non-empty, trimmed parts with `separator`; nil when all are empty.
    static func join(_ parts: [String?], separator: String = ", ") -> String? {
        let kept = parts.compactMap { $0?.collapsedWhitespace }.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: separator)
    }

    /// Appends `value` unless it is empty or already present.
    static func appendUnique(_ value: String?, to list: inout [String]) {
        guard let v = value?.collapsedWhitespace, !v.isEmpty, !list.contains(v) else { return }
        list.append(v)
    }
}

extension String {
    /// Trims and collapses every run of whitespace (spaces, tabs, line breaks, no-break spaces) to one space.
    /// - Complexity: O(n) over UTF-8 bytes; text that is already clean (the common case) is returned as is.
    var collapsedWhitespace: String {
        if isCollapsed { return self }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        var changed = false
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let width = Self.whitespaceWidth(bytes, at: i)
            if width > 0 {
                // Kept as is only when it is a single ASCII space between two words.
                if width > 1 || bytes[i] != 0x20 || out.isEmpty || pendingSpace { changed = true }
                pendingSpace = !out.isEmpty
                i += width
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(bytes[i])
                i += 1
            }
        }
        if pendingSpace { changed = true }  // trailing whitespace
        return changed ? String(decoding: out, as: UTF8.self) : self
    }

    /// True when the text has no whitespace to change: no control or lead byte of a non-ASCII space
    /// (C2, E1, E2, E3), and single spaces only between other bytes. One pass, no allocation: most
    /// fields of every list are like that.
    private var isCollapsed: Bool {
        var previousSpace = true  // a leading space is a change
        for b in utf8 {
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                if b < 0x20 || b == 0xC2 || (b >= 0xE1 && b <= 0xE3) { return false }
                previousSpace = false
            }
        }
        return !previousSpace || utf8.isEmpty
    }

    /// Byte length of the Unicode White_Space character at `i` in UTF-8, or 0 (by table: the scalar
    /// property lookup is slow in a loop over every field).
    private static func whitespaceWidth(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || (0x09...0x0D).contains(c) { return 1 }
        if c < 0xC2 { return 0 }
        let n = b.count
        if c == 0xC2, i + 1 < n, b[i + 1] == 0x85 || b[i + 1] == 0xA0 { return 2 }  // U+0085, U+00A0
        guard i + 2 < n else { return 0 }
        switch (c, b[i + 1], b[i + 2]) {
        case (0xE1, 0x9A, 0x80): return 3  // U+1680
        case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xE2, 0x80, 0xAF): return 3  // U+2000-200A, 2028, 2029, 202F
        case (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80): return 3  // U+205F, U+3000
        default: return 0
        }
    }
}
