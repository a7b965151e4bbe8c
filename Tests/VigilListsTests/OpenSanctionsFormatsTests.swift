import XCTest
@testable import VigilLists

/// FollowTheMoney JSON, `targets.simple.csv` and Senzing JSON on the OpenSanctions files in shared/data
/// (CC BY-NC: read in place, never copied into the repository; skipped when absent).
final class OpenSanctionsFormatsTests: XCTestCase {
    // MARK: - FollowTheMoney

    func testFTMSaudiPEPs() throws {
        let list = try ListFixtures.load(.ftmJSON, "opensanctions/sa_wiki_peps_v2_entities.ftm_2024-03.json")
        // SOURCES.md: 607 Person, 756 Family, 100 Position, 102 Occupancy.
        XCTAssertEqual(list.entities.count, 607)
        XCTAssertEqual(list.count(.person), 607)
        XCTAssertEqual(list.ignored, ["Family": 756, "Position": 100, "Occupancy": 102])
        XCTAssertEqual(list.provenance.list, "sa_wiki_peps_v2", "the dataset every entity names, not the file name")
        XCTAssertEqual(list.provenance.publicationDate, "2024-03-14")
        XCTAssertEqual(list.issues(.error), [])
        let e = try list.entity("sa_wiki_peps_v2:Q100158628")
        XCTAssertEqual(e.names, [
            EntityName("محمد بن خالد العبد الله الفيصل", type: .primary), EntityName("Mohammed bin Khalid Al Saud", type: .aka),
            EntityName("Mohammed bin Khalid Al Abdallah Al Faisal Al Saud", type: .aka),
        ])
        XCTAssertEqual(e.birthDates, ["1967-01-01"])
        XCTAssertEqual(e.birthPlaces, ["Saudi Arabia"])
        XCTAssertEqual(e.nationalities, ["SA"])
        XCTAssertEqual(e.gender, "male")
        XCTAssertEqual(e.listedOn, "2024-03-14")
        // Values that are no date or no country are kept out or kept as written, and reported; "Unknown" is no problem.
        let warnings = list.issues(.warning)
        XCTAssertEqual(warnings.first?.line, 51)
        XCTAssertEqual(warnings.first?.message, "Q102191035: nationality 'Second Saudi State', 'Ottoman Empire', 'Emirate of Nejd and Hasa' names no country")
        XCTAssertTrue(warnings.contains { $0.message == "Q1441884: birthDate '20th century' not understood" })
        XCTAssertFalse(warnings.contains { $0.message.contains("'Unknown'") || $0.message.contains("'unknown'") })
    }

    func testFTMZalaFixture() throws {
        let list = try ListFixtures.load(.ftmJSON, "opensanctions/yente_fixtures/zala_entities.ftm.json")
        XCTAssertEqual(list.count(.person), 6)
        XCTAssertEqual(list.count(.organization), 11)
        XCTAssertEqual(list.ignored["Sanction"], 41)
        XCTAssertEqual(list.ignored["Address"], 11)
        XCTAssertEqual(list.provenance.list, "zala_entities", "entities name many datasets: the file's stem")
        let e = try list.entity("zala_entities:NK-2Tbri3s6GgNtAwsSXh4qpL")
        XCTAssertEqual(e.schema, .person)
        XCTAssertEqual(e.primaryName, "OSETROVA, Maria Aleksandrovna")
        XCTAssertEqual(e.name("Захарова Марія Олександрівна")?.type, .aka)
        XCTAssertEqual(e.name("Zakharova Mariia Oleksandrivna")?.type, .aka, "alias")
        XCTAssertEqual(e.name("Maria Aleksandrovna Zakharova")?.type, .fka, "previousName")
        XCTAssertEqual(e.birthDates, ["1988-01-07"])
        XCTAssertEqual(e.nationalities, ["ru"])
        XCTAssertEqual(e.gender, "female")
        XCTAssertEqual(e.documents.first, IdentityDocument(type: "ID", number: "183116181362"))
        XCTAssertEqual(e.documents.count, 1, "idNumber, taxNumber and innCode hold the same number: one document")
        XCTAssertTrue(e.programs.contains("sanction"))
        XCTAssertTrue(e.addresses.contains("272 Pushkinskaya St., Apt. 41, Izhevsk, 426008"))
        let parteispenden = try ListFixtures.load(.ftmJSON, "opensanctions/yente_fixtures/parteispenden_entities.ftm.json")
        XCTAssertEqual(parteispenden.entities.count, 22 + 56 + 18)
        XCTAssertEqual(parteispenden.ignored, ["Payment": 290, "Address": 89])
    }

