/// Character trigrams of a token with word-boundary markers: `xi` -> `^xi`, `xi$`.
/// A gram key packs three bytes into a UInt32. Tokens are folded ASCII, so bytes are letters/digits.
public enum Grams {
    static let start: UInt8 = 0x5E  // ^
    static let end: UInt8 = 0x24  // $

    @inline(__always)
    public static func forEach(in token: String, _ body: (UInt32) -> Void) {
        var t = token
        t.withUTF8 { buf in
            let n = buf.count
            guard n > 0 else { return }
            // Padded sequence: ^ t0 t1 ... tn-1 $ ; trigrams over it.
            @inline(__always) func at(_ i: Int) -> UInt32 {
                i == 0 ? UInt32(start) : (i == n + 1 ? UInt32(end) : UInt32(buf[i - 1]))
            }
            if n == 1 {
                body(at(0) << 16 | at(1) << 8 | at(2))
                return
            }
            for i in 0..<n {
                body(at(i) << 16 | at(i + 1) << 8 | at(i + 2))
            }
        }
    }

    public static func keys(of token: String) -> [UInt32] {
        var out: [UInt32] = []
        forEach(in: token) { out.append($0) }
        return out
    }
}
