import Foundation

/// JSON lines input shared by the `jsonl`, `ftm-json` and `senzing-json` readers: one JSON object per
/// line, blank lines skipped, a UTF-8 BOM and CR line ends tolerated.
enum JSONLines {
    /// Why one line could not be read as a JSON object.
    struct LineError: Error, Equatable {
        var text: String
    }

    /// Calls `body` with each non-blank line's parsed object, or the reason it is not one, and its
    /// 1-based line number. - Complexity: O(n) in bytes; one `JSONSerialization` call per line.
    static func forEachObject(_ path: String, _ body: (Result<[String: Any], LineError>, Int) -> Void) throws(ListError) {
        let source: ByteSource
        do { source = try ByteSource(path: path) } catch { throw .file(error) }
        var line = 0
        var bytes: [UInt8] = []
        do {
            var more = true
            while more {
                bytes.removeAll(keepingCapacity: true)
                while let b = try source.next(), b != UInt8(ascii: "\n") { bytes.append(b) }
                more = try source.peek() != nil
                line += 1
                if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
                if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
                body(object(bytes), line)
            }
        } catch {
            throw .file(error)
        }
    }

    static func object(_ bytes: [UInt8]) -> Result<[String: Any], LineError> {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            return .failure(LineError(text: "not valid JSON; skipped"))
        }
        guard let dict = parsed as? [String: Any] else { return .failure(LineError(text: "not a JSON object; skipped")) }
        return .success(dict)
    }

    /// A JSON value as a list of non-blank texts: a string is one, an array gives its strings and
    /// numbers, null none; nil for anything else (an object).
    static func texts(_ value: Any?) -> [String]? {
        switch value {
        case nil, is NSNull: return []
        case let s as String:
            let t = s.collapsedWhitespace
            return t.isEmpty ? [] : [t]
        case let n as NSNumber:
            return [n.stringValue]
        case let a as [Any]:
            var out: [String] = []
            for item in a {
                guard let t = texts(item) else { return nil }
                out += t
            }
            return out
        default:
            return nil
        }
    }

    /// `/data/us_congress_senzing_2026-01.json` → `us_congress_senzing_2026-01`; `entities.ftm.json` → `entities`:
    /// the file name up to its first dot (stdin is `stdin`).
    static func stem(_ path: String) -> String {
        guard path != "-" else { return "stdin" }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let stem = base.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? base
        return stem.isEmpty ? base : stem
    }
}
