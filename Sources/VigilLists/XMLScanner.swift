import Foundation

/// A small, fast, non-validating XML reader for machine-written documents (the parts of an xlsx file):
/// the same records as `XMLRecordReader.read`, without FoundationXML's per-element bridging of names
/// and attribute dictionaries, which was most of the time of reading the DFAT workbook.
///
/// It reads elements, attributes, text, CDATA, the five predefined entities and character references;
/// it skips the XML declaration, processing instructions and comments. Namespace prefixes are dropped
/// from names (`x:row` is `row`). It refuses a DTD, a tag that is not closed, an end tag that does not
/// match, an unknown entity, and text after the root: `ListError.malformed` with the line.
/// - Complexity: O(n) in bytes; nodes are built only inside records.
enum XMLScanner {
    static func read(_ data: Data, path: String, records: Set<String>) throws(ListError) -> (root: [String: String], records: [XMLNode]) {
        let bytes = [UInt8](data)
        var scanner = Scanner(bytes: bytes, path: path, recordNames: Set(records.map { Array($0.utf8) }))
        try scanner.run()
        return (scanner.root, scanner.records)
    }

    private struct Scanner {
        let bytes: [UInt8]
        let path: String
        let recordNames: Set<[UInt8]>
        var i = 0
        var line = 1
        var root: [String: String] = [:]
        var records: [XMLNode] = []
        /// Local names of the open elements, outermost first.
        var open: [ArraySlice<UInt8>] = []
        /// Nodes being built: the open record and its open descendants.
        var nodes: [XMLNode] = []
        var sawRoot = false

        init(bytes: [UInt8], path: String, recordNames: Set<[UInt8]>) {
            self.bytes = bytes
            self.path = path
            self.recordNames = recordNames
        }

        func fail(_ reason: String) -> ListError { .malformed(file: path, line: line, reason: "XML is not well-formed (\(reason))") }

        mutating func run() throws(ListError) {
            let n = bytes.count
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
            while i < n {
                if bytes[i] != UInt8(ascii: "<") {
                    let start = i
                    while i < n && bytes[i] != UInt8(ascii: "<") {
                        if bytes[i] == 0x0A { line += 1 }
                        i += 1
                    }
                    if !nodes.isEmpty {
                        nodes[nodes.count - 1].text += try decode(bytes[start..<i])
                    } else if open.isEmpty && bytes[start..<i].contains(where: { $0 > 0x20 }) {
                        throw fail("text outside the root element")
                    }
                    continue
                }
                if starts("<?") { try skip(past: "?>"); continue }
                if starts("<!--") { try skip(past: "-->"); continue }
                if starts("<![CDATA[") {
                    i += 9
                    let start = i
                    try skip(past: "]]>")
                    if !nodes.isEmpty { nodes[nodes.count - 1].text += String(decoding: bytes[start..<i - 3], as: UTF8.self) }
                    continue
                }
                if starts("<!") { throw fail("DTDs are not read") }
                if starts("</") { try endTag(); continue }
                try startTag()
            }
            if let last = open.last { throw fail("element <\(String(decoding: last, as: UTF8.self))> is never closed") }
            if !sawRoot { throw fail("no root element") }
        }

        func starts(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard i + count <= bytes.count else { return false }
            let p = text.utf8Start
            for k in 0..<count where bytes[i + k] != p[k] { return false }
            return true
        }

        /// Moves `i` past the next `end`, counting lines.
        mutating func skip(past end: StaticString) throws(ListError) {
            while i < bytes.count {
                if starts(end) { i += end.utf8CodeUnitCount; return }
                if bytes[i] == 0x0A { line += 1 }
                i += 1
            }
            throw fail("unterminated \(end)")
        }

        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

        mutating func skipSpace() {
            while i < bytes.count, Self.isSpace(bytes[i]) {
                if bytes[i] == 0x0A { line += 1 }
                i += 1
            }
        }

        /// A name at `i`: up to a space, `/`, `>` or `=`. Returns the local name (after the last `:`).
        mutating func name() throws(ListError) -> ArraySlice<UInt8> {
            let start = i
            var local = i
            while i < bytes.count {
                let b = bytes[i]
                if Self.isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=") { break }
                if b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { throw fail("bad character in a name") }
                if b == UInt8(ascii: ":") { local = i + 1 }
                i += 1
            }
            guard i > start, local < i else { throw fail("empty name") }
            return bytes[local..<i]
        }

