/// Organisation legal forms written out in full ("Open Joint Stock Company", "Gesellschaft mit
/// beschränkter Haftung", "Societatea cu Răspundere Limitată") become their usual abbreviation, so
/// they meet the short form a list or a customer file uses ("OAO", "GmbH", "SRL").
///
/// Only unambiguous forms are rewritten, on both sides alike: short tokens that are also personal
/// names (Chinese `Ao`, `Pao`, `Zao`) are left alone; they are damped, not rewritten.
public enum LegalForms {
    /// A word of a phrase, prepared once: its bytes, and whether a typo may stand for it.
    struct PhraseWord: Sendable {
        let text: String
        let bytes: [UInt8]
        /// Typos count in the common forms' words of 5 letters or more only, as in `mayBeLegalWord`:
        /// whether a token is rewritten must not hang on another token of the name.
        let typoTolerant: Bool
    }

    /// A phrase (folded words) and the abbreviation tokens it becomes.
    struct Phrase: Sendable {
        let words: [PhraseWord]
        let canonical: [String]
    }

    /// Every phrase, longest first (`Limited Liability Company` before `Limited`).
    static let phrases: [Phrase] = (commonForms + otherForms + businessWords)
        .map { (phrase, canon) in
            Phrase(words: phrase.split(separator: " ").map { w in
                       PhraseWord(text: String(w), bytes: Array(w.utf8), typoTolerant: w.utf8.count >= 5 && commonWords.contains(String(w)))
                   },
                   canonical: canon.split(separator: " ").map(String.init))
        }
        .sorted { $0.words.count > $1.words.count }

    /// The forms lists and customers use most; their long words are also split off a token they were
    /// run into (`splitWords`).
    static let commonForms: [(String, String)] = [
        ("open joint stock company", "ojsc"), ("open joint stock co", "ojsc"), ("open joint-stock company", "ojsc"),
        ("closed joint stock company", "cjsc"), ("public joint stock company", "pjsc"),
        ("joint stock company", "jsc"), ("joint stock co", "jsc"), ("limited liability company", "llc"),
        ("limited liability partnership", "llp"), ("limited partnership", "lp"), ("public limited company", "plc"),
        ("company limited", "co ltd"), ("private limited", "pvt ltd"),
        ("gesellschaft mit beschrankter haftung", "gmbh"), ("aktiengesellschaft", "ag"),
        ("kommanditgesellschaft", "kg"), ("societe anonyme", "sa"), ("sociedad anonima", "sa"),
        ("societa per azioni", "spa"), ("societe a responsabilite limitee", "sarl"),
        ("sociedad de responsabilidad limitada", "srl"), ("societatea cu raspundere limitata", "srl"),
        ("societa a responsabilita limitata", "srl"), ("besloten vennootschap", "bv"), ("naamloze vennootschap", "nv"),
        ("obshchestvo s ogranichennoy otvetstvennostyu", "llc"), ("obshchestvo s ogranichennoi otvetstvennostiu", "llc"),
        ("aktsionernoye obshchestvo", "jsc"), ("aktsionernoe obshchestvo", "jsc"),
        ("otkrytoye aktsionernoye obshchestvo", "ojsc"), ("otkrytoe aktsionernoe obshchestvo", "ojsc"),
        ("publichnoye aktsionernoye obshchestvo", "pjsc"), ("publichnoe aktsionernoe obshchestvo", "pjsc"),
        ("zakrytoye aktsionernoye obshchestvo", "cjsc"), ("zakrytoe aktsionernoe obshchestvo", "cjsc"),
        ("limited", "ltd"), ("incorporated", "inc"), ("corporation", "corp"), ("company", "co"),
        ("ooo", "llc"), ("oao", "ojsc"), ("ojsc", "ojsc"), ("pjsc", "pjsc"), ("cjsc", "cjsc"),
    ]

