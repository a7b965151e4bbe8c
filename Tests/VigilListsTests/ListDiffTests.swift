import XCTest
@testable import VigilLists

/// `ListDiff` and `Entity.contentHash`: field diffs on hand-made entities, then real list versions.
final class ListDiffTests: XCTestCase {
    private func person(_ id: String, _ names: [EntityName] = [EntityName("JOHN DOE", type: .primary)]) -> Entity {
        Entity(id: id, list: "t", schema: .person, names: names, birthDates: ["1970"], nationalities: ["France"],
               gender: "male", documents: [IdentityDocument(type: "Passport", number: "X1", country: "France")],
               addresses: ["Paris"], programs: ["SDGT"], remarks: "first", listedOn: "2001-01-01")
    }

    // MARK: content hash

    func testContentHashIgnoresOrderDuplicatesRemarksAndListingDate() {
        let a = person("t:1", [EntityName("JOHN DOE", type: .primary), EntityName("J. DOE", type: .aka)])
        var b = a
        b.names.reverse()
        b.names.append(EntityName("J. DOE", type: .aka))
        b.programs = ["SDGT", "SDGT"]
        b.remarks = "reworded"
        b.listedOn = "2020-02-02"
        b.birthPlaces = ["Lyon"]
        XCTAssertEqual(a.contentHash, b.contentHash)
        XCTAssertEqual(a.contentHash.count, 64)
        XCTAssertEqual(FieldChange.changes(from: EntityContent(a), to: EntityContent(b)), [])
    }

    func testContentHashChangesWithEveryCountedField() {
        let base = person("t:1")
        var variants: [(EntityField, Entity)] = []
        var e = base; e.schema = .organization; variants.append((.schema, e))
        e = base; e.names.append(EntityName("JD", type: .aka)); variants.append((.names, e))
        e = base; e.names[0].type = .aka; variants.append((.names, e))
        e = base; e.birthDates = ["1970-05-01"]; variants.append((.birthDates, e))
        e = base; e.nationalities = []; variants.append((.nationalities, e))
        e = base; e.gender = nil; variants.append((.gender, e))
        e = base; e.documents[0].number = "X2"; variants.append((.documents, e))
        e = base; e.programs.append("IRGC"); variants.append((.programs, e))
        e = base; e.addresses = ["Lyon"]; variants.append((.addresses, e))
        var hashes: Set<String> = [base.contentHash]
        for (field, v) in variants {
            let changes = FieldChange.changes(from: EntityContent(base), to: EntityContent(v))
            XCTAssertEqual(changes.map(\.field), [field], "\(field)")
            hashes.insert(v.contentHash)
        }
        XCTAssertEqual(hashes.count, variants.count + 1, "every variant has its own hash")
    }

    /// Values are length-prefixed: moving text from one value to the next is a different content.
    func testSerializationHasNoSeparatorCollisions() {
        var a = person("t:1"), b = person("t:1")
        a.addresses = ["ab", "c"]
        b.addresses = ["a", "bc"]
        XCTAssertNotEqual(a.contentHash, b.contentHash)
        a.addresses = []
        a.programs = ["Paris", "SDGT"]
        b.addresses = ["Paris", "SDGT"]
        b.programs = []
        XCTAssertNotEqual(a.contentHash, b.contentHash, "a value moved to another field")
    }

    func testFieldChangeAddedRemovedAndText() {
        let old = person("t:1", [EntityName("JOHN DOE", type: .primary), EntityName("JD", type: .aka)])
        var new = old
        new.names = [EntityName("JOHN DOE", type: .primary), EntityName("JOHNNY DOE", type: .aka)]
        new.documents = [IdentityDocument(type: "", number: "123")]
        let changes = FieldChange.changes(from: EntityContent(old), to: EntityContent(new))
        XCTAssertEqual(changes.map(\.field), [.names, .documents])
        XCTAssertEqual(changes[0].added, ["JOHNNY DOE (aka)"])
        XCTAssertEqual(changes[0].removed, ["JD (aka)"])
        XCTAssertEqual(changes[0].before, ["JD (aka)", "JOHN DOE (primary)"])
        XCTAssertEqual(changes[1].before, ["Passport X1 (France)"])
        XCTAssertEqual(changes[1].after, ["123"])
    }

    // MARK: diff of small sets

    func testDiffAddedRemovedChangedInIDOrder() {
        var changed = person("t:2")
        changed.names.append(EntityName("JD", type: .aka))
        var remarksOnly = person("t:3")
        remarksOnly.remarks = "new remark"
        let old = [person("t:3"), person("t:2"), person("t:1"), person("t:1")]
        let new = [person("t:4"), remarksOnly, changed]
        let d = ListDiff(old: old, new: new)
        XCTAssertEqual(d.entries.map(\.id), ["t:1", "t:2", "t:4"])
        XCTAssertEqual(d.entries.map(\.change), [.removed, .changed, .added])
        XCTAssertEqual(d.unchangedCount, 1)
        XCTAssertEqual(d.duplicateOldIDs, ["t:1"])
        XCTAssertEqual(d.duplicateNewIDs, [])
        XCTAssertEqual(d.count(.changed), 1)
        let c = d.entries[1]
        XCTAssertEqual(c.fields.map(\.field), [.names])
        XCTAssertEqual(c.fields[0].added, ["JD (aka)"])
        XCTAssertEqual(c.oldHash, person("t:2").contentHash)
        XCTAssertEqual(c.newHash, changed.contentHash)
        XCTAssertNil(d.entries[0].newHash)
        XCTAssertNil(d.entries[2].oldHash)
        XCTAssertEqual(d.entries[2].fields, [])
    }

