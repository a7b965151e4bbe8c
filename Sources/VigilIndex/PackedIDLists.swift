/// Sorted id lists (postings) in blocks of 128 ids: each block keeps its first id in a column (skip
/// data: a walk that wants ids below a bound stops at a block whose first id reaches it, undecoded),
/// and the gaps to the rest (id - previous id - 1) bit-packed with the block's own width, LSB first.
/// A rare token's list of 3 names takes 4 + 1 + ~3 bytes; a common token's gaps take a few bits each.
/// Read in place from six columns of the index file (`SectionKind`'s postings sections).
public struct PackedIDLists: Sendable {
    public static let blockSize = 128
    /// Zero bytes after the last block: a decoder always loads 8 bytes at a time.
    static let padding = 8

    /// Per list + 1: cumulative id counts (list i holds `counts[i + 1] - counts[i]` ids).
    @usableFromInline let counts: Column<UInt32>
    /// Per list + 1: list i's blocks are `blockStarts[i] ..< blockStarts[i + 1]`.
    @usableFromInline let blockStarts: Column<UInt32>
    /// Per block: its first id.
    @usableFromInline let blockFirst: Column<UInt32>
    /// Per block + 1: where its packed gaps lie in `packed`.
    @usableFromInline let blockOffsets: Column<UInt32>
    /// Per block: bits per gap, 0...32.
    @usableFromInline let blockWidths: Column<UInt8>
    @usableFromInline let packed: Column<UInt8>

    init(counts: Column<UInt32>, blockStarts: Column<UInt32>, blockFirst: Column<UInt32>, blockOffsets: Column<UInt32>,
         blockWidths: Column<UInt8>, packed: Column<UInt8>) {
        self.counts = counts
        self.blockStarts = blockStarts
        self.blockFirst = blockFirst
        self.blockOffsets = blockOffsets
        self.blockWidths = blockWidths
        self.packed = packed
    }

    public var listCount: Int { counts.count - 1 }

    /// Number of ids in list `i`.
    @inlinable @inline(__always)
    public func count(ofList i: Int) -> Int { Int(counts[i + 1] &- counts[i]) }

    /// The blocks of list `i`.
    @inlinable @inline(__always)
    public func blocks(ofList i: Int) -> Range<Int> { Int(blockStarts[i])..<Int(blockStarts[i + 1]) }

    /// First id of block `b`.
    @inlinable @inline(__always)
    public func firstID(ofBlock b: Int) -> UInt32 { blockFirst[b] }

    /// Number of ids in block `b` of list `i` (every block holds 128 but a list's last).
    @inlinable @inline(__always)
    public func count(ofBlock b: Int, inList i: Int) -> Int {
        Swift.min(Self.blockSize, count(ofList: i) - (b - Int(blockStarts[i])) * Self.blockSize)
    }

    /// Decodes block `b` (`count` ids) into `out`, which has room for 128.
    @inlinable
    public func decode(block b: Int, count: Int, into out: UnsafeMutablePointer<UInt32>) {
        var id = blockFirst[b]
        out[0] = id
        let width = Int(blockWidths[b])
        if width == 0 {
            for k in 1..<Swift.max(1, count) { id &+= 1; out[k] = id }
            return
        }
        let mask = (UInt64(1) << UInt64(width)) &- 1
        // In bounds: the section ends with 8 zero bytes, and open checked every block's extent.
        let base = UnsafeRawPointer(packed.base.unsafelyUnwrapped + Int(blockOffsets[b]))
        var bit = 0
        for k in 1..<Swift.max(1, count) {
            let word = UInt64(littleEndian: (base + (bit >> 3)).loadUnaligned(as: UInt64.self))
            id = id &+ UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask) &+ 1
            out[k] = id
            bit &+= width
        }
    }

    /// Calls `body` with each id of list `i`, ascending.
    @inlinable
    public func forEach(inList i: Int, _ body: (UInt32) -> Void) {
        let n = count(ofList: i)
        guard n > 0 else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.blockSize) { buffer in
            let out = buffer.baseAddress!
            for b in blocks(ofList: i) {
                let c = count(ofBlock: b, inList: i)
                decode(block: b, count: c, into: out)
                for k in 0..<c { body(out[k]) }
            }
        }
    }

    /// The ids of list `i`, ascending.
    public func ids(ofList i: Int) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(count(ofList: i))
        forEach(inList: i) { out.append($0) }
        return out
    }

    /// Packed bytes of a block of `count` ids with gaps of `width` bits.
    static func packedLength(count: Int, width: Int) -> Int { ((count - 1) * width + 7) / 8 }

    /// Checks that every list's blocks, extents and ids are what a reader may follow: block counts
    /// match list lengths, blocks lie inside the packed bytes, the padding is zero, and every id is
    /// below `limit` and above its predecessor (decoding each block once; a few ms on a million names).
    func check(lists: Int, limit: Int, _ label: String) throws(IndexError) {
        func fail(_ what: String) -> IndexError { .corrupt(reason: "\(label): \(what)") }
        let blockCount = blockFirst.count
        guard counts.count == lists + 1, blockStarts.count == lists + 1, counts[0] == 0, blockStarts[0] == 0,
              Int(blockStarts[lists]) == blockCount, blockWidths.count == blockCount, blockOffsets.count == blockCount + 1, blockOffsets[0] == 0,
              packed.count >= Self.padding, Int(blockOffsets[blockCount]) == packed.count - Self.padding else {
            throw fail("tables do not cover the lists")
        }
        guard packed[(packed.count - Self.padding)...].allSatisfy({ $0 == 0 }) else { throw fail("padding is not zero") }
        for b in 0..<blockCount where blockWidths[b] > 32 || blockOffsets[b + 1] < blockOffsets[b] { throw fail("block \(b) malformed") }
        try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.blockSize) { buffer throws(IndexError) in
            let out = buffer.baseAddress!
            for i in 0..<lists {
                guard counts[i + 1] >= counts[i], blockStarts[i + 1] >= blockStarts[i] else { throw fail("offsets decrease") }
                let n = count(ofList: i), range = blocks(ofList: i)
                guard range.count == (n + Self.blockSize - 1) / Self.blockSize else { throw fail("list \(i): \(range.count) blocks for \(n) ids") }
                var previous: Int64 = -1
                for b in range {
                    let c = count(ofBlock: b, inList: i)
                    guard Int(blockOffsets[b + 1] - blockOffsets[b]) == Self.packedLength(count: c, width: Int(blockWidths[b])) else {
                        throw fail("block \(b) has the wrong length")
                    }
                    decode(block: b, count: c, into: out)
                    // Strictly ascending within and across blocks: a forged gap that wraps past 2^32 breaks it.
                    guard Int64(out[0]) > previous else { throw fail("list \(i) not ascending") }
                    for k in 1..<Swift.max(1, c) where out[k] <= out[k - 1] { throw fail("list \(i) not ascending") }
                    let last = Int64(out[c - 1])
                    guard last < limit else { throw fail("list \(i): id out of range") }
                    previous = last
                }
            }
        }
    }
}

