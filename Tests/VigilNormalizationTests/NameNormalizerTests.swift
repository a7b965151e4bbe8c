import XCTest
@testable import VigilNormalization

final class NameNormalizerTests: XCTestCase {
    let n = NameNormalizer.shared

    func testLatinFoldsCaseDiacriticsAndPunctuation() {
        XCTAssertEqual(n.normalize("PUTIN, Vladimir Vladimirovich").tokens, ["putin", "vladimir", "vladimirovich"])
        XCTAssertEqual(n.normalize("José  María  Núñez-Güell").tokens, ["jose", "maria", "nunez", "guell"])
        XCTAssertEqual(n.normalize("Hsi Chin-p'ing").tokens, ["hsi", "chinping"])
        XCTAssertEqual(n.normalize("Ørsted Łukasz Straße").tokens, ["orsted", "lukasz", "strasse"])
    }

    func testLookAlikeDigitsInsideWordsAreLetters() {
        XCTAssertEqual(n.normalize("Ig0r Sech1n").tokens, ["igor", "sechin"])
        XCTAssertEqual(n.normalize("I9or").tokens, ["igor"])
        // Digits at a word's edge, in runs or in short codes are numbers.
        XCTAssertEqual(n.normalize("Boeing 737 A380 B2B 7eleven MIG29A").tokens, ["boeing", "737", "a380", "b2b", "7eleven", "mig29a"])
    }

    func testTheDiacriticFormKeepsWhatFoldingErases() {
        XCTAssertEqual(n.diacriticForm("José  María  NÚÑEZ-Güell"), "josé maría núñez güell")
        XCTAssertEqual(n.diacriticForm("Đorđević, Dragan"), "đorđević dragan")
        XCTAssertEqual(n.diacriticForm("Hsi Chin-p'ing"), "hsi chin ping")
        XCTAssertEqual(n.diacriticForm("Ｍüller"), "müller")  // full-width letters fold, the umlaut stays
        XCTAssertEqual(n.diacriticForm("Владимир Путин"), "владимир путин")
        // Matching compares the folded tokens, which lose the marks the diacritic form keeps.
        XCTAssertEqual(n.normalize("José María Núñez").text, "jose maria nunez")
        XCTAssertNotEqual(n.diacriticForm("José María Núñez"), n.normalize("José María Núñez").text)
    }

    func testUnicodeSpacesSeparateAndInvisibleMarksVanish() {
        // No-break spaces (FBK list) and zero-width spaces (RuPEP) separate words; a ZWNJ does not.
        XCTAssertEqual(n.normalize("Svintsov\u{00A0}Igor\u{200B}Aleksandrovich").tokens, ["svintsov", "igor", "aleksandrovich"])
        XCTAssertEqual(n.normalize("Ali\u{200C}reza Karimi").tokens, ["alireza", "karimi"])
    }

    func testHyphenatedChineseGivenNamesJoinOthersStayApart() {
        XCTAssertEqual(n.normalize("Tsai Chi-chang").tokens, ["tsai", "chichang"])
        XCTAssertEqual(n.normalize("LEUNG Chun-ying").tokens, ["leung", "chunying"])
        XCTAssertEqual(n.normalize("Jean-Pierre Bemba").tokens, ["jean", "pierre", "bemba"])
        XCTAssertEqual(n.normalize("Kim Jong-un").tokens, ["kim", "jong", "un"])
        XCTAssertEqual(n.normalize("Ali Al-Hassan").tokens, ["ali", "al", "hassan"])
    }

    func testChineseCharactersWithSeveralReadingsKeepThemAll() {
        let bo = n.normalize("薄熙来")
        XCTAssertEqual(bo.tokens, ["bao", "xilai"])
        XCTAssertEqual(bo.hanReadings["bao"], [["bao", "bo"]])
        XCTAssertNil(bo.hanReadings["xilai"], "熙 and 来 have one reading each")
        XCTAssertEqual(n.normalize("习近平").hanReadings, [:])
    }

