import CLZ4

/// LZ4 block compression of index sections.
enum LZ4 {
    static func compress(_ input: [UInt8]) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        let bound = Int(LZ4_compressBound(Int32(input.count)))
        var out = [UInt8](repeating: 0, count: bound)
        let n = input.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                LZ4_compress_default(
                    UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self),
                    UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self),
                    Int32(input.count), Int32(bound))
            }
        }
        out.removeSubrange(Int(n)...)
        return out
    }

    /// Decompresses to exactly `rawLength` bytes or throws: a corrupt block never overruns.
    static func decompress(_ input: UnsafeRawBufferPointer, rawLength: Int, section: String) throws(IndexError) -> [UInt8] {
        if rawLength == 0 { return [] }
        // Checked before allocating: a corrupt length would otherwise allocate up to 16 GiB, and one
        // past Int32.max traps in the conversion below. LZ4 expands at most 255:1 (LZ4_MAX_INPUT_SIZE caps it).
        guard rawLength <= Int(LZ4_MAX_INPUT_SIZE), rawLength <= input.count * 256 + 64 else {
            throw .corrupt(reason: "\(section): LZ4 block of \(input.count) bytes cannot hold \(rawLength) bytes")
        }
        var out = [UInt8](repeating: 0, count: rawLength)
        let n = out.withUnsafeMutableBufferPointer { dst in
            LZ4_decompress_safe(
                input.baseAddress!.assumingMemoryBound(to: CChar.self),
                UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self),
                Int32(input.count), Int32(rawLength))
        }
        guard n == Int32(rawLength) else { throw .corrupt(reason: "\(section): LZ4 block does not decompress to \(rawLength) bytes") }
        return out
    }
}
