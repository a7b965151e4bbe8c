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
        let reader = XMLRecordReader(recordNames: records)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        // swift-corelibs-foundation's XMLParser runs libxml2 in recovery mode: on a mismatched or missing end
        // tag it reports `parseErrorOccurred`, invents the end tags and `parse()` still returns true. So the
        // first reported error is kept (with its line) and parsing stops there.
        let finished = parser.parse()
        if let (code, line) = reader.firstError {
            throw .malformed(file: path, line: line, reason: "XML is not well-formed (\(code))")
        }
        guard finished else {
            let reason = parser.parserError.map { "\($0)" } ?? "XML is not well-formed"
            throw .malformed(file: path, line: parser.lineNumber, reason: reason)
        }
        return (reader.rootAttributes, reader.records)
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