    /// Forms of other jurisdictions (ISO 20275 entity legal forms), written out or spaced.
    static let otherForms: [(String, String)] = [
        ("sp z o o", "spzoo"), ("sp z oo", "spzoo"), ("sp zoo", "spzoo"),
        ("spolka z ograniczona odpowiedzialnoscia", "spzoo"), ("spolka akcyjna", "sa"),
        ("spolecnost s rucenim omezenym", "sro"), ("spol s r o", "sro"), ("s r o", "sro"),
        ("korlatolt felelossegu tarsasag", "kft"), ("zartkoruen mukodo reszvenytarsasag", "zrt"),
        ("anpartsselskab", "aps"), ("aktieselskab", "as"), ("aksjeselskap", "as"), ("aktiebolag", "ab"),
        ("aktiebolaget", "ab"), ("julkinen osakeyhtio", "oyj"), ("osakeyhtio", "oy"),
        ("sociedade limitada", "ltda"), ("limitada", "ltda"), ("kabushiki kaisha", "kk"), ("kabushiki gaisha", "kk"),
        ("kabushikigaisha", "kk"), ("kabushikikaisha", "kk"), ("perseroan terbatas", "pt"),
        ("sendirian berhad", "sdn bhd"), ("proprietary limited", "pty ltd"),
        ("societe en nom collectif", "snc"),
        ("entreprise unipersonnelle a responsabilite limitee", "eurl"),
        ("sociedad anonima de capital variable", "sa de cv"), ("sa de c v", "sa de cv"), ("s a de c v", "sa de cv"),
        ("sapi de c v", "sapi de cv"), ("s de r l de c v", "srl de cv"), ("s de rl de c v", "srl de cv"), ("s de r l", "srl"),
        ("s de rl", "srl"), ("commanditaire vennootschap", "cv"),
        ("vennootschap onder firma", "vof"), ("offene handelsgesellschaft", "ohg"),
        ("kommanditgesellschaft auf aktien", "kgaa"), ("anonim sirketi", "as"), ("limited sirketi", "ltd sti"),
        ("tovarystvo z obmezhenoiu vidpovidalnistiu", "tov"), ("tovarystvo z obmezhenoyu vidpovidalnistyu", "tov"),
        ("uzdaroji akcine bendrove", "uab"),
        ("public company limited", "pcl"), ("limited liability", "llc"), ("gesellschaft mbh", "gmbh"),
    ]

    /// Business words written short, as customers and registries do: `Int'l`, `Mfg`, `Hldgs`.
    static let businessWords: [(String, String)] = [
        ("intl", "international"), ("natl", "national"), ("mfg", "manufacturing"), ("assn", "association"),
        ("assoc", "association"), ("bros", "brothers"), ("dept", "department"), ("univ", "university"),
        ("hldgs", "holding"), ("hldg", "holding"), ("mgmt", "management"), ("svcs", "services"), ("grp", "group"),
        ("inds", "industries"), ("engg", "engineering"), ("invt", "investment"),
    ]

    /// Words of legal-form phrases, for the quick check that a name may hold one.
    static let phraseWords: Set<String> = Set(phrases.flatMap { $0.words.map(\.text) })
    /// Words of the common forms as bytes, by length, for the typo-tolerant check (every query name
    /// passes it; the other jurisdictions' forms are recognised as written).
    static let phraseWordsByLength: [Int: [[UInt8]]] = Dictionary(grouping: commonWords.map { Array($0.utf8) }, by: \.count)
    static let commonWords: Set<String> = Set(commonForms.flatMap { $0.0.split(separator: " ").map(String.init) })

    /// Whether a token is a legal-form word, exactly or with one typo (common words of 5 letters or more).
    static func mayBeLegalWord(_ token: String) -> Bool {
        if phraseWords.contains(token) { return true }
        let bytes = Array(token.utf8)
        guard bytes.count >= 4 else { return false }
        for length in (bytes.count - 1)...(bytes.count + 1) where length >= 5 {
            for word in phraseWordsByLength[length] ?? [] where Edits.withinOne(bytes, word) { return true }
        }
        return false
    }

    /// A phrase word matches a token exactly, or with one typo when it is a common form's word of 5
    /// letters or more ("cormpany", "lmited", "joitn stock"): legal forms are typed as carelessly as names.
    @inline(__always)
    static func same(_ token: String, _ bytes: [UInt8], _ word: PhraseWord) -> Bool {
        if token == word.text { return true }
        return word.typoTolerant && abs(bytes.count - word.bytes.count) <= 1 && Edits.withinOne(bytes, word.bytes)
    }

    /// Legal-form words that are split off a token they were written into ("PETROLEUMCOMPANY",
    /// "LIMITEDLIABILITY", "OOOYUNIDZHET", "CYPRUSLIMITED"): the long words of the phrases (seven letters
    /// or more, so `stock` of Stockton and `open` of Openshaw stay) and the abbreviations no name
    /// begins or ends with. Short forms that are words or name syllables (`ao`, `sa`, `ag`, `pao`,
    /// `inc`) are never split off.
    static let splitWords: [[UInt8]] = {
        let long = commonWords.filter { $0.utf8.count >= 7 } + ["joint"]
        let abbreviations = ["ooo", "oao", "llc", "ltd", "gmbh", "srl", "sarl", "jsc", "ojsc", "pjsc", "cjsc", "plc"]
        return (long + abbreviations).map { Array($0.utf8) }.sorted { $0.count > $1.count }
    }()
    static let phraseWordBytes: Set<[UInt8]> = Set(phraseWords.map { Array($0.utf8) })
    /// The shortest `splitWords` entry: a token needs it plus three letters of its own to be split.
    static let shortestSplitWord = splitWords.map(\.count).min() ?? 3
    /// `splitWords` by their first two letters and by their last two (a token is checked against the
    /// few that can start or end it, not all of them: this runs on every query name).
    static let splitWordsByStart: [UInt16: [[UInt8]]] = Dictionary(grouping: splitWords) { edgeKeys($0).start }
    static let splitWordsByEnd: [UInt16: [[UInt8]]] = Dictionary(grouping: splitWords) { edgeKeys($0).end }

