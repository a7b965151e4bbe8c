import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree for one XML record (a UN `<INDIVIDUAL>`, a SEMA `<record>`, an xlsx `<row>`):
/// enough structure for a parser to read fields by name without a whole-document DOM.
struct XMLNode {
    /// Local name: a namespace prefix (`x:row`) is dropped.
    var name: String
    var attributes: [String: String]
    /// Character data directly inside this element (untrimmed; children's text is not included).
    var text: String = ""
    var children: [XMLNode] = []
    /// Line of the start tag, for `RowIssue`s.
    var line: Int

    /// First child with this name.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// All children with this name, in document order.
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Trimmed text of the first child with this name; nil when absent or blank (`<GENDER/>`).
    func value(_ name: String) -> String? {
        guard let t = child(name)?.text.collapsedWhitespace, !t.isEmpty else { return nil }
        return t
    }

    /// Trimmed, non-blank texts of every child with this name (`<VALUE>` lists).
    func values(_ name: String) -> [String] {
        children(name).compactMap { let t = $0.text.collapsedWhitespace; return t.isEmpty ? nil : t }
    }
}

/// Streams an XML document with FoundationXML's `XMLParser` and returns each element named in
/// `records` as an `XMLNode` tree; everything outside records is skipped, except the root's attributes.
///
/// Records are not nested in one another: inside a record, an element with a record name is just a child.
/// - Complexity: O(n) in the document; memory is the records kept, not the document.
final class XMLRecordReader: NSObject, XMLParserDelegate {
    private let recordNames: Set<String>
    private var stack: [XMLNode] = []
    private(set) var records: [XMLNode] = []
    private(set) var rootAttributes: [String: String] = [:]
    private var sawRoot = false
    /// The first error libxml2 reported: its code (`error 76`) and line.
    private(set) var firstError: (String, Int)?

    private init(recordNames: Set<String>) {
        self.recordNames = recordNames
    }

    /// Parses `data` and returns the root's attributes and the records, in document order.
    /// - Parameters:
    ///   - data: The whole XML document.
    ///   - path: For error messages only.
    ///   - records: Local names of the record elements.
    /// - Throws: `ListError.malformed` with the parser's line when the XML is not well-formed.
    static func read(_ data: Data, path: String, records: Set<String>) throws(ListError) -> (root: [String: String], records: [XMLNode]) {
        let (reader, failure) = parse(data, records: records)
        if let failure { throw .malformed(file: path, line: failure.line, reason: failure.reason) }
        return (reader.rootAttributes, reader.records)
    }

    /// Runs `XMLParser` over a whole document; the failure is the first error reported, with its line.
    private static func parse(_ data: Data, records: Set<String>) -> (XMLRecordReader, (reason: String, line: Int)?) {
        let reader = XMLRecordReader(recordNames: records)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        // swift-corelibs-foundation's XMLParser runs libxml2 in recovery mode: on a mismatched or missing end
        // tag it reports `parseErrorOccurred`, invents the end tags and `parse()` still returns true. So the
        // first reported error is kept (with its line) and parsing stops there.
        let finished = parser.parse()
        if let (code, line) = reader.firstError { return (reader, ("XML is not well-formed (\(code))", line)) }
        if !finished { return (reader, (parser.parserError.map { "\($0)" } ?? "XML is not well-formed", parser.lineNumber)) }
        return (reader, nil)
    }

