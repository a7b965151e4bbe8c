import ArgumentParser
import Foundation
import VigilEvaluation
import VigilScreening

/// List screening accuracy: queries are a customer file, expected is `id,expected_entity_id[,category]`.
struct EvalScreening: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screening",
        abstract: "Recall@1, @10 and at threshold per category, alert rate on negatives, latency percentiles.")

    @Option(name: .long, help: "Customer file (CSV or JSON lines, as `vigil screen` reads).")
    var queries: String

    @Option(name: .long, help: "CSV id,expected_entity_id[,category]; ids may list alternatives a|b. Queries absent from it are negatives.")
    var expected: String

    @OptionGroup var options: EvalOptions

    func run() throws {
        let matcher = try options.matcher()
        let report: ScreeningReport
        do {
            let exp = try ExpectedFile.load(path: expected)
            let reader = try CustomerReader(path: queries)
            report = try ScreeningEvaluator.run(name: (queries as NSString).lastPathComponent, reader: reader, expected: exp,
                                                matcher: matcher, threshold: options.threshold)
        } catch let e as CLIError { throw e } catch { throw CLIError("\(error)") }
        print("queries: \(report.outcomes.count) (\(report.overall?.count ?? 0) positives, \(report.negatives) negatives)")
        if report.unresolvable > 0 { print("left out: \(report.unresolvable) positives whose expected entity is not in the index") }
        print("\n  \("category".padding(toLength: 28, withPad: " ", startingAt: 0))      n  recall@1  recall@10  recall@\(f3(options.threshold))")
        for c in report.categories + (report.overall.map { [$0] } ?? []) {
            print("  \(c.category.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%6d", c.count))     \(f3(c.recallAt1))      \(f3(c.recallAt10))      \(f3(c.recallAtThreshold))")
        }
        if let a = report.alertRate { print("\nalert rate on negatives: \(f3(a)) (\(report.negatives) negatives)") }
        let l = report.latency
        print(String(format: "latency per query: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms", l.p50 * 1000, l.p90 * 1000, l.p99 * 1000, l.max * 1000))
        var h = Headlines(threshold: options.threshold)
        h.add(report)
        try options.writeJSON(h)
    }
}
