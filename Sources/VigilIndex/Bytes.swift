/// Little-endian binary writer for index sections.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { bytes.append(UInt8(truncatingIfNeeded: v)); bytes.append(UInt8(truncatingIfNeeded: v >> 8)) }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }

    /// LEB128 unsigned varint.
    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func varint(_ v: Int) { varint(UInt64(v)) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            varint(buf.count)
            bytes.append(contentsOf: buf)
        }
    }
    mutating func optionalString(_ s: String?) {
        if let s { u8(1); string(s) } else { u8(0) }
    }
    mutating func strings(_ list: [String]) {
        varint(list.count)
        for s in list { string(s) }
    }
}

/// Bounds-checked reader: a corrupt section throws, it never traps.
struct ByteReader {
    let bytes: [UInt8]
    var offset: Int
    let section: String

    init(_ bytes: [UInt8], section: String) {
        self.bytes = bytes
        self.offset = 0
        self.section = section
    }

    var atEnd: Bool { offset >= bytes.count }

    private func fail(_ what: String) -> IndexError { .corrupt(reason: "\(section): \(what) at byte \(offset)") }

    mutating func u8() throws(IndexError) -> UInt8 {
        guard offset < bytes.count else { throw fail("unexpected end") }
        defer { offset += 1 }
        return bytes[offset]
    }
    mutating func u16() throws(IndexError) -> UInt16 {
        guard offset + 2 <= bytes.count else { throw fail("unexpected end") }
        defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }
    mutating func u32() throws(IndexError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("unexpected end") }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[offset + i]) << (8 * UInt32(i)) }
        offset += 4
        return v
    }
    mutating func u64() throws(IndexError) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw fail("unexpected end") }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return v
    }
    mutating func f32() throws(IndexError) -> Float { Float(bitPattern: try u32()) }

    mutating func varint() throws(IndexError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw fail("unexpected end in varint") }
            let b = bytes[offset]
            offset += 1
            guard shift < 64 else { throw fail("varint too long") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }
    /// A varint used as a count or length, bounded by what the section could hold.
    mutating func count(limit: Int? = nil) throws(IndexError) -> Int {
        let v = try varint()
        guard v <= UInt64(limit ?? bytes.count) else { throw fail("count \(v) too large") }
        return Int(v)
    }
    mutating func string() throws(IndexError) -> String {
        let n = try count()
        guard offset + n <= bytes.count else { throw fail("string runs past end") }
        defer { offset += n }
        return String(decoding: bytes[offset..<offset + n], as: UTF8.self)
    }
    mutating func optionalString() throws(IndexError) -> String? {
        try u8() == 0 ? nil : try string()
    }
    mutating func strings() throws(IndexError) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }
}
