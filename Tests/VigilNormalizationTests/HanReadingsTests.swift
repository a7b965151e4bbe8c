import Foundation
import XCTest
@testable import VigilNormalization

/// The generated Han reading table against ICU, which it replaces on the query path: every table entry
/// in both positions, ICU's context rules, then real names (the Han names of the lists in `data/lists`,
/// the Chinese names of China's MFA countersanctions list, CC-CEDICT persons and surnames), compared
/// token for token with `NameNormalizer.transliterate` + `tokenize`.
final class HanReadingsTests: XCTestCase {
    let normalizer = NameNormalizer.shared

    /// ICU's tokens, as `NameNormalizer` makes them today.
    /// The table's output as `NameNormalizer.transliterate` finishes it (Latin folding, then tokens).
    func tableTokens(_ romanized: String) -> [String] { NameNormalizer.tokenize(normalizer.foldLatin(romanized)) }

    /// ICU itself, never the table (`transliterate` now prefers the table).
    func icuTokens(_ raw: String) -> [String] {
        NameNormalizer.tokenize(normalizer.icuTransliterate((try? ICU.nfkcCasefold(raw)) ?? raw, script: .han))
    }

    // MARK: - Readings

    func testSurnameReadingsAtTheStartOnly() {
        for (name, first) in [("单雄信", "shan"), ("曾国藩", "zeng"), ("解缙", "xie"), ("区家麟", "ou"), ("仇英", "qiu")] {
            XCTAssertEqual(HanReadings.mandarin(of: name)?.first, first, name)
            XCTAssertEqual(HanReadings.mandarin(of: name), icuTokens(name), name)
        }
        // Inside a name the usual reading; 曾 and 仇 read zeng and qiu everywhere in ICU's rules.
        XCTAssertEqual(HanReadings.mandarin(of: "简单"), ["jian", "dan"])
        XCTAssertEqual(HanReadings.mandarin(of: "山区"), ["shan", "qu"])
        XCTAssertEqual(HanReadings.mandarin(of: "了解"), ["le", "jie"])
        XCTAssertEqual(HanReadings.mandarin(of: "何曾"), ["he", "zeng"])
        // Every Han run starts a name, as in ICU: after a space, a middle dot or a Latin letter.
        XCTAssertEqual(HanReadings.mandarin(of: "区 区"), ["ou", "ou"])
        XCTAssertEqual(HanReadings.mandarin(of: "单单"), ["shan", "dan"])
        XCTAssertEqual(HanReadings.mandarin(of: "a单"), ["shan"])
    }

    func testTraditionalAndSimplifiedReadAlike() {
        XCTAssertEqual(HanReadings.mandarin(of: "習近平"), ["xi", "jin", "ping"])
        XCTAssertEqual(HanReadings.mandarin(of: "習近平"), HanReadings.mandarin(of: "习近平"))
        XCTAssertEqual(HanReadings.mandarin(of: "毛澤東"), HanReadings.mandarin(of: "毛泽东"))
        // ICU's surname rules name simplified characters only: traditional 單 keeps dan, as in ICU.
        XCTAssertEqual(HanReadings.mandarin(of: "單雄信"), icuTokens("單雄信"))
        XCTAssertEqual(HanReadings.mandarin(of: "單雄信")?.first, "dan")
    }

    func testContextRulesOfICU() {
        for (name, syllables) in [("万俟卨", ["mo", "qi", "xie"]), ("一万俟", ["yi", "mo", "qi"]), ("万 俟", ["wan", "qi"]),
                                  ("长孙无忌", ["zhang", "sun", "wu", "ji"]), ("一长孙", ["yi", "chang", "sun"]),
                                  ("重庆", ["chong", "qing"]), ("一重庆", ["yi", "chong", "qing"]), ("一重 庆", ["yi", "zhong", "qing"]),
                                  ("澹台灭明", ["tan", "tai", "mie", "ming"]), ("藏文", ["zang", "wen"]), ("秘鲁", ["bi", "lu"])] {
            XCTAssertEqual(HanReadings.mandarin(of: name), syllables, name)
            XCTAssertEqual(HanReadings.mandarin(of: name), icuTokens(name), name)
        }
    }

