import Dispatch
import VigilIndex
import VigilLists
import VigilNormalization

/// Finds listed entities for a query: trigram candidates from the index, then rarity-weighted name
/// scoring and attribute adjustments, best name per entity, sorted by score.
public final class Matcher: Sendable {
    public let index: SearchIndex
    let normalizer: NameNormalizer
    /// Listed tokens with their comparison keys, computed once at load (the hot loop reads them).
    private let tokenForms: [TokenForm]
    /// Rarity weight of each listed token, stop words and legal forms damped.
    private let tokenWeights: [Double]
    /// Every listed name as the scorer sees it, built once: the hot loop only reads them.
    private let listed: ListedNames
    /// Organisations' names by their initials, for a customer's acronym (`AcronymIndex`).
    let acronyms: AcronymIndex

    /// Longest query name used, in UTF-8 bytes, and most tokens used from it.
    public static let maximumQueryBytes = 4096
    public static let maximumQueryTokens = 24

    /// How many names, at most, get full scoring per query.
    public static let candidateLimit = 100

    /// Listed tokens found for a probe token, remembered across queries: customer files repeat their
    /// names (a few thousand given and family names make most rows), and finding a token's look-alikes
    /// is the costliest step of retrieval. Bounded; when full it starts over.
    private let probeCache = BoundedCache<String, [TokenHit]>(limit: 50_000)
    private let scratchPool: Pool<Scratch>
    /// Query tokens' comparison keys, by token and the readings that apply.
    private let queryForms = BoundedCache<QueryFormKey, TokenForm>(limit: 100_000)
    private struct QueryFormKey: Hashable, Sendable {
        var token: String
        var readings: ChineseReadings
    }
    private let joinedTokenFinder: JoinedTokenFinder
    private let accumulatorBlock: Int

    public convenience init(index: SearchIndex, normalizer: NameNormalizer = .shared) {
        self.init(index: index, normalizer: normalizer, accumulatorBlock: Self.defaultAccumulatorBlock)
    }

    /// - Parameter reverseLookups: the matcher serves `entitiesNear` over a large index (a store's
    ///   customers), scoring few of its names: they are prepared when scored, not all at init (screening
    ///   with it still works, after preparing them all on first use).
    public convenience init(index: SearchIndex, reverseLookups: Bool) {
        self.init(index: index, normalizer: .shared, accumulatorBlock: Self.defaultAccumulatorBlock, eagerSides: !reverseLookups)
    }

    /// - Parameter accumulatorBlock: names per block of retrieval's accumulator (`accumulate`); tests
    ///   make it small so that the default index spans many blocks.
    init(index: SearchIndex, normalizer: NameNormalizer, accumulatorBlock: Int, eagerSides: Bool = true) {
        self.index = index
        self.normalizer = normalizer
        self.accumulatorBlock = max(1, accumulatorBlock)
        let (tokenCount, nameCount) = (index.tokens.count, index.names.count)
        self.scratchPool = Pool { Scratch(tokens: tokenCount, names: nameCount, block: max(1, accumulatorBlock)) }
        self.tokenForms = Self.forms(of: index.tokens)
        self.joinedTokenFinder = JoinedTokenFinder(tokenForms: tokenForms)
        self.tokenWeights = index.tokens.indices.map { i in
            Self.damp(index.tokens[i], Double(index.rarity(ofTokenID: UInt32(i))))
        }
        self.listed = ListedNames(index: index, forms: tokenForms, weights: tokenWeights, eager: eagerSides)
        self.acronyms = AcronymIndex(listed, forms: tokenForms, index: index)
    }

