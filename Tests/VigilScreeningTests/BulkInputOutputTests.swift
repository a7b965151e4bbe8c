import Foundation
import XCTest
import VigilLists
import VigilMatcher
@testable import VigilScreening
import VigilTestSupport

/// `--columns`, encodings, CSV output, progress text and the crash-safe result file.
final class BulkInputOutputTests: XCTestCase {
    func write(_ bytes: [UInt8], _ name: String = "c.csv") throws -> String {
        let path = TestData.temporaryPath(UUID().uuidString + "-" + name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func rows(_ r: CustomerReader) throws -> [CustomerRow] {
        var out: [CustomerRow] = []
        while let row = try r.next() { out.append(row) }
        return out
    }

    // MARK: --columns

    func testColumnMapReadsOtherHeadersAndWinsOverAliases() throws {
        let map = try CustomerReader.parseColumnMap(" Client No = id ,Full Name=name,DOB=birth_date,Ref=dob")
        XCTAssertEqual(map, ["Client No": "id", "Full Name": "name", "DOB": "birth_date", "Ref": "birth_date"])
        // "id" would match the alias; the mapped "Client No" wins.
        let path = try write(Array("id;Client No;Full Name;DOB\nx;c1;Vladimir Putin;1952-10-07\ny;c2;Ana Lopez;\n".utf8))
        let r = try rows(try CustomerReader(path: path, columnMap: ["Client No": "id", "Full Name": "name", "DOB": "birth_date"]))
        XCTAssertEqual(r.map(\.customer.id), ["c1", "c2"])
        XCTAssertEqual(r.map(\.customer.name), ["Vladimir Putin", "Ana Lopez"])
        XCTAssertEqual(r[0].customer.birthDate, "1952-10-07")
        XCTAssertEqual(r.map(\.errors), [[], []])
    }

    func testColumnMapAppliesToJSONLinesKeys() throws {
        let path = try write(Array("{\"ClientNo\":\"c1\",\"FullName\":\"Kim Jong Un\"}\n".utf8), "c.jsonl")
        let r = try rows(try CustomerReader(path: path, columnMap: ["ClientNo": "id", "FullName": "name"]))
        XCTAssertEqual(r.map(\.customer.id), ["c1"])
        XCTAssertEqual(r.map(\.customer.name), ["Kim Jong Un"])
    }

    func testBadColumnMapsAreRefusedWithTheReason() throws {
        for (spec, expected) in [("Client No=idd", "unknown field 'idd'"), ("Client No", "not HEADER=field"), ("=id", "not HEADER=field"), (",", "not HEADER=field")] {
            XCTAssertThrowsError(try CustomerReader.parseColumnMap(spec), spec) { XCTAssertTrue("\($0)".contains(expected), "\(spec): \($0)") }
        }
        let path = try write(Array("Client No,Full Name\nc1,Ana\n".utf8))
        XCTAssertThrowsError(try CustomerReader(path: path, columnMap: ["Client Nr": "id", "Full Name": "name"])) {
            XCTAssertTrue("\($0)".contains("'Client Nr'") && "\($0)".contains("Client No, Full Name"), "\($0)")
        }
    }

    // MARK: encoding

    /// "Müller" and "José" as a Windows export writes them: ü = FC, é = E9.
    let cp1252: [UInt8] = Array("id,name\nc1,M".utf8) + [0xFC] + Array("ller\nc2,Jos".utf8) + [0xE9] + Array(" Garc".utf8) + [0xED, 0x61, 0x0A]

    func testCP1252IsRefusedNamingTheLineByteAndIconv() throws {
        let path = try write(cp1252)
        XCTAssertThrowsError(try CustomerReader(path: path)) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("\(path):2: byte 0xFC is not UTF-8"), text)
            XCTAssertTrue(text.contains("iconv -f CP1252 -t UTF-8"), text)
            XCTAssertTrue(text.contains("--encoding cp1252"), text)
        }
    }

