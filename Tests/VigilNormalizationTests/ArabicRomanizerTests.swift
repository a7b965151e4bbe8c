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

/// Letter readings and Latin spellings of Arabic names that differ by country (tools/eval: UN, DFAT,
/// UK and EU original-script names, arabic-name-romanizer full names).
final class ArabicLetterReadingTests: XCTestCase {
    let n = NameNormalizer.shared

    func meet(_ a: String, _ b: String) -> Bool { PhoneticKey.readingsMeet(Array(a.utf8), Array(b.utf8)) }

    func testLettersReadTwoWaysMeet() {
        // ث: th in Arabic, s in Turkish and Persian, t in the Maghreb.
        XCTAssertTrue(meet("osman", "othman"))
        XCTAssertTrue(meet("osman", "uthman"))
        XCTAssertTrue(meet("wathiq", "wassiq"))
        // ذ ض ظ: dh or d in Arabic, z in Persian, Urdu and Turkish.
        XCTAssertTrue(meet("kazem", "kathim"))
        XCTAssertTrue(meet("kazem", "kadhim"))
        XCTAssertTrue(meet("zaher", "dahir"))
        XCTAssertTrue(meet("reza", "ridha"))
        XCTAssertTrue(meet("fazel", "fadl"))
        XCTAssertTrue(meet("mahfouz", "mahfoudh"))
        // ج: g in Egyptian spelling, dj in French.
        XCTAssertTrue(meet("hegazi", "hijazi"))
        XCTAssertTrue(meet("naguib", "najib"))
        XCTAssertTrue(meet("gohari", "djouhri"))
        // French ou before a vowel writes the consonant و.
        XCTAssertTrue(meet("javadi", "djouadi"))
        XCTAssertTrue(meet("zarqawi", "zarkaoui"))
        XCTAssertTrue(meet("redouane", "radhwan"))
        XCTAssertTrue(meet("wahid", "ouahid"))
        // A final ة or ه: -a, -eh.
        XCTAssertTrue(meet("habiba", "habibeh"))
        XCTAssertTrue(meet("hatamla", "hatamleh"))
        // The article written joined in the Latin spelling.
        XCTAssertTrue(meet("osman", "alothman"))
        XCTAssertTrue(meet("gharbi", "elgherbi"))
        XCTAssertTrue(meet("sawabi", "essaouabi"))
        XCTAssertTrue(meet("amer", "benameur"), "بن written joined")
        // French c before e and i.
        XCTAssertTrue(meet("hassan", "hacen"))
        XCTAssertTrue(meet("nasser", "naceur"))
    }

    func testOtherLettersStayApart() {
        XCTAssertFalse(meet("nasir", "nadir"), "ص is never d")
        XCTAssertFalse(meet("sami", "tami"), "s meets th, not t")
        XCTAssertFalse(meet("hasan", "hadan"))
        XCTAssertFalse(meet("jamal", "kamal"), "j meets g, not k")
        XCTAssertFalse(meet("ali", "ala"), "two consonants at least")
        XCTAssertFalse(meet("zanini", "dina"), "a letter read two ways needs three consonants")
        XCTAssertFalse(meet("donia", "zanoun"))
        XCTAssertFalse(meet("elias", "ias"), "the article leaves a word")
        XCTAssertFalse(meet("zina", "dina"), "a first d against z needs three consonants")
        XCTAssertFalse(meet("thilleli", "saila"), "two consonants read two ways need as many syllables")
        XCTAssertFalse(meet("khidhar", "khdari"), "Arabic script writes a final ي: -i is not a final consonant")
        XCTAssertFalse(meet("latifa", "atifa"), "a word's own l is no article")
    }

    func testTwoConsonantNamesMeetWhereTheLetterIsSure() {
        // ث: th against s (the Gulf's Al Thani, Persian and Urdu Sani; Thuraya, Soraya).
        XCTAssertTrue(meet("sani", "thani"))
        XCTAssertTrue(meet("thuraya", "soraya"))
        // ض after the first consonant: d against z (Riad, Riaz; Rida, Reza; Qadi, Kazi).
        XCTAssertTrue(meet("riad", "riaz"))
        XCTAssertTrue(meet("rida", "reza"))
        XCTAssertTrue(meet("qadi", "kazi"))
        // ج: Egyptian g against j.
        XCTAssertTrue(meet("jumaa", "gomaa"))
        XCTAssertTrue(meet("naji", "nagy"))
    }

    func testDiphthongsAndFrenchSpellingsMeet() {
        // و closing a syllable: aw, French ou, Levantine and Egyptian o.
        XCTAssertTrue(meet("tawfik", "toufik"))
        XCTAssertTrue(meet("fawzi", "fouzi"))
        XCTAssertTrue(meet("sawsan", "sousan"))
        XCTAssertTrue(meet("awzin", "ouzzine"))
        XCTAssertFalse(meet("jawad", "jad"), "w before a vowel is a consonant")
        // French ç, folded to c, between vowels.
        XCTAssertTrue(meet("faisal", "faycal"))
        XCTAssertTrue(meet("masabih", "mecabih"))
    }

