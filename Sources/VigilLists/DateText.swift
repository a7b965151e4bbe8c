/// Parses the date phrases lists use into `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or a `YYYY..YYYY` range.
public enum DateText {
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// "07 Oct 1952", "Oct 1952", "1952", "circa 1952", "1960 to 1962", "1952-10-07", "07/10/1952" (day first).
    /// Returns nil when the text holds no recognisable date.
    public static func parse(_ raw: String) -> String? {
        // Most list files write ISO dates: those skip the general parse's string work (a tenth of a
        // million-name index build).
        if raw.utf8.count == 10, let iso = isoDate(raw) { return iso }
        var text = raw.lowercased().trimmedWhitespace
        var circa = false
        for prefix in ["circa ", "approximately ", "approx. ", "approx ", "c. ", "ca. ", "about "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmedWhitespace
            circa = true
        }
        // A span: `1960 to 1962`, `01 Jan 1961 to 31 Dec 1962`, `Mar 1970 to Feb 1971`, `1979-1982`. Vigil keeps
        // spans as years: the years of both ends (one year when they agree).
        if let r = text.firstRange(of: " to ") ?? text.firstRange(of: " - ") ?? yearHyphen(text) {
            let from = String(text[..<r.lowerBound]), to = String(text[r.upperBound...])
            if let a = year(from) ?? parse(from).flatMap({ year(String($0.prefix(4))) }),
               let b = year(to) ?? parse(to).flatMap({ year(String($0.prefix(4))) }) {
                return a == b ? String(a) : "\(min(a, b))..\(max(a, b))"
            }
        }
        if let iso = isoDate(text) {
            // "circa 1952" must become a range too, not the bare year isoDate accepts.
            guard circa, let y = Int(iso.prefix(4)) else { return iso }
            return "\(y - 1)..\(y + 1)"
        }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "." || $0 == "," }).map(String.init)
        var day: Int?, month: Int?, yr: Int?
        switch parts.count {
        case 1:
            yr = year(parts[0])
        case 2:
            month = months[parts[0]] ?? Int(parts[0])
            yr = year(parts[1])
        case 3:
            if let m = months[parts[1]] {
                day = Int(parts[0]); month = m
            } else if let m = months[parts[0]] {
                month = m; day = Int(parts[1])
            } else {
                day = Int(parts[0]); month = Int(parts[1])
            }
            yr = year(parts[2])
        default:
            return nil
        }
        guard let y = yr else { return nil }
        if circa { return "\(y - 1)..\(y + 1)" }
        guard let m = month else { return parts.count == 1 ? String(y) : nil }
        guard (1...12).contains(m) else { return nil }
        guard let d = day else { return "\(y)-\(pad(m))" }
        guard (1...daysIn(month: m, year: y)).contains(d) else { return nil }
        return "\(y)-\(pad(m))-\(pad(d))"
    }

    /// True for the words lists write in a date field to say there is none: `unknown`, `Not available`,
    /// `NA`, `n/a`, `null`, `none`. Such text is no date and no problem either.
    public static func isAbsent(_ text: String) -> Bool {
        ["unknown", "not available", "na", "n/a", "null", "none", "-"].contains(text.lowercased().trimmedWhitespace)
    }

    /// Strict `YYYY-MM-DD` (also `YYYY-MM` and `YYYY`) with valid month and day; nil otherwise.
    public static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]), y > 1800, y < 2200 else { return nil }
        if parts.count == 1 { return String(y) }
        guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        if parts.count == 2 { return "\(y)-\(pad(m))" }
        guard parts[2].count == 2, let d = Int(parts[2]), (1...daysIn(month: m, year: y)).contains(d) else { return nil }
        return "\(y)-\(pad(m))-\(pad(d))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func year(_ s: String) -> Int? {
        let t = s.trimmedWhitespace
        guard t.count == 4, let y = Int(t), y > 1800, y < 2200 else { return nil }
        return y
    }

    /// The `-` of `1979-1982` (two years joined by a hyphen), else nil.
    static func yearHyphen(_ text: String) -> Range<String.Index>? {
        guard text.count == 9, let r = text.firstRange(of: "-"), year(String(text[..<r.lowerBound])) != nil,
              year(String(text[r.upperBound...])) != nil else { return nil }
        return r
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
