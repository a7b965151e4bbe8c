import VigilNormalization

/// Which alternate Chinese readings a token takes part in.
public enum ChineseReadings: Sendable {
    /// A Latin-written token: its own and the other token's alternates apply.
    case all
    /// A token romanized from Han characters is definitive pinyin: only the other token's alternates
    /// apply (习 is xi, never a Cantonese reading of the letters "xi").
    case othersOnly
    /// A token romanized from Hangul, kana or another non-Chinese script: no alternates (Korean jang,
    /// su, sok must not meet Chinese names through Cantonese readings).
    case none

    /// Two bits for packed keys.
    var code: UInt8 {
        switch self {
        case .all: return 1
        case .othersOnly: return 2
        case .none: return 3
        }
    }
}

/// A token with the keys comparison needs (a class: sides are copied in the scoring loop, and one
/// reference costs one retain where a struct of seven arrays cost seven), computed once (listed tokens: when the index opens).
public final class TokenForm: Sendable {
    public let bytes: [UInt8]
    public let skeleton: [UInt8]
    /// The token with transliteration-standard differences erased (`PhoneticKey.spellingFold`), when
    /// that changes it.
    public let folded: [UInt8]?
    public let syllables: Int
    /// Pinyin readings per syllable when the token splits into Mandarin syllables.
    public let mandarin: [[String]]?
    /// Wade-Giles, Cantonese and dialect-surname readings (`MandarinRomanization.alternateReadings`).
    public let alternates: [[String]]?
    /// Whether `alternates` are the readings of Chinese characters (not spelling-derived).
    public let fromHanReadings: Bool
    /// For a token read from the kanji of a Japanese name: each kanji's readings in canonical romaji
    /// (`JapaneseNames.canonicalReadings`).
    public let kanji: [[[UInt8]]]?
    /// The gender of a given name that has one (`GivenNames`): Antonio is not Antonia.
    public let gender: GivenNames.Gender
    /// The Hangul syllables each syllable may spell when the token reads as Korean name syllables.
    public let korean: [[UInt32]]?
    /// The few words that tell most unlike pairs apart without reading the keys.
    let sketch: TokenSketch
    /// An East Slavic patronymic in one of its spellings (`Vocabulary.isPatronymic`).
    public let isPatronymic: Bool
    /// "bin", "ben", "ibn"… (`Vocabulary.kinshipParticles`).
    let isKinshipParticle: Bool
    /// "of", "the", "de"… (`Vocabulary.stopWords`).
    let isStopWord: Bool
    /// An article, kinship or "servant of" particle (`al`, `bin`, `abdul`): a part of a name, not one.
    let isNameParticle: Bool
    /// "iii", "3", "2004" (`Vocabulary.isSeriesMarker`): a series number, in an organisation's name.
    let isSeriesMarker: Bool
    /// "china", "swiss", "europe" (`PlaceWords`): a place, in an organisation's name a qualifier.
    let isPlaceWord: Bool
    /// Whether the token reads as at most two Korean / Chinese syllables: a name of such tokens may be
    /// Korean / Chinese (`Matcher.looksKorean`, `looksChinese`). Kept, as a million listed names ask.
    let fewKoreanSyllables: Bool
    let fewChineseSyllables: Bool

    /// Whether alternate Chinese readings (Cantonese, dialect surnames, Wade-Giles of pinyin-valid
    /// tokens) may join this token to another.
    public let chineseReadings: ChineseReadings

