/// Names written as one word or several: Arabic "servant of" names, Persian suffixes, compound
/// given names and surnames, joined into one canonical token so every spelling aligns.
extension NameNormalizer {
    /// Arabic "servant of" names are written many ways: `Abd al-Khaliq`, `Abdul Khaliq`, `Abdel Khaliq`,
    /// `Abdulkhaliq`. The particle becomes one canonical token, `abdul`, so they align.
    /// Written joined (`Abdelkader`, `Abderrahmane`, `Abdessalam`, `Abdirahman`), the particle is split off
    /// the same way, so the name meets `Abdul Qadir` and `عبد القادر`.
    static let servantParticles: Set<String> = ["abd", "abdu", "abdi", "abed"]
    static let servantArticles: Set<String> = ["al", "el", "ul", "ar", "ur", "an", "as", "ash", "ad", "az", "at"]
    static let servantJoinedParticles: Set<String> = ["abdel", "abdal", "abdoul", "abdol", "abdoel", "abdull"]

    /// Whether `token` is the "servant of" particle in one of its forms (`abdul`, `abd`, `abdel`): a
    /// part of a name, never a name on its own.
    public static func isServantParticle(_ token: String) -> Bool {
        token == "abdul" || servantParticles.contains(token) || servantJoinedParticles.contains(token)
    }

