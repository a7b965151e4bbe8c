import ArgumentParser
import Foundation
import VigilIndex
import VigilLists

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Build, inspect and verify index files.",
        subcommands: [IndexBuild.self, IndexInfo.self, IndexVerify.self])
}

struct IndexBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build an index from list files (default: the lists shipped in data/).")

    @Option(name: .long, help: "Where to write the index (written to a temp file, fsynced, renamed).")
    var out: String

    @Option(name: .long, help: ArgumentHelp(
        "A list source FORMAT=PATH[,PATH...]; repeatable. Formats: \(ListFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "FORMAT=PATH"))
    var source: [String] = []

    @Option(name: .long, help: "The data folder holding the default lists (default: found from the binary or working directory).")
    var data: String?

    @Flag(name: .long, help: "Fail when any list row has an issue, instead of reporting it and going on.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print every row issue, not only the first ones per source.")
    var verbose = false

    func validate() throws {
        for s in source {
            do { _ = try SourceSpec(parsing: s) } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        let started = Date()
        let specs = try source.isEmpty
            ? ListLoader.defaultSources(dataDirectory: Paths.dataDirectory(data))
            : source.map { try SourceSpec(parsing: $0) }
        var builder = IndexBuilder()
        var issueCount = 0
        for spec in specs {
            let t = Date()
            let loaded: LoadedList
            do { loaded = try ListLoader.load(spec) } catch { throw CLIError("\(spec.format.rawValue): \(error)") }
            builder.add(loaded)
            issueCount += loaded.issues.count
            let ms = Int(Date().timeIntervalSince(t) * 1000)
            stderr("\(spec.format.rawValue): \(loaded.entities.count) entities, \(loaded.entities.reduce(0) { $0 + $1.names.count }) names, \(loaded.issues.count) row issues (\(ms) ms)")
            for issue in verbose ? loaded.issues[...] : loaded.issues.prefix(5) { stderr("  \(issue)") }
            if !verbose && loaded.issues.count > 5 { stderr("  ... \(loaded.issues.count - 5) more (use --verbose)") }
        }
        for issue in builder.issues { stderr("  \(issue)") }
        issueCount += builder.issues.count
        if strict && issueCount > 0 { throw CLIError("\(issueCount) row issues and --strict: no index written") }
        let index = builder.build(buildTime: ISO8601DateFormatter().string(from: Date()))
        let bytes = try IndexFile.write(index, to: out)
        stderr("wrote \(out): \(index.meta.entityCount) entities, \(index.meta.nameCount) names, \(index.meta.tokenCount) tokens, \(index.meta.gramCount) trigrams, \(bytes / 1024) KiB in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}

struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: "Index file (default: $VIGIL_INDEX, else the default index built by tools/vigil).")
    var index: String?

    var path: String { Paths.index(index) }

    func open() throws -> SearchIndex {
        let p = path
        if index == nil && !FileManager.default.fileExists(atPath: p) {
            throw CLIError("no index at \(p): pass --index PATH, set VIGIL_INDEX, or build the default with `tools/vigil index build --out \(p)`")
        }
        return try IndexFile.open(p)
    }
}

struct IndexInfo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show an index's version, sources and counts.")
    @OptionGroup var options: IndexOptions

    func run() throws {
        let index = try options.open()
        let m = index.meta
        print("index:        \(options.path)")
        print("format:       \(m.formatVersion) (normalization \(m.normalizationVersion))")
        print("built:        \(m.buildTime)")
        print("entities:     \(m.entityCount)   names: \(m.nameCount)   tokens: \(m.tokenCount)   trigrams: \(m.gramCount)")
        for s in m.sources {
            print("source:       \(s.list) (\(s.format))\(s.publicationDate.map { ", published \($0)" } ?? "")")
            for (f, h) in zip(s.files, s.sha256) { print("              \(h.prefix(16))  \(f)") }
        }
    }
}

struct IndexVerify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check an index's checksums and structure.")
    @OptionGroup var options: IndexOptions

    func run() throws {
        let index = try options.open()
        print("ok: \(options.path): checksums and structure verified (\(index.meta.entityCount) entities, \(index.meta.nameCount) names)")
    }
}

func stderr(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
