import ArgumentParser
import Foundation
import VigilEvaluation
import VigilScreening

/// Candidate recall (issue 7): retrieval against scoring every listed name, on the screening sets of
/// a folder written by tools/eval/*.py.
struct EvalCandidates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates",
        abstract: "Candidate recall: the share of brute force's alerts (every listed name scored) that retrieval keeps, and its speed-up.")

    @Option(name: .long, help: "Folder of sets: NAME.queries.{csv,jsonl} + NAME.expected.csv.")
    var sets: String

    @Option(name: .long, help: "Queries per set, evenly spread (brute force scores every listed name for each).")
    var sample = 300

    @Option(name: .long, help: "List this many of brute force's alerts that retrieval missed.")
    var show = 10

    @OptionGroup var options: EvalOptions

    func validate() throws {
        guard sample > 0 else { throw ValidationError("--sample must be positive") }
    }

    func run() throws {
        let fm = FileManager.default
        guard let files = try? fm.contentsOfDirectory(atPath: sets).sorted() else { throw CLIError("cannot read the sets folder \(sets)") }
        let matcher = try options.matcher()
        var reports: [CandidateRecallReport] = []
        do {
            for set in try screeningSets(in: sets, files: files) {
                FileHandle.standardError.write(Data("candidates \(set.name) ...\n".utf8))
                reports.append(try CandidateRecallEvaluator.run(name: set.name, reader: try CustomerReader(path: set.queries),
                                                                expected: try ExpectedFile.load(path: set.expected), matcher: matcher,
                                                                threshold: options.threshold, sample: sample))
            }
        } catch let e as CLIError { throw e } catch { throw CLIError("\(error)") }
        guard !reports.isEmpty else { throw CLIError("no NAME.queries.csv in \(sets)") }
        print("index: \(matcher.index.entities.count) entities, \(matcher.index.names.count) names; threshold \(f3(options.threshold))")
        print("\n  \("set".padding(toLength: 26, withPad: " ", startingAt: 0)) queries  brute-force alerts  kept   recall  positives kept  retrieval q/s  brute force q/s  speed-up")
        func line(_ r: CandidateRecallReport) {
            let perSecond = { (seconds: Double) in Double(r.queries) / max(seconds, 1e-9) }
            print("  \(r.name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(String(format: "%7d  %18d  %5d  %6.2f%%  %6d/%-7d  %13.0f  %15.1f  %7.0fx", r.queries, r.bruteForceAlerts, r.retrievedAlerts, 100 * r.recall, r.positivesRetrieved, r.positivesByBruteForce, perSecond(r.retrievalSeconds), perSecond(r.bruteForceSeconds), r.speedup))")
        }
        let all = CandidateRecallReport.combined(reports, name: "all")
        for r in reports + [all] { line(r) }
        print("\n(q/s per thread: each query timed alone on one of \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        let misses = all.misses
        if !misses.isEmpty {
            print("\nalerts retrieval missed: \(misses.count) (showing \(min(show, misses.count)))")
            for m in misses.prefix(show) { print("  \(m.queryID)  \(f3(m.score))  \(m.query)  ->  \(m.entityID) \(m.matchedName)") }
        }
    }
}
