import Foundation
import XCTest
@testable import VigilNormalization

/// Arabic-script names become the Latin tokens lists use. How often they meet the listed Latin names
/// under the matcher is in VigilMatcherTests/ArabicScriptMatchTests.swift (this target has no matcher).
final class ArabicRomanizerTests: XCTestCase {
    let n = NameNormalizer.shared

    func tokens(_ name: String) -> [String] { n.normalize(name).tokens }

    func testFrequentNamesTakeTheirListSpelling() {
        let r = n.normalize("محمد حسين")
        XCTAssertEqual(r.script, .arabic)
        XCTAssertEqual(r.tokens, ["mohamed", "hussein"], "not the consonants ICU writes (mhmd hsyn)")
        XCTAssertEqual(tokens("أسامة بن لادن"), ["osama", "bin", "ladan"])
        XCTAssertEqual(tokens("صدام حسين التكريتي"), ["saddam", "hussein", "al", "tikriti"])
    }

    func testServantNamesTakeTheCanonicalAbdul() {
        // The form joinServantNames gives "Abd al-Rahman", "Abdel Rahman", "Abdul Rahman".
        XCTAssertEqual(tokens("عبد الرحمن"), ["abdul", "rahman"])
        XCTAssertEqual(tokens("عبدالرحمن"), ["abdul", "rahman"], "written joined, read the same")
        XCTAssertEqual(tokens("عبد العزيز"), tokens("عبدالعزيز"))
        XCTAssertEqual(tokens("عبد الله"), ["abdullah"])
        XCTAssertEqual(tokens("عبدالله"), ["abdullah"])
        XCTAssertEqual(n.normalize("Abd al-Rahman").tokens, tokens("عبد الرحمن"), "Latin and Arabic meet exactly")
    }

    func testArticleIsItsOwnToken() {
        XCTAssertEqual(tokens("القذافي"), ["al", "gaddafi"])
        XCTAssertEqual(tokens("البغدادي").first, "al")
        // Words that only start with ال keep it: الياس is Elias, not al + yas.
        XCTAssertEqual(tokens("الياس"), ["elias"])
    }

    func testCompoundsAreOneTokenAsListsWriteThem() {
        XCTAssertEqual(tokens("حبیب الله"), ["habibullah"])
        XCTAssertEqual(tokens("سعيدالله جان").first?.hasSuffix("ullah"), true)
        XCTAssertEqual(tokens("جلال الدين حقاني"), ["jalaluddin", "haqqani"])
        XCTAssertEqual(tokens("مطیع الرحمن"), ["moti", "ur", "rahman"], "Afghan and Pakistani names write the article ur")
    }

    func testTitlesAreRemovedLikeLatinOnes() {
        let r = n.normalize("ملا محمد عمر")
        XCTAssertEqual(r.honorifics, ["mullah"])
        XCTAssertEqual(r.tokens, ["mohamed", "omar"])
        XCTAssertEqual(n.normalize("شيخ احمد").honorifics, ["sheikh"])
    }

    func testPersianAndUrduLettersAreRead() {
        // پ چ ژ گ ک ی: the letters Arabic lacks are kept and read, and choose the Persian reading.
        XCTAssertEqual(tokens("پرویز").first?.first, "p")
        XCTAssertTrue(tokens("چنگیز").first?.hasPrefix("ch") == true, "\(tokens("چنگیز"))")
        XCTAssertTrue(tokens("ژاله").first?.hasPrefix("zh") == true, "\(tokens("ژاله"))")
        XCTAssertEqual(tokens("گلبدین حکمتیار").first?.first, "g")
        XCTAssertEqual(tokens("کریم"), tokens("كريم"), "Persian and Arabic kaf are one letter")
        XCTAssertEqual(tokens("حسین"), ["hossein"], "a name written with Persian ی reads the Persian way")
        XCTAssertEqual(tokens("حسين"), ["hussein"])
        XCTAssertEqual(tokens("ذوالفقار علی بھٹو").last, "bhutto", "Urdu do-chashmi he aspirates")
        XCTAssertEqual(tokens("خامنه‌ای"), ["khamenei"], "a zero-width non-joiner does not split the word")
    }

    func testMarksTatweelAndPresentationFormsAreIgnored() {
        let plain = tokens("محمد")
        XCTAssertEqual(tokens("مُحَمَّد"), plain, "harakat")
        XCTAssertEqual(tokens("محـــمد"), plain, "tatweel")
        XCTAssertEqual(tokens("ﻣﺤﻤﺪ"), plain, "presentation forms")
        XCTAssertEqual(tokens("محمد، علي"), plain + ["ali"], "Arabic comma separates")
        XCTAssertEqual(tokens("محمد Ali"), plain + ["ali"], "Latin letters pass through, folded")
        XCTAssertEqual(tokens("محمد ١٩٧٠"), plain + ["1970"], "Arabic-Indic digits")
    }

    func testUnknownWordsGetVowelsFromTheirLetters() {
        // Not in the table: spelled by rule, with the long vowels the letters write and a short a
        // where consonants meet (حسن -> hasan, احمد -> ahmad shapes).
        XCTAssertEqual(String(decoding: ArabicRomanizer.spell(Array("حسن".unicodeScalars.map(\.value)), reading: .arabic), as: UTF8.self), "hasan")
        XCTAssertEqual(String(decoding: ArabicRomanizer.spell(Array("احمد".unicodeScalars.map(\.value)), reading: .arabic), as: UTF8.self), "ahmad")
        XCTAssertEqual(String(decoding: ArabicRomanizer.spell(Array("فاطمة".unicodeScalars.map(\.value)), reading: .arabic), as: UTF8.self), "fatma")
        XCTAssertEqual(String(decoding: ArabicRomanizer.spell(Array("زادة".unicodeScalars.map(\.value)), reading: .persian), as: UTF8.self), "zada")
        XCTAssertEqual(String(decoding: ArabicRomanizer.spell(Array("زاده".unicodeScalars.map(\.value)), reading: .persian), as: UTF8.self), "zadeh")
    }

    /// Every token of every Arabic-script original name on the UN list carries a vowel (ICU's
    /// transliteration left most of them bare: "mhmd", "hsyn", "altkryty").
    func testEveryUNOriginalScriptNameIsVowelled() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/lists/un/consolidated_2026-02-27.xml").path
        guard let xml = try? String(contentsOfFile: path, encoding: .utf8) else { throw XCTSkip("no UN list at \(path)") }
        var names: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<NAME_ORIGINAL_SCRIPT>"), let close = rest.range(of: "</NAME_ORIGINAL_SCRIPT>", range: open.upperBound..<rest.endIndex) {
            let name = String(rest[open.upperBound..<close.lowerBound])
            if Script.dominant(in: name) == .arabic { names.append(name) }
            rest = rest[close.upperBound...]
        }
        XCTAssertGreaterThan(names.count, 300, "the 2026-02-27 list has 366 Arabic original-script names")
        var bare: [String] = []
        for name in names {
            // One-letter tokens are initials (عدنان س. حسن) or Pashto's د ("of").
            for t in tokens(name) where t.count > 1 && t.utf8.allSatisfy({ !"aeiouy".utf8.contains($0) }) && !t.allSatisfy(\.isNumber) {
                bare.append("\(t) in \(name)")
            }
        }
        XCTAssertEqual(bare, [])
    }
}