    func testFullWidthAndLookAlikeLettersFold() {
        XCTAssertEqual(n.normalize("ＸＩ Jinping").tokens, ["xi", "jinping"])
        // Cyrillic "а" and "о" inside a Latin word.
        XCTAssertEqual(n.normalize("Ivаn Petrоv").tokens, ["ivan", "petrov"])
    }

    func testUkrainianBelarusianAndGreekUseTheirOwnStandards() {
        XCTAssertEqual(n.normalize("Путін Володимир Володимирович").tokens, ["putin", "volodymyr", "volodymyrovych"])
        XCTAssertEqual(n.normalize("Аляксандр Рыгоравіч Лукашэнка").tokens, ["alyaksandr", "ryhoravich", "lukashenka"])
        XCTAssertEqual(n.normalize("Владимир Путин").tokens, ["vladimir", "putin"])
        XCTAssertEqual(n.normalize("Иван Светский").tokens, ["ivan", "svetskiy"], "BGN's digraph dot stays inside the word")
        XCTAssertEqual(n.normalize("Βλαντίμιρ Πούτιν").tokens, ["vlantimir", "poutin"])
    }

    func testKhmerNamesAreRomanizedAsCambodianListsWriteThem() {
        // ICU has no Khmer transliterator: these came out as Khmer letters, and met nothing.
        XCTAssertEqual(n.normalize("ប៉ុល ពត").script, .khmer)
        let cases: [(khmer: String, tokens: [String])] = [
            ("ប៉ុល ពត", ["pol", "pot"]),  // ៉ makes ប p; ព carries its inherent o before the final t
            ("ហ៊ុន សែន", ["hun", "sen"]), ("ហ៊ុន ម៉ាណែត", ["hun", "manet"]),
            ("នួន ជា", ["nuon", "chea"]),  // ា after a second-series consonant is ea
            ("ខៀវ សំផន", ["khiev", "samphan"]), ("អៀង សារី", ["ieng", "sari"]),
        ]
        for (khmer, tokens) in cases { XCTAssertEqual(n.normalize(khmer).tokens, tokens, khmer) }
    }

    func testSerbianMacedonianAndCentralAsianCyrillicReadAsTheirNamesAreWritten() {
        let cases: [(cyrillic: String, tokens: [String])] = [
            // Serbian Latin folded, not Russian rules (Vuchic, and џ dropped).
            ("Александар Вучић", ["aleksandar", "vucic"]), ("Џевад Галијашевић", ["dzevad", "galijasevic"]),
            ("Ѓорѓе Иванов", ["gorge", "ivanov"]),
            // Mongolian and Kazakh letters as their Russian neighbours: the spellings lists use.
            ("Ухнаагийн Хүрэлсүх", ["ukhnaagiyn", "khurelsukh"]), ("Қасым-Жомарт Тоқаев", ["kasym", "zhomart", "tokayev"]),
            ("Нурсултан Әбішұлы Назарбаев", ["nursultan", "abishuly", "nazarbayev"]),
        ]
        for (cyrillic, tokens) in cases { XCTAssertEqual(n.normalize(cyrillic).tokens, tokens, cyrillic) }
    }

    func testCyrillicUsesPassportStyleRomanization() {
        let r = n.normalize("Владимир Владимирович Путин")
        XCTAssertEqual(r.script, .cyrillic)
        XCTAssertEqual(r.tokens, ["vladimir", "vladimirovich", "putin"])
        XCTAssertEqual(n.normalize("Жуков Щербаков").tokens, ["zhukov", "shcherbakov"])
    }

    func testChineseNameGroupsSurnameAndGivenName() {
        let r = n.normalize("习近平")
        XCTAssertEqual(r.script, .han)
        XCTAssertEqual(r.tokens, ["xi", "jinping"])
        XCTAssertEqual(n.normalize("習近平").tokens, ["xi", "jinping"], "Traditional characters read the same")
        // Surname readings: 曾 is Zeng as a surname (not ceng), 单 is Shan (not dan).
        XCTAssertEqual(n.normalize("曾国藩").tokens, ["zeng", "guofan"])
        XCTAssertEqual(n.normalize("单雄信").tokens.first, "shan")
        XCTAssertEqual(n.normalize("欧阳修").tokens, ["ouyang", "xiu"], "compound surname kept whole")
    }

