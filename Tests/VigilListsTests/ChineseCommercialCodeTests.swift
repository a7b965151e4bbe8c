import XCTest
@testable import VigilLists

/// OFAC remarks' Chinese Commercial Codes decoded with Unihan's telegraph tables.
final class ChineseCommercialCodeTests: XCTestCase {
    func testTables() {
        XCTAssertEqual(TelegraphCodes.mainlandCharacter(1728), "张")
        XCTAssertEqual(TelegraphCodes.taiwanCharacter(1728), "張")
        XCTAssertEqual(TelegraphCodes.mainlandCharacter(4320), "磊")
        XCTAssertNil(TelegraphCodes.mainlandCharacter(0), "code 0000 is unassigned")
        XCTAssertNil(TelegraphCodes.character(10000))
        XCTAssertNil(TelegraphCodes.character(-1))
        XCTAssertEqual(ChineseCommercialCode.decode("1728 4320").map { $0 }, .success(["张磊", "張磊"]))
        XCTAssertEqual(ChineseCommercialCode.decode("5170 3057 1344").map { $0 }, .success(["胡永安"]), "one spelling in both tables")
        guard case .failure(let bad) = ChineseCommercialCode.decode("1728 43x0") else { return XCTFail() }
        XCTAssertEqual(bad.reason, "'43x0' is not a 4-digit code")
        guard case .failure(let unassigned) = ChineseCommercialCode.decode("0000") else { return XCTFail() }
        XCTAssertEqual(unassigned.reason, "code 0000 is in neither Unihan telegraph table")
    }

    /// The 12 SDN persons of `derived/ofac_chinese_commercial_code_decoded.csv` get their Han names as
    /// original-script names: the mainland spelling, and the Taiwan one where it differs.
    func testTwelveSDNPersonsGetTheirHanNames() throws {
        let expected = try String(contentsOfFile: try ListFixtures.path("derived/ofac_chinese_commercial_code_decoded.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { line -> (id: String, simplified: String, traditional: String) in
                // ent_num,"SURNAME, Given",codes,simplified,traditional
                let head = line.split(separator: ",", maxSplits: 1)
                let tail = line.split(separator: ",").suffix(2).map(String.init)
                return ("ofac:\(head[0])", tail[0], tail[1])
            }
        XCTAssertEqual(expected.count, 12)
        let list = try ListFixtures.load(.ofacCSV, OFACLegacyCSVTests.sdn)
        for (id, simplified, traditional) in expected {
            let e = try list.entity(id)
            XCTAssertEqual(e.schema, .person, id)
            let han = e.names(.originalScript)
            XCTAssertEqual(han.first, simplified, id)
            XCTAssertEqual(Set(han), Set([simplified, traditional]), id)
        }
        XCTAssertEqual(list.entities.flatMap { $0.names(.originalScript) }.count, 22, "12 mainland names, 10 Taiwan spellings that differ")
        let zhang = try list.entity("ofac:16318")
        XCTAssertEqual(zhang.names.prefix(3).map(\.value), ["ZHANG, Lei", "张磊", "張磊"], "remarks come before the alt file's aliases")
        XCTAssertEqual(zhang.birthDates, ["1976-01-03"], "the rest of the remarks still read")
    }

    func testUnknownCodeIsAWarningWithTheRecordsLine() throws {
        let path = try ListFixtures.write("""
            1,"LI, Wei","individual","SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970; Chinese Commercial Code 2621 0251."
            2,"WANG, Bad","individual","SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Chinese Commercial Code 0000 12345."
            """, named: "sdn.csv", for: self)
        let list = try ListLoader.load(SourceSpec(format: .ofacCSV, paths: [path]))
        XCTAssertEqual(try list.entity("ofac:1").names(.originalScript), ["李伟", "李偉"])
        XCTAssertEqual(try list.entity("ofac:2").names.count, 1)
        XCTAssertEqual(list.issues, [RowIssue(.warning, file: path, line: 2,
            message: "ent_num 2: Chinese Commercial Code '0000 12345': code 0000 is in neither Unihan telegraph table; no Han name added")])
    }
}
