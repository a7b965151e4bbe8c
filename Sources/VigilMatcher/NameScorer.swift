import VigilIndex
import VigilNormalization

/// Scores a query name against one listed name: order-free one-to-one token alignment (joined/split
/// tokens allowed), each pair on the better of spelling and transliteration skeleton, weighted by
/// rarity. Unmatched tokens penalize asymmetrically: a customer's extra token costs less than a
/// listed token the customer lacks.
struct NameScorer {
    /// Weight factor of query tokens with no partner (extra middle names are common).
    static let unmatchedQueryFactor = 0.5
    /// Weight factor of listed tokens with no partner (patronymics, second given names).
    static let unmatchedListedFactor = 0.6
    /// Further factor of a patronymic with no partner when only one side has leftovers.
    static let unmatchedPatronymicFactor = 0.25
    /// A token pair below this similarity does not align.
    static let minimumPairSimilarity = 0.70
    /// A joined pair ("abdul rahman" ~ "abdulrahman") must be nearly exact.
    static let minimumJoinedSimilarity = 0.90
    /// Tokens of a name the scorer looks at (`covers` is a 64-bit set); names are a few tokens, a
    /// longer one is cut here.
    static let maximumTokens = 64
    /// Further factor of a person's leftover tokens when both names have some: a name in place of
    /// another (`ben MOHAMED ben` / `ben ALI ben`, another father) tells two people apart more than a
    /// name one side lacks does. Particles (`al`, `bin`, `abdul`) are parts of names and keep 1.
    static let substitutionFactor = 1.5
    /// Factor of a person's leftover ancestor when the other name has one too: another father
    /// (`NOUREDDINE BEN MOHAMED BEN BELKASSEM` / `BEN ALI BEN BELKASSEM`) tells two people apart however
    /// common the fathers' names, which their rarity weights alone do not show.
    static let ancestorSubstitutionFactor = 4.5

    /// One token (or two adjacent tokens joined) of a name. Kept small: the scoring loop copies
    /// sides, and each reference field costs a retain.
    struct Side {
        /// Unowned: copying a side in the scoring loop must not touch a reference count (two threads
        /// retaining the same listed forms fought over their cache lines). Whoever makes sides keeps
        /// their forms alive: the matcher's token table, a `SidedName`, or `ScoringState`'s join caches.
        private let formRef: Unmanaged<TokenForm>
        var form: TokenForm { formRef.takeUnretainedValue() }
        /// The form's sketch, here so that unlike pairs are told apart without reading the form.
        let sketch: TokenSketch
        var weight: Double
        /// The original tokens this (possibly joined) token covers, as bits.
        var covers: UInt64
        /// The listed token's id in the index, for `PairMemo`; nil on the query side and for joins.
        var tokenID: UInt32?
        /// Whether the name this token belongs to may be Korean (`Matcher.looksKorean`): only then do
        /// Korean romanization variants count (Sung ~ Song ~ Seong), which would blur Western names.
        var koreanName = false
        /// Whether the name may be Chinese (`Matcher.looksChinese`): only then do alternate readings
        /// (Cantonese, dialect surnames, Wade-Giles of pinyin-valid tokens) count — `Dan Brown` is not `Tan`.
        var chineseName = false
        /// Whether the name was written in an abjad (Arabic, Hebrew script): its romanized vowels are
        /// guesses, so two tokens with the same consonant skeleton may be one word (Zaid/Zeid, Sakr/Saqr).
        var vowelsUncertain = false
        /// Whether the name was written in Han, Hangul or kana: such a name is a surname and a given
        /// name with no optional middle names, so a syllable with no partner is a different name.
        var eastAsianScript = false
        /// The token's place around a kinship particle (`markKinship`).
        var kinship = Kinship.none
        /// A join that takes in a legal form: in an organisation's name it must meet a token exactly
        /// (`PETROTECHFZE` is `PETROTECH FZE`; `PLAYA MAR S.A.` holds no `marsa` a letter off `maria`).
        var holdsLegalForm = false
        /// A join of two syllables of a name that may be Chinese or Korean (`Jong Su` as `jongsu`): a letter substituted
        /// there is another syllable, and another name (`yongsu`), not a typo.
        var joinsSyllables = false

        init(form: TokenForm, weight: Double, position: Int, tokenID: UInt32? = nil) {
            self.formRef = .passUnretained(form)
            self.sketch = form.sketch
            self.weight = weight
            self.covers = 1 << UInt64(position)
            self.tokenID = tokenID
        }

