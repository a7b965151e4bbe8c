import Crypto
import Foundation

/// Seals the personal fields of an encrypted customer store, and what else the store keeps that
/// would give them away (the content hash, the index over customers' names).
///
/// Three keys are derived from the store key with HKDF-SHA256, one per use:
/// - fields: AES-256-GCM, a fresh random 96-bit nonce per value; the value's place (column and row,
///   e.g. `customers.name` of customer `C0001`) is authenticated as associated data, so a sealed value
///   moved to another row or column fails to open instead of reading as someone else's;
/// - content hash: HMAC-SHA256 over a customer's fields, so the hash that detects a changed row cannot
///   be used to confirm a guessed name without the key;
/// - key check: HMAC-SHA256 of a constant, kept in the store's meta table, so a wrong key is refused on
///   open rather than producing garbage.
///
/// A sealed field is text: `enc1:` and the base64 of nonce (12 bytes) | ciphertext | tag (16 bytes).
struct FieldCipher {
    /// What the store's meta table records for a store sealed by this cipher.
    static let algorithm = "aes-256-gcm/hkdf-sha256/v1"
    static let prefix = "enc1:"
    /// The first bytes of a sealed file (the customer index of an encrypted store).
    static let fileMagic = Array("VIGILENC".utf8) + [0, 0, 0, 1]

    private let fieldKey: SymmetricKey
    private let hashKey: SymmetricKey
    /// Hex HMAC of a constant under a key of its own: tells the right key from a wrong one, reveals nothing of it.
    let keyCheck: String

    init(_ key: StoreKey) {
        func derive(_ use: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: key.key, salt: Array("vigil customer store".utf8), info: Array(use.utf8), outputByteCount: 32)
        }
        fieldKey = derive("fields v1")
        hashKey = derive("content hash v1")
        keyCheck = Self.hex(HMAC<SHA256>.authenticationCode(for: Array("vigil store key check".utf8), using: derive("key check v1")))
    }

    // MARK: fields

    /// `plaintext` sealed for its `place` (e.g. `customers.name`, the row's key).
    func seal(_ plaintext: String, place: String, row: String) -> String {
        let box = try! AES.GCM.seal(Array(plaintext.utf8), using: fieldKey, authenticating: Self.associatedData(place, row))
        // `combined` is present for the default 12-byte nonce.
        return Self.prefix + box.combined!.base64EncodedString()
    }

    /// The plaintext of a value `seal` made for the same place; nil when it is not sealed, was altered,
    /// or was sealed for another place or under another key.
    func open(_ sealed: String, place: String, row: String) -> String? {
        guard sealed.hasPrefix(Self.prefix), let data = Data(base64Encoded: String(sealed.dropFirst(Self.prefix.count))),
              let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: fieldKey, authenticating: Self.associatedData(place, row))
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }

    private static func associatedData(_ place: String, _ row: String) -> [UInt8] {
        Array(place.utf8) + [0] + Array(row.utf8)
    }

    // MARK: files

    /// `bytes` sealed as a whole for the file `name` (its role, not its path: the store may move).
    func sealFile(_ bytes: [UInt8], name: String) -> [UInt8] {
        let box = try! AES.GCM.seal(bytes, using: fieldKey, authenticating: Self.associatedData("file", name))
        return Self.fileMagic + Array(box.combined!)
    }

    /// The bytes `sealFile` sealed for `name`; nil when `sealed` is not such a file, was altered, or
    /// was sealed under another key.
    func openFile(_ sealed: [UInt8], name: String) -> [UInt8]? {
        guard sealed.starts(with: Self.fileMagic),
              let box = try? AES.GCM.SealedBox(combined: sealed[Self.fileMagic.count...]),
              let plain = try? AES.GCM.open(box, using: fieldKey, authenticating: Self.associatedData("file", name))
        else { return nil }
        return Array(plain)
    }

    // MARK: hashes

    /// Keyed hash of `fields` (nil fields distinct from empty ones), hex.
    func contentHash(_ fields: [String?]) -> String {
        var bytes: [UInt8] = []  // one buffer, one HMAC call: cheaper than an update per field
        for field in fields {
            bytes.append(contentsOf: (field ?? "\u{1}").utf8)
            bytes.append(0)
        }
        return Self.hex(HMAC<SHA256>.authenticationCode(for: bytes, using: hashKey))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ code: HMAC<SHA256>.MAC) -> String { code.withUnsafeBytes { hex($0) } }
}