/// Builds `PackedIDLists` columns, one list at a time.
struct PackedIDListsWriter {
    var counts: [UInt32] = [0]
    var blockStarts: [UInt32] = [0]
    var blockFirst: [UInt32] = []
    var blockOffsets: [UInt32] = [0]
    var blockWidths: [UInt8] = []
    var packed: [UInt8] = []

    /// Adds the padding; call once, after the last list.
    mutating func finish() { packed.append(contentsOf: repeatElement(0, count: PackedIDLists.padding)) }

    /// Appends a list; `ids` must be strictly ascending.
    mutating func append<C: Collection>(_ ids: C) where C.Element == UInt32 {
        let total = ids.count
        var ids = ids[...]
        while !ids.isEmpty {
            let block = ids.prefix(PackedIDLists.blockSize)
            ids = ids.dropFirst(block.count)
            var previous = block.first!
            var gaps: [UInt32] = []
            for id in block.dropFirst() {
                precondition(id > previous, "postings must be strictly ascending")
                gaps.append(id - previous - 1)
                previous = id
            }
            let width = gaps.map { 32 - $0.leadingZeroBitCount }.max() ?? 0
            var acc: UInt64 = 0, bits = 0
            for g in gaps {
                acc |= UInt64(g) << UInt64(bits)
                bits += width
                while bits >= 8 {
                    packed.append(UInt8(truncatingIfNeeded: acc))
                    acc >>= 8
                    bits -= 8
                }
            }
            if bits > 0 { packed.append(UInt8(truncatingIfNeeded: acc)) }
            blockFirst.append(block.first!)
            blockWidths.append(UInt8(width))
            blockOffsets.append(UInt32(packed.count))
        }
        counts.append(counts.last! + UInt32(total))
        blockStarts.append(UInt32(blockFirst.count))
    }
}

/// The six sections that hold one set of `PackedIDLists`.
struct PackedIDListsSections {
    let counts, blockStarts, blockFirst, blockOffsets, blockWidths, packed: SectionKind

    /// Trigram and phonetic terms -> tokens.
    static let termTokens = PackedIDListsSections(counts: .termOffsets, blockStarts: .termBlockStarts, blockFirst: .termBlockFirst,
                                                  blockOffsets: .termBlockOffsets, blockWidths: .termBlockWidths, packed: .termPostings)
    /// Tokens -> names.
    static let tokenNames = PackedIDListsSections(counts: .tokenNameOffsets, blockStarts: .tokenNameBlockStarts, blockFirst: .tokenNameBlockFirst,
                                                  blockOffsets: .tokenNameBlockOffsets, blockWidths: .tokenNameBlockWidths, packed: .tokenNames)
}

extension IndexFile.SectionWriter {
    mutating func add(_ lists: PackedIDListsWriter, as s: PackedIDListsSections) {
        add(s.counts, lists.counts)
        add(s.blockStarts, lists.blockStarts)
        add(s.blockFirst, lists.blockFirst)
        add(s.blockOffsets, lists.blockOffsets)
        add(s.blockWidths, lists.blockWidths)
        add(s.packed, lists.packed)
    }
}

extension IndexSections {
    func lists(_ s: PackedIDListsSections) -> PackedIDLists {
        PackedIDLists(counts: column(s.counts), blockStarts: column(s.blockStarts), blockFirst: column(s.blockFirst),
                      blockOffsets: column(s.blockOffsets), blockWidths: column(s.blockWidths), packed: bytes(s.packed))
    }
}