    static func joinServantNames(_ tokens: [String]) -> [String] {
        // Every form of the particle starts with "ab": most names are ruled out without hashing a token.
        guard tokens.contains(where: { $0.utf8.count >= 3 && $0.utf8.starts(with: "ab".utf8) }) else { return tokens }
        var tokens = tokens
        if tokens.contains(where: { $0.utf8.count >= 6 && $0.hasPrefix("abd") }) {
            tokens = tokens.flatMap { t -> [String] in
                guard let rest = servantNameRest(t) else { return [t] }
                return ["abdul", rest]
            }
        }
        guard tokens.count >= 2 else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if servantParticles.contains(t), i + 2 < tokens.count, servantArticles.contains(tokens[i + 1]) {
                out.append("abdul")
                i += 2
                continue
            }
            if t == "abd", i + 1 < tokens.count, let rest = servantNameRest(t + tokens[i + 1]) {
                // The article written with the divine name: "Abd elghani", "Abd errahman".
                out.append("abdul")
                out.append(rest)
                i += 2
                continue
            }
            if servantJoinedParticles.contains(t) && i + 1 < tokens.count {
                out.append("abdul")
            } else {
                out.append(t)
            }
            i += 1
        }
        return out
    }

    /// The divine name in a joined "servant of" name, or nil: `abdelkader` -> "kader", `abderrahmane` ->
    /// "rahmane" (the article written as the doubled sun letter), `abdirahman` -> "rahman". Abd, one
    /// vowel (ou counts as one), then the article: l, or a doubled letter written once; at least three
    /// letters must remain. Abdullah, Abdallah, Abdellah, Abdoulaye stay whole (they are one name).
    static func servantNameRest(_ t: String) -> String? {
        let b = Array(t.utf8)
        guard b.count >= 6, b[0] == UInt8(ascii: "a"), b[1] == UInt8(ascii: "b"), b[2] == UInt8(ascii: "d") else { return nil }
        let vowels: [UInt8] = Array("aeiou".utf8)
        guard vowels.contains(b[3]) else { return nil }
        var k = 4
        if b[3] == UInt8(ascii: "o") && b[4] == UInt8(ascii: "u") { k = 5 }
        var rest = b[k...]
        if rest.starts(with: "llah".utf8) || rest.starts(with: "lah".utf8) || rest.starts(with: "laye".utf8)
            || rest.starts(with: "la".utf8) && rest.count <= 3 { return nil }
        if let first = rest.first, first == UInt8(ascii: "l") {
            rest = rest.dropFirst()
        } else if rest.count >= 2, rest[rest.startIndex] == rest[rest.startIndex + 1], !vowels.contains(rest[rest.startIndex]) {
            rest = rest.dropFirst()
        }
        guard rest.count >= 3, !(rest.count == 3 && rest.last == UInt8(ascii: "h") && rest.first == UInt8(ascii: "a")) else { return nil }
        return String(decoding: rest, as: UTF8.self)
    }

    /// Persian family names end in -pour (son of), -zadeh (born of), -nejad (descended from), written
    /// joined, with a zero-width non-joiner (which vanishes) or with a space (اکبر پور, Akbar Pour): the
    /// suffix joins the word before it, so Akbarpour is one name and not Akbar with an extra token.
    static let persianSuffixes: Set<String> = ["pour", "pur", "zadeh", "zade", "zada", "nejad", "nezhad", "nejhad", "nijad"]

    @inline(__always)
    static func mayBePersianSuffix(_ t: String) -> Bool {
        guard let c = t.utf8.first, c == UInt8(ascii: "p") || c == UInt8(ascii: "z") || c == UInt8(ascii: "n") else { return false }
        return persianSuffixes.contains(t)
    }

    static func joinPersianSuffixes(_ tokens: [String]) -> [String] {
        // Most names hold no suffix: a first letter rules a token out before it is hashed.
        guard tokens.count >= 2, tokens.dropFirst().contains(where: { mayBePersianSuffix($0) }) else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        for t in tokens {
            if persianSuffixes.contains(t), let previous = out.last, previous.utf8.count >= 3, !persianSuffixes.contains(previous) {
                out[out.count - 1] = previous + t
            } else {
                out.append(t)
            }
        }
        return out
    }

    /// Arabic compound names ending in "of the faith" and "of God" are written joined or apart:
    /// `Saif al-Din`, `Saifeddine`, `Saif Eddine`, `Saifuddin`; `Saif Allah`, `Seifallah`, `Saifullah`.
    /// They become one token with one canonical ending (`saifuddin`, `saifullah`), as the Arabic-script
    /// romanizer writes them.
    static let compoundArticles: Set<String> = ["al", "el", "ul", "ud", "ad", "ed"]
    static let compoundFaith: Set<String> = ["din", "deen", "dine", "dean"]
    static let compoundJoinedFaith: Set<String> = ["eddine", "eddin", "uddine", "uddin", "uddeen", "addin", "aldin", "eldin", "eldine", "ud-din"]
    static let compoundGod: Set<String> = ["allah", "ullah", "ollah"]

    /// Whether a token may end a compound: every faith and god ending ends in e, n or h.
    @inline(__always)
    static func mayEndCompound(_ t: String) -> Bool {
        guard let last = t.utf8.last else { return false }
        return last == UInt8(ascii: "e") || last == UInt8(ascii: "n") || last == UInt8(ascii: "h")
    }

    static func joinCompoundNames(_ tokens: [String]) -> [String] {
        guard tokens.contains(where: mayEndCompound) else { return tokens }
        let articles = compoundArticles, faith = compoundFaith, joinedFaith = compoundJoinedFaith, god = compoundGod
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            let long = t.utf8.count >= 3
            if long, i + 2 < tokens.count, mayEndCompound(tokens[i + 2]), articles.contains(tokens[i + 1]), faith.contains(tokens[i + 2]) {
                out.append(t + "uddin"); i += 3; continue
            }
            if long, i + 1 < tokens.count, mayEndCompound(tokens[i + 1]), joinedFaith.contains(tokens[i + 1]) {
                out.append(t + "uddin"); i += 2; continue
            }
            if long, t != "abd", t != "abdul", i + 1 < tokens.count, mayEndCompound(tokens[i + 1]), god.contains(tokens[i + 1]) {
                out.append(t + "ullah"); i += 2; continue
            }
            out.append(mayEndCompound(t) ? Self.canonicalCompoundEnding(t) : t)
            i += 1
        }
        return out
    }

    /// `saifeddine` -> `saifuddin`, `seifallah` -> `seifullah`: one spelling of the joined ending.
    static func canonicalCompoundEnding(_ t: String) -> String {
        for suffix in ["eddine", "eddin", "uddine", "uddeen", "addin", "aldin", "eldin", "eldine"] where t.utf8.count > suffix.utf8.count + 2 && t.hasSuffix(suffix) {
            return String(t.dropLast(suffix.count)) + "uddin"
        }
        for suffix in ["allah", "ollah"] where t.utf8.count > suffix.utf8.count + 2 && t.hasSuffix(suffix) && !t.hasPrefix("abd") {
            return String(t.dropLast(suffix.count)) + "ullah"
        }
        return t
    }

    static let compoundSurnames: Set<String> = [
        "ouyang", "sima", "zhuge", "shangguan", "situ", "dongfang", "huangfu", "yuwen", "zhangsun", "murong",
        "xiahou", "zhongli", "gongsun", "linghu", "duanmu", "wuma", "nangong", "ximen", "dugu", "baili",
    ]
    static func isCompoundSurname(_ a: String, _ b: String) -> Bool { compoundSurnames.contains(a + b) }
}