    func testOtherScriptsBecomeLatin() {
        XCTAssertEqual(n.normalize("김정은").script, .hangul)
        XCTAssertFalse(n.normalize("김정은").tokens.isEmpty)
        let arabic = n.normalize("معمر القذافي")
        XCTAssertEqual(arabic.script, .arabic)
        XCTAssertEqual(arabic.tokens.count, 3, "the article is its own token: \(arabic.tokens)")
        XCTAssertTrue(arabic.tokens.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
    }

    func testHonorificsAreRemovedAndRecorded() {
        let r = n.normalize("Dr. Ayman AL ZAWAHIRI")
        XCTAssertEqual(r.tokens, ["ayman", "al", "zawahiri"])
        XCTAssertEqual(r.honorifics, ["dr"])
        XCTAssertEqual(n.normalize("General").tokens, ["general"], "a name made only of a title keeps it")
    }

    func testEmptyAndSymbolOnlyNamesHaveNoTokens() {
        XCTAssertEqual(n.normalize("").tokens, [])
        XCTAssertEqual(n.normalize(" -- , . ").tokens, [])
    }

    /// Documented outcomes for hostile input: control characters separate words, emoji and symbols
    /// vanish, undecodable bytes (decoded by readers as U+FFFD) vanish, a 10 kB name still normalizes.
    func testHostileInputHasAClearOutcome() {
        XCTAssertEqual(n.normalize("Ivan\u{0}Petrov\tSidorov\u{7}").tokens, ["ivan", "petrov", "sidorov"])
        XCTAssertEqual(n.normalize("😀 Maria 🇷🇺 Lopez ✈︎").tokens, ["maria", "lopez"])
        XCTAssertEqual(n.normalize(String(decoding: [0x49, 0x76, 0xFF, 0xFE, 0x61, 0x6E], as: UTF8.self)).tokens, ["ivan"])
        XCTAssertEqual(n.normalize("\u{301}\u{308}").tokens, [], "combining marks alone")
        let long = String(repeating: "Abcdefgh ", count: 1200)  // 10.8 kB
        XCTAssertEqual(n.normalize(long).tokens.count, 1200)
        let longHan = String(repeating: "王", count: 5000)
        XCTAssertEqual(n.normalize(longHan).tokens.count, 5000)
        let mixed = "Владимир 习近平 محمد 김정은 Ωmega"
        XCTAssertFalse(n.normalize(mixed).tokens.isEmpty)
    }

    func testScriptDetection() {
        XCTAssertEqual(Script.dominant(in: "Vladimir"), .latin)
        XCTAssertEqual(Script.dominant(in: "Путин"), .cyrillic)
        XCTAssertEqual(Script.dominant(in: "山田太郎 やまだ"), .kana, "kana marks a Japanese name even with kanji")
    }

    func testNamesRunIntoACapitalisedFamilyNameAreSplit() {
        XCTAssertEqual(n.normalize("Anatoly AlexandrovichBRAVERMAN").tokens, ["anatoly", "alexandrovich", "braverman"])
        XCTAssertEqual(n.normalize("AhmadAL-KHATIB").tokens, n.normalize("Ahmad AL-KHATIB").tokens)
        XCTAssertEqual(n.normalize("Theit ThinzarYE").tokens, ["theit", "thinzar", "ye"])
        // A name's own inner capital is one letter and stays: McDonald, DiCaprio, LeBron.
        XCTAssertEqual(n.normalize("Ronald McDonald").tokens, ["ronald", "mcdonald"])
        XCTAssertEqual(n.normalize("Leonardo DiCaprio").tokens, ["leonardo", "dicaprio"])
        XCTAssertEqual(n.normalize("LeBron James").tokens, ["lebron", "james"])
        XCTAssertEqual(n.normalize("ÉmileZOLA").tokens, ["emile", "zola"])
    }

    func testEnglishNumbersBecomeDigits() {
        XCTAssertEqual(n.normalize("Brigade Forty-Four").tokens, ["brigade", "44"])
        XCTAssertEqual(n.normalize("Brigade Fourty four").tokens, ["brigade", "44"])
        XCTAssertEqual(n.normalize("Brigade Forty 4").tokens, ["brigade", "44"])
        XCTAssertEqual(n.normalize("First International Bank").tokens, n.normalize("1st International Bank").tokens)
        XCTAssertEqual(n.normalize("Three Percenters").tokens, ["3", "percenters"])
        XCTAssertEqual(n.normalize("22nd Brigade").tokens, ["22", "brigade"])
        // One stays a word; tokens that merely hold a number word are left alone.
        XCTAssertEqual(n.normalize("Al-Amar One-Person LLC").tokens.contains("one"), true)
        XCTAssertEqual(n.normalize("Tenzin Seventhson").tokens, ["tenzin", "seventhson"])
    }

    func testPatronymicsAreRecognisedInTheirSpellings() {
        for p in ["vladimirovich", "vladimirovitch", "wladimirowitsch", "wladimirowitsj", "vlagyimirovics", "vlantimirovits",
                  "uladzimiravich", "volodymyrovych", "sergeevna", "volodymyrivna", "ilyinichna"] {
            XCTAssertTrue(Vocabulary.isPatronymic(Array(p.utf8)), p)
        }
        for t in ["milosevic", "abramov", "ivanova", "vladimir", "ovich", "petrovna".dropLast(3).description] {
            XCTAssertFalse(Vocabulary.isPatronymic(Array(t.utf8)), t)
        }
    }

    func testPresidentInOtherLanguagesIsATitle() {
        XCTAssertEqual(n.normalize("Präsident Putin").tokens, ["putin"])
        XCTAssertEqual(n.normalize("Monsieur Ilie-Gabril Bolojan").tokens, ["ilie", "gabril", "bolojan"])
        XCTAssertEqual(n.normalize("Señora Delcy Rodríguez").honorifics, ["senora"])
        XCTAssertEqual(n.normalize("Herr Olaf Scholz").tokens, ["olaf", "scholz"])
        XCTAssertEqual(n.normalize("Presidente Luiz Inácio Lula da Silva").honorifics, ["presidente"])
    }

    func testDottedAbbreviationsBecomeOneToken() {
        XCTAssertEqual(n.normalize("K.A.S.").tokens, ["kas"])  // an OFAC alias of ETA
        XCTAssertEqual(n.normalize("DOCTOR M.R.O.", stripHonorifics: false).tokens, ["doctor", "mro"])
        XCTAssertEqual(n.normalize("Volkswagen Bank G.m.b.H.").tokens, ["volkswagen", "bank", "gmbh"])
        XCTAssertEqual(n.normalize("Goldman Sachs & Co. L.L.C.").tokens, n.normalize("Goldman Sachs & Co. LLC").tokens)
        XCTAssertEqual(n.normalize("HSBC Holdings p.l.c.").tokens, n.normalize("HSBC Holdings plc").tokens)
        XCTAssertEqual(n.normalize("L.X.C Aviation").tokens, ["lxc", "aviation"])
        // Two dotted letters join only as a legal form; otherwise they are initials, matched one by one.
        XCTAssertEqual(n.normalize("Banco Santander, S.A.").tokens, ["banco", "santander", "sa"])
        XCTAssertEqual(n.normalize("A.Q. Khan").tokens, ["a", "q", "khan"])
        XCTAssertEqual(n.normalize("U.S. Department of State").tokens.prefix(2), ["u", "s"])
        // Dots inside words and numbers are left alone.
        XCTAssertEqual(n.normalize("Version 1.2.3 Ltd").tokens, ["version", "1", "2", "3", "ltd"])
        XCTAssertEqual(n.normalize("www.example.com").tokens, ["www", "example", "com"])
        // A dotted legal form run into the name before it is split off (one letter of the name's, as
        // written, belongs to it); other dotted letters in a word stay.
        XCTAssertEqual(n.normalize("NIMR INTERNATIONALS.R.L.").tokens, n.normalize("NIMR INTERNATIONAL S.R.L.").tokens)
        XCTAssertEqual(n.normalize("KARNERD.O.O. LJUBLJANA").tokens, ["karner", "doo", "ljubljana"])
        XCTAssertEqual(n.normalize("Smithj.k.x.").tokens, ["smithj", "k", "x"])
    }
}

final class ArabicParticleTests: XCTestCase {
    func testServantOfNamesShareOneParticle() {
        let n = NameNormalizer.shared
        for spelling in ["Abd al-Khaliq al-Houthi", "Abdul Khaliq al Houthi", "ABDEL KHALIQ AL-HOUTHI", "Abd el Khaliq al Houthi"] {
            XCTAssertEqual(n.normalize(spelling).tokens, ["abdul", "khaliq", "al", "houthi"], spelling)
        }
        XCTAssertEqual(n.normalize("Abd").tokens, ["abd"], "a lone token is left alone")
        XCTAssertEqual(n.normalize("Ali Abd Al").tokens, ["ali", "abd", "al"], "no name after the particle: unchanged")
    }
}

final class PersianSuffixTests: XCTestCase {
    func testPersianFamilyNameSuffixesJoinTheirWord() {
        let n = NameNormalizer.shared
        XCTAssertEqual(n.normalize("Behman ASGAR POUR").tokens, ["behman", "asgarpour"])
        XCTAssertEqual(n.normalize("Mohammad Reza Rezvanian Zadeh").tokens, ["mohammad", "reza", "rezvanianzadeh"])
        XCTAssertEqual(n.normalize("اکبر پور").tokens, n.normalize("Akbarpour").tokens)
        XCTAssertEqual(n.normalize("Zadeh").tokens, ["zadeh"])  // alone, it is the name
    }
}

final class ArabicCompoundNameTests: XCTestCase {
    func testFaithAndGodCompoundsBecomeOneToken() {
        let n = NameNormalizer.shared
        for spelling in ["SAIF-AL-DIN AL-MASHHADANI", "Saif Eddine al Mashhadani", "Saifeddine Mashhadani", "Saifuddin Mashhadani"] {
            XCTAssertEqual(n.normalize(spelling).tokens.first, "saifuddin", spelling)
        }
        XCTAssertEqual(n.normalize("Seifallah Ben Hassine").tokens.first, "seifullah")
        XCTAssertEqual(n.normalize("Saif Allah").tokens, ["saifullah"])
        XCTAssertEqual(n.normalize("Abdallah Azzam").tokens.first, "abdallah", "abd- names keep their own form")
        XCTAssertEqual(n.normalize("Dean Martin").tokens, ["dean", "martin"], "a lone Dean is a Dean")
    }
}

final class KoreanRomanizationTests: XCTestCase {
    func hangul(_ token: String) -> [[String]]? {
        KoreanRomanization.syllableReadings(Array(token.utf8))?.map { $0.compactMap { Unicode.Scalar($0).map { String(Character($0)) } } }
    }