    /// Like `read`, but a broken record does not stop the file: when the document is not well-formed,
    /// it is cut into its records (each `<NAME ...>` up to its `</NAME>`, or up to the next record's start
    /// tag when the end tag is missing) and each record is parsed alone. A record that does not parse is
    /// an `.error` issue at its start line, naming the parser's line; the others are kept. An error
    /// outside every record (a broken root or container) is an `.error` issue too, at its line.
    /// - Throws: `ListError.malformed` when the document is not well-formed and holds no record at all.
    static func readRecovering(_ data: Data, path: String, records names: Set<String>) throws(ListError)
        -> (root: [String: String], records: [XMLNode], issues: [RowIssue])
    {
        let (reader, whole) = parse(data, records: names)
        guard let failure = whole else { return (reader.rootAttributes, reader.records, []) }

        let bytes = [UInt8](data)
        let chunks = recordChunks(bytes, names: names)
        guard !chunks.isEmpty else { throw .malformed(file: path, line: failure.line, reason: failure.reason) }
        // The XML declaration (encoding) applies to every record parsed alone.
        var prolog: [UInt8] = []
        if bytes.starts(with: Array("<?xml".utf8)), let end = firstIndex(of: Array("?>".utf8), in: bytes, from: 0) {
            prolog = Array(bytes[0..<end + 2])
        }
        var records: [XMLNode] = []
        var issues: [RowIssue] = []
        var failureInRecord = false
        for chunk in chunks {
            let (piece, pieceFailure) = parse(Data(prolog + bytes[chunk.range]), records: names)
            // Lines inside the piece count from the record's own line (the prolog ends with no newline).
            let shift = chunk.line - 1
            guard let pieceFailure else {
                if piece.records.count == 1 { records.append(shifted(piece.records[0], by: shift)) }
                continue
            }
            let errorLine = pieceFailure.line + shift
            let reason = pieceFailure.reason
            if (chunk.line...max(chunk.line, chunk.endLine)).contains(failure.line) { failureInRecord = true }
            issues.append(RowIssue(.error, file: path, line: chunk.line,
                message: "broken <\(chunk.name)> record: \(reason) at line \(errorLine); skipped"))
        }
        if !failureInRecord {
            issues.append(RowIssue(.error, file: path, line: failure.line,
                message: "\(failure.reason) outside any record; the records were read one by one"))
            issues.sort { $0.line < $1.line }
        }
        return (reader.rootAttributes, records, issues)
    }

    /// A record's bytes in the document: its start line, its last line and its element name.
    struct Chunk {
        var range: Range<Int>
        var line: Int
        var endLine: Int
        var name: String
    }

    /// Cuts a document into record elements by scanning for `<NAME` start tags and `</NAME>` end tags
    /// (no parsing): a record without its end tag stops at the next record's start tag or the end.
    static func recordChunks(_ bytes: [UInt8], names: Set<String>) -> [Chunk] {
        let starts: [(offset: Int, name: String)] = bytes.indices.compactMap { i in
            guard bytes[i] == UInt8(ascii: "<") else { return nil }
            for name in names where tag(name, at: i + 1, in: bytes) { return (i, name) }
            return nil
        }
        var chunks: [Chunk] = []
        var line = 1
        var counted = 0
        func lineAt(_ offset: Int) -> Int {
            for j in counted..<offset where bytes[j] == UInt8(ascii: "\n") { line += 1 }
            counted = offset
            return line
        }
        for (k, start) in starts.enumerated() {
            let limit = k + 1 < starts.count ? starts[k + 1].offset : bytes.count
            if limit <= start.offset { continue }
            var end = limit
            let close = Array("</\(start.name)".utf8)
            var i = start.offset
            while let c = firstIndex(of: close, in: bytes, from: i), c < limit {
                var j = c + close.count
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] == 0x09 { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: ">") { end = j + 1; break }
                i = c + 1
            }
            let first = lineAt(start.offset)
            let last = lineAt(end)
            chunks.append(Chunk(range: start.offset..<end, line: first, endLine: last, name: start.name))
        }
        return chunks
    }

    /// True when `name` starts at `i` and is followed by whitespace, `>` or `/`.
    private static func tag(_ name: String, at i: Int, in bytes: [UInt8]) -> Bool {
        var j = i
        for b in name.utf8 {
            guard j < bytes.count, bytes[j] == b else { return false }
            j += 1
        }
        guard j < bytes.count else { return false }
        let b = bytes[j]
        return b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, from <= bytes.count - needle.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func shifted(_ node: XMLNode, by lines: Int) -> XMLNode {
        var n = node
        n.line += lines
        n.children = n.children.map { shifted($0, by: lines) }
        return n
    }

    /// Reads a whole file into `Data` (a missing or unreadable file is `ListError.file`).
    static func readFile(_ path: String) throws(ListError) -> Data {
        do { return Data(try ByteSource.readAll(path)) } catch { throw .file(error) }
    }

    private static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if !sawRoot {
            sawRoot = true
            rootAttributes = attributeDict
        }
        let name = Self.localName(elementName)
        if stack.isEmpty && !recordNames.contains(name) { return }
        stack.append(XMLNode(name: name, attributes: attributeDict, line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let node = stack.popLast() else { return }
        if stack.isEmpty {
            records.append(node)
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard firstError == nil else { return }
        // The code is libxml2's (76: mismatched tag); corelibs' `XMLParser.ErrorCode` names do not match it.
        firstError = ("error \((parseError as NSError).code)", parser.lineNumber)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {
        self.parser(parser, parseErrorOccurred: validationError)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
