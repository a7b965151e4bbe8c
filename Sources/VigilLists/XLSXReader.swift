import Foundation
import ZIPFoundation

/// One cell of a worksheet, typed as the file stores it.
enum XLSXCell: Equatable {
    case text(String)
    /// A number; `dateFormatted` when the cell's style shows it as a date (the number is then an Excel
    /// serial day, see `XLSXReader.isoDate(serial:)`).
    case number(Double, dateFormatted: Bool)
    case bool(Bool)
    /// `#N/A`, `#VALUE!` and the like.
    case error(String)

    /// The cell as text: numbers that are whole print without `.0` (`2`, not `2.0`).
    var text: String {
        switch self {
        case .text(let s): return s
        case .number(let v, _):
            if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
            return String(v)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        }
    }
}

/// A worksheet row: its 1-based spreadsheet row number (what a user sees in Excel, used for `RowIssue`s)
/// and its non-empty cells by 0-based column.
struct XLSXRow {
    var number: Int
    var cells: [Int: XLSXCell]
}

/// Reads the first worksheet of an `.xlsx` file (Office Open XML) with ZIPFoundation and `XMLParser`:
/// the workbook names its sheets, the workbook rels map a sheet to its part, `sharedStrings.xml` holds
/// the text of `t="s"` cells, `styles.xml` says which number formats are dates.
///
/// Parts over `maxPartSize` uncompressed are refused, so a hostile archive cannot exhaust memory.
enum XLSXReader {
    static let maxPartSize: UInt64 = 512 << 20