    func testCP1252DecodesWhenAsked() throws {
        let r = try rows(try CustomerReader(path: try write(cp1252), encoding: .windows1252))
        XCTAssertEqual(r.map(\.customer.name), ["Müller", "José García"])
        XCTAssertEqual(r.map(\.errors), [[], []])
        let json = try write(Array("{\"id\":\"c1\",\"name\":\"M".utf8) + [0xFC] + Array("ller\"}\n".utf8), "c.jsonl")
        XCTAssertEqual(try rows(try CustomerReader(path: json, encoding: .windows1252)).map(\.customer.name), ["Müller"])
    }

    func testUTF8NamesAndABOMPass() throws {
        let path = try write([0xEF, 0xBB, 0xBF] + Array("id,name\nc1,Müller Ōtani Владимир\n".utf8))
        XCTAssertEqual(try rows(try CustomerReader(path: path)).map(\.customer.name), ["Müller Ōtani Владимир"])
    }

    func testABadByteAfterTheFirstChunkMarksItsRowNotSilently() throws {
        var bytes = Array("id,name\n".utf8)
        for i in 0..<80_000 { bytes += Array("c\(i),Ana Lopez\n".utf8) }  // > 1 MiB: past the first chunk
        bytes += Array("late,M".utf8) + [0xFC] + Array("ller\n".utf8)
        let r = try rows(try CustomerReader(path: try write(bytes)))
        XCTAssertEqual(r.count, 80_001)
        XCTAssertEqual(r.last?.customer.id, "late")
        XCTAssertEqual(r.last?.errors.count, 1)
        XCTAssertTrue(r.last?.errors.first?.contains("not UTF-8") ?? false)
        XCTAssertEqual(r.dropLast().filter { !$0.errors.isEmpty }.count, 0)
    }

    func testUTF8Validator() {
        XCTAssertNil(UTF8Check.firstInvalid(Array("aé€𝄞".utf8)[...], complete: true))
        XCTAssertEqual(UTF8Check.firstInvalid([0x61, 0xC0, 0x80][...], complete: true), 1)  // overlong
        XCTAssertEqual(UTF8Check.firstInvalid([0x61, 0xED, 0xA0, 0x80][...], complete: true), 1)  // surrogate
        XCTAssertEqual(UTF8Check.firstInvalid([0x61, 0xE2, 0x82][...], complete: true), 1)
        XCTAssertNil(UTF8Check.firstInvalid([0x61, 0xE2, 0x82][...], complete: false))  // cut by the chunk end
        XCTAssertEqual(UTF8Check.line(of: 5, in: Array("ab\ncd\ne".utf8)[...]), 2)
    }

    // MARK: CSV output

    func testCSVOutputHasOneLinePerMatchAndALineForEveryOtherRow() throws {
        let matcher = Matcher(index: try TestData.ofacUNIndex.get())
        let path = try write(Array("id,name,birth_date\nc1,Vladimir Putin,1952-10-07\nc2,\"Jane, \"\"Q\"\" Ordinary\",\nc3,,\n".utf8))
        var out: [UInt8] = ResultCSV.header
        var results: [ScreeningResult] = []
        _ = try BulkScreener(screener: Screener(matcher: matcher), workers: 2).run(try CustomerReader(path: path), emit: {
            results.append($0)
            out += ResultCSV.lines($0)
        })
        let parsed = try rows(fromCSV: out)
        XCTAssertEqual(parsed.first, ResultCSV.columns)
        let body = Array(parsed.dropFirst())
        XCTAssertTrue(body.allSatisfy { $0.count == ResultCSV.columns.count }, "\(body)")
        XCTAssertEqual(body.filter { $0[0] == "c1" }.count, results[0].matches.count)
        XCTAssertEqual(body.first, ["c1", "2", "ofac:35096", "ofac", "PUTIN, Vladimir Vladimirovich", "PUTIN, Vladimir", "1", "true",
                                    results[0].matches[0].explanation.summary, "", results[0].matches[0].entity.contentHash, ""])
        XCTAssertEqual(Array(body.map { $0[0] }.drop { $0 == "c1" }), results[1].matches.isEmpty ? ["c2", "c3"] : Array(repeating: "c2", count: results[1].matches.count) + ["c3"])
        let c3 = try XCTUnwrap(body.last)
        XCTAssertEqual(c3[0...8], ["c3", "4", "", "", "", "", "", "", ""])
        XCTAssertEqual(c3[9], "line 4: missing name")
        XCTAssertTrue(String(decoding: out, as: UTF8.self).contains("\"PUTIN, Vladimir Vladimirovich\""))
    }