    func testSpellingsReadAsTheirHangulSyllables() throws {
        XCTAssertTrue(try XCTUnwrap(hangul("park")).first!.contains("박"))
        XCTAssertTrue(try XCTUnwrap(hangul("jisung")).last!.contains("성"), "RR seong, customary sung")
        XCTAssertTrue(try XCTUnwrap(hangul("seong")).first!.contains("성"))
        XCTAssertTrue(try XCTUnwrap(hangul("hyon")).first!.contains("현"))
        XCTAssertEqual(hangul("jisung")?.count, 2)
        XCTAssertFalse(try XCTUnwrap(hangul("su")).first!.contains("서"), "open 서 is Seo/So, not Su")
        XCTAssertNil(hangul("brown"))
        XCTAssertNil(hangul("zhang"), "no Korean syllable starts with zh")
    }
}

final class HangulRomanizerTests: XCTestCase {
    func testKoreanNamesRomanizeAsListsWriteThem() {
        let n = NameNormalizer.shared
        XCTAssertEqual(n.normalize("김정은").tokens, ["kim", "jong", "un"])
        XCTAssertEqual(n.normalize("김 정은").tokens, ["kim", "jong", "un"])
        XCTAssertEqual(n.normalize("최룡해").tokens, ["choe", "ryong", "hae"])
        XCTAssertEqual(n.normalize("리병철").tokens, ["ri", "pyong", "chol"])
        XCTAssertEqual(n.normalize("이재명").tokens.first, "ri")
    }
}

final class MandarinRomanizationTests: XCTestCase {
    func readings(_ t: String) -> [[String]]? { MandarinRomanization.syllableReadings(t) }