    /// - Parameter hanReadings: the readings of a token romanized from Chinese characters with several
    ///   readings (`NormalizedName.hanReadings`): its alternates.
    ///   - koreanReadings: compute the Korean syllable readings (off for joined tokens of names that
    ///     cannot be Korean: joins are built per candidate, in the hot loop).
    ///   - mandarinReadings: compute the Mandarin readings (off for joined tokens of names that cannot be
    ///     Chinese, for the same reason).
    ///   - kanjiReadings: the readings of each kanji of a token read from a Japanese name
    ///     (`NormalizedName.kanjiReadings`).
    public init(_ bytes: [UInt8], chineseReadings: ChineseReadings = .all, hanReadings: [[String]]? = nil, koreanReadings: Bool = true,
                mandarinReadings: Bool = true, kanjiReadings: [[String]]? = nil) {
        self.bytes = bytes
        self.kanji = kanjiReadings.map(JapaneseNames.canonicalReadings)
        self.chineseReadings = chineseReadings
        let folded = PhoneticKey.spellingFold(bytes)
        self.folded = folded == bytes ? nil : folded
        self.skeleton = PhoneticKey.skeleton(folded)
        self.syllables = PhoneticKey.vowelGroups(bytes)
        let wantsAlternates = hanReadings == nil && chineseReadings == .all && bytes.count >= 2
        // Pinyin readings once: the token's own, and the baseline its alternates are told apart from.
        let plain = (mandarinReadings || wantsAlternates) && bytes.count >= 2 ? MandarinRomanization.syllableReadings(bytes) : nil
        self.mandarin = mandarinReadings ? plain : nil
        self.alternates = hanReadings ?? (wantsAlternates ? MandarinRomanization.alternateReadings(bytes, plain: plain) : nil)
        self.fromHanReadings = hanReadings != nil
        // Folded too: Swedish and Dutch spellings write the ending with tj (Jurijovytj, Viktorovitj).
        self.isPatronymic = Vocabulary.isPatronymic(bytes) || (self.folded.map(Vocabulary.isPatronymic) ?? false)
        // Short tokens as text, for the word lists (kinship particles; legal forms have 13 letters at most).
        let text = bytes.count <= 13 ? String(decoding: bytes, as: UTF8.self) : nil
        self.isKinshipParticle = text.map { $0.utf8.count <= 5 && Vocabulary.kinshipParticles.contains($0) } ?? false
        self.isStopWord = text.map { Vocabulary.stopWords.contains($0) } ?? false
        self.isSeriesMarker = text.map { Vocabulary.isSeriesMarker($0) } ?? false
        self.isNameParticle = isStopWord || isKinshipParticle || (text.map { NameNormalizer.isServantParticle($0) } ?? false)
        self.isPlaceWord = text.map { PlaceWords.contains($0) } ?? false
        self.korean = chineseReadings == .othersOnly || !koreanReadings ? nil : KoreanRomanization.syllableReadings(bytes)
        // Not for one Chinese or Korean syllable: Vietnamese given names make Hong female and Hung male,
        // which are one Chinese name in two romanizations.
        self.gender = mandarin?.count == 1 || korean?.count == 1 ? .unknown : GivenNames.gender(of: bytes)
        self.fewKoreanSyllables = (korean?.count ?? 9) <= 2
        self.fewChineseSyllables = ((mandarin ?? alternates)?.count ?? 9) <= 2
        self.sketch = TokenSketch(length: bytes.count, foldedLength: folded.count, letters: Self.letterSet(bytes),
                                  foldedLetters: Self.letterSet(folded), skeleton: skeleton, readingHash: PhoneticKey.readingClassHash(bytes),
                                  mandarin: mandarin != nil, korean: korean != nil, alternates: alternates != nil,
                                  readingsUsable: chineseReadings != .none, kanji: kanjiReadings != nil,
                                  legalForm: text.map { Vocabulary.legalForms[$0] != nil } ?? false)
    }

    public convenience init(_ text: String) { self.init(Array(text.utf8)) }

    /// One bit per byte value modulo 64: a set, so two tokens one edit apart differ in at most two bits.
    static func letterSet(_ bytes: [UInt8]) -> UInt64 {
        var set: UInt64 = 0
        for b in bytes { set |= 1 << UInt64(b & 63) }
        return set
    }

    /// Whether the token reads as Chinese syllables in some romanization.
    public var hasReadings: Bool { mandarin != nil || alternates != nil }

    /// Whether the token may spell a Chinese, Korean or Japanese name syllable, where a letter makes
    /// another name (chen/cheng, jong/jung).
    var isEastAsianSyllable: Bool { mandarin != nil || alternates != nil || korean != nil || kanji != nil }

