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
        subcommands: [MonitorLoad.self, MonitorUpdate.self, MonitorAlerts.self])
}

struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The customer store (SQLite; created 0600 when missing).")
    var store: String

    @Option(name: .long, help: "Alert threshold 0...1.")
    var threshold = ScreeningOptions.defaultThreshold

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be in 0...1") }
    }

    func open() throws -> Monitor {
        do {
            return Monitor(store: try CustomerStore(path: store), options: ScreeningOptions(threshold: threshold))
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
               + "alerts opened \(s.alertsOpened), closed \(s.alertsClosed) in \(String(format: "%.2f", s.seconds)) s")
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
               + "screened again \(s.rescreened) of \(s.customers) customers (reached by a changed name \(s.reached), alerted on a changed entity "
               + "\(s.alertedOnChanged), near the threshold \(s.nearThreshold)); alerts opened \(s.alertsOpened), closed \(s.alertsClosed) "
               + "in \(String(format: "%.2f", s.seconds)) s")
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