    func testFTMMalformedLines() throws {
        let path = try ListFixtures.write("""
            {"id": "p1", "schema": "Person", "properties": {"name": ["Anna Berg"], "birthDate": ["1970-02-31"], "gender": ["x"]}, "datasets": ["t"]}
            {"id": "p2", "schema": "Person", "properties": {"name": ["Broken"]
            {"schema": "Person", "properties": {"name": ["No Id"]}}
            {"id": "p3", "schema": "Person", "properties": {"firstName": ["Carl"], "lastName": ["Dahl"]}, "datasets": ["t"]}
            {"id": "p4", "schema": "Company", "properties": {"country": ["ru"]}, "datasets": ["t"]}
            {"id": "p1", "schema": "Person", "properties": {"name": ["Again"]}, "datasets": ["t"]}
            {"id": "s1", "schema": "Sanction", "properties": {"entity": ["p1"]}, "datasets": ["t"]}
            [1, 2]

            {"id": "p5", "schema": "Vessel", "properties": {"name": ["SEA"], "imoNumber": ["IMO1234567"], "alias": {"x": 1}}, "datasets": ["t"]}
            """, named: "small.ftm.json", for: self)
        let list = try ListLoader.load(SourceSpec(format: .ftmJSON, paths: [path]))
        XCTAssertEqual(list.entities.map(\.id), ["t:p1", "t:p3", "t:p5"])
        XCTAssertEqual(try list.entity("t:p3").primaryName, "Carl Dahl", "no name: first and last name")
        XCTAssertEqual(try list.entity("t:p5").documents, [IdentityDocument(type: "IMO", number: "IMO1234567")])
        XCTAssertEqual(list.ignored, ["Sanction": 1])
        XCTAssertEqual(list.issues.map(\.line), [1, 1, 2, 3, 5, 6, 8, 10])
        XCTAssertEqual(list.issues.map(\.severity), [.warning, .warning, .error, .error, .error, .error, .error, .warning])
        XCTAssertEqual(list.issues.map(\.message), [
            "p1: birthDate '1970-02-31' not understood", "p1: gender 'x' not understood",
            "not valid JSON; skipped", "FollowTheMoney entity needs id, schema and properties; skipped",
            "Company p4 has no name; skipped", "duplicate id p1; this entity skipped, the first kept",
            "not a JSON object; skipped", "p5: property alias is not a list of strings; ignored",
        ])
    }

    // MARK: - targets.simple.csv

    func testTargetsInterpol() throws {
        let list = try ListFixtures.load(.targetsCSV, "opensanctions/interpol_red_notices_targets.simple_2025-05.csv")
        XCTAssertEqual(list.entities.count, 6561)
        XCTAssertEqual(list.count(.person), 6561)
        XCTAssertEqual(list.issues, [])
        XCTAssertEqual(list.provenance.list, "interpol_red_notices_targets")
        XCTAssertEqual(list.provenance.publicationDate, "2025-05-23")
        XCTAssertEqual(list.entities.filter { !$0.birthDates.isEmpty }.count, 6557)
        let e = try list.entity("interpol_red_notices_targets:NK-224TRezPqwzhQZ37exWxtX")
        XCTAssertEqual(e.primaryName, "SANAVBARI NIKITENKO")
        XCTAssertEqual(e.birthDates, ["1992-06-28"])
        XCTAssertEqual(e.nationalities, ["ru", "tj"])
        XCTAssertEqual(e.remarks, "Red Notice - participation in the activity of a terrorist organization; participation in the activity of an illegal armed formation")
        XCTAssertEqual(e.listedOn, "2024-03-04")
    }

    func testTargetsUkraineWar() throws {
        let list = try ListFixtures.load(.targetsCSV, "opensanctions/ukraine_war_sanctions_targets.simple_2026-03.csv")
        // SOURCES.md: 5,600 (1,543 Person, 1,524 Company, 1,193 LegalEntity, 1,340 Vessel).
        XCTAssertEqual(list.entities.count, 5600)
        XCTAssertEqual(list.count(.person), 1543)
        XCTAssertEqual(list.count(.organization), 1524 + 1193)
        XCTAssertEqual(list.count(.vessel), 1340)
        XCTAssertEqual(list.issues, [])
        let vessel = try list.entity("ukraine_war_sanctions_targets:NK-24cf2zYe7LEKhr2zFck73j")
        XCTAssertEqual(vessel.names.map(\.value), ["ROSALIN", "Ceram Sea", "Gold Sun", "Nurkez"])
        XCTAssertEqual(vessel.documents, [IdentityDocument(type: "IMO", number: "9253325")])
        XCTAssertEqual(vessel.nationalities, ["lr", "pa", "sg", "st"])
        XCTAssertEqual(vessel.programs, ["UA-WS-MARE"])
        XCTAssertNil(vessel.remarks, "the sanctions cell is a quoted empty text")
        let person = try list.entity("ukraine_war_sanctions_targets:NK-29dGPcB5CxPwUQt4N3ZVEj")
        XCTAssertEqual(person.names(.aka), ["УСПЕНСКАЯ Олеся Игоревна", "УСПЕНСЬКА Олеся Ігорівна"])
        XCTAssertTrue(list.entities.contains { $0.birthDates == ["1973-06-23", "1974-06-23"] }, "two dates in one cell")
    }