    func testWadeGilesAndPinyinMeet() throws {
        for (wg, py) in [("hsi", "xi"), ("chinping", "jinping"), ("tsetung", "zedong"),
                         ("hsiaoping", "xiaoping"), ("tzu", "zi"), ("chingkuo", "jingguo")] {
            let a = try XCTUnwrap(readings(wg), wg), b = try XCTUnwrap(readings(py), py)
            XCTAssertTrue(MandarinRomanization.sameName(a, b), "\(wg) ~ \(py)")
        }
    }

    func testDifferentSyllablesDoNotMeet() throws {
        // Valid pinyin reads as itself: "chang" is not taken for Zhang.
        for (a, b) in [("xi", "shi"), ("jinping", "jianping"), ("zhang", "zheng"), ("li", "lin"), ("chang", "zhang"), ("teng", "deng")] {
            XCTAssertFalse(MandarinRomanization.sameName(try XCTUnwrap(readings(a)), try XCTUnwrap(readings(b))), "\(a) !~ \(b)")
        }
    }

    func testNonMandarinTokensDoNotParse() {
        for t in ["vladimir", "smith", "hassan", "zawahiri", "rodriguez"] { XCTAssertNil(readings(t), t) }
    }
}

final class LegalFormTests: XCTestCase {
    func testSpelledOutLegalFormsMeetTheirAbbreviations() {
        let n = NameNormalizer.shared
        XCTAssertEqual(n.normalize("Open Joint Stock Company Gazprom").tokens, n.normalize("OAO Gazprom").tokens)
        XCTAssertEqual(n.normalize("Volkswagen Gesellschaft mit beschränkter Haftung").tokens, ["volkswagen", "gmbh"])
        XCTAssertEqual(n.normalize("Societatea cu Răspundere Limitată PRO TRAFFIC").tokens, ["srl", "pro", "traffic"])
        XCTAssertEqual(n.normalize("ACME Company Limited").tokens, ["acme", "co", "ltd"])
        // Typed carelessly, as customer files are.
        XCTAssertEqual(n.normalize("FLYTECHGROUP LIMITED LIABILITY COFMPANY").tokens, ["flytechgroup", "llc"])
        XCTAssertEqual(n.normalize("OPEN JOINT STCCK COMPANY X").tokens, ["ojsc", "x"])
        XCTAssertEqual(n.normalize("Malta Vassiliades Co Lmited").tokens, ["malta", "vassiliades", "co", "ltd"])
        // Short forms that are also personal names stay as they are.
        XCTAssertEqual(n.normalize("PAO Yu Liang").tokens, ["pao", "yu", "liang"])
    }

