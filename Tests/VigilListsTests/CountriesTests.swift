import XCTest
@testable import VigilLists

final class CountriesTests: XCTestCase {
    func testNamesCodesVariantsAndAdjectives() {
        let cases: [(String, String?)] = [
            ("RU", "RU"), ("ru", "RU"), ("RUS", "RU"), ("Russia", "RU"), ("Russian Federation", "RU"), ("Russian", "RU"),
            ("Korea, North", "KP"), ("North Korea", "KP"), ("DPRK", "KP"), ("Democratic People’s Republic of Korea", "KP"),
            ("Korea, South", "KR"), ("Iran (Islamic Republic of)", "IR"), ("Iran, Islamic Republic of", "IR"), ("Iranian", "IR"),
            ("Syrian Arab Republic", "SY"), ("Viet Nam", "VN"), ("Vietnam", "VN"), ("Côte d'Ivoire", "CI"), ("COTE D’IVOIRE", "CI"),
            ("Iraqi", "IQ"), ("Afghan", "AF"), ("Afgan", "AF"), ("Filipino", "PH"), ("Burma", "MM"), ("Türkiye", "TR"),
            ("Congo, Democratic Republic of the", "CD"), ("DRC", "CD"), ("Congo", "CG"), ("United States of America", "US"),
            ("U.S.A.", "US"), ("United Kingdom of Great Britain and Northern Ireland", "GB"), ("British", "GB"),
            ("Man, Isle of", "IM"), ("Virgin Islands, British", "VG"), ("The Gambia", "GM"), ("Kosovo", "XK"),
            ("North Macedonia, The Republic of", "MK"), ("Bosnia-Herzegovina", "BA"), ("Saint Kitts and Nevis", "KN"),
            ("State of Palestine", "PS"), ("Region: Gaza", "PS"), ("Bahrain (citizenship revoked in January 2015)", "BH"),
            ("Kuwaiti citizenship", "KW"), ("Sudanese by birth", "SD"), ("possibly Palestinian", "PS"), ("  saudi  ", "SA"),
            ("NA", nil), ("n/a", nil), ("USSR (until 1991)", nil), ("Atlantis", nil), ("", nil), ("Korea", nil),
        ]
        for (text, code) in cases { XCTAssertEqual(Countries.code(text), code, text) }
        XCTAssertEqual(Countries.allCodes.count, 250, "249 ISO 3166-1 countries and Kosovo")
    }

    /// The share of distinct nationality strings of the default lists (OFAC, UN, DFAT, HMT) that resolve.
    func testNationalitiesOfTheDefaultListsResolve() throws {
        let lists = [
            try ListFixtures.load(.ofacCSV, OFACLegacyCSVTests.sdn),
            try ListFixtures.load(.unXML, "lists/un/consolidated_2026-02-27.xml"),
            try ListFixtures.load(.dfatXLSX, "lists/au/dfat_regulation8_consolidated_2024-12.xlsx"),
            try ListFixtures.load(.hmtCSV, "lists/uk/hmt_conlist_2018-04-13.csv"),
        ]
        let distinct = Set(lists.flatMap { $0.entities.flatMap(\.nationalities) })
        let unresolved = distinct.filter { Countries.code($0) == nil }.sorted()
        let share = Double(distinct.count - unresolved.count) / Double(distinct.count)
        print("nationalities: \(distinct.count) distinct, \(unresolved.count) unresolved (\(String(format: "%.1f", share * 100))% resolve): \(unresolved)")
        XCTAssertGreaterThan(share, 0.95)
        // Every listed value, counted per entity, resolves even more often.
        let all = lists.flatMap { $0.entities.flatMap(\.nationalities) }
        XCTAssertGreaterThan(Double(all.filter { Countries.code($0) != nil }.count) / Double(all.count), 0.99)
    }
}
