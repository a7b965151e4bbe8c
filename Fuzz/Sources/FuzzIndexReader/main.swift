import Foundation
import FuzzSupport
import VigilIndex
import VigilLists
import VigilMatcher

/// With VIGIL_FUZZ_SEED=path set, first writes a small valid index there (tools/fuzz seeds the
/// corpus with it): mutations of a valid file reach past the header checks, random bytes do not.
func writeSeed() {
    guard let seed = ProcessInfo.processInfo.environment["VIGIL_FUZZ_SEED"] else { return }
    let csv = """
        id,name,aliases,schema,birth_date,nationality,id_number
        1,Vladimir Vladimirovich PUTIN,Владимир Путин,Person,1952-10-07,RU,
        2,KIM Jong Un,김정은,Person,1984-01-08,KP,P123
        3,Banco Nacional de Cuba,BNC,Organization,,CU,
        """
    let list = NSTemporaryDirectory() + "seed-\(getpid()).csv"
    FileManager.default.createFile(atPath: list, contents: Data(csv.utf8))
    var builder = IndexBuilder()
    builder.add(try! ListLoader.load(SourceSpec(format: .csv, paths: [list])))
    _ = try! IndexFile.write(builder.build(buildTime: "2026-01-01T00:00:00Z"), to: seed)
    try? FileManager.default.removeItem(atPath: list)
}

/// Little-endian fields of the index layout (IndexFormat: 16-byte header, 32-byte table entries with
/// the section CRC at +24, 32-byte footer starting with table offset u64, section count u32, CRC of
/// header and table u32).
func le(_ b: [UInt8], _ at: Int, _ width: Int) -> UInt64 {
    (0..<width).reduce(0) { $0 | UInt64(b[at + $1]) << (8 * UInt64($1)) }
}
func put32(_ b: inout [UInt8], _ at: Int, _ v: UInt32) {
    for i in 0..<4 { b[at + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(i))) }
}

/// The input with its section and file checksums recomputed, when its table is readable: random
/// mutations almost never keep a CRC valid, and without this the section decoders are never reached.
func withFixedChecksums(_ input: [UInt8]) -> [UInt8]? {
    var b = input
    guard b.count >= 48 else { return nil }
    let footer = b.count - 32
    let tableOffset = le(b, footer, 8), count = Int(le(b, footer + 8, 4))
    guard count <= 64, tableOffset >= 16, tableOffset <= UInt64(footer), Int(tableOffset) + count * 32 == footer else { return nil }
    for i in 0..<count {
        let e = Int(tableOffset) + i * 32
        let offset = le(b, e + 8, 8), stored = le(b, e + 16, 8)
        guard offset >= 16, stored <= tableOffset, offset <= tableOffset - stored else { continue }
        put32(&b, e + 24, CRC32C.checksum(Array(b[Int(offset)..<Int(offset + stored)])))
    }
    let header = b[..<16].withUnsafeBytes { CRC32C.checksum($0) }
    put32(&b, footer + 12, b[Int(tableOffset)..<footer].withUnsafeBytes { CRC32C.checksum($0, seed: header) })
    return b
}

/// Any bytes as an index file, as given and with checksums fixed: `open` must throw a clean error or
/// return an index that can be searched (an index that opens is trusted by the matcher, so it must
/// not crash it either).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    for bytes in [input, withFixedChecksums(input)].compactMap({ $0 }) {
        let path = bytes.withUnsafeBufferPointer { TempFile.write($0.baseAddress!, $0.count, name: "input.vigil") }
        guard let index = try? IndexFile.open(path) else { continue }
        let matcher = Matcher(index: index)
        for name in ["Vladimir Putin", "Kim Jong Un", "Banco Nacional"] {
            _ = matcher.match(ScreeningQuery(name: name), limit: 5, minimumScore: 0)
        }
    }
    return 0
}

writeSeed()
runFuzzer(fuzz)