        /// `TokenSimilarity.compare` of two sides' forms, borrowed: no reference counting (both threads
        /// compare the same listed forms, and their counts' cache lines went back and forth).
        @inline(__always)
        static func compare(_ a: Side, _ b: Side, korean: Bool, chinese: Bool, vowelsUncertain: Bool, spellings: Bool = true)
            -> (similarity: Double, agreement: TokenSimilarity.Agreement) {
            a.formRef._withUnsafeGuaranteedRef { fa in
                b.formRef._withUnsafeGuaranteedRef { fb in
                    TokenSimilarity.compare(fa, fb, korean: korean, chinese: chinese, vowelsUncertain: vowelsUncertain, spellings: spellings)
                }
            }
        }

        /// The token as written (explanations only: the hot loop never builds strings).
        var text: String { String(decoding: form.bytes, as: UTF8.self) }
        var isJoined: Bool { covers & (covers &- 1) != 0 }
        var position: Int { covers.trailingZeroBitCount }
    }

    /// Adjacent pairs of still-unaligned tokens, joined, in both orders: "jin ping" offers "jinping",
    /// and "KARTAL, Remzi" offers "remzikartal" as well as "kartalremzi" (lists write the family name
    /// first, customers often the given name). A join aligns only when nearly exact (within a letter of
    /// a leftover token of the other side), or as another romanization, which needs readings on both
    /// sides; so a join is built only near such a leftover, and with the readings that can count.
    /// - Parameters:
    ///   - others: the other name, whose tokens outside `othersUsed` are its leftovers.
    static func joins(_ tokens: UnsafeBufferPointer<Side>, used: UInt64, others: UnsafeBufferPointer<Side>, othersUsed: UInt64,
                      into out: inout [Side], state: inout ScoringState) {
        guard tokens.count >= 2, let other = others.first else { return }
        // Flags are per name: Korean variants count when both names may be Korean; Mandarin readings of
        // a Chinese-looking name meet any token that splits into pinyin syllables; alternates need both.
        let korean = tokens[0].koreanName && other.koreanName, chinese = tokens[0].chineseName
        for i in 0..<(tokens.count - 1) where used & (tokens[i].covers | tokens[i + 1].covers) == 0 {
            // (Sketches, not forms: this runs for most candidates, and reading the forms missed the cache.)
            let length = Int(tokens[i].sketch.length) + Int(tokens[i + 1].sketch.length)
            // Spelling folds shorten a token (doubled letters, aa, ou); the join's fold may lose one more
            // letter where the parts meet (abdul + lah).
            let foldedLength = Int(tokens[i].sketch.foldedLength) + Int(tokens[i + 1].sketch.foldedLength)
            let letters = tokens[i].sketch.letters | tokens[i + 1].sketch.letters
            let foldedLetters = tokens[i].sketch.foldedLetters | tokens[i + 1].sketch.foldedLetters
            // The article or a kinship particle of an abjad-written name before its word: Latin spellings
            // write them joined, in any form (Alatout, Elachi, the Maghrebi Lahcen; Benaissa, Abuzed), which
            // letter readings and skeletons find.
            let article = tokens[i].vowelsUncertain && isParticle(tokens[i])
            var near = false, mandarin = false, koreanNear = false
            for o in others.indices where others[o].covers & othersUsed == 0 {
                let sketch = others[o].sketch
                // A spelling join must be within one edit: as many letters give or take one, and the
                // same letter set give or take two (four once folded: folds may act where the parts meet).
                if abs(Int(sketch.length) - length) <= 1 || abs(Int(sketch.foldedLength) - foldedLength) <= 2,
                   (letters ^ sketch.letters).nonzeroBitCount <= 2 || (foldedLetters ^ sketch.foldedLetters).nonzeroBitCount <= 4 {
                    near = true
                }
                // Romanizations differ more in length (hsi/xi) than a typo does.
                guard abs(Int(sketch.length) - length) <= 3 else { continue }
                if chinese && sketch.alternatesOrMandarin { near = true; mandarin = true }
                if korean && sketch.hasKorean { near = true; koreanNear = true }
            }
            let weight = tokens[i].weight + tokens[i + 1].weight
            guard near else {
                if article { out.append(joined(tokens[i], tokens[i + 1], weight: weight, other: other, mandarin: false, korean: false, state: &state)) }
                continue
            }
            out.append(joined(tokens[i], tokens[i + 1], weight: weight, other: other, mandarin: mandarin, korean: koreanNear, state: &state))
            out.append(joined(tokens[i + 1], tokens[i], weight: weight, other: other, mandarin: mandarin, korean: koreanNear, state: &state))
        }
        joinThrees(tokens, used: used, others: others, othersUsed: othersUsed, into: &out, state: &state)
    }