    func testCantonese() {
        XCTAssertEqual(HanReadings.cantonese(of: "陳大文"), ["chan", "tai", "man"])
        XCTAssertEqual(HanReadings.cantonese(of: "張國榮"), ["cheung", "kwok", "wing"])
        XCTAssertEqual(HanReadings.cantonese(of: "黃 德"), ["wong", "tak"], "other scalars are skipped")
        XCTAssertNil(HanReadings.cantonese(of: "陈大文"), "the source lists traditional characters only")
        XCTAssertEqual(HanReadings.cantonese(of: "Chan"), [])
    }

    func testUnknownHanScalarsReturnNil() {
        // U+20002 and U+401D are Han with no reading in ICU; 々 is script Han (it continues a run).
        for name in ["\u{20002}", "王\u{401D}", "佐々木"] {
            XCTAssertNil(HanReadings.mandarin(of: name), name)
            XCTAssertNil(HanReadings.romanized(name), name)
            XCTAssertNil(HanReadings.cantonese(of: name), name)
        }
        XCTAssertEqual(icuTokens("\u{20002}"), [], "ICU has no reading either")
        XCTAssertTrue(HanReadings.isHan("々"))
        XCTAssertFalse(HanReadings.isHan("a"))
        XCTAssertEqual(HanReadings.mandarin(of: "Xi Jinping"), [])
    }

    func testRomanizedSpacesAsICUDoes() {
        for text in ["金1", "1金", "A金B", "金'a", "金.a", "Jin Tiesan (金铁三)", "阿不都·哈克", "a·b", "哈·a", "邓肯—史密斯", "a–b",
                     "AEVEX航天公司", "国会-行政部门中国委员会", "〇一", "\u{F900}\u{F901}", "⼑一", "金\u{3000}铁", "金、铁", "a、b", "金。a", ""] {
            let folded = (try? ICU.nfkcCasefold(text)) ?? text
            XCTAssertEqual(HanReadings.romanized(folded).map(tableTokens), icuTokens(text), text)
            XCTAssertEqual(HanReadings.romanized(text).map(tableTokens), icuTokens(text), "unfolded: \(text)")
        }
        for text in ["Ｘ金", "José 金", "金，铁", "山田太郎 やまだ"] { XCTAssertNil(HanReadings.romanized(text), text) }
    }

    // MARK: - The whole table