    func testAWordInitialVowelWrittenOrNot() {
        // A prosthetic alef before two consonants, left out in the Maghreb.
        XCTAssertTrue(meet("ambarka", "mbarka"))
        XCTAssertTrue(meet("ismail", "smail"))
        XCTAssertFalse(meet("amjad", "majid"), "the af'al pattern is another name")
        XCTAssertFalse(meet("ashraf", "sharaf"))
        // Alef before و, and و first: Berber ou.
        XCTAssertTrue(meet("awil", "ouail"))
        XCTAssertTrue(meet("warda", "ourda"))
        XCTAssertTrue(meet("wassim", "oussim"))
        // بن written joined: the class hash strips it however the vowel is spelled.
        XCTAssertTrue(meet("banzawad", "benzouad"))
        XCTAssertEqual(PhoneticKey.readingClassHash(Array("banzawad".utf8)), PhoneticKey.readingClassHash(Array("benzouad".utf8)))
    }

    func testWawBeforeAFinalHehIsTheConsonantOfWa() {
        // قدوة qudwa, مروة marwa: read by the letter rules (spell), not the table.
        XCTAssertEqual(String(decoding: ArabicRomanizer.spell(Array("قدوه".unicodeScalars.map(\.value)), reading: .arabic), as: UTF8.self), "qadwa")
        XCTAssertEqual(String(decoding: ArabicRomanizer.spell(Array("مروه".unicodeScalars.map(\.value)), reading: .persian), as: UTF8.self), "marveh")
        XCTAssertEqual(String(decoding: ArabicRomanizer.spell(Array("نور".unicodeScalars.map(\.value)), reading: .arabic), as: UTF8.self), "nur",
                       "between consonants, a vowel")
    }

    func testTheArticleJoinedToTheWordMeetsLatinArticles() {
        // The scorer joins the romanizer's "al" to the next word; Latin spellings join the article too,
        // the Maghreb as l- (Lahcen for الحسن, Lajnef for الأجنف).
        XCTAssertTrue(meet("alhassan", "lahcen"))
        XCTAssertTrue(meet("alajnaf", "lajnef"))
        XCTAssertTrue(meet("alhawar", "lahouar"))
        XCTAssertTrue(meet("alhayani", "elhayani"))
        XCTAssertFalse(meet("hassan", "lahcen"), "l- is the article only against the romanizer's article")
        XCTAssertEqual(PhoneticKey.readingClassHash(Array("alhassan".utf8)), PhoneticKey.readingClassHash(Array("lahcen".utf8)))
    }

    func testTheClassHashKeepsEveryMeetingPair() {
        for (a, b) in [("osman", "uthman"), ("javadi", "djouadi"), ("wahid", "ouahid"), ("hegazi", "hijazi"), ("reza", "ridha")] {
            XCTAssertEqual(PhoneticKey.readingClassHash(Array(a.utf8)), PhoneticKey.readingClassHash(Array(b.utf8)), "\(a) \(b)")
        }
    }

    func testJoinedServantNamesSplit() {
        XCTAssertEqual(n.normalize("Abdelkader Laagoub").tokens, ["abdul", "kader", "laagoub"])
        XCTAssertEqual(n.normalize("Abderrahmane").tokens, ["abdul", "rahmane"], "the article written as the doubled sun letter")
        XCTAssertEqual(n.normalize("Abdessalam").tokens, ["abdul", "salam"])
        XCTAssertEqual(n.normalize("Abdirahman Mohamed").tokens, ["abdul", "rahman", "mohamed"])
        XCTAssertEqual(n.normalize("Abdelhak").tokens, ["abdul", "hak"])
        XCTAssertEqual(n.normalize("Abd elghani MZOUDI").tokens, ["abdul", "ghani", "mzoudi"], "the article written with the divine name")
        XCTAssertEqual(n.normalize("MZOUDI, Abdelghani").tokens, ["mzoudi", "abdul", "ghani"])
        for whole in ["abdullah", "abdallah", "abdellah", "abdoulaye", "abdullahi"] {
            XCTAssertEqual(n.normalize(whole).tokens, [whole], "one name")
        }
    }


    func testAConsonantAndYehReadAi() {
        XCTAssertEqual(n.normalize("عبد الحی").tokens, ["abdul", "hai"], "Abdul Hai, not hi")
        XCTAssertEqual(n.normalize("عبدالحی").tokens, ["abdul", "hai"])
    }

    func testTheGodInAbdAlIlah() {
        XCTAssertEqual(n.normalize("عبد الاله").tokens, ["abdul", "ilah"], "Abdelilah, Abdul Ilah")
        XCTAssertEqual(n.normalize("عبد الإله").tokens, ["abdul", "ilah"])
        XCTAssertEqual(n.normalize("عبدالاله").tokens, ["abdul", "ilah"])
        XCTAssertEqual(n.normalize("Abdelilah").tokens, ["abdul", "ilah"], "the Latin spelling splits the same way")
    }

    func testTheNisbaEndingIsNotAWord() {
        XCTAssertEqual(n.normalize("الزنداني").tokens.count, 2, "al + one word, not zand + anne")
        XCTAssertEqual(n.normalize("علماني").tokens.count, 1)
    }

    func testParticlesWrittenTogether() {
        let hussein = n.normalize("حسين").tokens
        XCTAssertEqual(n.normalize("بنحسين").tokens, ["bin"] + hussein, "Ben Hassine")
        XCTAssertEqual(Array(n.normalize("ابواليزيد").tokens.prefix(2)), ["abu", "al"], "Abou El Yazid")
        XCTAssertEqual(n.normalize("ابوبكر").tokens.count, 1, "a table word keeps its spelling")
    }
}