    /// A word's first two letters and its last two, each pair as one number. The word has two letters or more.
    @inline(__always)
    static func edgeKeys<Word: BidirectionalCollection<UInt8>>(_ w: Word) -> (start: UInt16, end: UInt16) {
        let second = w.index(after: w.startIndex), last = w.index(before: w.endIndex)
        return (UInt16(w[w.startIndex]) << 8 | UInt16(w[second]), UInt16(w[w.index(before: last)]) << 8 | UInt16(w[last]))
    }

    /// Whether a token may start or end with a split word (no allocation: most tokens cannot).
    @inline(__always)
    static func mayHoldSplitWord(_ t: String) -> Bool {
        guard t.utf8.count >= shortestSplitWord + 3 else { return false }
        let keys = edgeKeys(t.utf8)
        return splitWordsByStart[keys.start] != nil || splitWordsByEnd[keys.end] != nil
    }

    /// Splits legal-form words off the tokens they were run into, at the front or the back, as long as
    /// three letters remain (`accompany`, `unlimited` stay whole).
    static func splitJoinedLegalWords(_ tokens: [String]) -> [String] {
        guard tokens.contains(where: mayHoldSplitWord) else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count + 2)
        for t in tokens {
            if mayHoldSplitWord(t) { appendSplit(Array(t.utf8), to: &out) } else { out.append(t) }
        }
        return out
    }

    private static func appendSplit(_ t: [UInt8], to out: inout [String]) {
        // A legal word holding another stays whole: `aktiengesellschaft`, `societatea`.
        if t.count >= shortestSplitWord + 3, !phraseWordBytes.contains(t) {
            let keys = edgeKeys(t)
            let candidates = (splitWordsByStart[keys.start] ?? []) + (splitWordsByEnd[keys.end] ?? [])
            for w in candidates.sorted(by: { $0.count > $1.count }) where t.count >= w.count + 3 {
                if t.starts(with: w) {
                    out.append(String(decoding: w, as: UTF8.self))
                    appendSplit(Array(t[w.count...]), to: &out)
                    return
                }
                if t[(t.count - w.count)...].elementsEqual(w) {
                    appendSplit(Array(t[..<(t.count - w.count)]), to: &out)
                    out.append(String(decoding: w, as: UTF8.self))
                    return
                }
            }
        }
        out.append(String(decoding: t, as: UTF8.self))
    }

    /// Leading parts (two letters or more, two short of the word at least) of the common forms' words
    /// of six letters or more: a token that is one may be a word split in two (`LIM ITED`, `COM PANY`).
    static let splitWordStarts: Set<String> = Set(commonWords.filter { $0.utf8.count >= 6 }.flatMap { w in
        (2...(w.count - 2)).map { String(w.prefix($0)) }
    }).subtracting(phraseWords)

    /// Joins a common legal-form word split in two by a stray space (`LIM ITED`, `LIAB ILITY`).
    static func joinSplitLegalWords(_ tokens: [String]) -> [String] {
        guard tokens.count >= 2 else { return tokens }
        var out: [String]?
        var i = 0
        while i < tokens.count {
            if i + 1 < tokens.count, splitWordStarts.contains(tokens[i]), tokens[i + 1].utf8.count >= 2 {
                let word = tokens[i] + tokens[i + 1]
                if commonWords.contains(word) {
                    if out == nil { out = Array(tokens[..<i]) }
                    out!.append(word)
                    i += 2
                    continue
                }
            }
            out?.append(tokens[i])
            i += 1
        }
        return out ?? tokens
    }

    /// Rewrites legal-form phrases in a token list to their abbreviations (legal-form words split in
    /// two joined, and those run into another token split off, first).
    public static func canonicalize(_ rawTokens: [String]) -> [String] {
        let tokens = splitJoinedLegalWords(joinSplitLegalWords(rawTokens))
        // Only a legal-form word (or one typo from one) may start a phrase; most names hold none.
        let starts = tokens.map(mayBeLegalWord)
        guard starts.contains(true) else { return tokens }
        let bytes = tokens.map { Array($0.utf8) }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        outer: while i < tokens.count {
            if starts[i] {
                for phrase in phrases where i + phrase.words.count <= tokens.count {
                    if phrase.words.indices.allSatisfy({ same(tokens[i + $0], bytes[i + $0], phrase.words[$0]) }) {
                        out.append(contentsOf: phrase.canonical)
                        i += phrase.words.count
                        continue outer
                    }
                }
            }
            out.append(tokens[i])
            i += 1
        }
        return out
    }
}
