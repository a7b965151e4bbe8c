import CoreMetrics
import Metrics
import Prometheus
import VigilIndex

/// What the server counts, in Prometheus text format: requests and errors by operation and code,
/// latency, customers screened and alerts, open connections, and the index served. Recorded through
/// swift-metrics types on a per-server registry (no process-wide bootstrap: several servers, as in
/// the tests, keep their own figures); read with the `metrics` operation or over HTTP on
/// `--metrics-port` (`GET /metrics`).
package final class ServerMetrics: Sendable {
    package let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let screened: CoreMetrics.Counter
    private let alerts: CoreMetrics.Counter
    private let connections: Meter
    private let indexGeneration: Meter
    private let indexEntities: Meter
    private let indexBuilt: Meter

    /// Latency buckets from 250 µs (a screen takes ~0.3–0.5 ms of CPU) to 2.5 s (a large batch).
    static let latencyBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1), .milliseconds(2500),
    ]

    package init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.latencyBuckets
        self.factory = factory
        screened = CoreMetrics.Counter(label: "vigil_customers_screened_total", factory: factory)
        alerts = CoreMetrics.Counter(label: "vigil_alerts_total", factory: factory)
        connections = Meter(label: "vigil_connections", factory: factory)
        indexGeneration = Meter(label: "vigil_index_generation", factory: factory)
        indexEntities = Meter(label: "vigil_index_entities", factory: factory)
        indexBuilt = Meter(label: "vigil_index_built_timestamp_seconds", factory: factory)
    }

    /// One request answered: its operation (`invalid` when it could not be decoded), its error code
    /// (nil when it succeeded) and how long it took from the line to the response.
    package func request(op: String, errorCode: String?, duration: Duration) {
        CoreMetrics.Counter(label: "vigil_requests_total", dimensions: [("op", op)], factory: factory).increment()
        if let errorCode {
            CoreMetrics.Counter(label: "vigil_request_errors_total", dimensions: [("code", errorCode)], factory: factory).increment()
        }
        Metrics.Timer(label: "vigil_request_duration_seconds", dimensions: [("op", op)], preferredDisplayUnit: .seconds, factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    package func screened(customers: Int, alerts alerted: Int) {
        screened.increment(by: customers)
        if alerted > 0 { alerts.increment(by: alerted) }
    }

    package func connectionOpened() { connections.increment() }
    package func connectionClosed() { connections.decrement() }

    package func serving(_ generation: IndexGeneration) {
        indexGeneration.set(generation.number)
        indexEntities.set(generation.index.meta.entityCount)
        if let seconds = Self.epochSeconds(generation.index.meta.buildTime) { indexBuilt.set(seconds) }
    }

    /// The exposition text (Prometheus text format 0.0.4).
    package func text() -> String { registry.emitToString() }

    /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SSZ`; nil for anything else (a test index says "test").
    static func epochSeconds(_ iso: String) -> Double? {
        let b = Array(iso.utf8)
        guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A else { return nil }
        func n(_ r: Range<Int>) -> Int? { Int(String(decoding: b[r], as: UTF8.self)) }
        guard let y = n(0..<4), let mo = n(5..<7), let d = n(8..<10), let h = n(11..<13), let mi = n(14..<16), let s = n(17..<19) else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(days * 86_400 + h * 3_600 + mi * 60 + s)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (s, a) = components
        return s * 1_000_000_000 + a / 1_000_000_000
    }
}
