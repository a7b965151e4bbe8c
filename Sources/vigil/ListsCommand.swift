import ArgumentParser
import Foundation
import VigilLists
import VigilNormalization

/// `vigil lists ...`: look at list files without building an index. Subcommands share
/// `ListSources` (sources as `FORMAT=PATH` or a bare path); add new ones to `subcommands`.
struct ListsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lists", abstract: "Inspect and compare list files without building an index.",
        subcommands: [ListsInspect.self, ListsDiff.self])
}

/// List sources given on the command line, loaded with their parse time.
struct ListSources: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "List sources: FORMAT=PATH[,PATH...] or a bare PATH whose format is detected. Formats: \(ListFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "source"))
    var sources: [String] = []

    func validate() throws {
        guard !sources.isEmpty else { throw ValidationError("give at least one list file (FORMAT=PATH or PATH)") }
        for s in sources {
            do { _ = try SourceSpec(parsing: s) } catch { throw ValidationError(error.description) }
        }
    }

    var specs: [SourceSpec] {
        get throws { try sources.map { try SourceSpec(parsing: $0) } }
    }

    /// Loads one source; the time is wall-clock milliseconds.
    static func load(_ spec: SourceSpec) throws -> (list: LoadedList, milliseconds: Int) {
        let t = Date()
        do {
            let list = try ListLoader.load(spec)
            return (list, Int(Date().timeIntervalSince(t) * 1000))
        } catch {
            throw CLIError("\(spec): \(error)")
        }
    }
}

struct ListsInspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Count a list's entities by schema, name type and script, and show its records with problems.",
        discussion: "Problems are by severity: errors (records skipped), warnings (a field not understood), orphans (OFAC rows whose entity is not in the primary file).")

    @OptionGroup var lists: ListSources

    @Flag(name: .shortAndLong, help: "Print every issue, not only the first ones of each severity.")
    var verbose = false

    func run() throws {
        var total = 0
        for spec in try lists.specs {
            let (list, ms) = try ListSources.load(spec)
            total += ms
            print(Self.report(list, milliseconds: ms, verbose: verbose).joined(separator: "\n"))
            print("")
        }
        if lists.sources.count > 1 { print("parsed \(lists.sources.count) sources in \(total) ms") }
    }

    /// The report for one loaded list, as lines.
    static func report(_ list: LoadedList, milliseconds: Int, verbose: Bool) -> [String] {
        let p = list.provenance
        var out = ["\(p.list) (\(p.format))\(p.publicationDate.map { ", published \($0)" } ?? ""): parsed in \(milliseconds) ms"]
        for (file, sha) in zip(p.files, p.sha256) { out.append("  \(sha.prefix(16))  \(file)") }
        let names = list.entities.flatMap(\.names)
        out.append("  entities     \(list.entities.count)   names \(names.count)")
        out.append("  schema       " + counts(list.entities.map(\.schema.rawValue), order: Schema.allCases.map(\.rawValue)))
        out.append("  name type    " + counts(names.map(\.type.rawValue), order: NameType.allCases.map(\.rawValue)))
        out.append("  script       " + counts(names.map { Script.dominant(in: $0.value).rawValue }, order: Script.allCases.map(\.rawValue)))
        if !list.ignored.isEmpty {
            out.append("  not screened " + list.ignored.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .map { "\($0.key) \($0.value)" }.joined(separator: "  "))
        }
        out.append("  problems     " + IssueSummary.counts(list))
        out += IssueSummary([list]).lines(verbose: verbose).dropFirst().map { "  " + $0 }
        return out
    }

    /// `Person 6927  Organization 7270`: counts in the given order, absent values left out.
    static func counts(_ values: [String], order: [String]) -> String {
        var c: [String: Int] = [:]
        for v in values { c[v, default: 0] += 1 }
        let parts = order.compactMap { key in c[key].map { "\(key) \($0)" } }
        return parts.isEmpty ? "-" : parts.joined(separator: "  ")
    }
}
