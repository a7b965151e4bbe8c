import ArgumentParser
import Foundation
import VigilLists

/// `vigil lists diff OLD NEW`: entities added, removed and changed between two versions of a list.
struct ListsDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the entities added, removed and changed between two versions of a list.",
        discussion: """
            Entities are matched by stable id (<list>:<key>). An entity is changed when its content hash \
            differs: schema, names with their types, birth dates, nationalities, gender, documents, programs \
            or addresses (remarks, listing date and value order do not count). Exits 0 whether or not the \
            versions differ, unless --exit-code is given; errors exit 1 (unreadable file) or 64 (bad source).

            Example: vigil lists diff un-xml=un_2024-11-30.xml un-xml=un_2026-02-27.xml
            """)

    @Argument(help: ArgumentHelp("The older version: FORMAT=PATH[,PATH...] or a bare PATH whose format is detected.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer version, as OLD.", valueName: "new"))
    var new: String

    @Flag(name: .long, help: "Print JSON lines, one object per added, removed or changed entity, in id order.")
    var json = false

    @Option(name: .long, help: "Entities shown in the readable summary; 0 shows all (JSON output is never truncated).")
    var limit = 50

    @Flag(name: .long, help: "Exit 1 when the versions differ, 0 when they do not (as git diff --exit-code).")
    var exitCode = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more") }
        for s in [old, new] {
            do { _ = try SourceSpec(parsing: s) } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        let (oldList, _) = try ListSources.load(try SourceSpec(parsing: old))
        let (newList, _) = try ListSources.load(try SourceSpec(parsing: new))
        for (side, list) in [("old", oldList), ("new", newList)] where !list.issues.isEmpty {
            stderr("\(side): \(list.provenance.list) (\(list.provenance.format)): \(IssueSummary.counts(list))")
        }
        if oldList.provenance.list != newList.provenance.list {
            stderr("note: comparing different lists (\(oldList.provenance.list), \(newList.provenance.list)): ids cannot match")
        }
        let diff = ListDiff(old: oldList.entities, new: newList.entities)
        for (side, ids) in [("old", diff.duplicateOldIDs), ("new", diff.duplicateNewIDs)] where !ids.isEmpty {
            stderr("\(side): \(ids.count) repeated entity id\(ids.count == 1 ? "" : "s") (first occurrence compared): \(ids.prefix(5).joined(separator: ", "))")
        }
        let out: [UInt8]
        if json {
            out = try Self.jsonLines(diff)
        } else {
            let text = Self.header(oldList, newList, diff) + [""] + Self.blocks(diff, limit: limit == 0 ? Int.max : limit)
            out = Array((text.joined(separator: "\n") + "\n").utf8)
        }
        FileHandle.standardOutput.write(Data(out))
        if exitCode && !diff.isEmpty { throw ExitCode(1) }
    }

    /// Where each version came from, then the counts: `added 3  removed 1  changed 12  unchanged 860`.
    static func header(_ old: LoadedList, _ new: LoadedList, _ diff: ListDiff) -> [String] {
        var out: [String] = []
        for (side, list) in [("old", old), ("new", new)] {
            let p = list.provenance
            out.append("\(side)  \(p.list) (\(p.format))\(p.publicationDate.map { ", published \($0)" } ?? ""): \(list.entities.count) entities")
            for (file, sha) in zip(p.files, p.sha256) { out.append("     \(sha.prefix(16))  \(file)") }
        }
        let counts = EntityChangeKind.allCases.map { "\($0.rawValue) \(diff.count($0))" }.joined(separator: "  ")
        out.append(counts + "  unchanged \(diff.unchangedCount)")
        return out
    }

    /// One block per entity, in id order, at most `limit` of them, then how many were left out.
    static func blocks(_ diff: ListDiff, limit: Int) -> [String] {
        if diff.isEmpty { return ["no differences"] }
        var out: [String] = []
        for e in diff.entries.prefix(limit) {
            let mark = e.change == .added ? "+" : e.change == .removed ? "-" : "~"
            out.append("\(mark) \(e.change.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(e.id)  \(e.name) [\(e.entity.schema.rawValue)]")
            for f in e.fields { out += fieldLines(f) }
        }
        if diff.entries.count > limit {
            out.append("... \(diff.entries.count - limit) more entities not shown (--limit 0 shows all)")
        }
        return out
    }

    /// `    names         + NAME (aka)` lines; single-valued fields as `before -> after`.
    static func fieldLines(_ f: FieldChange) -> [String] {
        let label = "    " + f.field.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
        let blank = String(repeating: " ", count: label.count)
        if f.field == .schema || f.field == .gender {
            return [label + "\(f.before.first ?? "-") -> \(f.after.first ?? "-")"]
        }
        let values = f.added.map { "+ \($0)" } + f.removed.map { "- \($0)" }
        return values.enumerated().map { ($0.offset == 0 ? label : blank) + $0.element }
    }

    /// One JSON object per entry, keys sorted, each line ending in `\n`.
    static func jsonLines(_ diff: ListDiff) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out: [UInt8] = []
        for e in diff.entries {
            out += try encoder.encode(JSONEntry(e))
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}

/// The JSON line of one `EntityDiff`.
private struct JSONEntry: Encodable {
    struct Hashes: Encodable {
        var old: String?
        var new: String?
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(old, forKey: .old)  // null, not absent, for an added entity
            try c.encode(new, forKey: .new)
        }
        enum CodingKeys: String, CodingKey { case old, new }
    }
    struct Field: Encodable {
        var field: String
        var before: [String]
        var after: [String]
        var added: [String]
        var removed: [String]
    }
    var change: String
    var entityID: String
    var list: String
    var name: String
    var contentHash: Hashes
    var fields: [Field]

    enum CodingKeys: String, CodingKey {
        case change, list, name, fields
        case entityID = "entity_id"
        case contentHash = "content_hash"
    }

    init(_ e: EntityDiff) {
        change = e.change.rawValue
        entityID = e.id
        list = e.list
        name = e.name
        contentHash = Hashes(old: e.oldHash, new: e.newHash)
        fields = e.fields.map { Field(field: $0.field.rawValue, before: $0.before, after: $0.after, added: $0.added, removed: $0.removed) }
    }
}
