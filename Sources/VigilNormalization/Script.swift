/// The writing system of a name, detected from its letters by code point ranges (no ICU call).
public enum Script: String, Sendable, CaseIterable {
    case latin, han, cyrillic, arabic, hangul, kana, greek, hebrew, thai, devanagari, khmer, other

    /// The script of one scalar, or nil for digits, punctuation, spaces and combining marks.
    @inline(__always)
    public static func of(_ s: Unicode.Scalar) -> Script? {
        let v = s.value
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF:
            return (v == 0xD7 || v == 0xF7) ? nil : .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
        case 0x5D0...0x5FF, 0xFB1D...0xFB4F: return .hebrew
        case 0x620...0x64A, 0x660...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            return .arabic
        case 0x900...0x97F: return .devanagari
        case 0xE00...0xE7F: return .thai
        case 0x1780...0x17FF, 0x19E0...0x19FF: return .khmer
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return .hangul
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return .han
        default:
            if v < 0x80 { return nil }
            return s.properties.isAlphabetic && !s.properties.isDiacritic ? .other : nil
        }
    }

    /// The dominant non-Latin script of a text (by letter count), else `.latin`.
    public static func dominant(in text: String) -> Script {
        var counts: [Script: Int] = [:]
        for s in text.unicodeScalars {
            if s.isASCII { continue }
            if let sc = of(s), sc != .latin { counts[sc, default: 0] += 1 }
        }
        // Japanese names mix kana and kanji: any kana makes the name Japanese, not Chinese.
        if counts[.kana, default: 0] > 0 { return .kana }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key ?? .latin
    }
}
