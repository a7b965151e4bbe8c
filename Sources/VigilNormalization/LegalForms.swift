/// Organisation legal forms written out in full ("Open Joint Stock Company", "Gesellschaft mit
/// beschränkter Haftung", "Societatea cu Răspundere Limitată") become their usual abbreviation, so
/// they meet the short form a list or a customer file uses ("OAO", "GmbH", "SRL").
///
/// Only unambiguous forms are rewritten, on both sides alike: short tokens that are also personal
/// names (Chinese `Ao`, `Pao`, `Zao`) are left alone; they are damped, not rewritten.
public enum LegalForms {
    /// Phrase (folded tokens) -> canonical abbreviation. Longest phrases are tried first.
    static let phrases: [([String], String)] = {
        let table: [(String, String)] = [
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
        return table.map { (phrase, canon) in (phrase.split(separator: " ").map(String.init), canon) }
            .sorted { $0.0.count > $1.0.count }
    }()

    static let firstWords: Set<String> = Set(phrases.map { $0.0[0] })

    /// Rewrites legal-form phrases in a token list to their abbreviations.
    public static func canonicalize(_ tokens: [String]) -> [String] {
        guard tokens.contains(where: { firstWords.contains($0) }) else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        outer: while i < tokens.count {
            if firstWords.contains(tokens[i]) {
                for (phrase, canon) in phrases where i + phrase.count <= tokens.count && Array(tokens[i..<(i + phrase.count)]) == phrase {
                    out.append(contentsOf: canon.split(separator: " ").map(String.init))
                    i += phrase.count
                    continue outer
                }
            }
            out.append(tokens[i])
            i += 1
        }
        return out
    }
}