    /// Forms of other jurisdictions, dotted, spaced or written out, meet their abbreviation; business
    /// words written short meet the word.
    func testLegalFormsOfOtherJurisdictionsAndShortBusinessWords() {
        let n = NameNormalizer.shared
        XCTAssertEqual(n.normalize("FABERLIC EUROPE Sp. z o.o.").tokens, ["faberlic", "europe", "spzoo"])
        XCTAssertEqual(n.normalize("Faberlic Europe Spółka z ograniczoną odpowiedzialnością").tokens, ["faberlic", "europe", "spzoo"])
        XCTAssertEqual(n.normalize("Alfa Trade s. r. o.").tokens, n.normalize("ALFA TRADE S.R.O.").tokens)
        XCTAssertEqual(n.normalize("Orion Kabushiki Kaisha").tokens, ["orion", "kk"])
        XCTAssertEqual(n.normalize("Matadero Metropolitano Limitada").tokens, ["matadero", "metropolitano", "ltda"])
        XCTAssertEqual(n.normalize("First Bank Int'l").tokens, n.normalize("First Bank International").tokens)
        XCTAssertEqual(n.normalize("Acme Mfg Co").tokens, ["acme", "manufacturing", "co"])
        XCTAssertEqual(n.normalize("FARMACIA VIDA SUPREMA, S.A. DE C.V.").tokens, ["farmacia", "vida", "suprema", "sa", "de", "cv"])
        XCTAssertEqual(n.normalize("Farmacia Vida Suprema SA de CV").tokens, ["farmacia", "vida", "suprema", "sa", "de", "cv"])
        // A common form's word split in two by a stray space, and "limited liability" without "company".
        XCTAssertEqual(n.normalize("AMIGO SUPERMARKET LIM ITED").tokens, ["amigo", "supermarket", "ltd"])
        XCTAssertEqual(n.normalize("LIMITED LIABIL ITY COMPANY DIAPAZON").tokens, ["llc", "diapazon"])
        XCTAssertEqual(n.normalize("USM LIMITED LIABILITY Ltd").tokens, ["usm", "llc", "ltd"])
        XCTAssertEqual(n.normalize("Lim Wei Ming").tokens, ["lim", "wei", "ming"])
        // Typos count in the common forms only, whatever else the name holds.
        XCTAssertEqual(n.normalize("ASSOS LIMITED").tokens, ["assos", "ltd"])
        XCTAssertEqual(n.normalize("ASSOS LTD").tokens, ["assos", "ltd"])
        // Dotted initials that spell a new form stay initials.
        XCTAssertEqual(n.normalize("K.K. Sharma").tokens, ["k", "k", "sharma"])
        XCTAssertEqual(n.normalize("P.T. Usha").tokens, ["p", "t", "usha"])
        // Every abbreviation a form becomes is weighted as a legal form (or is a stop word: `sa de cv`).
        for (_, canon) in LegalForms.commonForms + LegalForms.otherForms {
            for t in canon.split(separator: " ").map(String.init) {
                XCTAssertTrue(Vocabulary.legalForms[t] != nil || Vocabulary.stopWords.contains(t), "\(canon): \(t)")
            }
        }
    }