    /// Each listed token's form, made on every core (readings make them costly: 92k tokens took a second).
    static func forms(of tokens: TokenTable) -> [TokenForm] {
        let lanes = max(1, min(Machine.coreCount, tokens.count / 5_000))
        return [TokenForm](unsafeUninitializedCapacity: tokens.count) { out, initialized in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for t in (tokens.count * lane / lanes)..<(tokens.count * (lane + 1) / lanes) {
                    (out.baseAddress! + t).initialize(to: TokenForm(Array(tokens.utf8(t))))
                }
            }
            initialized = tokens.count
        }
    }

    /// Scores are reported to 4 decimals; rounding here keeps a weighted mean of 0.8s at 0.8 rather
    /// than 0.79999…, so the threshold compares what the explanation shows.
    @inline(__always)
    static func clampAndRound(_ s: Double) -> Double { (min(1, max(0, s)) * 10_000).rounded() / 10_000 }

    static let dampFactor = 0.2

    /// Stop words weigh a fifth of their rarity; so do legal forms, except in a person's name
    /// (`personWeight`).
    static func damp(_ token: String, _ weight: Double) -> Double {
        if Vocabulary.stopWords.contains(token) || Vocabulary.legalForms[token] != nil { return weight * dampFactor }
        return weight
    }

    /// A damped weight as a person's name weighs its token: a legal form's fifth undone (no legal form
    /// is a stop word), since there `KK`, `PT`, `CV` are initials and `Too`, `Ao`, `Sa` surnames
    /// (`K.K. Sharma`, `Kiprotich Too`).
    @inline(__always)
    static func personWeight(_ weight: Double, of form: TokenForm) -> Double {
        form.sketch.isLegalForm ? weight / dampFactor : weight
    }

    /// - Parameters:
    ///   - limit: most matches returned.
    ///   - minimumScore: matches below this are not returned (context matches under the alert threshold
    ///     are still returned when above it).
    /// - Complexity: O(postings of the query's trigrams + candidateLimit × tokens²).
    public func match(_ query: ScreeningQuery, limit: Int = 10, minimumScore: Double = 0.5) -> [Match] {
        let direct = matchOneReading(query, limit: limit, minimumScore: minimumScore)
        // A name that may be Korean in Hanja is screened in its Korean reading too, as a whole; not a
        // customer of another stated nationality (a Chinese 李秀英 is Li Xiuying, not Ri Su Yong).
        guard let korean = HanjaReadings.koreanReading(of: query.name), Self.mayBeKorean(query.nationality) else { return direct }
        var alternative = query
        alternative.name = korean
        let viaKorean = matchOneReading(alternative, limit: limit, minimumScore: minimumScore).map { m in
            var m = m
            m.explanation.attributes.insert(Self.koreanReadingNote(korean), at: 0)
            return m
        }
        return Self.merged(direct, viaKorean, limit: limit)
    }

    private func matchOneReading(_ query: ScreeningQuery, limit: Int, minimumScore: Double) -> [Match] {
        guard limit > 0, let (normalized, querySides) = prepare(query.name) else { return [] }
        return scratchPool.withElement { scratch in
            defer { scratch.scoring.endQuery() }
            return match(query, normalized: normalized, querySides: querySides, limit: limit, minimumScore: minimumScore, scratch: scratch)
        }
    }

    /// `match` without retrieval: every listed name is scored, with the same scoring, attributes and
    /// order. The baseline retrieval is measured against (candidate recall, and the work it saves);
    /// ~55,000 names per query on the default index, so for evaluation, not for screening.
    public func bruteForceMatch(_ query: ScreeningQuery, limit: Int = 10, minimumScore: Double = 0.5) -> [Match] {
        guard limit > 0, let (normalized, querySides) = prepare(query.name) else { return [] }
        return scratchPool.withElement { scratch in
            defer { scratch.scoring.endQuery() }
            return match(query, normalized: normalized, querySides: querySides, limit: limit, minimumScore: minimumScore, scratch: scratch,
                         candidates: Array(0..<UInt32(index.names.count)))
        }
    }

    /// The query name as the scorer sees it; nil when it has no tokens.
    private func prepare(_ name: String) -> (NormalizedName, SidedName)? {
        // A name is a few tokens; a pasted paragraph (or a hostile 100 kB field) is cut to the first
        // `maximumQueryTokens` so one row can never stall a run.
        let text = name.utf8.count > Self.maximumQueryBytes ? String(name.prefix(Self.maximumQueryBytes)) : name
        var normalized = normalizer.normalize(text)
        if normalized.tokens.count > Self.maximumQueryTokens { normalized.tokens.removeSubrange(Self.maximumQueryTokens...) }
        guard !normalized.tokens.isEmpty else { return nil }
        let querySides = sides(normalized.tokens, titles: normalized.honorifics, chineseReadings: Self.chineseReadings(normalized.script),
                               hanReadings: normalized.hanReadings,
                               kanjiReadings: normalized.kanjiReadings, hangul: normalized.script == .hangul, abjad: Self.isAbjad(normalized.script),
                               eastAsian: Self.isEastAsian(normalized.script))
        return (normalized, querySides)
    }

    /// The best name score (no attributes) of `name` against the names of the given entities, as
    /// `match` computes it for a candidate (weak aliases count 0.9). For bounding: a pair whose name
    /// score is under threshold − `AttributeScorer.maximumBonus` cannot alert. The Korean reading of a
    /// Hanja name counts as `match` screens it (whatever the nationality, not known here: a bound).
    public func bestNameScore(_ name: String, entities: [UInt32]) -> Double {
        let direct = bestNameScore(prepare(name), entities: entities)
        guard let korean = HanjaReadings.koreanReading(of: name) else { return direct }
        return max(direct, bestNameScore(prepare(korean), entities: entities))
    }

    private func bestNameScore(_ prepared: (NormalizedName, SidedName)?, entities: [UInt32]) -> Double {
        guard let (_, querySides) = prepared else { return 0 }
        return scratchPool.withElement { scratch in
            defer { scratch.scoring.endQuery() }
            return withQuery(querySides) { q, records, sides in
                var best = 0.0
                for e in entities {
                    for nameID in index.names(ofEntity: Int(e)) {
                        let record = records[Int(nameID)]
                        var unused = Explanation()
                        var score = NameScorer.score(query: q.of(record), listed: sides.of(record), isPerson: record.isPerson, explain: false,
                                                     explanation: &unused, state: &scratch.scoring)
                        if record.isWeak { score *= 0.9 }
                        best = max(best, score)
                    }
                }
                return best
            }
        }
    }

    /// Runs `body` with the query's sides and the listed names' records and sides as buffers (the
    /// query's forms kept alive meanwhile: sides point to them unowned).
    private func withQuery<T>(_ query: SidedName,
                              _ body: (QueryBuffers, UnsafeBufferPointer<ListedNames.Record>,
                                       UnsafeBufferPointer<NameScorer.Side>) -> T) -> T {
        withExtendedLifetime(query) {
            query.withBuffers { q in listed.withBuffers { records, sides in body(q, records, sides) } }
        }
    }

    /// A candidate entity's best name so far: what its match will show, before its record is decoded
    /// and its explanation written.
    private struct Best {
        var name: UInt32
        var slot: UInt16
        var score: Double
        /// The name score before attributes (ties keep the closer name).
        var nameScore: Double
    }

    /// - Parameter candidates: the names to score; nil retrieves them (`candidates(for:)`).
    private func match(_ query: ScreeningQuery, normalized: NormalizedName, querySides: SidedName, limit: Int, minimumScore: Double,
                       scratch: Scratch, candidates given: [UInt32]? = nil) -> [Match] {
        var best: [UInt32: Best] = [:]
        let bonus = AttributeScorer.maximumBonus(for: query), withAttributes = AttributeScorer.applies(to: query)
        let candidates = given ?? candidates(for: normalized.tokens, forms: querySides.forms, scratch: scratch)
        return withQuery(querySides) { q, records, sides in
            // Scores without explanations: a common name has dozens of candidates over the floor, and
            // only the `limit` returned need one (written below, with the same score).
            var unexplained = Explanation()
            let nativeScript = normalized.script != .latin
            for nameID in candidates {
                let record = records[Int(nameID)]
                var score = NameScorer.score(query: q.of(record), listed: sides.of(record), isPerson: record.isPerson, explain: false,
                                             explanation: &unexplained, state: &scratch.scoring)
                if record.isWeak { score *= 0.9 }
                // (0.00005: the final score is rounded to 4 decimals, which may lift it onto the floor.)
                if score + bonus + 0.00005 < minimumScore { continue }
                if nativeScript && record.isNativeScript {
                    score = checkSameScript(query.name, record, q.of(record), sides.of(record), score: score, state: &scratch.scoring)
                    if score + bonus + 0.00005 < minimumScore { continue }
                }
                if let existing = best[record.entity], Self.keeps(existing, over: min(1, score + bonus), score) { continue }
                let nameScore = score
                if withAttributes {
                    score += AttributeScorer.apply(query, index.entities.attributes(Int(record.entity)), listedIsPerson: record.isPerson,
                                                   explain: false, to: &unexplained)
                }
                score = Self.clampAndRound(score)
                guard score >= minimumScore else { continue }
                if let existing = best[record.entity], Self.keeps(existing, over: score, nameScore) { continue }
                best[record.entity] = Best(name: nameID, slot: record.slot, score: score, nameScore: nameScore)
            }
            // Best first, ties by entity id; only the matches returned decode their entity record.
            var ranked = best.map { (entity: $0.key, best: $0.value) }
            ranked.sort { $0.best.score > $1.best.score }
            if ranked.count > limit {
                // Entries tied with the last one kept are ordered by id below, so they all stay for now.
                let cut = ranked[limit - 1].best.score
                ranked.removeSubrange((ranked.firstIndex { $0.best.score < cut } ?? ranked.count)...)
            }
            let ids = ranked.map { index.entities.id(Int($0.entity)) }
            let order = ranked.indices.sorted { ranked[$0].best.score != ranked[$1].best.score ? ranked[$0].best.score > ranked[$1].best.score : ids[$0] < ids[$1] }
            return order.prefix(limit).map { i in
                let (e, b) = ranked[i]
                let record = records[Int(b.name)]
                var explanation = Explanation()
                let nameScore = NameScorer.score(query: q.of(record), listed: sides.of(record), isPerson: record.isPerson, explanation: &explanation,
                                                 state: &scratch.scoring)
                let entity = index.entities[Int(e)]
                if nativeScript && record.isNativeScript {
                    _ = Self.checkSameScript(query.name, entity.name(at: Int(b.slot)), score: nameScore, explanation: &explanation)
                }
                if record.isWeak {
                    explanation.attributes.append(.init(attribute: "name_quality", delta: -nameScore * 0.9 / 9, reason: "weak or low-quality alias"))
                }
                if withAttributes {
                    _ = AttributeScorer.apply(query, index.entities.attributes(Int(e)), listedIsPerson: record.isPerson, explain: true, to: &explanation)
                }
                // The stored content hash: hashing the record again was a tenth of an alerting row's cost.
                return Match(entity: entity, matchedName: entity.name(at: Int(b.slot)), score: b.score, explanation: explanation,
                             entityHash: index.entities.contentHash(Int(e)))
            }
        }
    }

    /// Whether an entity's match so far stays over another of its names: a higher score, or the same
    /// score (attributes lift both to 1) with a name at least as close, so the name shown is the one
    /// that matched best (`PUTIN, Vladimir`, not the longer alias, for "Vladimir Putin").
    @inline(__always)
    private static func keeps(_ kept: Best, over otherScore: Double, _ otherNameScore: Double) -> Bool {
        kept.score > otherScore || (kept.score == otherScore && kept.nameScore >= otherNameScore)
    }

    /// Entities (indexes into `index.entities`) with a name near `name`, found without the candidate cap
    /// of `match`: retrieval at `floorFraction` of the rarity-weighted query, then the name score alone
    /// (no attributes), kept from `minimumNameScore`. For reverse look-ups: which customers (indexed as
    /// entities) could a new listed name reach? Those are then screened the normal way, so both
    /// bounds sit well under what a forward alert needs.
    public func entitiesNear(_ name: String, floorFraction: Double = 0.2, minimumNameScore: Double = 0.5) -> Set<UInt32> {
        guard let (normalized, querySides) = prepare(name) else { return [] }
        return scratchPool.withElement { scratch in
            defer { scratch.scoring.endQuery() }
            let candidates = candidates(for: normalized.tokens, forms: querySides.forms, scratch: scratch, floorFraction: floorFraction, limit: nil)
            var out = Set<UInt32>()
            func score(_ q: QueryBuffers, _ record: ListedNames.Record, _ sides: UnsafeBufferPointer<NameScorer.Side>) {
                var unused = Explanation()
                let score = NameScorer.score(query: q.of(record), listed: sides, isPerson: record.isPerson, explain: false,
                                             explanation: &unused, state: &scratch.scoring)
                if score >= minimumNameScore { out.insert(record.entity) }
            }
            withExtendedLifetime(querySides) {
                querySides.withBuffers { q in
                    guard !listed.isEager else {
                        listed.withBuffers { records, sides in
                            for nameID in candidates where !out.contains(records[Int(nameID)].entity) {
                                score(q, records[Int(nameID)], sides.of(records[Int(nameID)]))
                            }
                        }
                        return
                    }
                    // Only the candidates' sides, made as they are scored.
                    var sides: [NameScorer.Side] = []
                    for nameID in candidates where !out.contains(listed.records[Int(nameID)].entity) {
                        listed.sides(ofName: Int(nameID), into: &sides)
                        sides.withUnsafeBufferPointer { score(q, listed.records[Int(nameID)], $0) }
                    }
                }
            }
            return out
        }
    }

    /// Tokens as the scorer sees them, weighted by their rarity in this index.
    /// - Parameter chineseReadings: which Cantonese, dialect and Wade-Giles alternate readings apply.
    /// - Parameter titles: the titles the normalizer took off the name (`General`, `Imam`): words of an
    ///   organisation's name (General Motors, Imam Khomeini Relief Foundation), so they are kept on the
    ///   sides weighed against organisations, after the name's own tokens.
    func sides(_ tokens: [String], titles: [String] = [], chineseReadings: ChineseReadings = .all, hanReadings: [String: [[String]]] = [:],
               kanjiReadings: [String: [[String]]] = [:], hangul: Bool = false, abjad: Bool = false, eastAsian: Bool = false) -> SidedName {
        let forms = tokens.prefix(NameScorer.maximumTokens).map { t in
            // Customers share their given and family names: a token's keys are made once.
            if let readings = hanReadings[t] { return TokenForm(Array(t.utf8), chineseReadings: chineseReadings, hanReadings: readings) }
            if let readings = kanjiReadings[t] { return TokenForm(Array(t.utf8), chineseReadings: chineseReadings, kanjiReadings: readings) }
            return queryForms.value(for: QueryFormKey(token: t, readings: chineseReadings)) {
                TokenForm(Array(t.utf8), chineseReadings: chineseReadings)
            }
        }
        var out = zip(tokens, forms).enumerated().map { i, tf in
            NameScorer.Side(form: tf.1, weight: Self.damp(tf.0, Double(index.rarity(of: tf.0))), position: i)
        }
        Self.markNameKind(&out[out.indices])
        if hangul { for i in out.indices { out[i].koreanName = true } }
        if abjad { for i in out.indices { out[i].vowelsUncertain = true } }
        if eastAsian { for i in out.indices { out[i].eastAsianScript = true } }
        if chineseReadings == .othersOnly { for i in out.indices { out[i].chineseName = true } }
        var personSides = out
        for i in out.indices { personSides[i].weight = Self.personWeight(out[i].weight, of: forms[i]) }
        let titles = titles.prefix(max(0, NameScorer.maximumTokens - out.count))
        let titleForms = titles.map { t in
            queryForms.value(for: QueryFormKey(token: t, readings: .none)) { TokenForm(Array(t.utf8), chineseReadings: .none) }
        }
        for (k, (t, form)) in zip(titles, titleForms).enumerated() {
            out.append(NameScorer.Side(form: form, weight: Self.damp(t, Double(index.rarity(of: t))), position: forms.count + k))
        }
        return SidedName(sides: out, personSides: personSides, forms: forms + titleForms)
    }

    /// Han, Hangul and kana names: a surname and a given name, nothing optional between them.
    static func isEastAsian(_ script: Script) -> Bool { script == .han || script == .hangul || script == .kana }

    /// Arabic and Hebrew script write few vowels: romanized, their vowels are guesses.
    static func isAbjad(_ script: Script) -> Bool { script == .arabic || script == .hebrew }

    /// Marks the sides of a name that may be Korean or Chinese, which lets the romanization variants
    /// of that language count, and the own and ancestor names around its kinship particles.
    static func markNameKind(_ sides: inout ArraySlice<NameScorer.Side>) {
        NameScorer.markKinship(&sides)
        let korean = looksKorean(sides.lazy.map(\.form)), chinese = looksChinese(sides.lazy.map(\.form))
        guard korean || chinese else { return }
        for i in sides.indices {
            sides[i].koreanName = korean
            sides[i].chineseName = chinese
        }
    }

    /// A name may be Chinese when every token reads as one or two Chinese syllables in some romanization
    /// (Chan Tai Man, Lim Boon Keng, Tsai Ing-wen); `Dan Brown` may not, so its `Dan` never meets `Tan`.
    static func looksChinese(_ forms: some Collection<TokenForm>) -> Bool {
        !forms.isEmpty && forms.allSatisfy(\.fewChineseSyllables)
    }

    /// A name may be Korean when it has 2 to 4 tokens, each one or two Korean name syllables (Kim Jong
    /// Un, Park Ji-sung, Choe Ryong Hae): Western names rarely pass (`maria` does, `lopez` does not).
    static func looksKorean(_ forms: some Collection<TokenForm>) -> Bool {
        (2...4).contains(forms.count) && forms.allSatisfy(\.fewKoreanSyllables)
    }

    /// Latin names may be Chinese in any romanization; a Han name is read in pinyin, which meets listed
    /// spellings through their alternates; a Hangul or kana name is not Chinese at all.
    static func chineseReadings(_ script: Script) -> ChineseReadings {
        switch script {
        case .latin: return .all
        case .han: return .othersOnly
        default: return .none
        }
    }

    /// A listed token found for a query token, with how alike they are.
    struct TokenHit: Sendable {
        var token: UInt32
        var similarity: Double
    }

    /// Listed tokens that may be a query token in another spelling: tokens sharing enough of its
    /// trigrams or its phonetic key, confirmed by `TokenSimilarity`; and listed tokens that are a
    /// part of it ("jongun" holds "jong" and "un"), so split names are found too.
    /// - Parameter readings: whether the probe may be Chinese (else its pinyin readings are not made).
    func similarTokens(_ q: String, joined: Bool = false, readings: Bool = true, hits: UnsafeMutableBufferPointer<UInt8>,
                       touched: inout [UInt32]) -> [TokenHit] {
        // Retrieval compares without Korean readings.
        let qForm = TokenForm(Array(q.utf8), chineseReadings: readings ? .all : .none, koreanReadings: false, mandarinReadings: readings)
        let qBytes = qForm.bytes
        var terms = 0
        if joined {
            // The tokens a join can meet, with the terms they share counted as the postings walk would.
            var queryTerms: [UInt32] = []
            Grams.forEachTerm(in: q, romanization: readings) { queryTerms.append($0) }
            terms = queryTerms.count
            joinedTokenFinder.forEachCandidate(qForm) { t in
                guard hits[Int(t)] == 0 else { return }
                let own = index.terms(ofToken: t)
                hits[Int(t)] = UInt8(min(255, queryTerms.reduce(0) { $0 + (own.contains($1) ? 1 : 0) }))
                if hits[Int(t)] > 0 { touched.append(t) }
            }
        } else {
            Grams.forEachTerm(in: q) { g in
                terms += 1
                guard let list = index.termList(g) else { return }
                index.termTokens.forEach(inList: list) { t in
                    if hits[Int(t)] == 0 { touched.append(t) }
                    if hits[Int(t)] < 255 { hits[Int(t)] += 1 }
                }
            }
        }
        var out: [TokenHit] = []
        for t in touched {
            let shared = Int(hits[Int(t)])
            hits[Int(t)] = 0
            // Dice overlap of terms; cheap filter before the real comparison. (A shared phonetic skeleton
            // alone does not pass it: letting it through brought khader/qadir, and also thomas/demos and
            // fisher/fachri, to the scorer, which takes those skeletons as one: more false alerts on the
            // yente negatives than true matches gained.)
            let dice = 2.0 * Double(shared) / Double(terms + min(255, index.termCount(ofToken: t)))
            guard dice >= 0.25 else { continue }
            let tForm = tokenForms[Int(t)]
            let tBytes = tForm.bytes
            let (s, _) = TokenSimilarity.compare(qForm, tForm)
            if s >= NameScorer.minimumPairSimilarity {
                out.append(TokenHit(token: t, similarity: s))
            } else if tBytes.count >= 2, qBytes.count > tBytes.count + 1,
                      qBytes.starts(with: tBytes) || qBytes.reversed().starts(with: tBytes.reversed()) {
                out.append(TokenHit(token: t, similarity: 0.5))  // a part of a joined query token
            }
        }
        touched.removeAll(keepingCapacity: true)
        return out
    }

    /// `similarTokens` through `probeCache` (the result depends on the token and the index only).
    func cachedSimilarTokens(_ q: String, hits: UnsafeMutableBufferPointer<UInt8>, touched: inout [UInt32]) -> [TokenHit] {
        probeCache.value(for: q) { similarTokens(q, hits: hits, touched: &touched) }
    }

    /// Names holding tokens like the query's, ranked by the rarity-weighted similarity they collect,
    /// at most `candidateLimit`; a name needs 30% of the query's weight (one rare token is enough, one
    /// common token of several is not).
    /// - Parameter forms: the query tokens' forms, when known: a joined probe gets Chinese readings only
    ///   if both its parts have some (a join of tokens that are no pinyin syllables is none either, and
    ///   reading it was most of a joined probe's cost).
    func candidates(for tokens: [String], forms: [TokenForm]? = nil, scratch: Scratch, floorFraction: Double = 0.3,
                    limit: Int? = Matcher.candidateLimit) -> [UInt32] {
        // Each probe carries its own rarity weight, so a name's sum and the floor are on one scale.
        var probes: [(text: String, weight: Double, joined: Bool, readings: Bool)] = tokens.map {
            ($0, Self.damp($0, Double(index.rarity(of: $0))), false, true)
        }
        let queryWeight = probes.reduce(0.0) { $0 + $1.weight }
        // Joined probes find names that write two query tokens as one ("jin ping" -> "jinping").
        if tokens.count >= 2 {
            for i in 0..<(tokens.count - 1) {
                let readings = forms.map { i + 1 < $0.count && $0[i].hasReadings && $0[i + 1].hasReadings } ?? true
                probes.append((tokens[i] + tokens[i + 1], probes[i].weight + probes[i + 1].weight, true, readings))
            }
        }
        let floor = queryWeight * floorFraction
        let hits = scratch.hits
        // First the postings to add (which names, what weight), then the adding, block by block.
        scratch.runs.removeAll(keepingCapacity: true)
        for probe in probes {
            // A joined probe is new in every query: not worth caching.
            let found = probe.joined ? similarTokens(probe.text, joined: true, readings: probe.readings, hits: hits, touched: &scratch.touchedTokens)
                                     : cachedSimilarTokens(probe.text, hits: hits, touched: &scratch.touchedTokens)
            for hit in found {
                let blocks = index.tokenNames.blocks(ofList: Int(hit.token)), weight = hit.similarity * probe.weight
                // Positive weights only: `accumulate` takes a sum of 0 for a name not seen yet.
                if !blocks.isEmpty, weight > 0 {
                    scratch.runs.append(PostingsRun(list: hit.token, block: UInt32(blocks.lowerBound), endBlock: UInt32(blocks.upperBound), weight: Float(weight)))
                }
            }
        }
        accumulate(scratch, floor: Float(floor))
        addAcronymCandidates(tokens, forms: forms, probes: probes, floor: floor, scratch: scratch)
        // Best retrieved first; among equals the shorter name (the scorer charges listed tokens the query
        // lacks: of a thousand names holding "abdul" and "rahman", "Abdul Rahman" itself must not be
        // cut), then by name id, so the order does not depend on how postings were walked.
        // Without a limit (reverse look-ups) every candidate is scored and the order does not matter.
        if let limit {
            let names = index.names
            keepFirstRetrieved(limit, of: &scratch.ranked) { names.tokenCount(ofName: Int($0)) }
        }
        return scratch.ranked.map(\.name)
    }

    /// Names per block of the accumulator: 64k floats (256 KiB) stay in a core's L2 cache.
    static let defaultAccumulatorBlock = 1 << 16

    /// Adds each run's weight to its names' sums in `scratch.acc` and puts the names that reach `floor`,
    /// with their sums, in `scratch.ranked`. A common token's names spread over the whole index: on a
    /// million names, adding list after list missed the cache at almost every name, so the lists are
    /// walked together one block of names at a time, and a block's sums are read back (and cleared) while
    /// the block is still in cache. Each name receives its weights in run order (same float sums).
    /// A run decodes its postings 128 at a time into its own slot of `scratch.decoded`, and a postings
    /// block whose first name lies past the accumulator block waits undecoded (its skip data).
    private func accumulate(_ scratch: Scratch, floor: Float) {
        let acc = scratch.acc, touched = scratch.touchedInBlock
        let blockSize = touched.count  // the block's names fit the buffer by construction
        let blocks = (index.names.count + blockSize - 1) / blockSize
        let lists = index.tokenNames, per = PackedIDLists.blockSize
        scratch.ranked.removeAll(keepingCapacity: true)
        let decoded = scratch.decodedBuffer(runs: scratch.runs.count)
        scratch.runs.withUnsafeMutableBufferPointer { runs in
            for block in 0..<max(1, blocks) {
                let limit = block + 1 >= blocks ? UInt32.max : UInt32((block + 1) * blockSize)
                // Weights are positive, so a sum of 0 marks a name not seen yet in this block (at most
                // `blockSize` of them).
                var seen = 0
                for r in runs.indices {
                    var run = runs[r]
                    let ids = decoded + r * per, w = run.weight
                    while true {
                        if run.position == run.decoded {
                            guard run.block < run.endBlock, lists.firstID(ofBlock: Int(run.block)) < limit else { break }
                            let count = lists.count(ofBlock: Int(run.block), inList: Int(run.list))
                            lists.decode(block: Int(run.block), count: count, into: ids)
                            run.block += 1
                            run.position = 0
                            run.decoded = UInt32(count)
                        }
                        var i = Int(run.position)
                        let end = Int(run.decoded)
                        while i < end {
                            let id = ids[i]
                            if id >= limit { break }
                            let sum = acc[Int(id)]
                            if sum == 0 {
                                touched[seen] = id
                                seen += 1
                            }
                            acc[Int(id)] = sum + w
                            i += 1
                        }
                        run.position = UInt32(i)
                        if i < end { break }  // the rest is past this accumulator block
                    }
                    runs[r] = run
                }
                for id in touched[..<seen] {
                    let sum = acc[Int(id)]
                    if sum >= floor { scratch.ranked.append(RetrievedName(name: id, weight: sum)) }
                    acc[Int(id)] = 0  // clean for the next block and query
                }
            }
        }
    }
}