    func testEmptySets() {
        XCTAssertTrue(ListDiff(old: [], new: []).isEmpty)
        let d = ListDiff(old: [], new: [person("t:1")])
        XCTAssertEqual(d.entries.map(\.change), [.added])
        XCTAssertEqual(ListDiff(old: [person("t:1")], new: []).entries.map(\.change), [.removed])
    }

    // MARK: real lists

    /// UN consolidated 2024-11-30 -> 2026-02-27, DATAIDs stable. Spot checks read in both XML files:
    /// LIONEL DUMONT (DATAID 112038) is only in 2024; YAS AIR (110327) only in 2026; 6908131 gains the
    /// alias "BASHAR AL-NASIRI" in 2026 and nothing else; AL FURQAN (113231) only has its aliases
    /// re-wrapped across lines, which is no change.
    func testUN2024To2026() throws {
        let old = try ListFixtures.load(.unXML, "lists/un/consolidated_2024-11-30.xml")
        let new = try ListFixtures.load(.unXML, "lists/un/consolidated_2026-02-27.xml")
        let d = ListDiff(old: old.entities, new: new.entities)
        XCTAssertEqual([d.count(.added), d.count(.removed), d.count(.changed), d.unchangedCount], [136, 12, 25, 842])
        XCTAssertEqual(d.oldCount, 879)
        XCTAssertEqual(d.newCount, 1003)
        XCTAssertEqual(d.duplicateOldIDs + d.duplicateNewIDs, [])

        let byID = Dictionary(uniqueKeysWithValues: d.entries.map { ($0.id, $0) })
        XCTAssertEqual(byID["un:112038"]?.change, .removed)
        XCTAssertEqual(byID["un:112038"]?.name, "LIONEL DUMONT")
        XCTAssertEqual(byID["un:110327"]?.change, .added)
        XCTAssertEqual(byID["un:110327"]?.name, "YAS AIR")
        let alias = try XCTUnwrap(byID["un:6908131"])
        XCTAssertEqual(alias.change, .changed)
        XCTAssertEqual(alias.fields.map(\.field), [.names])
        XCTAssertEqual(alias.fields[0].added, ["BASHAR AL-NASIRI (aka)"])
        XCTAssertEqual(alias.fields[0].removed, [])
        XCTAssertNotEqual(alias.oldHash, alias.newHash)
        XCTAssertNil(byID["un:113231"], "re-wrapped aliases are not a change")
        XCTAssertEqual(try old.entity("un:113231").contentHash, try new.entity("un:113231").contentHash)
        // 110915: the 2024 birth year 1948 (an alias's DATE_OF_BIRTH) is APPROXIMATELY 1948 in 2026.
        let dob = try XCTUnwrap(byID["un:110915"])
        XCTAssertEqual(dob.fields.map(\.field), [.birthDates])
        XCTAssertEqual(dob.fields[0].added, ["1947..1949"])
        XCTAssertEqual(dob.fields[0].removed, ["1948"])

        XCTAssertEqual(d.entries.map(\.id), d.entries.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for e in d.entries(.changed) { XCTAssertFalse(e.fields.isEmpty, e.id) }
    }

    /// OFAC aliases 2024-01-08 -> 2025-01-06 on the same SDN file: no entity added or removed, the
    /// changed ones differ only in names. MNANGAGWA (7513) gains "MNANGAGWA, Emmerson"; VARELA (9568)
    /// loses six aliases (both read in the alt files).
    func testOFACAlt2024To2025() throws {
        let old = try ListFixtures.load(.ofacCSV, ["lists/ofac/sdn_2024-07-02.csv", "lists/ofac/alt_2024-01-08.csv"])
        let new = try ListFixtures.load(.ofacCSV, ["lists/ofac/sdn_2024-07-02.csv", "lists/ofac/alt_2025-01-06.csv"])
        let d = ListDiff(old: old.entities, new: new.entities)
        XCTAssertEqual([d.count(.added), d.count(.removed), d.count(.changed), d.unchangedCount], [0, 0, 915, 14528])
        XCTAssertTrue(d.entries.allSatisfy { $0.fields.map(\.field) == [.names] })
        XCTAssertGreaterThan(d.entries.filter { !$0.fields[0].added.isEmpty }.count, 880, "most gain aliases")

        let byID = Dictionary(uniqueKeysWithValues: d.entries.map { ($0.id, $0) })
        let gained = try XCTUnwrap(byID["ofac:7513"])
        XCTAssertEqual(gained.name, "MNANGAGWA, Emmerson Dambudzo")
        XCTAssertEqual(gained.fields[0].added, ["MNANGAGWA, Emmerson (aka)"])
        XCTAssertEqual(gained.fields[0].removed, [])
        let lost = try XCTUnwrap(byID["ofac:9568"])
        XCTAssertEqual(lost.fields[0].added, [])
        XCTAssertEqual(lost.fields[0].removed.count, 6)
        XCTAssertTrue(lost.fields[0].removed.contains("VARELA, Wilmer (aka)"))
    }

    func testIdenticalInputsHaveNoDifferences() throws {
        let un = try ListFixtures.load(.unXML, "lists/un/consolidated_2026-02-27.xml")
        let d = ListDiff(old: un.entities, new: un.entities.reversed())
        XCTAssertTrue(d.isEmpty)
        XCTAssertEqual(d.unchangedCount, un.entities.count)
    }
}