    /// Three adjacent leftovers written as one word: a surname with its particles (`van der Bilt` ~
    /// `Vanderbilt`, `de la Cruz` ~ `Delacruz`, `de los Reyes`) or a word split in three (`Plat Ono
    /// Vich`). In order only, and by spelling only: the join must be within a letter of a leftover of
    /// the other side (the pair rule). Rare, so the forms are made per call, not cached.
    static func joinThrees(_ tokens: UnsafeBufferPointer<Side>, used: UInt64, others: UnsafeBufferPointer<Side>, othersUsed: UInt64,
                           into out: inout [Side], state: inout ScoringState) {
        // Not in Korean or Chinese names, whose syllables have their own joins.
        guard tokens.count >= 3, !tokens[0].koreanName, !tokens[0].chineseName, !tokens[0].eastAsianScript else { return }
        for i in 0..<(tokens.count - 2) where used & (tokens[i].covers | tokens[i + 1].covers | tokens[i + 2].covers) == 0 {
            let a = tokens[i], b = tokens[i + 1], c = tokens[i + 2]
            let length = Int(a.sketch.length) + Int(b.sketch.length) + Int(c.sketch.length)
            let letters = a.sketch.letters | b.sketch.letters | c.sketch.letters
            var near = false
            for o in others.indices where others[o].covers & othersUsed == 0 {
                let sketch = others[o].sketch
                if abs(Int(sketch.length) - length) <= 1 && (letters ^ sketch.letters).nonzeroBitCount <= 2 { near = true; break }
            }
            guard near else { continue }
            let form = TokenForm(a.form.bytes + b.form.bytes + c.form.bytes, chineseReadings: .none, koreanReadings: false, mandarinReadings: false)
            state.threeJoins.append(form)
            out.append(joinedSide(form, first: a, weight: a.weight + b.weight + c.weight, covers: a.covers | b.covers | c.covers,
                                  holdsLegalForm: a.sketch.isLegalForm || b.sketch.isLegalForm || c.sketch.isLegalForm))
        }
    }

    /// Length of the romanized Arabic article or kinship particle a token begins with, "al" (2), "bin" or
    /// "abu" (3) (`ArabicRomanizer` writes them apart); 0 when none.
    @inline(__always)
    static func particlePrefixLength(_ b: [UInt8]) -> Int {
        if b.count >= 2 && b[0] == UInt8(ascii: "a") && b[1] == UInt8(ascii: "l") { return 2 }
        guard b.count >= 3 else { return 0 }
        let bin = b[0] == UInt8(ascii: "b") && b[1] == UInt8(ascii: "i") && b[2] == UInt8(ascii: "n")
        let abu = b[0] == UInt8(ascii: "a") && b[1] == UInt8(ascii: "b") && b[2] == UInt8(ascii: "u")
        return bin || abu ? 3 : 0
    }

    /// The article or a kinship particle on its own.
    @inline(__always)
    static func isParticle(_ side: Side) -> Bool {
        let n = Int(side.sketch.length)
        return (n == 2 || n == 3) && particlePrefixLength(side.form.bytes) == n
    }

    /// A join of an abjad-written name's article or particle and the word after it: it may meet a Latin
    /// token by letter readings or a shared skeleton, where other joins must be spelled alike.
    @inline(__always)
    static func isParticleJoin(_ side: Side) -> Bool {
        side.vowelsUncertain && side.sketch.length > 3 && particlePrefixLength(side.form.bytes) > 0
    }

    private static func joined(_ a: Side, _ b: Side, weight: Double, other: Side, mandarin: Bool, korean: Bool,
                               state: inout ScoringState) -> Side {
        let readings: ChineseReadings = mandarin && other.chineseName ? a.form.chineseReadings : .none
        let make = { TokenForm(a.form.bytes + b.form.bytes, chineseReadings: readings, koreanReadings: korean, mandarinReadings: mandarin) }
        let flags = UInt64(readings.code) | (korean ? 4 : 0) | (mandarin ? 8 : 0)
        let form: TokenForm
        if let x = a.tokenID, let y = b.tokenID, x < 1 << 30, y < 1 << 30 {
            // Listed tokens: keyed by their ids (the same listed joins recur across queries).
            let key = (UInt64(x) + 1) << 34 | UInt64(y) << 4 | flags
            if let known = state.listedJoins.value(for: key) {
                form = known
            } else {
                form = make()
                state.listedJoins.insert(form, for: key)
            }
        } else {
            // The query's: keyed by positions, for this query only (built again for each candidate otherwise).
            let key = UInt64(a.position) << 10 | UInt64(b.position) << 4 | flags
            if let known = state.queryJoins.first(where: { $0.key == key }) {
                form = known.form
            } else {
                form = make()
                state.queryJoins.append((key, form))
            }
        }
        var side = joinedSide(form, first: a, weight: weight, covers: a.covers | b.covers,
                              holdsLegalForm: a.sketch.isLegalForm || b.sketch.isLegalForm)
        side.joinsSyllables = (a.chineseName || a.koreanName) && a.form.isSingleEastAsianSyllable && b.form.isSingleEastAsianSyllable
        return side
    }