    func testCSVFieldQuoting() {
        var out: [UInt8] = []
        ResultCSV.append(["plain", "a,b", "say \"hi\"", "two\nlines", " pad", ""], to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\",\n")
    }

    func rows(fromCSV bytes: [UInt8]) throws -> [[String]] {
        let r = try CSVReader(path: try write(bytes, "out.csv"))
        var out: [[String]] = []
        while let rec = try r.next() { out.append(rec.fields) }
        return out
    }

    // MARK: progress

    func testProgressLineShowsRateAndETAOnlyWhenTheSizeIsKnown() {
        XCTAssertEqual(ProgressLine.format(rows: 10_000, seconds: 2, bytesRead: 250, totalBytes: 1000), "10000 rows, 5000 rows/s, 25%, ETA 0:06")
        XCTAssertEqual(ProgressLine.format(rows: 10_000, seconds: 2, bytesRead: 250, totalBytes: nil), "10000 rows, 5000 rows/s")
        XCTAssertEqual(ProgressLine.format(rows: 1, seconds: 1, bytesRead: 1, totalBytes: 1000), "1 rows, 1 rows/s, 0%")
        XCTAssertEqual(ProgressLine.format(rows: 5, seconds: 3600, bytesRead: 500, totalBytes: 1000), "5 rows, 0 rows/s, 50%, ETA 1:00:00")
    }

    func testBytesReadReachesTheFileSize() throws {
        let text = "id,name\nc1,Ana\nc2,\"Bo, B\"\n"
        let r = try CustomerReader(path: try write(Array(text.utf8)))
        _ = try rows(r)
        XCTAssertEqual(r.totalBytes, text.utf8.count)
        XCTAssertEqual(r.bytesRead, text.utf8.count - 2)  // quotes are not counted
    }

    // MARK: crash-safe output

    func testResultFileAppearsOnlyOnCommit() throws {
        let path = TestData.temporaryPath(UUID().uuidString + "-out.jsonl")
        let f = try ResultFile(path: path, resume: false, csv: false)
        try f.write(Array("{\"id\":\"a\"}\n".utf8))
        try f.flush()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".partial"))
        try f.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{\"id\":\"a\"}\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".partial"))
    }

    func testResumeCutsATornJSONLine() throws {
        let path = TestData.temporaryPath(UUID().uuidString + "-out.jsonl")
        try Data("{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c".utf8).write(to: URL(fileURLWithPath: path + ".partial"))
        let f = try ResultFile(path: path, resume: true, csv: false)
        XCTAssertEqual(f.resumedRows, 2)
        try f.write(Array("{\"id\":\"c\"}\n".utf8))
        try f.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n")
    }

    func testResumeOfCSVDropsTheLastRowsGroup() {
        func point(_ s: String) -> ResumePoint {
            var scanner = ResumeScanner(csv: true)
            for b in s.utf8 { scanner.feed(b) }
            return scanner.point
        }
        let header = "id,line,entity_id\n"
        XCTAssertEqual(point(""), ResumePoint(rows: 0, keepBytes: 0))
        XCTAssertEqual(point("id,li"), ResumePoint(rows: 0, keepBytes: 0))
        XCTAssertEqual(point(header), ResumePoint(rows: 0, keepBytes: header.utf8.count))
        let a = "a,2,x\na,2,\"y,\nz\"\n", b = "b,3,\n", c = "c,4,p\nc,4,q\n"
        XCTAssertEqual(point(header + a + b + c), ResumePoint(rows: 2, keepBytes: (header + a + b).utf8.count))
        XCTAssertEqual(point(header + a + b + "c,4,p\nc,4"), ResumePoint(rows: 2, keepBytes: (header + a + b).utf8.count))
        XCTAssertEqual(point(header + a + "b,3"), ResumePoint(rows: 0, keepBytes: header.utf8.count))
    }
}
