import CChecksum

/// CRC-32C (Castagnoli). Chosen over xxHash because it is the storage-integrity standard (iSCSI, ext4,
/// LevelDB/RocksDB blocks), catches every burst error up to 32 bits, and has a hardware instruction
/// (SSE4.2 `crc32`, used when present: an index is verified on every open, `CChecksum`).
public enum CRC32C {
    public static func checksum(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress else { return seed }
        return vigil_crc32c(seed, base, bytes.count)
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// Whether the CPU's instruction computes it (else a table, ~5x slower).
    public static var usesHardware: Bool { vigil_crc32c_hardware() != 0 }
}