    /// Whether `script` was written in Han, Hangul or kana and `latin` is a Latin token that spells
    /// Chinese or Korean name syllables: then a letter between them is another syllable.
    @inline(__always)
    static func spellsOtherSyllables(_ script: Side, _ latin: Side) -> Bool {
        script.eastAsianScript && !latin.eastAsianScript && (latin.form.mandarin != nil || latin.form.korean != nil)
    }

    /// The side of a joined token: the parts' weight and positions; the first part's name flags.
    @inline(__always)
    private static func joinedSide(_ form: TokenForm, first: Side, weight: Double, covers: UInt64, holdsLegalForm: Bool) -> Side {
        var side = Side(form: form, weight: weight, position: 0)
        side.covers = covers
        side.holdsLegalForm = holdsLegalForm
        side.koreanName = first.koreanName
        side.chineseName = first.chineseName
        side.vowelsUncertain = first.vowelsUncertain
        side.eastAsianScript = first.eastAsianScript
        return side
    }

    /// Where a token stands in a name with "bin", "ben", "ibn"…: the person's own name comes right before
    /// the first particle, a father's or ancestor's right after one. "SALMAN bin Muhammad" is the son of
    /// "MUHAMMAD bin Salman", not the same man, so an own name never aligns with an ancestor's.
    enum Kinship: UInt8 {
        case none = 0, own = 1, ancestor = 2
    }

    /// Marks the own and ancestor tokens of a name (`Kinship`); a name without a particle has none.
    static func markKinship(_ sides: inout ArraySlice<Side>) {
        guard let first = sides.firstIndex(where: { $0.form.isKinshipParticle }) else { return }
        if first > sides.startIndex { sides[first - 1].kinship = .own }
        for i in first..<(sides.endIndex - 1) where sides[i].form.isKinshipParticle && !sides[i + 1].form.isKinshipParticle {
            sides[i + 1].kinship = .ancestor
        }
    }

    /// An aligned pair candidate: indices into the two sides, and how alike they are.
    private struct PairCandidate {
        var qi: Int
        var li: Int
        var sim: Double
        var agreement: TokenSimilarity.Agreement
    }

    /// Compares two sides with the flags their names allow, through the memo when the listed side is
    /// a single indexed token.
    @inline(__always)
    private static func compare(_ a: Side, _ b: Side, memo: inout PairMemo) -> (similarity: Double, agreement: TokenSimilarity.Agreement) {
        let korean = a.koreanName && b.koreanName, chinese = a.chineseName && b.chineseName
        let vowelsUncertain = a.vowelsUncertain || b.vowelsUncertain
        guard TokenSketch.mayMeet(a.sketch, b.sketch, korean: korean, chinese: chinese, vowelsUncertain: vowelsUncertain) else { return (0, .none) }
        guard memo.isEnabled, !a.isJoined, let id = b.tokenID else {
            return Side.compare(a, b, korean: korean, chinese: chinese, vowelsUncertain: vowelsUncertain)
        }
        let key = PairMemo.key(query: a.position, listed: id, korean: korean, chinese: chinese, vowelsUncertain: vowelsUncertain)
        if let known = memo.value(for: key) { return known }
        let r = Side.compare(a, b, korean: korean, chinese: chinese, vowelsUncertain: vowelsUncertain)
        memo.insert(r, for: key)
        return r
    }

    /// Two sides compared by their readings alone, not their spellings: whether they write the same
    /// Korean (or, with `chinese`, Chinese) syllables, where a spelling likeness says nothing.
    @inline(__always)
    private static func compareReadings(_ a: Side, _ b: Side, chinese: Bool) -> (similarity: Double, agreement: TokenSimilarity.Agreement) {
        Side.compare(a, b, korean: a.koreanName && b.koreanName, chinese: chinese && a.chineseName && b.chineseName, vowelsUncertain: false,
                     spellings: false)
    }

    /// How far apart a pair's tokens stand in their names, as shares of each name's length: of two
    /// equal pairs (a word both names repeat: `Grupo de ... S.A. de C.V.`, `ben Ali ben`) the one in the
    /// same place aligns, leaving the others' neighbours together for joins.
    /// - Parameter lengths: how many tokens each name has (joins appended to the sides cover no new ones).
    @inline(__always)
    private static func placeDistance(_ c: PairCandidate, _ q: UnsafeBufferPointer<Side>, _ l: UnsafeBufferPointer<Side>,
                                      lengths: (query: Int, listed: Int)) -> Int {
        abs(q[c.qi].covers.trailingZeroBitCount * lengths.listed - l[c.li].covers.trailingZeroBitCount * lengths.query)
    }

