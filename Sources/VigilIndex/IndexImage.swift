#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if _endian(big)
#error("index files are little-endian and read in place: a big-endian host would need byte swapping")
#endif

/// The bytes of an index file, read in place: a read-only mapping of the file, or an owned copy (an
/// index just built, or decrypted from the customer store). Every `Column` of a `SearchIndex` points
/// into it, so it lives as long as the index.
final class IndexImage: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let release: () -> Void

    /// Maps `fd` (size bytes) read-only.
    init(mapping fd: Int32, size: Int, path: String) throws(IndexError) {
        guard let map = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0), map != MAP_FAILED else {
            throw .io(path: path, reason: "mmap failed: \(IndexFile.errnoText())")
        }
        bytes = UnsafeRawBufferPointer(start: map, count: size)
        release = { munmap(map, size) }
    }

    /// Copies `source` into an owned buffer aligned for every column type.
    init(copying source: UnsafeRawBufferPointer) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
        if let base = source.baseAddress { buffer.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<source.count])
        release = { buffer.deallocate() }
    }

    deinit { release() }
}

/// A read-only array of fixed-width values inside an `IndexImage` (valid while its index lives): the
/// index's flat arrays are used where they lie in the file, never decoded. Inlinable, so the matcher's
/// loops get it specialized like an Array.
@frozen
public struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline let base: UnsafePointer<Element>?
    public let count: Int

    @inlinable
    init(base: UnsafePointer<Element>?, count: Int) {
        self.base = base
        self.count = count
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable @inline(__always)
    public subscript(i: Int) -> Element {
        precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "column index out of range")
        return base.unsafelyUnwrapped[i]
    }

    /// Elements `range` as a column of their own.
    @inlinable
    public subscript(range: Range<Int>) -> Column<Element> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "column range out of bounds")
        return Column(base: base.map { $0 + range.lowerBound }, count: range.count)
    }

    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    @inlinable
    public var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}

extension Column: Equatable where Element: Equatable {
    @inlinable
    public static func == (a: Column, b: Column) -> Bool { a.elementsEqual(b) }
}
