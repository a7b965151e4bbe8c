import FuzzSupport
import VigilLists

/// The first byte picks the list format, the rest is the file. Loading may throw `ListError` or
/// report row issues, but must not crash.
let formats: [(ListFormat, String)] = [
    (.csv, "list.csv"), (.jsonl, "list.jsonl"),
    (.ofacCSV, "sdn.csv"),  // the OFAC loader tells the file's role from its name
    (.hmtCSV, "hmt.csv"), (.targetsCSV, "targets.csv"), (.unXML, "un.xml"),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard size > 0 else { return 0 }
    let (format, name) = formats[Int(data[0]) % formats.count]
    let path = TempFile.write(data + 1, size - 1, name: name)
    if let list = try? ListLoader.load(SourceSpec(format: format, paths: [path])) {
        for e in list.entities { precondition(!e.names.isEmpty, "entity \(e.id) without a name") }
    }
    return 0
}

runFuzzer(fuzz)
