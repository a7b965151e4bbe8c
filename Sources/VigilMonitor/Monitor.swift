import Dispatch
import Foundation
import VigilIndex
import VigilLists
import VigilMatcher
import VigilNormalization
import VigilScreening

/// What `Monitor.load` did.
public struct LoadSummary: Sendable {
    public var rows = 0
    public var added = 0
    public var changed = 0
    public var unchanged = 0
    /// Rows refused, each `line N: reason` (never stored, never dropped silently).
    public var rejected: [String] = []
    public var alertsOpened = 0
    public var alertsClosed = 0
    public var casesOpened = 0
    public var seconds = 0.0
}

/// What `Monitor.update` did after a list update.
public struct UpdateSummary: Sendable {
    public var entitiesAdded = 0
    public var entitiesChanged = 0
    public var entitiesRemoved = 0
    public var entitiesUnchanged = 0
    /// Customers the reverse look-up of added and changed names found, and those of them whose name
    /// score against those entities could still reach the threshold.
    public var lookupCandidates = 0
    public var reached = 0
    /// Customers with an open alert (or a decision) on a changed or removed entity.
    public var alertedOnChanged = 0
    /// Customers whose last screening a change of token rarities may carry across the threshold.
    public var nearThreshold = 0
    /// How far token rarities can have moved a score (`RarityDrift.bound`), and the tokens whose rarity
    /// moved more (nil bound: a store without token statistics, which takes a fixed margin).
    public var scoreBound: Double?
    public var driftedTokens = 0
    /// Distinct customers screened again (the union of the three).
    public var rescreened = 0
    public var customers = 0
    public var alertsOpened = 0
    public var alertsClosed = 0
    public var casesOpened = 0
    /// Where the time went: opening the customer index, the reverse look-ups, screening, writing the store.
    public var diffSeconds = 0.0
    public var customerIndexSeconds = 0.0
    public var lookupSeconds = 0.0
    public var screenSeconds = 0.0
    public var recordSeconds = 0.0
    public var seconds = 0.0
}

/// Keeps a customer store screened: `load` screens new and changed customers; `update` follows a list
/// update at a cost proportional to the change, not to the customer base.
///
/// `update` finds the customers a list change can affect, and screens only them against the new index:
/// 1. the names of added and changed entities are looked up in an index built over the *customers*
///    (same normalization and retrieval as screening, uncapped, at a lower floor);
/// 2. customers with an open alert on a changed or removed entity;
/// 3. customers whose last result a change of token rarities can alter (`RarityDrift`): rarities are
///    computed over the whole list, so a list change moves every score a little, and those with a token
///    of the changed names more.
/// Each is screened the normal way, so its stored result is what a full re-screen gives.
public final class Monitor {
    public let store: CustomerStore
    public var options: ScreeningOptions
    public var policy: Policy
    /// How far under the threshold a last best score makes a customer re-screened on every update.
    public var margin = 0.05
    /// Slack under the least name score that can alert (threshold − the attributes' maximum bonus).
    public var boundMargin = 0.03
    /// A listed name scoring this against a changed one is its twin (`update`).
    public var twinScore = 0.9
    /// Screening threads.
    public var workers = max(1, Machine.coreCount)

    public init(store: CustomerStore, options: ScreeningOptions = .init(), policy: Policy = .init()) {
        self.store = store
        self.options = options
        self.policy = policy
    }

    /// Where the customer-side index lives: beside the store.
    public var customerIndexPath: String { store.path + ".customers.vigil" }

    static func now() -> String { AuditRecord.timestamp() }

    // MARK: load