    static func firstSheet(path: String) throws(ListError) -> [XLSXRow] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .malformed(file: path, line: 0, reason: "not an xlsx file (cannot open as zip: \(error))")
        }
        let workbook = try part("xl/workbook.xml", in: archive, path: path, required: false)
        let sheetPath = try sheetPartPath(workbook: workbook, archive: archive, path: path)
        let date1904 = try workbook.map { data throws(ListError) in
            try XMLScanner.read(data, path: "\(path)#xl/workbook.xml", records: ["workbookPr"]).records
                .contains { ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        } ?? false

        let strings = try sharedStrings(try part("xl/sharedStrings.xml", in: archive, path: path, required: false), path: path)
        let dateStyles = try dateStyleIndexes(try part("xl/styles.xml", in: archive, path: path, required: false), path: path)
        guard let sheet = try part(sheetPath, in: archive, path: path, required: true) else { return [] }
        let rows = try XMLScanner.read(sheet, path: "\(path)#\(sheetPath)", records: ["row"]).records

        var out: [XLSXRow] = []
        out.reserveCapacity(rows.count)
        for (position, row) in rows.enumerated() {
            let number = row.attributes["r"].flatMap { Int($0) } ?? (out.last.map { $0.number + 1 } ?? position + 1)
            var cells: [Int: XLSXCell] = [:]
            var nextColumn = 0
            for c in row.children("c") {
                let column = c.attributes["r"].flatMap(columnIndex) ?? nextColumn
                nextColumn = column + 1
                let style = c.attributes["s"].flatMap { Int($0) } ?? 0
                if let value = cell(c, strings: strings, isDate: dateStyles.contains(style), date1904: date1904) {
                    cells[column] = value
                }
            }
            out.append(XLSXRow(number: number, cells: cells))
        }
        return out
    }

    // MARK: - Parts

    /// The bytes of one archive member, or nil when it is absent and not required.
    static func part(_ name: String, in archive: Archive, path: String, required: Bool) throws(ListError) -> Data? {
        guard let entry = archive[name] else {
            if required { throw .malformed(file: path, line: 0, reason: "xlsx has no part \(name)") }
            return nil
        }
        guard entry.uncompressedSize <= maxPartSize else {
            throw .malformed(file: path, line: 0, reason: "xlsx part \(name) is \(entry.uncompressedSize) bytes uncompressed, over the \(maxPartSize) limit")
        }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry) { chunk in data.append(chunk) }
        } catch {
            throw .malformed(file: path, line: 0, reason: "xlsx part \(name) cannot be read: \(error)")
        }
        return data
    }

    /// The first `<sheet>` of the workbook, through its relationship id; `xl/worksheets/sheet1.xml` when the
    /// workbook or its rels are missing.
    static func sheetPartPath(workbook: Data?, archive: Archive, path: String) throws(ListError) -> String {
        let fallback = "xl/worksheets/sheet1.xml"
        guard let workbook,
              let sheet = try XMLScanner.read(workbook, path: "\(path)#xl/workbook.xml", records: ["sheet"]).records.first,
              let relID = sheet.attributes.first(where: { $0.key == "r:id" || $0.key.hasSuffix(":id") })?.value,
              let rels = try part("xl/_rels/workbook.xml.rels", in: archive, path: path, required: false)
        else { return fallback }
        let relationships = try XMLScanner.read(rels, path: "\(path)#xl/_rels/workbook.xml.rels", records: ["Relationship"]).records
        guard let target = relationships.first(where: { $0.attributes["Id"] == relID })?.attributes["Target"] else { return fallback }
        // Targets are relative to xl/ (`worksheets/sheet1.xml`) or absolute in the package (`/xl/...`).
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/\(target)"
    }

    /// `<si>` items in order; rich text (`<r><t>`) is concatenated, phonetic runs (`<rPh>`) are not text.
    static func sharedStrings(_ data: Data?, path: String) throws(ListError) -> [String] {
        guard let data else { return [] }
        let items = try XMLScanner.read(data, path: "\(path)#xl/sharedStrings.xml", records: ["si"]).records
        return items.map(richText)
    }

    static func richText(_ node: XMLNode) -> String {
        node.children.reduce(into: "") { s, child in
            if child.name == "t" { s += child.text } else if child.name == "r" { s += child.child("t")?.text ?? "" }
        }
    }

    /// Indexes into `cellXfs` whose number format shows a date: built-in ids 14-22, 27-36, 45-47, 50-58,
    /// or a custom format with a day or year code outside quotes and brackets (`dd/mm/yyyy;@`).
    static func dateStyleIndexes(_ data: Data?, path: String) throws(ListError) -> Set<Int> {
        guard let data else { return [] }
        let records = try XMLScanner.read(data, path: "\(path)#xl/styles.xml", records: ["numFmts", "cellXfs"]).records
        var dateFormats = Set(Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58))
        for fmt in records.first(where: { $0.name == "numFmts" })?.children("numFmt") ?? [] {
            guard let id = fmt.attributes["numFmtId"].flatMap({ Int($0) }), let code = fmt.attributes["formatCode"] else { continue }
            if isDateFormat(code) { dateFormats.insert(id) } else { dateFormats.remove(id) }
        }
        var out: Set<Int> = []
        for (i, xf) in (records.first(where: { $0.name == "cellXfs" })?.children("xf") ?? []).enumerated() {
            if let id = xf.attributes["numFmtId"].flatMap({ Int($0) }), dateFormats.contains(id) { out.insert(i) }
        }
        return out
    }

    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var previous: Character = " "
        for ch in code {
            defer { previous = ch }
            if previous == "\\" { continue }
            switch ch {
            case "\"": inQuotes.toggle()
            case "[": if !inQuotes { inBrackets = true }
            case "]": if !inQuotes { inBrackets = false }
            case "d", "D", "y", "Y": if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }

    // MARK: - Cells

    static func cell(_ c: XMLNode, strings: [String], isDate: Bool, date1904: Bool) -> XLSXCell? {
        let raw = c.child("v")?.text
        switch c.attributes["t"] ?? "n" {
        case "s":
            guard let i = raw.flatMap({ Int($0.trimmedWhitespace) }), strings.indices.contains(i) else { return nil }
            return nonEmpty(strings[i])
        case "inlineStr":
            return c.child("is").flatMap { nonEmpty(richText($0)) }
        case "str":
            return raw.flatMap(nonEmpty)
        case "b":
            return raw.map { .bool($0.trimmedWhitespace == "1") }
        case "e":
            return raw.map { .error($0.trimmedWhitespace) }
        case "d":
            return raw.flatMap(nonEmpty)
        default:
            guard let raw, let v = Double(raw.trimmedWhitespace) else { return nil }
            // 1904-based workbooks count days from 1904-01-01; shift to the usual 1900 system.
            return .number(isDate && date1904 ? v + 1462 : v, dateFormatted: isDate)
        }
    }

    private static func nonEmpty(_ s: String) -> XLSXCell? {
        s.trimmedWhitespace.isEmpty ? nil : .text(s)
    }

    /// `AB12` → 27 (0-based column of the letters).
    static func columnIndex(_ reference: String) -> Int? {
        var n = 0
        var sawLetter = false
        for u in reference.utf8 {
            switch u {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                n = n * 26 + Int(u - UInt8(ascii: "A")) + 1
                sawLetter = true
                if n > 1 << 20 { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return sawLetter ? n - 1 : nil
            default:
                return nil
            }
        }
        return sawLetter ? n - 1 : nil
    }

    /// Excel serial day (1900 system) to `YYYY-MM-DD`: day 1 is 1900-01-01, and Excel counts a
    /// 1900-02-29 that never was (serial 60), so later serials are one day ahead. Nil outside 1..2958465.
    static func isoDate(serial: Double) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let day = Int(serial.rounded(.down))
        if day == 60 { return nil }
        // Days from 1970-01-01: serial 25569 is 1970-01-01.
        let unixDays = day - (day > 60 ? 25569 : 25568)
        let (y, m, d) = civil(fromDays: unixDays)
        return "\(y)-\(DateText.pad(m))-\(DateText.pad(d))"
    }

    /// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
