import ArgumentParser
import Foundation
import VigilLists
import VigilMatcher
import VigilMonitor
import VigilScreening

struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Keep a customer store (SQLite) screened: load customers, follow list updates, list alerts.",
        subcommands: [MonitorLoad.self, MonitorUpdate.self, MonitorReview.self, MonitorDecide.self, MonitorAlerts.self, MonitorCases.self,
                      MonitorKeygen.self])
}

struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The customer store (SQLite; created 0600 when missing).")
    var store: String

    @Option(name: .long, help: "Alert threshold 0...1.")
    var threshold = ScreeningOptions.defaultThreshold

    @Option(name: .long, help: "Policy file (JSON): review cycles per risk level, triggers with priority and flow, risk factors (see docs/monitor.md).")
    var policy: String?

    @Option(name: .long, help: ArgumentHelp(
        "Key file of an encrypted store (default: $\(StoreKey.environmentVariable)); a new store given a key is created encrypted.",
        discussion: "32 raw bytes or 64 hex digits, mode 0600; `vigil monitor keygen PATH` makes one."))
    var keyFile: String?

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be in 0...1") }
    }

    /// `--key-file`, or the file the environment names.
    var keyPath: String? {
        keyFile ?? ProcessInfo.processInfo.environment[StoreKey.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    func open() throws -> Monitor {
        do {
            let rules = try policy.map { try Policy.load(path: $0) } ?? Policy()
            let key = try keyPath.map { path throws(StoreError) in try StoreKey.read(path: path) }
            return Monitor(store: try CustomerStore(path: store, key: key), options: ScreeningOptions(threshold: threshold), policy: rules)
        } catch { throw CLIError("\(error)") }
    }
}

/// The identity of an index file for the store: its SHA-256.
private func indexID(_ path: String) throws -> String {
    do { return try fileSHA256(path) } catch { throw CLIError("\(error)") }
}

struct MonitorLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Upsert customers by id (streamed) and screen the new and changed ones; bad rows are listed with their line.")

    @Argument(help: "Customer file: CSV with a header (id,name required) or JSON lines.")
    var input: String

    @OptionGroup var index: IndexOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Map other headers to fields: \"Client No=id,Full Name=name,DOB=birth_date\".")
    var columns: String?

    func run() throws {
        let monitor = try storeOptions.open()
        let searchIndex = try index.open()
        let reader: CustomerReader
        do {
            reader = try CustomerReader(path: input, columnMap: try columns.map { try CustomerReader.parseColumnMap($0) } ?? [:])
        } catch { throw CLIError("\(error)") }
        let s: LoadSummary
        do { s = try monitor.load(reader, matcher: Matcher(index: searchIndex), indexID: try indexID(index.path)) } catch let e as CLIError { throw e } catch { throw CLIError("\(error)") }
        for r in s.rejected { stderr("\(input): \(r)") }
        stderr("loaded \(s.rows) rows: \(s.added) new, \(s.changed) changed, \(s.unchanged) unchanged, \(s.rejected.count) refused; "
               + "alerts opened \(s.alertsOpened), closed \(s.alertsClosed); cases opened \(s.casesOpened) in \(String(format: "%.2f", s.seconds)) s")
        if !s.rejected.isEmpty { throw ExitCode(2) }
    }
}

struct MonitorUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Move the store to a new index after a list update, screening again only the customers the change can affect.")

    @OptionGroup var index: IndexOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let monitor = try storeOptions.open()
        let searchIndex = try index.open()
        let s: UpdateSummary
        do { s = try monitor.update(to: Matcher(index: searchIndex), indexID: try indexID(index.path)) } catch let e as CLIError { throw e } catch { throw CLIError("\(error)") }
        if s.entitiesAdded + s.entitiesChanged + s.entitiesRemoved + s.rescreened == 0 {
            stderr("the store is already screened against \(index.path)")
            return
        }
        stderr("entities: \(s.entitiesAdded) added, \(s.entitiesChanged) changed, \(s.entitiesRemoved) removed, \(s.entitiesUnchanged) unchanged; "
               + "screened again \(s.rescreened) of \(s.customers) customers (reached by a changed name \(s.reached) of \(s.lookupCandidates) looked up, alerted on a changed entity "
               + "\(s.alertedOnChanged), near the threshold \(s.nearThreshold)\(s.scoreBound.map { String(format: " by rarity drift ≤ %.4f, %d tokens moved more", $0, s.driftedTokens) } ?? "")); alerts opened \(s.alertsOpened), closed \(s.alertsClosed); "
               + "cases opened \(s.casesOpened) in \(String(format: "%.2f", s.seconds)) s (diff \(String(format: "%.2f", s.diffSeconds)) s, customer index \(String(format: "%.2f", s.customerIndexSeconds)) s, "
               + "look-ups \(String(format: "%.2f", s.lookupSeconds)) s, screening \(String(format: "%.2f", s.screenSeconds)) s, store \(String(format: "%.2f", s.recordSeconds)) s)")
    }
}