    /// Upserts every row by customer id; screens the new and changed ones against `matcher`'s index.
    /// A store already screened against another index must be updated to it first.
    public func load(_ reader: CustomerReader, matcher: Matcher, indexID: String) throws -> LoadSummary {
        let start = Clock.now()
        try store.requireScreened(against: indexID)
        var summary = LoadSummary()
        let screener = Screener(matcher: matcher, options: options, decisions: try store.decisionBook())
        let time = Self.now()
        try store.db.transaction {
            if try store.indexID == nil {
                let entities = matcher.index.entities
                try store.replaceEntities((0..<entities.count).map { (entities.id($0), entities.contentHash($0)) }, indexID: indexID)
                try store.replaceTokenFrequencies(of: matcher.index)
            }
        }
        var pending: [(customer: Customer, hash: String)] = []
        func flush() throws {
            try store.db.transaction {
                // The stored records before this load, for the triggers that compare fields.
                let before = Dictionary(try store.customers(ids: pending.map(\.customer.id)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                for p in pending { try store.upsert(p.customer, hash: p.hash, at: time) }
                let results = BulkScreener(screener: screener, workers: workers).screen(pending.map(\.customer))
                for (p, r) in zip(pending, results) {
                    let (opened, closed) = try store.record(r, indexID: indexID, at: time, gap: gap(of: r)) { _ in "customer changed" }
                    summary.alertsOpened += opened.count
                    summary.alertsClosed += closed
                    var fired = Self.alertTriggers(opened, in: r)
                    if let old = before[p.customer.id] {
                        if old.idType != p.customer.idType || old.idNumber != p.customer.idNumber {
                            fired.append((.idDocumentChanged, "ID document changed"))
                        }
                        if old.nationality != p.customer.nationality { fired.append((.nationalityChanged, "nationality changed")) }
                    }
                    // A new customer's first grade is no raise.
                    if try regrade(p.customer, result: r, at: time), before[p.customer.id] != nil {
                        fired.append((.riskRaised, "risk level raised"))
                    }
                    if try applyTriggers(fired, customer: p.customer.id, at: time) { summary.casesOpened += 1 }
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        while let row = try reader.next() {
            summary.rows += 1
            guard row.errors.isEmpty, row.isScreenable else {
                summary.rejected.append("line \(row.line): " + (row.errors.isEmpty ? "no name" : row.errors.joined(separator: "; ")))
                continue
            }
            let hash = store.contentHash(row.customer)
            switch try store.storedHash(of: row.customer.id) {
            case hash: summary.unchanged += 1; continue
            case nil: summary.added += 1
            default: summary.changed += 1
            }
            pending.append((row.customer, hash))
            if pending.count >= 4096 { try flush() }
        }
        try flush()
        if summary.added + summary.changed > 0 || !FileManager.default.fileExists(atPath: customerIndexPath) {
            try buildCustomerIndex()
        }
        summary.seconds = Clock.now() - start
        try store.audit("load", at: time, details: """
            {"index_id":"\(indexID)","rows":\(summary.rows),"added":\(summary.added),"changed":\(summary.changed),\
            "unchanged":\(summary.unchanged),"rejected":\(summary.rejected.count),"alerts_opened":\(summary.alertsOpened),\
            "alerts_closed":\(summary.alertsClosed),"cases_opened":\(summary.casesOpened)}
            """)
        return summary
    }

    /// The index over the customers' names that `update` looks listed names up in, written atomically
    /// (0600; sealed as a whole in an encrypted store, since it holds every name).
    public func buildCustomerIndex() throws {
        var entities: [Entity] = []
        try store.forEachName { id, name in
            // A name that may be Korean in Hanja under its Korean reading too, as screening reads it: a
            // list change that names KIM Yong Chol must reach the customer 金英哲.
            var names = [EntityName(name, type: .primary)]
            if let korean = HanjaReadings.koreanReading(of: name) { names.append(EntityName(korean, type: .aka)) }
            entities.append(Entity(id: id, list: "customers", schema: .unknown, names: names))
        }
        var builder = IndexBuilder()
        builder.add(LoadedList(entities: entities, provenance: SourceProvenance(list: "customers", format: "vigil-store", files: [store.path], sha256: [], publicationDate: nil), issues: []))
        let index = builder.build(buildTime: Self.now())
        if let cipher = store.cipher {
            try IndexFile.write(bytes: cipher.sealFile(IndexFile.serialize(index), name: Self.customerIndexName), to: customerIndexPath, permissions: 0o600)
        } else {
            try IndexFile.write(index, to: customerIndexPath, permissions: 0o600)
        }
    }

    /// What an encrypted store's customer index is sealed for (its role, not its path).
    static let customerIndexName = "customers.vigil"

    /// Opens the index `buildCustomerIndex` wrote (decrypting it in memory in an encrypted store).
    func openCustomerIndex() throws -> SearchIndex {
        guard let cipher = store.cipher else { return try IndexFile.open(customerIndexPath) }
        let sealed = try Array(Data(contentsOf: URL(fileURLWithPath: customerIndexPath)))
        guard let bytes = cipher.openFile(sealed, name: Self.customerIndexName) else {
            throw StoreError(path: customerIndexPath, reason: "the customer index does not decrypt with the store key; delete it and it is built again")
        }
        return try IndexFile.decode(bytes: bytes, path: customerIndexPath)
    }

    /// How far a stored result is from changing when scores move: the least distance of a match's
    /// score to the threshold, and of the context floor (a score under it is not stored); when the
    /// result is full, of its last score too (a match it leaves out scores no more), and 0 if that one
    /// alerts (one left out may alert as well).
    func gap(of result: ScreeningResult) -> Double {
        var gap = max(0, options.threshold - options.contextFloor)
        for m in result.matches { gap = min(gap, abs(m.score - options.threshold)) }
        if result.matches.count >= options.limit, let last = result.matches.last {
            gap = last.score >= options.threshold ? 0 : min(gap, options.threshold - last.score)
        }
        return gap
    }

    /// Customers a change of token rarities may carry across the threshold (`RarityDrift`): those whose
    /// stored results lie within its bound of changing; those whose name or matched entities hold a
    /// token whose rarity moved much, within that token's bound; and (in `lookups`) unchanged entities
    /// holding a token that moved so much that a score under the context floor may rise to an alert,
    /// whose names are looked up like changed ones. A store that predates token statistics takes every
    /// customer whose best score came within `margin` of the threshold.
    /// - Parameter matched: `CustomerStore.matchedScreenings`.
    func customersNearThreshold(_ drift: RarityDrift?, newIndex: SearchIndex, customerIndex: SearchIndex,
                                matched: [(id: String, gap: Double, matched: [Substring])],
                                lookups: inout [(entity: Entity, position: UInt32)]) throws -> Set<String> {
        guard let drift else { return try store.customers(withBestScoreAtLeast: options.threshold - margin) }
        var near = try store.customers(withGapAtMost: drift.bound)
        guard !drift.drifted.isEmpty else { return near }
        // The largest move among each holder's drifted tokens, by entity position.
        func holders(in index: SearchIndex) -> [Int: Double] {
            var out: [Int: Double] = [:]
            for (t, move) in drift.drifted {
                guard let id = index.tokenID(t) else { continue }
                for n in index.names(withToken: id) {
                    let e = Int(index.names.entity[Int(n)])
                    out[e] = max(out[e] ?? 0, move)
                }
            }
            return out
        }
        var customerMoves: [String: Double] = [:]
        for (e, move) in holders(in: customerIndex) { customerMoves[customerIndex.entities.id(e)] = move }
        var entityMoves: [Substring: Double] = [:]
        let floorGap = options.threshold - options.contextFloor
        let looked = Set(lookups.map(\.position))
        for (position, move) in holders(in: newIndex) {
            entityMoves[Substring(newIndex.entities.id(position))] = move
            if RarityDrift.scoreBound(move) >= floorGap, !looked.contains(UInt32(position)) {
                lookups.append((newIndex.entities[position], UInt32(position)))
            }
        }
        // (A stored gap is the least over the customer's matches: conservative for the others.)
        var withMatches = Set<String>()
        for row in matched {
            withMatches.insert(row.id)
            var move = max(drift.others, customerMoves[row.id] ?? 0)
            for e in row.matched { move = max(move, entityMoves[e] ?? 0) }
            if RarityDrift.scoreBound(move) >= row.gap { near.insert(row.id) }
        }
        // A customer with no stored match scored under the context floor with everyone.
        for (id, move) in customerMoves where !withMatches.contains(id) && RarityDrift.scoreBound(move) >= floorGap { near.insert(id) }
        return near
    }

    // MARK: update

    /// Moves the store to a new index: diffs its entities against the stored ones, screens again only
    /// the customers the change can affect, opens and closes alerts, and records the new index.
    public func update(to matcher: Matcher, indexID: String) throws -> UpdateSummary {
        let start = Clock.now()
        var summary = UpdateSummary()
        guard let current = try store.indexID else {
            throw StoreError(path: store.path, reason: "the store has no customers yet; run `vigil monitor load` first")
        }
        summary.customers = try store.customerCount()
        if current == indexID { return summary }

        // 1. The change, by entity content hash (stored in the index: no record is decoded for it).
        let old = try store.entityHashes()
        let entities = matcher.index.entities
        var touched: [(entity: Entity, position: UInt32)] = []
        var newHashes: [(id: String, hash: String)] = []
        var seen = Set<String>()
        for position in 0..<entities.count {
            let id = entities.id(position), hash = entities.contentHash(position)
            seen.insert(id)
            switch old[id] {
            case nil: summary.entitiesAdded += 1
            case hash: summary.entitiesUnchanged += 1; continue
            default: summary.entitiesChanged += 1
            }
            touched.append((entities[position], UInt32(position)))
            newHashes.append((id, hash))
        }
        let removed = old.keys.filter { !seen.contains($0) }
        summary.entitiesRemoved = removed.count
        let drift = try store.tokenFrequencies().map { RarityDrift(old: $0, new: matcher.index) }
        summary.scoreBound = drift?.bound
        summary.driftedTokens = drift?.drifted.count ?? 0
        summary.diffSeconds = Clock.now() - start

        // 2. Who can be affected.
        let indexStart = Clock.now()
        if !FileManager.default.fileExists(atPath: customerIndexPath) { try buildCustomerIndex() }
        let customerIndex: SearchIndex
        do {
            customerIndex = try openCustomerIndex()
        } catch IndexError.unsupportedVersion, IndexError.staleNormalization {
            // Written by an older vigil: the customer index is derived from the store, so it is built again.
            try buildCustomerIndex()
            customerIndex = try openCustomerIndex()
        }
        let reverse = Matcher(index: customerIndex, reverseLookups: true)
        summary.customerIndexSeconds = Clock.now() - indexStart
        let lookupStart = Clock.now()
        let matched = try store.matchedScreenings()
        var lookups = touched
        let near = try customersNearThreshold(drift, newIndex: matcher.index, customerIndex: customerIndex, matched: matched, lookups: &lookups)
        summary.nearThreshold = near.count
        // Customers near a changed name, with the entities that reached them; kept only when the
        // forward name score (listed side, as screening computes it) could still reach the threshold.
        var reachedBy: [String: [UInt32]] = [:]
        for t in lookups {
            for name in t.entity.names {
                for i in reverse.entitiesNear(name.value) { reachedBy[customerIndex.entities[Int(i)].id, default: []].append(t.position) }
            }
        }
        // Customers matched to an unchanged entity named (nearly) as a changed one: the reverse look-up
        // misses a customer who writes a name split where the forward matcher joins it ("ma min" ~ MAKIN),
        // and a name newly listed on one list is often on another already.
        var twins: [Substring: [UInt32]] = [:]
        for t in touched {
            for name in t.entity.names {
                for m in matcher.match(ScreeningQuery(name: name.value), limit: 10, minimumScore: twinScore) where m.entity.id != t.entity.id {
                    twins[Substring(m.entity.id), default: []].append(t.position)
                }
            }
        }
        if !twins.isEmpty {
            for row in matched {
                for e in row.matched { if let positions = twins[e] { reachedBy[row.id, default: []].append(contentsOf: positions) } }
            }
        }
        summary.lookupCandidates = reachedBy.count
        let floor = options.threshold - AttributeScorer.maximumBonus - boundMargin
        var affected = Set<String>()
        for c in try store.customers(ids: reachedBy.keys.sorted()) where matcher.bestNameScore(c.name, entities: reachedBy[c.id]!) >= floor {
            affected.insert(c.id)
        }
        summary.reached = affected.count
        let touchedIDs = touched.map(\.entity.id)
        let alerted = try store.customersAlerted(on: touchedIDs + removed).union(try store.customersWithDecisions(on: touchedIDs))
        summary.alertedOnChanged = alerted.count
        affected.formUnion(alerted)
        affected.formUnion(near)
        summary.rescreened = affected.count
        summary.lookupSeconds = Clock.now() - lookupStart

        // 3. Screen them on the new index and record it.
        let customers = try store.customers(ids: affected.sorted())
        let screenStart = Clock.now()
        let screener = Screener(matcher: matcher, options: options, decisions: try store.decisionBook())
        let results = BulkScreener(screener: screener, workers: workers).screen(customers)
        summary.screenSeconds = Clock.now() - screenStart
        let recordStart = Clock.now()
        let time = Self.now()
        let gone = Set(removed)
        try store.db.transaction {
            for (customer, r) in zip(customers, results) {
                let (opened, closed) = try store.record(r, indexID: indexID, at: time, gap: gap(of: r)) {
                    gone.contains($0) ? "list update: entity removed" : "list update: no longer matches"
                }
                summary.alertsOpened += opened.count
                summary.alertsClosed += closed
                var fired = Self.alertTriggers(opened, in: r)
                if try regrade(customer, result: r, at: time) { fired.append((.riskRaised, "risk level raised")) }
                if try applyTriggers(fired, customer: customer.id, at: time) { summary.casesOpened += 1 }
            }
            try store.updateEntities(set: newHashes, removed: removed, indexID: indexID)
            if let drift {
                try store.updateTokenFrequencies(set: drift.changedFrequencies, removed: drift.goneTokens, names: matcher.index.names.count)
            } else {
                try store.replaceTokenFrequencies(of: matcher.index)
            }
        }
        summary.recordSeconds = Clock.now() - recordStart
        summary.seconds = Clock.now() - start
        try store.audit("update", at: time, details: """
            {"from_index_id":"\(current)","index_id":"\(indexID)","entities_added":\(summary.entitiesAdded),\
            "entities_changed":\(summary.entitiesChanged),"entities_removed":\(summary.entitiesRemoved),\
            "customers":\(summary.customers),"rescreened":\(summary.rescreened),"alerts_opened":\(summary.alertsOpened),\
            "alerts_closed":\(summary.alertsClosed),"cases_opened":\(summary.casesOpened)}
            """)
        return summary
    }
}