    func testLegalFormWordsRunIntoANameAreSplitOff() {
        let n = NameNormalizer.shared
        XCTAssertEqual(n.normalize("SYRIAN PETROLEUMCOMPANY").tokens, n.normalize("SYRIAN PETROLEUM COMPANY").tokens)
        XCTAssertEqual(n.normalize("LIMITEDLIABILITY COMPANY AURUS").tokens, ["llc", "aurus"])
        XCTAssertEqual(n.normalize("LIMITED LIABILITYCOMPANY SPECTRUM").tokens, ["llc", "spectrum"])
        XCTAssertEqual(n.normalize("OOOYUNIDZHET").tokens, ["llc", "yunidzhet"])
        XCTAssertEqual(n.normalize("ITC CONSULTANTS CYPRUSLIMITED").tokens, ["itc", "consultants", "cyprus", "ltd"])
        // Names that begin or end like a legal word keep it, and so do legal words holding another.
        XCTAssertEqual(n.normalize("Stockton Unlimited").tokens, ["stockton", "unlimited"])
        XCTAssertEqual(n.normalize("Siemens Aktiengesellschaft").tokens, ["siemens", "ag"])
        XCTAssertEqual(n.normalize("Societatea cu Răspundere Limitată PRO TRAFFIC").tokens, ["srl", "pro", "traffic"])
        XCTAssertEqual(n.normalize("PAO Zinc").tokens, ["pao", "zinc"])
    }
}

final class IndicScriptTests: XCTestCase {
    let n = NameNormalizer.shared

