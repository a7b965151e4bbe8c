/// `--format csv`: one line per match, and one line with empty match fields for a row without
/// matches or with an error, so every input row appears. Fields quoted per RFC 4180 when needed.
public enum ResultCSV {
    public static let columns = ["id", "line", "entity_id", "list", "name", "matched_name", "score", "alert", "explanation", "error",
                                 "entity_hash", "decision"]

    /// The header line, CRLF-free (`\n`), like the rows.
    public static var header: [UInt8] { Array((columns.joined(separator: ",") + "\n").utf8) }

    /// The CSV lines for one result; several for a row with several matches, best first.
    public static func lines(_ r: ScreeningResult) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + 160 * r.matches.count)
        let line = r.line.map(String.init) ?? ""
        if r.matches.isEmpty {
            append([r.id, line, "", "", "", "", "", "", "", r.error ?? "", "", ""], to: &out)
        }
        for (i, m) in r.matches.enumerated() {
            let decision = r.decision(of: i)
            append([r.id, line, m.entity.id, m.entity.list, m.entity.primaryName, m.matchedName,
                    score(m.score), m.score >= r.threshold ? "true" : "false", m.explanation.summary, r.error ?? "",
                    decision?.currentHash ?? m.entityHash, decision.map { "\($0.effect.rawValue): \($0.reason)" } ?? ""], to: &out)
        }
        return out
    }

    /// Score as in the JSON output: 4 decimals, no trailing zeros.
    static func score(_ d: Double) -> String {
        var w = JSONWriter()
        w.number(d)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func append(_ fields: [String], to out: inout [UInt8]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendField(f, to: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// Quoted when the field holds `,` `"` CR or LF, or starts or ends with a space; `"` doubled.
    static func appendField(_ f: String, to out: inout [UInt8]) {
        let utf8 = f.utf8
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == 0x20 || utf8.last == 0x20
        guard needsQuotes else { out.append(contentsOf: utf8); return }
        out.append(UInt8(ascii: "\""))
        for b in utf8 {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
