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

    /// Opens an index in place (a read-only mapping) and verifies it: magic, version, the checksum of
    /// every section and of the table, and every offset and id the readers follow (so no corrupt file can
    /// make them read out of bounds). Entity records are decoded when asked for; `verifyRecords` reads
    /// them all. Refuses a corrupt, truncated or foreign file with an `IndexError` that says what to do.
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
        return try decode(IndexImage(mapping: fd, size: size, path: path), path: path)
    }

    private static func checkMagic(fd: Int32, path: String) throws(IndexError) {
        var head = [UInt8](repeating: 0, count: 8)
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 8, 0) }
        if n == 8 && head != IndexFormat.magic { throw .notAnIndex(path: path) }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    // MARK: serialization

    /// The file bytes of `index`, as `write` stores them.
    public static func serialize(_ index: SearchIndex) -> [UInt8] { index.fileBytes }

    /// Lays out sections as `IndexFormat` describes: each at a multiple of 8, then the table and footer.
    struct SectionWriter {
        var out = ByteWriter()
        var table: [(kind: SectionKind, offset: Int, length: Int, crc: UInt32)] = []

        init() {
            out.bytes.append(contentsOf: IndexFormat.magic)
            out.u32(IndexFormat.version)
            out.u32(0)
        }

        mutating func add(_ kind: SectionKind, _ bytes: UnsafeRawBufferPointer) {
            while out.bytes.count % IndexFormat.alignment != 0 { out.u8(0) }
            table.append((kind, out.bytes.count, bytes.count, CRC32C.checksum(bytes)))
            out.bytes.append(contentsOf: bytes)
        }

        mutating func add<T: BitwiseCopyable>(_ kind: SectionKind, _ values: [T]) {
            precondition(MemoryLayout<T>.stride == kind.width, "\(kind.label): element width")
            values.withUnsafeBytes { add(kind, $0) }
        }

        consuming func finish() -> [UInt8] {
            let tableOffset = out.bytes.count
            for t in table {
                out.u32(t.kind.rawValue)
                out.u32(UInt32(t.kind.width))
                out.u64(UInt64(t.offset))
                out.u64(UInt64(t.length))
                out.u32(t.crc)
                out.u32(0)
            }
            let crc = out.bytes.withUnsafeBytes { b in
                CRC32C.checksum(UnsafeRawBufferPointer(rebasing: b[tableOffset...]),
                                seed: CRC32C.checksum(UnsafeRawBufferPointer(rebasing: b[..<IndexFormat.headerSize])))
            }
            out.u64(UInt64(tableOffset))
            out.u32(UInt32(table.count))
            out.u32(crc)
            out.u32(IndexFormat.version)
            out.u32(0)
            out.bytes.append(contentsOf: IndexFormat.endMagic)
            return out.bytes
        }
    }

    static func metaBytes(_ m: IndexMeta) -> [UInt8] {
        var w = ByteWriter()
        w.u32(m.formatVersion)
        w.string(m.buildTime)
        w.u32(m.normalizationVersion)
        w.varint(m.entityCount)
        w.varint(m.nameCount)
        w.varint(m.tokenCount)
        w.varint(m.gramCount)
        w.varint(m.sources.count)
        for s in m.sources { EntityCodec.write(s, to: &w) }
        return w.bytes
    }

    // MARK: verification

    /// Verifies the bytes of an index file held in memory (checks as `open`) and reads them in place
    /// from an owned copy; `path` names it in errors.
    public static func decode(bytes: [UInt8], path: String) throws(IndexError) -> SearchIndex {
        guard bytes.count >= IndexFormat.headerSize + IndexFormat.footerSize else {
            if bytes.count >= 8 && Array(bytes[0..<8]) != IndexFormat.magic { throw .notAnIndex(path: path) }
            throw .truncated(path: path, size: bytes.count)
        }
        return try decode(bytes.withUnsafeBytes { IndexImage(copying: $0) }, path: path)
    }

    static func decode(_ image: IndexImage, path: String) throws(IndexError) -> SearchIndex {
        let file = image.bytes
        let size = file.count
        guard Array(file[0..<8]) == IndexFormat.magic else { throw .notAnIndex(path: path) }
        guard Array(file[(size - 8)..<size]) == IndexFormat.endMagic else { throw .truncated(path: path, size: size) }
        var footer = ByteReader(Array(file[(size - IndexFormat.footerSize)..<size]), section: "footer")
        // File offsets and sizes stay UInt64 until bounds-checked: a corrupt value past Int.max must
        // throw, not trap.
        let tableOffset64 = try footer.u64()
        let sectionCount = Int(try footer.u32())
        let tableCRC = try footer.u32()
        let version = try footer.u32()
        // Reserved, written as zero: checked, so that no byte of the file can change unnoticed.
        guard try footer.u32() == 0 else { throw .corrupt(reason: "\(path): footer's reserved field is not zero") }
        var header = ByteReader(Array(file[8..<16]), section: "header")
        let headerVersion = try header.u32()
        guard version == IndexFormat.version, headerVersion == version else {
            throw .unsupportedVersion(path: path, found: version == IndexFormat.version ? headerVersion : version, supported: IndexFormat.version)
        }
        guard try header.u32() == 0 else { throw .corrupt(reason: "\(path): header's reserved field is not zero") }
        let bodyEnd = size - IndexFormat.footerSize
        guard sectionCount <= 64, tableOffset64 >= UInt64(IndexFormat.headerSize), tableOffset64 <= UInt64(bodyEnd),
              Int(tableOffset64) + sectionCount * IndexFormat.tableEntrySize == bodyEnd else {
            throw .corrupt(reason: "\(path): section table out of bounds")
        }
        let tableOffset = Int(tableOffset64)
        let tableBytes = UnsafeRawBufferPointer(rebasing: file[tableOffset..<bodyEnd])
        guard CRC32C.checksum(tableBytes, seed: CRC32C.checksum(UnsafeRawBufferPointer(rebasing: file[..<IndexFormat.headerSize]))) == tableCRC else {
            throw .checksumMismatch(path: path, section: "section table")
        }
        var tableReader = ByteReader(Array(tableBytes), section: "section table")
        var ranges: [SectionKind: Range<Int>] = [:]
        var end = IndexFormat.headerSize
        for _ in 0..<sectionCount {
            let kindRaw = try tableReader.u32()
            let width = try tableReader.u32()
            let offset = try tableReader.u64()
            let length = try tableReader.u64()
            let crc = try tableReader.u32()
            guard try tableReader.u32() == 0 else { throw .corrupt(reason: "\(path): section table's reserved field is not zero") }
            guard let kind = SectionKind(rawValue: kindRaw), ranges[kind] == nil, Int(width) == kind.width else {
                throw .corrupt(reason: "\(path): unknown or repeated section kind \(kindRaw) (width \(width))")
            }
            // In file order, aligned, inside the body, a whole number of elements.
            guard offset >= UInt64(end), length <= UInt64(tableOffset), offset <= UInt64(tableOffset) - length,
                  offset % UInt64(IndexFormat.alignment) == 0, length % UInt64(width) == 0 else {
                throw .corrupt(reason: "\(path): section \(kind.label) out of bounds")
            }
            guard file[end..<Int(offset)].allSatisfy({ $0 == 0 }) else { throw .corrupt(reason: "\(path): padding before \(kind.label) is not zero") }
            let range = Int(offset)..<Int(offset + length)
            guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: file[range])) == crc else {
                throw .checksumMismatch(path: path, section: kind.label)
            }
            ranges[kind] = range
            end = range.upperBound
        }
        guard file[end..<tableOffset].allSatisfy({ $0 == 0 }) else { throw .corrupt(reason: "\(path): padding before the section table is not zero") }
        for kind in SectionKind.allCases where ranges[kind] == nil {
            throw .corrupt(reason: "\(path): section \(kind.label) missing")
        }
        let sections = IndexSections(file: file, ranges: ranges)
        let meta = try readMeta(sections)
        // Keys on disk must be the keys this build computes for queries, or matches silently degrade.
        guard meta.normalizationVersion == IndexBuilder.normalizationVersion else {
            throw .staleNormalization(path: path, found: meta.normalizationVersion, current: IndexBuilder.normalizationVersion)
        }
        let index = SearchIndex(meta: meta, image: image, sections: sections)
        try index.checkInvariants()
        return index
    }

    static func readMeta(_ s: IndexSections) throws(IndexError) -> IndexMeta {
        var r = ByteReader(Array(s.bytes(.meta)), section: "meta")
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
        return IndexMeta(
            formatVersion: formatVersion, buildTime: buildTime, normalizationVersion: normVersion, sources: sources,
            entityCount: entityCount, nameCount: nameCount, tokenCount: tokenCount, gramCount: gramCount)
    }
}

/// Where each section lies in a verified file, and typed views of them.
struct IndexSections {
    let file: UnsafeRawBufferPointer
    let ranges: [SectionKind: Range<Int>]

    func bytes(_ kind: SectionKind) -> Column<UInt8> { column(kind) }

    func column<T: BitwiseCopyable>(_ kind: SectionKind) -> Column<T> {
        let range = ranges[kind]!
        precondition(MemoryLayout<T>.stride == kind.width)
        let raw = UnsafeRawBufferPointer(rebasing: file[range])
        // Sections start at multiples of 8 in a page-aligned mapping or a 16-aligned copy.
        return Column(base: raw.baseAddress.map { $0.bindMemory(to: T.self, capacity: raw.count / kind.width) }, count: raw.count / kind.width)
    }

    var sizes: [SectionSize] {
        SectionKind.allCases.map { SectionSize(name: $0.label, bytes: ranges[$0]?.count ?? 0) }
    }
}