    /// Every code point with a reading, alone (start of a name) and after 一, through ICU.
    func testEveryTableEntryMatchesICU() {
        let t = HanReadings.table
        var checked = 0, mismatches: [String] = []
        for page in t.pages.indices where t.pages[page] != 0 {
            for low in 0..<256 {
                let v = UInt32(page << 8 | low)
                let value = t.mandarinSlots[Int(t.pages[page]) << 8 | low]
                guard value != 0, value & ~HanReadings.Table.special != HanReadings.Table.unread, let s = Unicode.Scalar(v) else { continue }
                for text in [String(Character(s)), "一" + String(Character(s))] where HanReadings.mandarin(of: text) != icuTokens(text) {
                    mismatches.append("U+\(String(v, radix: 16, uppercase: true)) \(text): table \(HanReadings.mandarin(of: text) ?? []) ICU \(icuTokens(text))")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 40_000)
        XCTAssertEqual(mismatches, [], "\(mismatches.count) of \(checked) code points differ from ICU \(HanReadings.icuVersion)")
        print("HanReadings: \(checked) table entries agree with ICU at the start and inside a name")
    }

    // MARK: - Real names

    struct Agreement: CustomStringConvertible {
        var names = 0, covered = 0, agreed = 0
        var rawCovered = 0, rawAgreed = 0, pureHan = 0, pureHanAgreed = 0
        var mismatches: [String] = [], fallbacks: [String] = []
        var description: String {
            "\(names) names: table covers \(covered), agrees with ICU on \(agreed) (\(percent(agreed, covered))); "
                + "unfolded text \(rawAgreed)/\(rawCovered); pure-Han mandarin(of:) \(pureHanAgreed)/\(pureHan); ICU fallbacks \(fallbacks.count)"
        }
        func percent(_ a: Int, _ b: Int) -> String { b == 0 ? "-" : String(format: "%.2f%%", 100 * Double(a) / Double(b)) }
    }

    /// Compares table and ICU on each name: `romanized` of the NFKC-casefolded text (where
    /// `NameNormalizer.transliterate` would call it), of the raw text, and `mandarin(of:)` on pure-Han names.
    func compare(_ names: [String]) -> Agreement {
        var a = Agreement()
        for raw in names {
            a.names += 1
            let icu = icuTokens(raw)
            let folded = (try? ICU.nfkcCasefold(raw)) ?? raw
            if let table = HanReadings.romanized(folded).map(tableTokens) {
                a.covered += 1
                if table == icu { a.agreed += 1 } else { a.mismatches.append("\(raw): table \(table) ICU \(icu)") }
            } else {
                a.fallbacks.append(raw)
            }
            if let table = HanReadings.romanized(raw).map(tableTokens) {
                a.rawCovered += 1
                if table == icu { a.rawAgreed += 1 } else { a.mismatches.append("unfolded \(raw): table \(table) ICU \(icu)") }
            }
            if raw.unicodeScalars.allSatisfy(HanReadings.isHan), let syllables = HanReadings.mandarin(of: raw) {
                a.pureHan += 1
                if syllables == icu { a.pureHanAgreed += 1 } else { a.mismatches.append("mandarin(of:) \(raw): \(syllables) ICU \(icu)") }
            }
        }
        return a
    }

    func assertAgreement(_ a: Agreement, minimumCoverage: Double, _ source: String, file: StaticString = #filePath, line: UInt = #line) {
        print("HanReadings \(source): \(a)")
        if !a.fallbacks.isEmpty { print("  fallbacks: \(a.fallbacks.prefix(20))") }
        XCTAssertEqual(a.mismatches, [], "\(source): \(a)", file: file, line: line)
        XCTAssertGreaterThanOrEqual(Double(a.covered), minimumCoverage * Double(a.names), "\(source): \(a)", file: file, line: line)
    }

    func testHanNamesOfTheShippedLists() throws {
        let names = try Self.hanNamesInShippedLists()
        XCTAssertGreaterThanOrEqual(names.count, 6, "Han names in data/lists: \(names)")
        let a = compare(names)
        assertAgreement(a, minimumCoverage: 1, "data/lists \(names)")
    }

    func testChineseNamesOfChinaCountersanctionsList() throws {
        let path = try Self.sharedPath("lists/cn/opensanctions_cn_mfa_countersanctions.csv")
        let rows = Self.csvRows(try String(contentsOfFile: path, encoding: .utf8))
        let column = try XCTUnwrap(rows.first?.firstIndex(of: "Chinese name"), "no \"Chinese name\" column in \(path)")
        let names = rows.dropFirst().compactMap { $0.count > column ? $0[column] : nil }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.unicodeScalars.contains(where: HanReadings.isHan) }
        XCTAssertGreaterThan(names.count, 400)
        assertAgreement(compare(names), minimumCoverage: 0.97, "CN MFA countersanctions")
    }

    /// CC-CEDICT entries for people (a gloss with life dates: "Ding Ling (1904-1986)") and surnames,
    /// traditional and simplified forms.
    func testCEDICTPersonNamesAndSurnames() throws {
        let path = try Self.sharedPath("chinese/cedict_1_0_ts_utf-8_mdbg.txt.gz")
        var persons: [String] = [], surnames: [String] = []
        for line in try Self.gunzip(path).split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let slash = parts[2].firstIndex(of: "/") else { continue }
            let gloss = parts[2][slash...].dropFirst().prefix { $0 != "/" }
            let forms = [String(parts[0]), String(parts[1])]
            guard forms.allSatisfy({ $0.unicodeScalars.allSatisfy(HanReadings.isHan) }) else { continue }
            if gloss.hasPrefix("surname ") {
                surnames += forms
            } else if (2...4).contains(forms[0].unicodeScalars.count), gloss.first?.isUppercase == true, Self.hasLifeDates(gloss) {
                persons += forms
            }
        }
        // All of them (a few thousand); more than 3,000 would be thinned to every k-th, deterministically.
        func sample(_ names: [String], _ limit: Int) -> [String] {
            let step = max(1, names.count / limit)
            return stride(from: 0, to: names.count, by: step).map { names[$0] }
        }
        persons = sample(persons, 3000)
        XCTAssertGreaterThan(persons.count, 2000)
        XCTAssertGreaterThan(surnames.count, 1000)
        assertAgreement(compare(persons), minimumCoverage: 0.99, "CC-CEDICT persons")
        assertAgreement(compare(surnames), minimumCoverage: 0.99, "CC-CEDICT surnames")
        // Surnames ICU reads otherwise at the start of a name than inside one.
        let initials = Set(surnames.filter { HanReadings.mandarin(of: $0) != HanReadings.mandarin(of: "一" + $0).map { Array($0.dropFirst()) } })
        XCTAssertTrue(initials.isSuperset(of: ["单", "区", "解", "查", "尉迟"]), "\(initials.sorted())")
    }

