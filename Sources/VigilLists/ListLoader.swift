/// Reads a list source into entities, whatever its format.
public enum ListLoader {
    public static func load(_ spec: SourceSpec) throws(ListError) -> LoadedList {
        switch spec.format {
        case .ofacCSV: return try OFACLegacyCSV.load(paths: spec.paths, list: "ofac", format: spec.format)
        case .ofacConsCSV: return try OFACLegacyCSV.load(paths: spec.paths, list: "ofac-cons", format: spec.format)
        case .unXML: return try UNConsolidatedXML.load(path: try single(spec))
        case .hmtCSV: return try HMTConsolidatedCSV.load(path: try single(spec))
        case .dfatXLSX: return try DFATConsolidatedXLSX.load(path: try single(spec))
        case .semaXML: return try CanadaSEMAXML.load(path: try single(spec))
        case .csv: return try GenericCSV.loadCSV(path: try single(spec))
        case .jsonl: return try GenericCSV.loadJSONL(path: try single(spec))
        case .ftmJSON: return try FollowTheMoneyJSON.load(path: try single(spec))
        case .targetsCSV: return try OpenSanctionsTargetsCSV.load(path: try single(spec))
        case .senzingJSON: return try SenzingJSON.load(path: try single(spec))
        }
    }

    /// The one file of a single-file format; a second file is an error rather than silently ignored.
    private static func single(_ spec: SourceSpec) throws(ListError) -> String {
        guard let path = spec.paths.first else { throw .missingFile(format: spec.format, role: "list") }
        guard spec.paths.count == 1 else {
            throw .malformed(file: spec.paths[1], line: 0, reason: "\(spec.format.rawValue) takes one file; give each file its own --source")
        }
        return path
    }

    /// The lists shipped in `data/` that make the default index, relative to the data folder.
    public static func defaultSources(dataDirectory d: String) -> [SourceSpec] {
        [
            SourceSpec(format: .ofacCSV, paths: [
                "\(d)/lists/ofac/sdn_2024-07-02.csv", "\(d)/lists/ofac/alt_2025-01-06.csv",
                "\(d)/lists/ofac/add_2025-01-06.csv", "\(d)/lists/ofac/sdn_comments_2025-12-24.csv",
            ]),
            SourceSpec(format: .ofacConsCSV, paths: [
                "\(d)/lists/ofac/consolidated_2025-12-19/cons_prim.csv", "\(d)/lists/ofac/consolidated_2025-12-19/cons_alt.csv",
                "\(d)/lists/ofac/consolidated_2025-12-19/cons_add.csv", "\(d)/lists/ofac/consolidated_2025-12-19/cons_comments.csv",
            ]),
            SourceSpec(format: .unXML, paths: ["\(d)/lists/un/consolidated_2026-02-27.xml"]),
            SourceSpec(format: .dfatXLSX, paths: ["\(d)/lists/au/dfat_regulation8_consolidated_2024-12.xlsx"]),
            SourceSpec(format: .hmtCSV, paths: ["\(d)/lists/uk/hmt_conlist_2018-04-13.csv"]),
        ]
    }
}
