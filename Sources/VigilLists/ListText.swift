/// Text clean-up shared by the list parsers: whitespace, enumerations ("a) x b) y", "(1) x (2) y").
enum ListText {
    /// Splits a field that enumerates several values: `a) Syrian b) Palestinian`, `(1) Somali (2) Swedish`,
    /// `1) Saudi Arabia 2) Qatar`, `A) ... (b) ...`. A marker is one or two digits or one letter, closed by `)`,
    /// at the start of the text or after a space, `;` or `,` (so `(Afghan)` and `Kim Jong-un)` are not markers).
    /// Pieces are trimmed of spaces and `;,-`; empty pieces are dropped. Text without markers is one piece.
    static func splitEnumerated(_ text: String) -> [String] {
        let chars = Array(text)
        var pieces: [String] = []
        var current = ""
        var i = 0
        while i < chars.count {
            if let length = markerLength(chars, at: i) {
                pieces.append(current)
                current = ""
                i += length
                continue
            }
            current.append(chars[i])
            i += 1
        }
        pieces.append(current)
        return pieces.map(cleanPiece).filter { !$0.isEmpty }
    }

    /// Length of an enumeration marker starting at `i`, or nil.
    private static func markerLength(_ c: [Character], at i: Int) -> Int? {
        if i > 0 {
            let prev = c[i - 1]
            guard prev.isWhitespace || prev == ";" || prev == "," || prev == "-" else { return nil }
        }
        var j = i
        let open = c[j] == "("
        if open { j += 1 }
        let bodyStart = j
        while j < c.count, c[j].isASCII, c[j].isNumber, j - bodyStart < 2 { j += 1 }
        if j == bodyStart {
            // One letter, a-z or A-Z.
            guard j < c.count, c[j].isASCII, c[j].isLetter else { return nil }
            j += 1
        }
        guard j < c.count, c[j] == ")" else { return nil }
        j += 1
        // The marker must stand alone: followed by a space, a separator, a digit (`b)1965`) or the end.
        if j < c.count, !(c[j].isWhitespace || c[j] == "-" || c[j] == "(" || c[j] == ";" || c[j].isNumber) { return nil }
        return j - i
    }

    private static func cleanPiece(_ piece: String) -> String {
        var s = Substring(piece.collapsedWhitespace)
        let junk: Set<Character> = [" ", ";", ",", "-"]
        while let f = s.first, junk.contains(f) { s.removeFirst() }
        while let l = s.last, junk.contains(l) { s.removeLast() }
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
    var collapsedWhitespace: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