    // MARK: - Data

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `../shared/data`, or `XCTSkip` when it is not there.
    static func sharedPath(_ relative: String) throws -> String {
        let p = repoRoot.appendingPathComponent("../shared/data/\(relative)").standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: p) else { throw XCTSkip("\(relative) not found (../shared/data is optional)") }
        return p
    }

    /// Text fields holding Han characters in every list file under `data/lists` (CSV and XML as text,
    /// xlsx through its shared strings), deduplicated, in file order.
    static func hanNamesInShippedLists() throws -> [String] {
        let dir = repoRoot.appendingPathComponent("data/lists")
        var files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        files.sort { $0.path < $1.path }
        var seen = Set<String>(), names: [String] = []
        for file in files where ["csv", "xml", "xlsx"].contains(file.pathExtension) {
            // xlsx is a zip: its text is read with unzip(1), when installed.
            if file.pathExtension == "xlsx" && !FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") { continue }
            let data = file.pathExtension == "xlsx"
                ? Data(try run("/usr/bin/unzip", ["-p", file.path, "xl/sharedStrings.xml"]).utf8) : try Data(contentsOf: file)
            // Only lines with a multi-byte sequence that may be Han (UTF-8 lead byte E2...F0) are split.
            for line in data.split(separator: UInt8(ascii: "\n")) where line.contains(where: { $0 >= 0xE2 }) {
                for field in String(decoding: line, as: UTF8.self).split(whereSeparator: { "<>\"\r\t,".contains($0) }) {
                    let name = field.trimmingCharacters(in: .whitespaces)
                    if name.unicodeScalars.contains(where: HanReadings.isHan), seen.insert(name).inserted { names.append(name) }
                }
            }
        }
        return names
    }

    static func hasLifeDates(_ gloss: Substring) -> Bool {
        // "(1904-1986)", "(1971-)", "(c. 551-479 BC)"
        guard let open = gloss.firstIndex(of: "(") else { return false }
        let inside = gloss[gloss.index(after: open)...].drop { $0 == "c" || $0 == "." || $0 == " " }
        let digits = inside.prefix { $0.isASCII && $0.isNumber }
        return (2...4).contains(digits.count) && inside.dropFirst(digits.count).first == "-"
    }

    static func gunzip(_ path: String) throws -> String { try run("/usr/bin/gzip", ["-dc", path]) }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: tool) else { throw XCTSkip("\(tool) not installed") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw NSError(domain: tool, code: Int(p.terminationStatus)) }
        return String(decoding: data, as: UTF8.self)
    }

    /// RFC 4180 rows (quoted fields may hold commas, doubled quotes and newlines).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c != "\"" {
                    field.append(c)
                } else if i + 1 < chars.count && chars[i + 1] == "\"" {
                    field.append(c)
                    i += 1
                } else {
                    quoted = false
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