    /// Greedy one-to-one alignment of `q` against `l` (best pairs first; ties prefer more weight, then
    /// tokens in the same place, then the earlier pair), skipping tokens already used; records each pair and adds the weighted
    /// similarity. Runs for every candidate: pairs go to a stack buffer, sides are read through buffer
    /// pointers.
    /// - Returns: the number of pairs aligned.
    @discardableResult
    static func align(_ q: UnsafeBufferPointer<Side>, _ l: UnsafeBufferPointer<Side>, isPerson: Bool, explain: Bool,
                      qUsed: inout UInt64, lUsed: inout UInt64, lExact: inout UInt64, matched: inout Double, total: inout Double,
                      explanation: inout Explanation, memo: inout PairMemo) -> Int {
        let capacity = q.count * l.count
        guard capacity > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: PairCandidate.self, capacity: capacity) { buffer -> Int in
            var n = 0
            for qi in q.indices where q[qi].covers & qUsed == 0 {
                for li in l.indices where l[li].covers & lUsed == 0 {
                    let joined = q[qi].isJoined || l[li].isJoined
                    if q[qi].isJoined && l[li].isJoined { continue }
                    if q[qi].kinship.rawValue | l[li].kinship.rawValue == 3 { continue }  // own ~ ancestor
                    var (s, agreement) = compare(q[qi], l[li], memo: &memo)
                    // Joining invents a token: only an exact or one-typo join counts ("jin ping" ~ "jinping"),
                    // never a mere skeleton likeness ("zhao nan" is not "shona"); or, in a Korean name, another
                    // romanization of the same syllables, which a skeleton likeness may hide (기문 Ki Mun ~
                    // `Kimoon`). (Not the alternate readings of a Chinese name: 志成 Zhicheng is not Jicheng.)
                    if joined && !agreement.isRomanization && (s < minimumJoinedSimilarity || agreement == .transliteration)
                        && !(s >= TokenSimilarity.readingSimilarity && q[qi].isJoined && isParticleJoin(q[qi])) {
                        guard q[qi].koreanName && l[li].koreanName else { continue }
                        (s, agreement) = compareReadings(q[qi], l[li], chinese: false)
                        guard agreement == .korean else { continue }
                    }
                    if !isPerson && s < 1 && (q[qi].holdsLegalForm || l[li].holdsLegalForm) { continue }
                    // Syllables written in Han, Hangul or kana are certain: joined, they meet a Latin token
                    // that spells name syllables in one of its readings or not at all (영숙 Yong Suk is not
                    // Yongsu, 家豪 Jia Hao not Jiachao, a letter off; Jiau-hua, no pinyin, may be 椒华).
                    // Nor may a syllable be substituted in a join of a name that may be Chinese or Korean
                    // (Jong Su is not Yongsu).
                    if joined && agreement == .typo && (spellsOtherSyllables(q[qi], l[li]) || spellsOtherSyllables(l[li], q[qi])
                        || (q[qi].joinsSyllables || l[li].joinsSyllables) && isSubstitution(q[qi], l[li])) {
                        // Unless the syllables are readings of one another (Yuen Ren ~ Yuanren, Cantonese).
                        (s, agreement) = compareReadings(q[qi], l[li], chinese: true)
                        guard agreement.isRomanization else { continue }
                    }
                    // A person's initial stands for the whole token ("N." for Nursultan): it aligns below the
                    // usual bar. In a vessel or company name a lone letter is just a letter ("M-VITO").
                    let aligns = agreement == .initial ? (isPerson && !joined) : s >= minimumPairSimilarity
                    if aligns {
                        buffer.initializeElement(at: n, to: PairCandidate(qi: qi, li: li, sim: s, agreement: agreement))
                        n += 1
                    }
                }
            }
            guard n > 0 else { return 0 }
            // The names' lengths in tokens, counted only when asked: by ties in the sort below (a word
            // both repeat) and by names written in Han or Hangul.
            var lengths: (query: Int, listed: Int)?
            func nameLengths() -> (query: Int, listed: Int) {
                if let lengths { return lengths }
                let counted = (q.reduce(0 as UInt64) { $0 | $1.covers }.nonzeroBitCount, l.reduce(0 as UInt64) { $0 | $1.covers }.nonzeroBitCount)
                lengths = counted
                return counted
            }
            // Insertion sort: a handful of pairs, and stable, so equal pairs keep their order.
            if n > 1 {
                for i in 1..<n {
                    let c = buffer[i]
                    let cWeight = q[c.qi].weight + l[c.li].weight
                    var j = i
                    while j > 0 {
                        let p = buffer[j - 1]
                        let pWeight = q[p.qi].weight + l[p.li].weight
                        let before = c.sim != p.sim ? c.sim > p.sim
                            : cWeight != pWeight ? cWeight > pWeight
                            : placeDistance(c, q, l, lengths: nameLengths()) < placeDistance(p, q, l, lengths: nameLengths())
                        if !before { break }
                        buffer[j] = p
                        j -= 1
                    }
                    buffer[j] = c
                }
            }
            var aligned = 0
            // A name written in Han or Hangul keeps its given name's syllables in order: two of them
            // meeting two adjacent listed tokens the other way round are another name (준영 Jun Yong is
            // not Yong Chun), where a whole name moved (family name last) keeps their order.
            let ordered = q[0].eastAsianScript && nameLengths().query >= 3 && nameLengths().listed >= 3
            var accepted = 0
            for k in 0..<n {
                let c = buffer[k]
                let qCovers = q[c.qi].covers, lCovers = l[c.li].covers
                if qCovers & qUsed != 0 || lCovers & lUsed != 0 { continue }
                if ordered && reversesAcceptedSyllable(c, buffer, accepted, q, l) { continue }
                buffer[accepted] = c
                accepted += 1
                qUsed |= qCovers
                lUsed |= lCovers
                if c.sim == 1 { lExact |= lCovers }
                // An initial carries the weight of the token it stands for, not the rarity of a lone letter.
                let w = c.agreement == .initial ? 2 * (q[c.qi].form.bytes.count > 1 ? q[c.qi].weight : l[c.li].weight)
                                                : q[c.qi].weight + l[c.li].weight
                matched += c.sim * w
                total += w
                aligned += 1
                if explain {
                    let via = (q[c.qi].isJoined || l[c.li].isJoined) ? "joined" : c.agreement.rawValue
                    explanation.pairs.append(.init(query: q[c.qi].text, listed: l[c.li].text, similarity: c.sim, weight: w, via: via))
                }
            }
            buffer.baseAddress!.deinitialize(count: n)
            return aligned
        }
    }

    /// Whether pair `c` puts two adjacent query tokens on two adjacent listed tokens in the reverse
    /// order of a pair already aligned (single tokens only).
    private static func reversesAcceptedSyllable(_ c: PairCandidate, _ pairs: UnsafeMutableBufferPointer<PairCandidate>, _ count: Int,
                                                 _ q: UnsafeBufferPointer<Side>, _ l: UnsafeBufferPointer<Side>) -> Bool {
        guard !q[c.qi].isJoined, !l[c.li].isJoined else { return false }
        let qp = q[c.qi].covers.trailingZeroBitCount, lp = l[c.li].covers.trailingZeroBitCount
        for i in 0..<count {
            let p = pairs[i]
            guard !q[p.qi].isJoined, !l[p.li].isJoined else { continue }
            let dq = qp - q[p.qi].covers.trailingZeroBitCount, dl = lp - l[p.li].covers.trailingZeroBitCount
            if abs(dq) == 1 && abs(dl) == 1 && dq != dl { return true }
        }
        return false
    }

    /// - Parameter isPerson: people often carry extra or missing middle names and patronymics, so
    ///   leftovers cost less; for organisations and vessels every distinguishing word counts.
    /// - Parameter explain: record pairs and leftovers in `explanation`; off for the first pass over
    ///   candidates, most of which are dropped (no strings built for them).
    /// - Parameter memo: token-pair comparisons shared across one query's candidates.
    /// Sides are read through buffer pointers (array subscripts and headers cost retains and cache
    /// misses in this loop); listed names come as runs of the matcher's flat side table.
    static func score(query: UnsafeBufferPointer<Side>, listed: UnsafeBufferPointer<Side>, isPerson: Bool = true, explain: Bool = true,
                      explanation: inout Explanation, state: inout ScoringState) -> Double {
        guard !query.isEmpty, !listed.isEmpty else { return 0 }
        state.forgetJoinsIfFull()  // here, never while this call's joined sides point into the caches
        state.threeJoins.removeAll(keepingCapacity: true)
        let qAll: UInt64 = query.count >= 64 ? ~0 : (1 << UInt64(query.count)) - 1
        let lAll: UInt64 = listed.count >= 64 ? ~0 : (1 << UInt64(listed.count)) - 1
        var qUsed: UInt64 = 0, lUsed: UInt64 = 0
        var matched = 0.0
        var total = 0.0
        // Single tokens first; then, only if both sides have leftovers, joined neighbours among them.
        var lExact: UInt64 = 0
        var alignedPairs = align(query, listed, isPerson: isPerson, explain: explain, qUsed: &qUsed, lUsed: &lUsed, lExact: &lExact,
                                 matched: &matched, total: &total, explanation: &explanation, memo: &state.memo)
        if qUsed != qAll && lUsed != lAll && (query.count >= 2 || listed.count >= 2) {
            // Each side with its joins appended, in buffers kept in `state` (no allocation per pair).
            var q: [Side] = [], l: [Side] = []
            swap(&q, &state.queryWithJoins)
            swap(&l, &state.listedWithJoins)
            q.removeAll(keepingCapacity: true)
            l.removeAll(keepingCapacity: true)
            q.append(contentsOf: query)
            l.append(contentsOf: listed)
            joins(query, used: qUsed, others: listed, othersUsed: lUsed, into: &q, state: &state)
            joins(listed, used: lUsed, others: query, othersUsed: qUsed, into: &l, state: &state)
            if q.count > query.count || l.count > listed.count {
                alignedPairs += q.withUnsafeBufferPointer { q in
                    l.withUnsafeBufferPointer { l in
                        align(q, l, isPerson: isPerson, explain: explain, qUsed: &qUsed, lUsed: &lUsed, lExact: &lExact, matched: &matched,
                              total: &total, explanation: &explanation, memo: &state.memo)
                    }
                }
            }
            swap(&q, &state.queryWithJoins)
            swap(&l, &state.listedWithJoins)
        }
        if isPerson && qUsed != qAll && lUsed != lAll {
            alignedPairs += alignRunTogetherInitials(query, qUsed: &qUsed, against: listed, used: &lUsed, queryHoldsThem: true,
                                                     matched: &matched, total: &total, explain: explain, explanation: &explanation)
            alignedPairs += alignRunTogetherInitials(listed, qUsed: &lUsed, against: query, used: &qUsed, queryHoldsThem: false,
                                                     matched: &matched, total: &total, explain: explain, explanation: &explanation)
        }
        // An organisation's core agrees exactly when its pairs do; an acronym spells its words letter for
        // letter, and as evidence it is worth the words it stands for (`PLA China`: the place qualifies it).
        var coreExact = !isPerson && matched == total
        var acronyms = 0
        if !isPerson && qUsed != qAll && lUsed != lAll {
            // The customer's initials for a listed organisation's words; not the other way round: a listed
            // acronym (`SAM`, `TRO`, `Y.A.S. CO.`) is spelt by too many people's names.
            acronyms = alignAcronyms(query, used: &qUsed, against: listed, otherUsed: &lUsed,
                                     matched: &matched, total: &total, explain: explain, explanation: &explanation)
            alignedPairs += acronyms
        }
        if qUsed != qAll && lUsed != lAll,
           alignAlteredWord(query, qUsed: &qUsed, listed, lUsed: &lUsed, alignedPairs: alignedPairs, isPerson: isPerson, matched: &matched,
                            total: &total, explain: explain, explanation: &explanation) {
            alignedPairs += 1
            coreExact = false
        }
        if !isPerson && qUsed != qAll && lUsed != lAll {
            alignMistypedLegalForm(query, qUsed: &qUsed, listed, lUsed: &lUsed, matched: &matched, total: &total,
                                   explain: explain, explanation: &explanation)
        }
        // One aligned token is weak evidence when the query has more: "Rania Makhlouf" is not the
        // vessel "LADY RANIA". Then the query's other tokens count in full.
        // Leftovers on both sides are a substitution ("ben MOHAMED ben" vs "ben ALI ben"): a
        // different name, charged in full and more (`substitutionFactor`). Leftovers on one side only
        // are an extra or missing token.
        let leftoverBothSides = qUsed != qAll && lUsed != lAll
        // A name written in Han, Hangul or kana has no optional middle names: a syllable the listed
        // name lacks is another given name (경숙 is not Kyong-song; 유진 박 is not YU Jin), charged in full.
        // Nor has a Latin-written name that may be Chinese or Korean on both sides: a syllable the
        // customer adds is another given name (Jian Hong is not Jian, Pak Jin Yu not Jin Yu), charged
        // as a substitution is, on both sides (one the customer leaves out may be a partial name).
        let syllabic = !leftoverBothSides && !query[0].vowelsUncertain
            && ((query[0].chineseName && listed[0].chineseName) || (query[0].koreanName && listed[0].koreanName))
        let full = alignedPairs <= 1 || leftoverBothSides || !isPerson || query[0].eastAsianScript
        var charges = LeftoverCharges(isPerson: isPerson, bothSides: leftoverBothSides,
                                      coreExact: coreExact && alignedPairs > 0)
        charges.base = syllabic ? 2 : (full && (query.count >= 2 || !isPerson)) ? 1.0 : unmatchedQueryFactor
        charges.fathersDiffer = isPerson && leftoverBothSides && hasLeftoverAncestor(query, used: qUsed) && hasLeftoverAncestor(listed, used: lUsed)
        // As above, one aligned token is weak evidence for a query with more: a customer's place then
        // counts in full (`Crystal Holland` is not the vessel `CRYSTAL`).
        charges.placeCounts = alignedPairs + acronyms >= 2
        for i in query.indices where query[i].covers & qUsed == 0 {
            if !isPerson && isOwnAcronym(i, of: query) { continue }
            total += query[i].weight * charges.factor(query[i], initialIsMinor: true)
            if explain { explanation.unmatchedQuery.append(query[i].text) }
        }
        charges.base = (leftoverBothSides || !isPerson) ? 1.0 : unmatchedListedFactor
        charges.placeCounts = true
        let repeats = isPerson && !leftoverBothSides && lUsed != lAll && onlyRepeatsLeft(listed, used: lUsed, exact: lExact)
        for i in listed.indices where listed[i].covers & lUsed == 0 {
            if !isPerson && isOwnAcronym(i, of: listed) { continue }
            total += listed[i].weight * charges.factor(listed[i], initialIsMinor: false) * (repeats ? unmatchedPatronymicFactor : 1)
            if explain { explanation.unmatchedListed.append(listed[i].text) }
        }
        guard total > 0 else { return 0 }
        let s = capOneShortWord(query, listed, score: matched / total, explain: explain, explanation: &explanation)
        if explain { explanation.nameScore = s }
        return s
    }

    /// Initials written as one token (`JC Juncker`, `MK Gandhi`, `AK Antony`): a leftover of two or three
    /// letters and no vowel, in a person's name that is not East Asian (`Ng` may be Chinese), aligns
    /// with as many adjacent leftovers of the other name that start with its letters, in order, each
    /// pair counting as an initial does (`J.-C. Juncker`).
    /// - Returns: the number of pairs aligned.
    private static func alignRunTogetherInitials(_ side: UnsafeBufferPointer<Side>, qUsed used: inout UInt64,
                                                 against other: UnsafeBufferPointer<Side>, used otherUsed: inout UInt64,
                                                 queryHoldsThem: Bool, matched: inout Double, total: inout Double,
                                                 explain: Bool, explanation: inout Explanation) -> Int {
        var aligned = 0
        for i in side.indices where side[i].covers & used == 0 && mayBeRunTogetherInitials(side[i]) {
            let letters = side[i].form.bytes
            guard other.count >= letters.count else { continue }
            for start in 0...(other.count - letters.count) {
                let run = start..<(start + letters.count)
                guard run.allSatisfy({ k in
                    other[k].covers & otherUsed == 0 && other[k].sketch.length > 1 && !other[k].eastAsianScript
                        && other[k].form.bytes[0] == letters[k - start]
                }) else { continue }
                used |= side[i].covers
                for k in run {
                    otherUsed |= other[k].covers
                    let w = 2 * other[k].weight
                    matched += TokenSimilarity.initialSimilarity * w
                    total += w
                    if explain {
                        let (q, l) = queryHoldsThem ? (side[i].text, other[k].text) : (other[k].text, side[i].text)
                        explanation.pairs.append(.init(query: q, listed: l, similarity: TokenSimilarity.initialSimilarity, weight: w,
                                                       via: TokenSimilarity.Agreement.initial.rawValue))
                    }
                }
                aligned += letters.count
                break
            }
        }
        return aligned
    }

    /// Two or three letters and no vowel, outside Chinese, Korean and East Asian-script names.
    @inline(__always)
    static func mayBeRunTogetherInitials(_ side: Side) -> Bool {
        guard (2...3).contains(side.sketch.length), !side.koreanName, !side.chineseName, !side.eastAsianScript else { return false }
        return side.form.bytes.allSatisfy { b in b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") && !PhoneticKey.isVowel(b) }
    }

    /// Whether a one-letter typo between two sides is a substituted letter (not one more or less, nor
    /// two neighbours swapped).
    static func isSubstitution(_ a: Side, _ b: Side) -> Bool {
        a.sketch.length == b.sketch.length && !TokenSimilarity.isAdjacentSwap(a.form.bytes, b.form.bytes)
    }

    /// Two names on their own (no memo across candidates).
    static func score(query: [Side], listed: [Side], isPerson: Bool = true, explain: Bool = true, explanation: inout Explanation) -> Double {
        var state = ScoringState(memo: .disabled)
        return query.withUnsafeBufferPointer { q in
            listed.withUnsafeBufferPointer { l in
                score(query: q, listed: l, isPerson: isPerson, explain: explain, explanation: &explanation, state: &state)
            }
        }
    }
}
