import Dispatch
import Synchronization
import VigilLists

#if canImport(Glibc)
import Glibc
#endif

/// Counts for the end-of-run summary.
public struct BulkSummary: Sendable {
    public var rows = 0
    public var alerts = 0
    public var errors = 0
    /// Alerting matches cleared by a decision (entity unchanged), and cleared ones alerted again
    /// because the entity changed since.
    public var suppressed = 0
    public var reAlerts = 0
    public var seconds = 0.0
    /// Time to screen each row on its worker (not counting reading and writing).
    public var latency = LatencyHistogram()
    public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
}

/// Screens a customer stream in parallel and hands results back in input order, one per row.
public struct BulkScreener: Sendable {
    public let screener: Screener
    public let workers: Int
    public let batchSize: Int

    public init(screener: Screener, workers: Int = max(1, Machine.coreCount), batchSize: Int = 512) {
        self.screener = screener
        self.workers = workers
        self.batchSize = batchSize
    }

    /// - Parameters:
    ///   - reader: the customer rows.
    ///   - emit: called once per row, in input order.
    ///   - progress: called after each batch with rows done so far.
    public func run(
        _ reader: CustomerReader, emit: (ScreeningResult) throws -> Void, progress: (Int) -> Void = { _ in }
    ) throws -> BulkSummary {
        var summary = BulkSummary()
        let timing = WorkerLatencies(workers: workers)
        let start = Clock.now()
        var batch: [CustomerRow] = []
        batch.reserveCapacity(batchSize)
        var done = false
        while !done {
            batch.removeAll(keepingCapacity: true)
            while batch.count < batchSize, let row = try reader.next() { batch.append(row) }
            if batch.count < batchSize { done = true }
            if batch.isEmpty { break }
            let results = screenBatch(batch, timing: timing)
            for r in results {
                summary.rows += 1
                if r.alert { summary.alerts += 1 }
                if r.error != nil { summary.errors += 1 }
                if !r.decisions.isEmpty {
                    summary.suppressed += r.count(.suppressed)
                    summary.reAlerts += r.count(.reAlert)
                }
                try emit(r)
            }
            progress(summary.rows)
        }
        summary.seconds = Clock.now() - start
        summary.latency = timing.merged()
        return summary
    }

    /// Screens `customers` across the workers; results in the same order.
    public func screen(_ customers: [Customer]) -> [ScreeningResult] {
        let screener = self.screener
        return parallelMap(customers) { screener.screen($0) }
    }

    func screenBatch(_ rows: [CustomerRow], timing: WorkerLatencies? = nil) -> [ScreeningResult] {
        let screener = self.screener
        return parallelMap(rows, timing: timing) { screener.screen($0) }
    }

    private func parallelMap<T: Sendable>(_ items: [T], timing: WorkerLatencies? = nil,
                                          _ screen: @Sendable (T) -> ScreeningResult) -> [ScreeningResult] {
        let n = items.count
        guard n > 0 else { return [] }
        let slots = ResultSlots(count: n)
        // Each worker takes the next unscreened row: rows differ in cost (a Chinese name with many
        // readings against a plain Western one), and fixed stripes left a worker idle at each batch's end.
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(workers, n)) { worker in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < n else { break }
                guard let timing else {
                    slots.set(i, screen(items[i]))
                    continue
                }
                let started = Clock.nanoseconds()
                slots.set(i, screen(items[i]))
                timing.record(worker: worker, microseconds: (Clock.nanoseconds() - started) / 1_000)
            }
        }
        return slots.collect()
    }
}

/// One latency histogram per worker: `concurrentPerform` runs each worker index on one thread at a
/// time, so a worker writes its own histogram without a lock.
final class WorkerLatencies: @unchecked Sendable {
    private let histograms: UnsafeMutableBufferPointer<LatencyHistogram>
    init(workers: Int) {
        histograms = .allocate(capacity: max(1, workers))
        histograms.initialize(repeating: LatencyHistogram())
    }
    deinit {
        histograms.deinitialize()
        histograms.deallocate()
    }
    func record(worker: Int, microseconds: UInt64) { histograms[worker].record(microseconds: microseconds) }
    func merged() -> LatencyHistogram { histograms.reduce(into: LatencyHistogram()) { $0.merge($1) } }
}

/// Per-batch result storage: each index written by exactly one worker, read after all finish.
/// Raw storage, so concurrent writers never touch a shared array header (no copy-on-write race).
final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<ScreeningResult?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func set(_ i: Int, _ r: ScreeningResult) { slots[i] = r }
    func collect() -> [ScreeningResult] { slots.map { $0! } }
}

/// Monotonic seconds.
public enum Clock {
    public static func now() -> Double { Double(nanoseconds()) / 1e9 }

    public static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
