import VigilLists

/// Checks that bytes are UTF-8, so a cp1252 export is refused instead of read with `?` in its names.
enum UTF8Check {
    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence, or nil.
    /// - Parameter complete: false when `bytes` is a chunk cut from a longer input: a sequence
    ///   cut off by the end of the chunk is then not an error.
    /// - Complexity: O(n), no allocation.
    static func firstInvalid(_ bytes: ArraySlice<UInt8>, complete: Bool) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF  // bounds of the second byte
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i - bytes.startIndex
            }
            for k in 1...need {
                guard i + k < end else { return complete ? i - bytes.startIndex : nil }
                let c = bytes[i + k]
                if k == 1 ? !(lo...hi).contains(c) : !(0x80...0xBF).contains(c) { return i - bytes.startIndex }
            }
            i += need + 1
        }
        return nil
    }

    /// 1-based line of `offset` in `bytes` (newlines inside quoted fields count, as in an editor).
    static func line(of offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
        1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// True when a decoded field holds U+FFFD, the mark of bytes that were not UTF-8.
    @inline(__always)
    static func hasReplacement(_ s: String) -> Bool {
        // U+FFFD is EF BF BD: skip the scalar scan for the common field without any 0xEF byte.
        s.utf8.contains(0xEF) && s.unicodeScalars.contains("\u{FFFD}")
    }
}

extension TextEncoding {
    /// `utf8` or `cp1252` (also `windows-1252`, `latin1`): the `--encoding` spellings.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf8", "utf-8": self = .utf8
        case "cp1252", "windows-1252", "windows1252", "latin1", "iso-8859-1": self = .windows1252
        default: return nil
        }
    }
}