    func testTargetsMalformedRows() throws {
        let path = try ListFixtures.write("""
            "id","schema","name","aliases","birth_date","countries"
            "a1","Person","Anna Berg","A. Berg;;Anna B","1970-02-31;1970","se"
            "a2","Person","Too","few"
            "","Person","No Id","","",""
            "a3","Person","","","",""
            "a1","Person","Again","","",""
            "a4","Spaceship","Odd","","",""
            """, named: "targets.simple.csv", for: self)
        let list = try ListLoader.load(SourceSpec(format: .targetsCSV, paths: [path]))
        XCTAssertEqual(list.entities.map(\.id), ["targets:a1", "targets:a4"])
        XCTAssertEqual(try list.entity("targets:a1").names(.aka), ["A. Berg", "Anna B"])
        XCTAssertEqual(try list.entity("targets:a1").birthDates, ["1970"])
        XCTAssertEqual(try list.entity("targets:a4").schema, .unknown)
        XCTAssertEqual(list.issues.map(\.line), [2, 3, 4, 5, 6, 7])
        XCTAssertEqual(list.issues.map(\.severity), [.warning, .error, .error, .error, .error, .warning])
        let noHeader = try ListFixtures.write("\"x\",\"y\"\n1,2\n", named: "bad.csv", for: self)
        XCTAssertEqual(assertThrowsMalformed(try OpenSanctionsTargetsCSV.load(path: noHeader))?.reason, "targets.simple.csv header lacks id, schema, name")
    }

    // MARK: - Senzing

    func testSenzingUSCongress() throws {
        let list = try ListFixtures.load(.senzingJSON, "opensanctions/us_congress_senzing_2026-01.json")
        XCTAssertEqual(list.entities.count, 1317)
        XCTAssertEqual(list.count(.person), 1317)
        XCTAssertEqual(list.ignored, ["RECORD_TYPE null": 2], "the positions 'United States representative' and 'senator'")
        XCTAssertEqual(list.issues, [])
        XCTAssertEqual(list.provenance.list, "os_us_congress")
        XCTAssertEqual(list.entities.reduce(0) { $0 + $1.names(.aka).count }, 33)
        let e = try list.entity("os_us_congress:Q18631698")
        XCTAssertEqual(e.names, [
            EntityName("Jesús G. \"Chuy\" García", type: .primary), EntityName("Jesus G. Garcia", type: .aka),
            EntityName("Jesus G. \"Chuy\" Garcia", type: .aka),
        ])
        XCTAssertEqual(e.birthDates, ["1956"])
        XCTAssertEqual(e.nationalities, ["us"])
        XCTAssertEqual(e.programs, ["role.pep"])
        XCTAssertEqual(e.documents, [], "Wikidata and OpenSanctions ids are not documents")
    }

    func testSenzingMalformedLines() throws {
        let path = try ListFixtures.write("""
            {"DATA_SOURCE":"X","RECORD_ID":"1","RECORD_TYPE":"PERSON","NAMES":[{"NAME_TYPE":"ALIAS","NAME_FULL":"Al B"},{"NAME_TYPE":"PRIMARY","NAME_FIRST":"Anna","NAME_LAST":"Berg"}],"DATES":[{"DATE_OF_BIRTH":"soon"}],"GENDER":"F","IDENTIFIERS":[{"PASSPORT_NUMBER":"P123","PASSPORT_COUNTRY":"SE"}]}
            {"DATA_SOURCE":"X","RECORD_TYPE":"PERSON","NAMES":[{"NAME_TYPE":"PRIMARY","NAME_FULL":"No Id"}]}
            {"DATA_SOURCE":"X","RECORD_ID":"2","RECORD_TYPE":"ORGANIZATION","NAMES":[]}
            {"DATA_SOURCE":"X","RECORD_ID":"1","RECORD_TYPE":"PERSON","NAMES":[{"NAME_TYPE":"PRIMARY","NAME_FULL":"Again"}]}
            {"DATA_SOURCE":"X","RECORD_ID":"3","RECORD_TYPE":"ORGANIZATION","NAMES":[{"NAME_TYPE":"PRIMARY","NAME_ORG":"Acme AB"}]}
            {"DATA_SOURCE":"X","RECORD_ID":
            """, named: "s.json", for: self)
        let list = try ListLoader.load(SourceSpec(format: .senzingJSON, paths: [path]))
        XCTAssertEqual(list.entities.map(\.id), ["x:1", "x:3"])
        let anna = try list.entity("x:1")
        XCTAssertEqual(anna.names, [EntityName("Anna Berg", type: .primary), EntityName("Al B", type: .aka)], "PRIMARY first, wherever it stands")
        XCTAssertEqual(anna.gender, "female")
        XCTAssertEqual(anna.documents, [IdentityDocument(type: "Passport", number: "P123", country: "SE")])
        XCTAssertEqual(try list.entity("x:3").schema, .organization)
        XCTAssertEqual(list.issues.map(\.line), [1, 2, 3, 4, 6])
        XCTAssertEqual(list.issues.map(\.severity), [.warning, .error, .error, .error, .error])
        XCTAssertEqual(list.issues[0].message, "RECORD_ID 1: DATE_OF_BIRTH 'soon' not understood")
    }
}
