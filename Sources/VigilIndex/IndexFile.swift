#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import VigilLists

/// Writes and opens index files (layout in `IndexFormat`).
public enum IndexFile {
    /// Serializes an index to `path` atomically: written to a temporary file in the same folder,
    /// fsynced, renamed over `path`, and the folder fsynced. A crash leaves the old file or none, never half.
    /// - Parameter permissions: the file's mode; 0600 for an index over customers (personal data).
    /// - Returns: the number of bytes written.
    @discardableResult
    public static func write(_ index: SearchIndex, to path: String, permissions: mode_t = 0o644) throws(IndexError) -> Int {
        try write(bytes: serialize(index), to: path, permissions: permissions)
    }

    /// Writes `bytes` to `path` atomically, as `write(_:to:permissions:)` does: for an index file
    /// that the caller has transformed (the customer store seals its index over customers' names).
    @discardableResult
    public static func write(bytes: [UInt8], to path: String, permissions: mode_t = 0o644) throws(IndexError) -> Int {
        removeStaleTemporaries(of: path)
        let tmp = "\(path).tmp-\(getpid())"
        let fd = Glibc.open(tmp, O_CREAT | O_WRONLY | O_TRUNC, permissions)
        guard fd >= 0 else { throw .io(path: tmp, reason: "cannot create: \(errnoText())") }
        var ok = false
        defer { if !ok { unlink(tmp) } }
        var written = 0
        let writeFailure: String? = bytes.withUnsafeBytes { buf -> String? in
            while written < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + written, buf.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errnoText()
                }
                written += n
            }
            return nil
        }
        if let writeFailure {
            close(fd)
            throw .io(path: tmp, reason: "write failed: \(writeFailure)")
        }
        guard fsync(fd) == 0 else { let e = errnoText(); close(fd); throw .io(path: tmp, reason: "fsync failed: \(e)") }
        guard close(fd) == 0 else { throw .io(path: tmp, reason: "close failed: \(errnoText())") }
        guard rename(tmp, path) == 0 else { throw .io(path: path, reason: "rename failed: \(errnoText())") }
        ok = true
        let dir = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let dfd = Glibc.open(dir.isEmpty ? "/" : dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
        return bytes.count
    }

    /// Deletes `PATH.tmp-PID` files left by writers that were killed (their process is gone), so
    /// crashed builds do not pile up index-sized files. Best effort: failures are ignored.
    static func removeStaleTemporaries(of path: String) {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let prefix = (slash.map { String(path[path.index(after: $0)...]) } ?? path) + ".tmp-"
        guard let handle = opendir(dir) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix(prefix), let pid = pid_t(name.dropFirst(prefix.count)), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
        }
    }

    /// Opens and fully verifies an index: magic, version, whole-file and per-section checksums,
    /// structure. Refuses a corrupt, truncated or foreign file with an `IndexError` that says what to do.
    public static func open(_ path: String) throws(IndexError) -> SearchIndex {
        let fd = Glibc.open(path, O_RDONLY)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot open index: \(errnoText())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, reason: "cannot stat: \(errnoText())") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .io(path: path, reason: "not a regular file") }
        let size = Int(st.st_size)
        guard size >= IndexFormat.headerSize + IndexFormat.footerSize else {
            if size >= 8 { try checkMagic(fd: fd, path: path) }
            throw .truncated(path: path, size: size)
        }
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else {
            throw .io(path: path, reason: "mmap failed: \(errnoText())")
        }
        defer { munmap(map, size) }
        return try decode(UnsafeRawBufferPointer(start: map, count: size), path: path)
    }

    private static func checkMagic(fd: Int32, path: String) throws(IndexError) {
        var head = [UInt8](repeating: 0, count: 8)
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 8, 0) }
        if n == 8 && head != IndexFormat.magic { throw .notAnIndex(path: path) }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    // MARK: serialization

    /// The file bytes of `index`, as `write` stores them (`decode(bytes:path:)` reads them back).
    public static func serialize(_ index: SearchIndex) -> [UInt8] {
        var out = ByteWriter()
        out.bytes.append(contentsOf: IndexFormat.magic)
        out.u32(IndexFormat.version)
        out.u32(0)
        var table: [(kind: SectionKind, codec: IndexFormat.Codec, offset: Int, stored: Int, raw: Int, crc: UInt32)] = []
        for kind in SectionKind.allCases {
            let raw = sectionBytes(kind, index)
            let packed = LZ4.compress(raw)
            let useLZ4 = packed.count < raw.count - raw.count / 16
            let stored = useLZ4 ? packed : raw
            table.append((kind, useLZ4 ? .lz4 : .raw, out.bytes.count, stored.count, raw.count, CRC32C.checksum(stored)))
            out.bytes.append(contentsOf: stored)
        }
        let tableOffset = out.bytes.count
        for t in table {
            out.u32(t.kind.rawValue)
            out.u32(t.codec.rawValue)
            out.u64(UInt64(t.offset))
            out.u64(UInt64(t.stored))
            out.u64(UInt64(t.raw))
            out.u32(t.crc)
        }
        let crc = CRC32C.checksum(out.bytes)
        out.u64(UInt64(tableOffset))
        out.u32(UInt32(table.count))
        out.u32(crc)
        out.u32(IndexFormat.version)
        out.u32(0)
        out.bytes.append(contentsOf: IndexFormat.endMagic)
        return out.bytes
    }

    static func sectionBytes(_ kind: SectionKind, _ index: SearchIndex) -> [UInt8] {
        var w = ByteWriter()
        switch kind {
        case .meta:
            let m = index.meta
            w.u32(m.formatVersion)
            w.string(m.buildTime)
            w.u32(m.normalizationVersion)
            w.varint(m.entityCount)
            w.varint(m.nameCount)
            w.varint(m.tokenCount)
            w.varint(m.gramCount)
            w.varint(m.sources.count)
            for s in m.sources { EntityCodec.write(s, to: &w) }
        case .entities:
            w.varint(index.entities.count)
            for e in index.entities { EntityCodec.write(e, to: &w) }
        case .tokens:
            w.varint(index.tokens.count)
            for (t, f) in zip(index.tokens, index.tokenFrequency) {
                w.string(t)
                w.varint(Int(f))
            }
        case .names:
            w.varint(index.names.count)
            for n in index.names {
                w.varint(Int(n.entity))
                w.varint(Int(n.slot))
                w.varint(n.tokens.count)
                for t in n.tokens { w.varint(Int(t)) }
            }
        case .grams:
            w.varint(index.gramKeys.count)
            var prevKey: UInt32 = 0
            for i in 0..<index.gramKeys.count {
                w.varint(Int(index.gramKeys[i] - prevKey))
                prevKey = index.gramKeys[i]
                let a = Int(index.gramOffsets[i]), b = Int(index.gramOffsets[i + 1])
                w.varint(b - a)
                var prev: UInt32 = 0
                for j in a..<b {
                    w.varint(Int(index.postings[j] - prev))  // delta-encoded ascending ids
                    prev = index.postings[j]
                }
            }
        }
        return w.bytes
    }

    // MARK: verification and decoding

    /// Verifies and decodes the bytes of an index file held in memory (checks as `open`); `path` names it in errors.
    public static func decode(bytes: [UInt8], path: String) throws(IndexError) -> SearchIndex {
        guard bytes.count >= IndexFormat.headerSize + IndexFormat.footerSize else {
            if bytes.count >= 8 && Array(bytes[0..<8]) != IndexFormat.magic { throw .notAnIndex(path: path) }
            throw .truncated(path: path, size: bytes.count)
        }
        let result = bytes.withUnsafeBytes { buf -> Result<SearchIndex, IndexError> in
            Result { () throws(IndexError) in try decode(buf, path: path) }
        }
        return try result.get()
    }

    static func decode(_ file: UnsafeRawBufferPointer, path: String) throws(IndexError) -> SearchIndex {
        let size = file.count
        guard Array(file[0..<8]) == IndexFormat.magic else { throw .notAnIndex(path: path) }
        guard Array(file[(size - 8)..<size]) == IndexFormat.endMagic else { throw .truncated(path: path, size: size) }
        var footer = ByteReader(Array(file[(size - IndexFormat.footerSize)..<size]), section: "footer")
        // File offsets and sizes stay UInt64 until bounds-checked: a corrupt value past Int.max must
        // throw, not trap (the footer is outside the file checksum).
        let tableOffset64 = try footer.u64()
        let sectionCount = Int(try footer.u32())
        let fileCRC = try footer.u32()
        let version = try footer.u32()
        // Reserved, written as zero: checked, so that no byte of the file can change unnoticed.
        guard try footer.u32() == 0 else { throw .corrupt(reason: "\(path): footer's reserved field is not zero") }
        var header = ByteReader(Array(file[8..<16]), section: "header")
        let headerVersion = try header.u32()
        guard version == IndexFormat.version, headerVersion == version else {
            throw .unsupportedVersion(path: path, found: version == IndexFormat.version ? headerVersion : version, supported: IndexFormat.version)
        }
        let body = UnsafeRawBufferPointer(rebasing: file[0..<(size - IndexFormat.footerSize)])
        guard CRC32C.checksum(body) == fileCRC else { throw .checksumMismatch(path: path, section: "file") }
        guard sectionCount <= 64, tableOffset64 >= UInt64(IndexFormat.headerSize), tableOffset64 <= UInt64(body.count),
              Int(tableOffset64) + sectionCount * IndexFormat.tableEntrySize == body.count else {
            throw .corrupt(reason: "\(path): section table out of bounds")
        }
        let tableOffset = Int(tableOffset64)
        var tableReader = ByteReader(Array(body[tableOffset...]), section: "section table")
        var sections: [SectionKind: [UInt8]] = [:]
        for _ in 0..<sectionCount {
            let kindRaw = try tableReader.u32()
            let codecRaw = try tableReader.u32()
            let offset = try tableReader.u64()
            let stored = try tableReader.u64()
            let raw = try tableReader.u64()
            let crc = try tableReader.u32()
            guard let kind = SectionKind(rawValue: kindRaw), let codec = IndexFormat.Codec(rawValue: codecRaw) else {
                throw .corrupt(reason: "\(path): unknown section kind \(kindRaw) or codec \(codecRaw)")
            }
            guard offset >= UInt64(IndexFormat.headerSize), stored <= UInt64(tableOffset), offset <= UInt64(tableOffset) - stored,
                  raw < 1 << 34 else {
                throw .corrupt(reason: "\(path): section \(kind.label) out of bounds")
            }
            let slice = UnsafeRawBufferPointer(rebasing: body[Int(offset)..<Int(offset + stored)])
            guard CRC32C.checksum(slice) == crc else { throw .checksumMismatch(path: path, section: kind.label) }
            switch codec {
            case .raw: sections[kind] = Array(slice)
            case .lz4: sections[kind] = try LZ4.decompress(slice, rawLength: Int(raw), section: kind.label)
            }
        }
        for kind in SectionKind.allCases where sections[kind] == nil {
            throw .corrupt(reason: "\(path): section \(kind.label) missing")
        }
        let index = try decodeSections(sections)
        // Keys on disk must be the keys this build computes for queries, or matches silently degrade.
        guard index.meta.normalizationVersion == IndexBuilder.normalizationVersion else {
            throw .staleNormalization(path: path, found: index.meta.normalizationVersion, current: IndexBuilder.normalizationVersion)
        }
        try index.checkInvariants()
        return index
    }

    static func decodeSections(_ s: [SectionKind: [UInt8]]) throws(IndexError) -> SearchIndex {
        var r = ByteReader(s[.meta]!, section: "meta")
        let formatVersion = try r.u32()
        let buildTime = try r.string()
        let normVersion = try r.u32()
        let entityCount = try r.count(limit: Int(UInt32.max))
        let nameCount = try r.count(limit: Int(UInt32.max))
        let tokenCount = try r.count(limit: Int(UInt32.max))
        let gramCount = try r.count(limit: Int(UInt32.max))
        let sourceCount = try r.count()
        var sources: [SourceProvenance] = []
        for _ in 0..<sourceCount { sources.append(try EntityCodec.readProvenance(from: &r)) }
        let meta = IndexMeta(
            formatVersion: formatVersion, buildTime: buildTime, normalizationVersion: normVersion, sources: sources,
            entityCount: entityCount, nameCount: nameCount, tokenCount: tokenCount, gramCount: gramCount)

        nonisolated(unsafe) var entities: Result<[Entity], IndexError> = .failure(.corrupt(reason: "entities not decoded"))
        nonisolated(unsafe) var rest: Result<DecodedLists, IndexError> = .failure(.corrupt(reason: "names not decoded"))
        // Entity records are most of the decoding and independent of the rest: one core reads them
        // while the other reads tokens, names and postings.
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            if lane == 0 {
                entities = Result { () throws(IndexError) in try decodeEntities(s[.entities]!, count: entityCount) }
            } else {
                rest = Result { () throws(IndexError) in try decodeLists(s, meta: meta) }
            }
        }
        let decodedEntities = try entities.get(), lists = try rest.get()
        return SearchIndex(
            meta: meta, entities: decodedEntities, names: lists.names, tokens: lists.tokens, tokenFrequency: lists.frequency,
            gramKeys: lists.keys, gramOffsets: lists.offsets, postings: lists.postings)
    }

    static func decodeEntities(_ bytes: [UInt8], count entityCount: Int) throws(IndexError) -> [Entity] {
        var r = ByteReader(bytes, section: "entities")
        let ec = try r.count()
        guard ec == entityCount else { throw .corrupt(reason: "entity count \(ec) != \(entityCount)") }
        var entities: [Entity] = []
        entities.reserveCapacity(ec)
        for _ in 0..<ec { entities.append(try EntityCodec.read(from: &r)) }
        return entities
    }

    /// Tokens, names and term postings, as decoded from their sections.
    struct DecodedLists {
        var tokens: [String] = [], frequency: [UInt32] = [], names: [IndexedName] = []
        var keys: [UInt32] = [], offsets: [UInt32] = [0], postings: [UInt32] = []
    }

    static func decodeLists(_ s: [SectionKind: [UInt8]], meta: IndexMeta) throws(IndexError) -> DecodedLists {
        let (entityCount, nameCount, tokenCount, gramCount) = (meta.entityCount, meta.nameCount, meta.tokenCount, meta.gramCount)
        var r = ByteReader(s[.tokens]!, section: "tokens")
        let tc = try r.count()
        guard tc == tokenCount else { throw .corrupt(reason: "token count \(tc) != \(tokenCount)") }
        var tokens: [String] = []
        var freq: [UInt32] = []
        tokens.reserveCapacity(tc)
        freq.reserveCapacity(tc)
        for _ in 0..<tc {
            tokens.append(try r.string())
            freq.append(UInt32(try r.count(limit: Int(UInt32.max))))
        }

        r = ByteReader(s[.names]!, section: "names")
        let nc = try r.count()
        guard nc == nameCount else { throw .corrupt(reason: "name count \(nc) != \(nameCount)") }
        var names: [IndexedName] = []
        names.reserveCapacity(nc)
        for _ in 0..<nc {
            let e = UInt32(try r.count(limit: entityCount))
            let slot = UInt16(try r.count(limit: Int(UInt16.max)))
            let n = try r.count()
            var ids: [UInt32] = []
            ids.reserveCapacity(n)
            for _ in 0..<n { ids.append(UInt32(try r.count(limit: tokenCount))) }
            names.append(IndexedName(entity: e, slot: slot, tokens: ids))
        }

        r = ByteReader(s[.grams]!, section: "grams")
        let gc = try r.count()
        guard gc == gramCount else { throw .corrupt(reason: "gram count \(gc) != \(gramCount)") }
        var keys: [UInt32] = []
        var offsets: [UInt32] = [0]
        var postings: [UInt32] = []
        keys.reserveCapacity(gc)
        offsets.reserveCapacity(gc + 1)
        var key: UInt64 = 0
        for _ in 0..<gc {
            key += try r.varint()
            guard key <= UInt64(UInt32.max) else { throw .corrupt(reason: "grams: key overflow") }
            keys.append(UInt32(key))
            let n = try r.count()
            var id: UInt64 = 0
            for _ in 0..<n {
                id += try r.varint()
                guard id < UInt64(tokenCount) else { throw .corrupt(reason: "grams: posting out of range") }
                postings.append(UInt32(id))
            }
            offsets.append(UInt32(postings.count))
        }
        return DecodedLists(tokens: tokens, frequency: freq, names: names, keys: keys, offsets: offsets, postings: postings)
    }
}
