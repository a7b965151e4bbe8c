import ArgumentParser
import Foundation
import VigilEvaluation
import VigilScreening

/// Runs every set in a folder written by tools/eval/*.py and writes report.md, report.html and headlines.json.
struct EvalReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run all evaluation sets in a folder; write report.md, report.html (inline SVG plots) and headlines.json.")

    @Option(name: .long, help: "Folder of sets: NAME.pairs.csv, NAME.queries.{csv,jsonl} + NAME.expected.csv, notes.txt.")
    var sets: String

    @Option(name: .long, help: "Output folder for report.md, report.html and headlines.json.")
    var out: String

    @Option(name: .long, help: "Baseline headlines (JSON); categories that dropped by more than 0.01 are flagged.")
    var baseline: String?

    @Option(name: .long, help: "Peer scores CSV from tools/peers/score_pairs.py (default: SETS/peers.csv when present).")
    var peers: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Include the shipped data/samples customers set.")
    var samples = true

    @Option(name: .long, help: "Data folder holding samples/ (default: found beside the binary or the working directory).")
    var data: String?

    @Option(name: .long, help: "List this many misclassified pairs per pair set (default 0: a committed report holds aggregate numbers only, no names from the sets).")
    var misclassified = 0

    @OptionGroup var options: EvalOptions

    func run() throws {
        let fm = FileManager.default
        guard let files = try? fm.contentsOfDirectory(atPath: sets).sorted() else { throw CLIError("cannot read the sets folder \(sets)") }
        let matcher = try options.matcher()
        let t = options.threshold
        var report = EvaluationReport(threshold: t, indexDescription: "\((options.index.path as NSString).lastPathComponent) (\(matcher.index.entities.count) entities, \(matcher.index.names.count) names)")
        if let b = baseline {
            guard let d = fm.contents(atPath: b) else { throw CLIError("cannot read the baseline \(b)") }
            do { report.baseline = try Headlines(jsonData: d) } catch { throw CLIError("\(b): \(error)") }
        }
        if let notes = try? String(contentsOfFile: sets + "/notes.txt", encoding: .utf8) {
            report.notes = notes.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }
        do {
            var toScreen: [(name: String, queries: String, expected: String)] = []
            if samples, let d = try? Paths.dataDirectory(data), fm.fileExists(atPath: d + "/samples/customers_expected.csv") {
                toScreen.append(("samples", d + "/samples/customers.csv", d + "/samples/customers_expected.csv"))
            }
            toScreen += try screeningSets(in: sets, files: files)
            for (name, q, e) in toScreen {
                log("screening \(name) ...")
                let r = try ScreeningEvaluator.run(name: name, reader: try CustomerReader(path: q), expected: try ExpectedFile.load(path: e),
                                                   matcher: matcher, threshold: t)
                report.screening.append(r)
            }
            var allScored: [ScoredPair] = []
            for f in files where f.hasSuffix(".pairs.csv") {
                let name = String(f.dropLast(".pairs.csv".count))
                log("pairs \(name) ...")
                let scored = PairEvaluator.score(try PairFile.load(path: "\(sets)/\(f)"), matcher: matcher)
                allScored += scored
                report.pairs.append(PairEvaluator.report(name: name, scored: scored, threshold: t))
            }
            let peerPath = peers ?? (fm.fileExists(atPath: sets + "/peers.csv") ? sets + "/peers.csv" : nil)
            if let peerPath {
                report.peers = PeerComparison.compare(peers: try PeerScores.load(path: peerPath), vigil: allScored, threshold: t)
                report.peersSource = (peerPath as NSString).lastPathComponent
            }
        } catch let e as CLIError { throw e } catch { throw CLIError("\(error)") }

        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        try report.markdown(showMisclassified: misclassified).write(toFile: out + "/report.md", atomically: true, encoding: .utf8)
        try report.html().write(toFile: out + "/report.html", atomically: true, encoding: .utf8)
        try report.headlines.jsonData().write(to: URL(fileURLWithPath: out + "/headlines.json"))
        try options.writeJSON(report.headlines)
        let regressions = report.regressions
        print("wrote \(out)/report.md, report.html, headlines.json (\(report.screening.count) screening sets, \(report.pairs.count) pair sets)")
        if report.baseline != nil {
            print(regressions.isEmpty ? "no category dropped versus the baseline by more than 0.01"
                  : "REGRESSIONS versus the baseline:\n" + regressions.map { "  \($0)" }.joined(separator: "\n"))
        }
    }

    func log(_ s: String) { FileHandle.standardError.write((s + "\n").data(using: .utf8)!) }
}