struct MonitorAlerts: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alerts", abstract: "List the store's alerts as JSON lines.")

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Include closed alerts, with the reason they closed.")
    var all = false

    func run() throws {
        let alerts: [CustomerStore.Alert]
        do { alerts = try storeOptions.open().store.alerts(includeClosed: all) } catch { throw CLIError("\(error)") }
        var out = ""
        for a in alerts {
            var w = JSONWriter()
            w.beginObject()
            w.field("customer_id", a.customerID)
            w.field("entity_id", a.entityID)
            w.field("score", a.score)
            w.field("status", a.open ? "open" : "closed")
            w.field("entity_hash", a.entityHash)
            if let reason = a.closeReason { w.field("close_reason", reason) }
            w.endObject()
            out += String(decoding: w.bytes, as: UTF8.self) + "\n"
        }
        print(out, terminator: "")
    }
}

struct MonitorReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Periodic review as of a date: customers whose cycle is due or whose ID document expired get a case (per the policy).")

    @Option(name: .long, help: "The review date, YYYY-MM-DD.")
    var asOf: String

    @OptionGroup var index: IndexOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let monitor = try storeOptions.open()
        // The index is needed only when a policy sends a trigger to the rescreen flow.
        let path = index.path
        let matcher = FileManager.default.fileExists(atPath: path) ? Matcher(index: try index.open()) : nil
        let s: ReviewSummary
        do { s = try monitor.review(asOf: asOf, matcher: matcher, indexID: matcher == nil ? nil : try indexID(path)) }
        catch let e as CLIError { throw e } catch { throw CLIError("\(error)") }
        stderr("reviewed \(s.customers) customers as of \(asOf): \(s.due) due, \(s.idExpired) with an expired ID; cases opened \(s.casesOpened), added to \(s.casesAppended)")
    }
}

struct MonitorDecide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Record a reviewer's decision on an alert: a false positive is cleared until the listed entity changes.")

    @Option(name: .long, help: "Customer id.") var customer: String
    @Option(name: .long, help: "Listed entity id (e.g. un:6908131).") var entity: String
    @Option(name: .long, help: "false_positive or true_match.") var decision: String
    @Option(name: .long, help: "Who decided.") var reviewer: String
    @Option(name: .long, help: "Decision date YYYY-MM-DD (default: today, UTC).") var date: String?
    @Option(name: .long, help: "Why (kept in the store, not in logs).") var note: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard Decision.Verdict(rawValue: decision) != nil else { throw ValidationError("--decision must be false_positive or true_match") }
        if let date, DateText.isoDate(date) != date || date.count != 10 { throw ValidationError("--date must be YYYY-MM-DD") }
    }

    func run() throws {
        let day = date ?? String(AuditRecord.timestamp().prefix(10))
        do {
            try storeOptions.open().decide(customer: customer, entity: entity, verdict: Decision.Verdict(rawValue: decision)!,
                                            reviewer: reviewer, date: day, note: note)
        } catch let e as CLIError { throw e } catch { throw CLIError("\(error)") }
        stderr("recorded \(decision) on \(customer) / \(entity)")
    }
}

struct MonitorCases: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cases", abstract: "List review cases with their reasons, highest priority first.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, table }

    @Option(name: .long, help: "jsonl, csv or table.") var format: Format = .jsonl
    @Flag(name: .long, help: "Include closed cases.") var all = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let cases: [CustomerStore.Case]
        do { cases = try storeOptions.open().store.cases(includeClosed: all) } catch { throw CLIError("\(error)") }
        var out = ""
        switch format {
        case .jsonl:
            for c in cases {
                var w = JSONWriter()
                w.beginObject()
                w.field("case_id", c.id)
                w.field("customer_id", c.customerID)
                w.field("status", c.open ? "open" : "closed")
                w.field("priority", c.priority)
                w.field("opened_at", c.openedAt)
                w.field("updated_at", c.updatedAt)
                w.field("reasons", strings: c.reasons)
                w.endObject()
                out += String(decoding: w.bytes, as: UTF8.self) + "\n"
            }
        case .csv:
            var rows = [["case_id", "customer_id", "status", "priority", "opened_at", "updated_at", "reasons"]]
            for c in cases {
                rows.append([String(c.id), c.customerID, c.open ? "open" : "closed", String(c.priority), c.openedAt, c.updatedAt, c.reasons.joined(separator: "; ")])
            }
            out = rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .table:
            for c in cases {
                out += "#\(c.id)  P\(c.priority)  \(c.customerID)  \(c.open ? "open" : "closed")  since \(c.openedAt.prefix(10))\n"
                for r in c.reasons { out += "      \(r)\n" }
            }
            if cases.isEmpty { out = "no \(all ? "" : "open ")cases\n" }
        }
        print(out, terminator: "")
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

struct MonitorKeygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a new random key for an encrypted store to a file (64 hex digits, mode 0600); never overwrites one.")

    @Argument(help: "The key file to create. Keep it off the store's volume and out of the store's backups.")
    var path: String

    func run() throws {
        do { try StoreKey.generate(at: path) } catch { throw CLIError("\(error)") }
        stderr("wrote a new store key to \(path) (mode 0600); a store created with --key-file \(path) can be opened only with it")
    }
}