        mutating func startTag() throws(ListError) {
            let tagLine = line
            i += 1
            let local = try name()
            var attributes: [String: String] = [:]
            let building = !nodes.isEmpty || recordNames.contains(Array(local))
            while true {
                skipSpace()
                guard i < bytes.count else { throw fail("unterminated start tag") }
                if bytes[i] == UInt8(ascii: ">") { i += 1; break }
                if starts("/>") { i += 2; try element(local, attributes, line: tagLine, building: building, empty: true); return }
                let attributeStart = i
                _ = try name()
                // Attributes keep their qualified name (`r:id`), as XMLParser reports them.
                let attribute = String(decoding: bytes[attributeStart..<i], as: UTF8.self)
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw fail("attribute \(attribute) has no value") }
                i += 1
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                    throw fail("attribute \(attribute) is not quoted")
                }
                let quote = bytes[i]
                i += 1
                let valueStart = i
                while i < bytes.count && bytes[i] != quote {
                    if bytes[i] == UInt8(ascii: "<") { throw fail("< in an attribute value") }
                    if bytes[i] == 0x0A { line += 1 }
                    i += 1
                }
                guard i < bytes.count else { throw fail("unterminated attribute value") }
                if building || !sawRoot { attributes[attribute] = try decode(bytes[valueStart..<i]) }
                i += 1
            }
            try element(local, attributes, line: tagLine, building: building, empty: false)
        }

        /// Opens an element (and closes it at once when `empty`).
        mutating func element(_ local: ArraySlice<UInt8>, _ attributes: [String: String], line tagLine: Int, building: Bool, empty: Bool) throws(ListError) {
            if !sawRoot {
                sawRoot = true
                root = attributes
            } else if open.isEmpty {
                throw fail("a second root element")
            }
            if building { nodes.append(XMLNode(name: String(decoding: local, as: UTF8.self), attributes: attributes, line: tagLine)) }
            open.append(local)
            if empty { close() }
        }

        mutating func endTag() throws(ListError) {
            i += 2
            let local = try name()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw fail("unterminated end tag") }
            i += 1
            guard let last = open.last else { throw fail("end tag </\(String(decoding: local, as: UTF8.self))> without a start") }
            guard last.elementsEqual(local) else {
                throw fail("</\(String(decoding: local, as: UTF8.self))> closes <\(String(decoding: last, as: UTF8.self))>")
            }
            close()
        }

        /// Closes the innermost element. While a record is open, `nodes` mirrors the innermost open
        /// elements (every element inside a record is built), so the element closed is the last node:
        /// a finished record is kept, a finished child joins its parent.
        mutating func close() {
            open.removeLast()
            guard let node = nodes.popLast() else { return }
            if nodes.isEmpty { records.append(node) } else { nodes[nodes.count - 1].children.append(node) }
        }

        /// Text with entities and character references replaced, and line ends normalised to LF (`CR LF`
        /// and a lone `CR`), as XML requires of a parser.
        func decode(_ slice: ArraySlice<UInt8>) throws(ListError) -> String {
            guard slice.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x0D }) else { return String(decoding: slice, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(slice.count)
            var k = slice.startIndex
            while k < slice.endIndex {
                let b = slice[k]
                if b == 0x0D {
                    out.append(0x0A)
                    k += slice.index(after: k) < slice.endIndex && slice[k + 1] == 0x0A ? 2 : 1
                    continue
                }
                guard b == UInt8(ascii: "&") else { out.append(b); k += 1; continue }
                guard let semicolon = slice[k...].firstIndex(of: UInt8(ascii: ";")), semicolon - k <= 12 else { throw fail("& without ;") }
                let entity = String(decoding: slice[(k + 1)..<semicolon], as: UTF8.self)
                switch entity {
                case "lt": out.append(UInt8(ascii: "<"))
                case "gt": out.append(UInt8(ascii: ">"))
                case "amp": out.append(UInt8(ascii: "&"))
                case "quot": out.append(UInt8(ascii: "\""))
                case "apos": out.append(UInt8(ascii: "'"))
                default:
                    let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                    guard entity.hasPrefix("#"), let v = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                          let scalar = Unicode.Scalar(v) else { throw fail("unknown entity &\(entity);") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                k = semicolon + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
