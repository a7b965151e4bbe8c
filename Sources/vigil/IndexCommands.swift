import ArgumentParser
import Foundation
import Synchronization
import VigilIndex
import VigilLists

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Build, inspect and verify index files.",
        subcommands: [IndexBuild.self, IndexInfo.self, IndexVerify.self])
}

struct IndexBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build an index from list files (default: the lists shipped in data/).",
        discussion: """
            Strict by default: a malformed record (no id, no name, wrong column count, broken XML record) \
            refuses the build, listing every such record with file and line. --lenient skips and reports \
            them. Warnings (a field not understood) and orphans (OFAC rows of another date) are summarised \
            and never fatal.
            """)

    @Option(name: .long, help: "Where to write the index (written to a temp file, fsynced, renamed).")
    var out: String

    @Option(name: .long, help: ArgumentHelp(
        "A list source FORMAT=PATH[,PATH...], or PATH to detect the format; repeatable. Formats: \(ListFormat.allCases.map(\.rawValue).joined(separator: ", ")). OFAC takes a directory too.",
        valueName: "FORMAT=PATH"))
    var source: [String] = []

    @Option(name: .long, help: "The data folder holding the default lists (default: found from the binary or working directory).")
    var data: String?

    @Flag(name: .long, help: "Refuse to build when a record is malformed (the default; kept as an alias).")
    var strict = false

    @Flag(name: .long, help: "Skip malformed records, report every one of them, and build.")
    var lenient = false

    @Flag(name: .shortAndLong, help: "Print every warning and orphan issue, not only the first ones per source.")
    var verbose = false

    var policy: IssuePolicy { lenient ? .lenient : .strict }

    func validate() throws {
        if strict && lenient { throw ValidationError("--strict and --lenient exclude each other") }
        for s in source {
            do { _ = try SourceSpec(parsing: s) } catch { throw ValidationError(error.description) }
        }
    }

    /// On a terminal, a line that counts normalized entities (a million-name build takes half a minute).
    static func progressLine() -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        let last = Mutex(0.0)
        return { done, total in
            let now = Date().timeIntervalSince1970
            let show = last.withLock { t in
                guard now - t >= 0.2 || done == total else { return false }
                t = now
                return true
            }
            guard show else { return }
            let text = "\rnormalizing names: \(done)/\(total) entities (\(done * 100 / max(total, 1))%)"
            FileHandle.standardError.write(Data((done == total ? text + "\n" : text).utf8))
        }
    }

    func run() throws {
        let started = Date()
        let specs = try source.isEmpty
            ? ListLoader.defaultSources(dataDirectory: Paths.dataDirectory(data))
            : source.map { try SourceSpec(parsing: $0) }
        // The sources load side by side (each on one core; a long generic list spreads its rows itself),
        // and are reported in the order given.
        let loads = Parallel.map(specs, chunk: 1) { spec in
            let t = Date()
            let result = Result { () throws(ListError) in try ListLoader.load(spec) }
            return (result, Int(Date().timeIntervalSince(t) * 1000))
        }
        var lists: [LoadedList] = []
        for (spec, (result, ms)) in zip(specs, loads) {
            let loaded: LoadedList
            do { loaded = try result.get() } catch { throw CLIError("\(spec.format.rawValue): \(error)") }
            stderr("\(loaded.provenance.list) (\(spec.format.rawValue)): \(loaded.entities.count) entities, \(loaded.entities.reduce(0) { $0 + $1.names.count }) names; \(IssueSummary.counts(loaded)) (\(ms) ms)")
            // A list without one entity is a failed download or a file of another shape, not a list.
            guard !loaded.entities.isEmpty else {
                throw CLIError("\(loaded.provenance.list) (\(spec.format.rawValue)): no entities in \(loaded.provenance.files.joined(separator: ", ")): an empty list is refused; no index written")
            }
            lists.append(loaded)
        }
        for line in IssueSummary(lists).lines(verbose: verbose) { stderr(line) }
        do { try policy.check(lists) } catch {
            let n = lists.reduce(0) { $0 + $1.issues(.error).count }
            throw CLIError("\(n) malformed record\(n == 1 ? "" : "s") (listed above): no index written; use --lenient to skip them")
        }
        var builder = IndexBuilder()
        for list in lists { builder.add(list) }
        // Duplicate ids across sources and unusable names: the index leaves them out, so they count as errors.
        for issue in builder.issues { stderr("  error: \(issue)") }
        if policy == .strict && !builder.issues.isEmpty {
            throw CLIError("\(builder.issues.count) records left out while indexing (listed above): no index written; use --lenient to skip them")
        }
        let index = builder.build(buildTime: ISO8601DateFormatter().string(from: Date()), progress: Self.progressLine())
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
        let total = index.sectionSizes.reduce(0) { $0 + $1.bytes }
        print("sections:     \(total / 1024) KiB in \(index.sectionSizes.count) (read in place, not decoded)")
        for s in index.sectionSizes {
            print("              \(String(repeating: " ", count: max(0, 10 - "\(s.bytes / 1024)".count)))\(s.bytes / 1024) KiB  \(s.name)")
        }
    }
}

struct IndexVerify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check an index's checksums and structure.")
    @OptionGroup var options: IndexOptions

    func run() throws {
        let index = try options.open()
        try index.verifyRecords()
        print("ok: \(options.path): checksums, structure and every entity record verified (\(index.meta.entityCount) entities, \(index.meta.nameCount) names)")
    }
}

func stderr(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
