import FuzzSupport
import VigilLists
import VigilScreening

/// Any bytes as a customer file: opening may throw (no header, not UTF-8, ...), reading may throw
/// a CSV error, but nothing may crash, and a row without errors must have an id and a name.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    // Neutral name, so the format comes from the argument, not the extension.
    let path = TempFile.write(data, size, name: "customers.txt")
    for (format, encoding) in [(CustomerReader.Format.csv, TextEncoding.utf8), (.csv, .windows1252), (.jsonl, .utf8)] {
        guard let reader = try? CustomerReader(path: path, format: format, encoding: encoding) else { continue }
        var lastLine = 0
        while let row = try? reader.next() {
            if row.errors.isEmpty {
                precondition(!row.customer.id.isEmpty && !row.customer.name.isEmpty, "row \(row.line) has no id/name but no error")
            }
            // Rows come back in input order.
            precondition(row.line > lastLine || format == .csv && row.line >= lastLine, "row line went backwards")
            lastLine = row.line
        }
    }
    return 0
}

runFuzzer(fuzz)