    func testHindiAndBengaliWordsLoseTheirFinalInherentVowel() {
        XCTAssertEqual(n.normalize("व्लादिमीर पुतिन").tokens, ["vladimir", "putin"])
        XCTAssertEqual(n.normalize("अमित शर्मा").tokens, ["amit", "sharma"])
        XCTAssertEqual(n.normalize("कृष्ण चन्द्र").tokens, ["krishna", "chandra"])  // ISO's ṛ ṣ c as names write them
        XCTAssertEqual(n.normalize("राहुल गुप्त").tokens.last, "gupta")  // after a conjunct the vowel stays
        XCTAssertEqual(n.normalize("ভ্লাদিমির পুতিন").tokens.last, "putin")
    }
}

final class JapaneseNameTests: XCTestCase {
    let n = NameNormalizer.shared

    func testJapaneseNamesReadTheJapaneseWay() {
        // A known surname, kana, or a kanji form only Japanese writes (沢) makes a kanji name Japanese.
        XCTAssertEqual(n.normalize("松本里佳").tokens, ["matsumoto", "rika"])
        XCTAssertEqual(n.normalize("松本里佳").script, .kana)
        XCTAssertEqual(n.normalize("山田さくら").tokens, ["yamada", "sakura"])
        XCTAssertEqual(n.normalize("井上 陽子").tokens.first, "inoue")
        XCTAssertEqual(n.normalize("里佳 松本").tokens, ["rika", "matsumoto"])  // given name first
        XCTAssertEqual(n.normalize("小沢一郎").script, .kana)
        // Four kanji beginning with two that Japanese surnames are written with: surname + given name.
        XCTAssertEqual(n.normalize("野田佳彦").script, .kana)
        XCTAssertEqual(n.normalize("野田佳彦").tokens.count, 2)
        XCTAssertEqual(n.normalize("陈方安生").script, .han)  // a Hong Kong double surname stays Chinese
        // Chinese names stay Mandarin, a three-kanji one beginning with a common Chinese surname too.
        XCTAssertEqual(n.normalize("习近平").tokens, ["xi", "jinping"])
        XCTAssertEqual(n.normalize("高田明").script, .han)
        XCTAssertEqual(n.normalize("林中山").script, .han)
    }

    func testRomajiSpellingsMeetTheReadingsOfEachKanji() {
        func spells(_ latin: String, _ kanji: String) -> Bool {
            let readings = NameNormalizer.shared.normalize(kanji).kanjiReadings.values.first ?? []
            return JapaneseNames.spells(JapaneseNames.canonical(Array(latin.utf8)), readings: JapaneseNames.canonicalReadings(readings))
        }
        XCTAssertTrue(spells("taro", "山田 太郎"))
        XCTAssertTrue(spells("tarou", "山田 太郎"))  // a long vowel written out
        XCTAssertTrue(spells("hanako", "田中 花子"))
        XCTAssertTrue(spells("yoshihiko", "田中 佳彦"))
        XCTAssertFalse(spells("tarox", "山田 太郎"))
        XCTAssertFalse(spells("jiro", "山田 太郎"))
        // Hepburn, Kunrei and passport spellings are one.
        XCTAssertEqual(JapaneseNames.canonical(Array("shinichiro".utf8)), JapaneseNames.canonical(Array("sinitirou".utf8)))
        XCTAssertEqual(JapaneseNames.canonical(Array("itoh".utf8)), JapaneseNames.canonical(Array("ito".utf8)))
        XCTAssertEqual(JapaneseNames.canonical(Array("shimbun".utf8)), JapaneseNames.canonical(Array("shinbun".utf8)))
        XCTAssertNotEqual(JapaneseNames.canonical(Array("ono".utf8)), JapaneseNames.canonical(Array("ana".utf8)))
    }
}