    /// Whether the token spells one such syllable, not several (`police` splits as po-li-ce).
    var isSingleEastAsianSyllable: Bool { mandarin?.count == 1 || alternates?.count == 1 || korean?.count == 1 || kanji?.count == 1 }
}

/// A token's comparison keys seen from afar, carried in each scoring side: most pairs the scorer meets
/// are plainly different tokens, and these words tell so without reading the form and its arrays
/// (two cache misses a pair, which were most of a comparison's cost).
struct TokenSketch {
    var letters: UInt64
    var foldedLetters: UInt64
    var skeletonHash: UInt32
    /// `PhoneticKey.readingClassHash` of the folded token: abjad-written names meet by letter readings
    /// only within one.
    var readingHash: UInt32
    var length: UInt16
    var foldedLength: UInt16
    var hasMandarin: Bool
    var hasKorean: Bool
    var hasAlternates: Bool
    /// Alternate readings usable (`chineseReadings` is not `.none`).
    var readingsUsable: Bool
    /// Kanji readings of a Japanese name's token (`TokenForm.kanji`).
    var hasKanji: Bool
    /// An organisation's legal form (`Vocabulary.legalForms`): a join holding one must be exact there
    /// (`NameScorer.Side.holdsLegalForm`).
    var isLegalForm: Bool
    /// Chinese readings of either kind, alternate or Mandarin.
    var alternatesOrMandarin: Bool { hasAlternates || hasMandarin }

    init(length: Int, foldedLength: Int, letters: UInt64, foldedLetters: UInt64, skeleton: [UInt8], readingHash: UInt32 = 0, mandarin: Bool,
         korean: Bool, alternates: Bool, readingsUsable: Bool, kanji: Bool = false, legalForm: Bool = false) {
        isLegalForm = legalForm
        self.readingHash = readingHash
        hasKanji = kanji
        self.letters = letters
        self.foldedLetters = foldedLetters
        var h: UInt32 = 0x811C_9DC5
        for b in skeleton { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        skeletonHash = h
        self.length = UInt16(min(length, Int(UInt16.max)))
        self.foldedLength = UInt16(min(foldedLength, Int(UInt16.max)))
        hasMandarin = mandarin
        hasKorean = korean
        hasAlternates = alternates
        self.readingsUsable = readingsUsable
    }

    /// False only when `TokenSimilarity.compare` with these flags certainly finds nothing: every way
    /// two tokens meet (equal or folded-equal spellings, edits, a shared skeleton, an initial, Korean,
    /// Mandarin or alternate readings) leaves a trace here. Each edit changes the letter set by at most
    /// two bits, so a wider difference rules spellings out.
    @inline(__always)
    static func mayMeet(_ a: TokenSketch, _ b: TokenSketch, korean: Bool, chinese: Bool, vowelsUncertain: Bool = false) -> Bool {
        if a.length <= 1 || b.length <= 1 || a.hasKanji != b.hasKanji { return true }
        let edits = 2 * max(1, TokenSimilarity.allowedEdits(Int(min(a.length, b.length))))
        if (a.letters ^ b.letters).nonzeroBitCount <= edits || (a.foldedLetters ^ b.foldedLetters).nonzeroBitCount <= edits { return true }
        if a.skeletonHash == b.skeletonHash || (vowelsUncertain && a.readingHash == b.readingHash) { return true }
        // The article against its assimilated forms (al/er, al/ush: `TokenSimilarity.isAssimilatedArticle`).
        if vowelsUncertain && min(a.length, b.length) == 2 && max(a.length, b.length) <= 3 { return true }
        if a.hasMandarin && b.hasMandarin { return true }
        if korean && a.hasKorean && b.hasKorean { return true }
        if chinese && a.readingsUsable && b.readingsUsable && (a.hasAlternates || b.hasAlternates)
            && a.alternatesOrMandarin && b.alternatesOrMandarin { return true }
        return false
    }
}
