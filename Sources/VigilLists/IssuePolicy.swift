/// What a build does with the issues of the lists it reads.
///
/// - `strict` (the default of `vigil index build`): any `.error` (a malformed record that had to be
///   skipped) refuses the build, listing every such record with file and line.
/// - `lenient`: malformed records are skipped and every one of them is reported.
///
/// Under both, `.warning`s (a field not understood) and `.orphan`s (OFAC rows of another date) are
/// reported in a summary and never fatal.
public enum IssuePolicy: String, Sendable, CaseIterable {
    case strict
    case lenient

    /// Checks loaded lists against the policy.
    /// - Throws: `ListError.rejected` with every `.error` issue of every list, in list order, when strict.
    public func check(_ lists: [LoadedList]) throws(ListError) {
        guard self == .strict else { return }
        let errors = lists.flatMap { $0.issues(.error) }
        if !errors.isEmpty { throw .rejected(errors) }
    }
}

/// A readable summary of the issues of loaded lists: per source, counts by severity, then every error
/// (records skipped: the reason a strict build stops, and what a lenient build leaves out) and the first
/// warnings and orphans (all of them with `verbose`).
public struct IssueSummary: Sendable {
    public var lists: [LoadedList]
    /// Warnings and orphan issues shown per source when not verbose.
    public var shown: Int

    public init(_ lists: [LoadedList], shown: Int = 5) {
        self.lists = lists
        self.shown = shown
    }

    /// `ofac (ofac-csv): 0 errors, 12 warnings, 2,966 orphan rows` — the severities' counts in one line.
    public static func counts(_ list: LoadedList) -> String {
        let e = list.rowCount(.error), w = list.rowCount(.warning), o = list.rowCount(.orphan)
        return "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"), \(o) orphan row\(o == 1 ? "" : "s")"
    }

    /// The summary's lines (no trailing newlines); empty when no list has an issue.
    public func lines(verbose: Bool) -> [String] {
        var out: [String] = []
        for list in lists where !list.issues.isEmpty {
            out.append("\(list.provenance.list) (\(list.provenance.format)): \(Self.counts(list))")
            for severity in IssueSeverity.allCases {
                let issues = list.issues(severity)
                let all = verbose || severity == .error
                let limit = all ? issues.count : min(shown, issues.count)
                for issue in issues.prefix(limit) { out.append("  \(issue)") }
                if limit < issues.count { out.append("  ... \(issues.count - limit) more \(severity.rawValue)s (use --verbose)") }
            }
        }
        return out
    }
}
