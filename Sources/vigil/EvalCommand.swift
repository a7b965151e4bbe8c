import ArgumentParser
import Foundation
import VigilEvaluation
import VigilIndex
import VigilMatcher
import VigilScreening

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Measure accuracy and latency on labelled data.",
        subcommands: [EvalPairs.self, EvalScreening.self, EvalReport.self, EvalCandidates.self])
}

/// Options every eval subcommand shares.
struct EvalOptions: ParsableArguments {
    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "Threshold for the headline figures.")
    var threshold = ScreeningOptions.defaultThreshold

    @Option(name: .long, help: "Also write the headline numbers as JSON here (the baseline format).")
    var json: String?

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be in 0...1") }
    }

    func matcher() throws -> Matcher { Matcher(index: try index.open()) }

    func writeJSON(_ h: Headlines) throws {
        guard let json else { return }
        try h.jsonData().write(to: URL(fileURLWithPath: json))
    }
}

/// Scores labelled name pairs: nomenklatura name_bench `cases.csv` (schema,name1,name2,is_match,category)
/// or a generic `name1,name2,is_match[,category]`.
struct EvalPairs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairs", abstract: "Precision, recall and F1 on labelled name pairs, per category.")

    @Argument(help: "CSV of pairs with a header: name1,name2,is_match[,category][,schema].")
    var file: String

    @OptionGroup var options: EvalOptions

    @Option(name: .long, help: "How many misclassified pairs to list.")
    var show = 20

    func run() throws {
        let matcher = try options.matcher()
        let pairs: [LabelledPair]
        do { pairs = try PairFile.load(path: file) } catch { throw CLIError("\(error)") }
        let report = PairEvaluator.report(name: (file as NSString).lastPathComponent, scored: PairEvaluator.score(pairs, matcher: matcher),
                                          threshold: options.threshold)
        let t = options.threshold
        let all = report.overall.atThreshold
        print("pairs: \(report.overall.count) (\(report.overall.matches) matches)")
        print("at threshold \(t): precision \(f3(all.precision))  recall \(f3(all.recall))  F1 \(f3(all.f1))  (tp \(all.tp), fp \(all.fp), fn \(all.fn))")
        if let best = report.overall.best { print("best F1 \(f3(best.f1)) at threshold \(f3(best.threshold))") }
        print("\nper category / schema at \(t):")
        for g in report.groups {
            let m = g.atThreshold
            print("  \(g.key.padding(toLength: 40, withPad: " ", startingAt: 0)) n=\(g.count)  P \(f3(m.precision))  R \(f3(m.recall))  F1 \(f3(m.f1))")
        }
        let wrong = report.misclassified
        print("\nmisclassified: \(wrong.count) (showing \(min(show, wrong.count)))")
        for p in wrong.prefix(show) {
            print("  \(p.pair.isMatch ? "MISSED" : "FALSE ") \(f3(p.score))  \(p.pair.name1)  <>  \(p.pair.name2)   [\(p.why)]")
        }
        var h = Headlines(threshold: t)
        h.add(report)
        try options.writeJSON(h)
    }
}

func f3(_ d: Double) -> String { String(format: "%.3f", d) }

/// The screening sets among a folder's files (written by tools/eval/*.py): NAME.queries.{csv,jsonl},
/// each with its NAME.expected.csv beside it.
func screeningSets(in folder: String, files: [String]) throws -> [(name: String, queries: String, expected: String)] {
    var out: [(name: String, queries: String, expected: String)] = []
    for f in files {
        for ext in [".queries.csv", ".queries.jsonl"] where f.hasSuffix(ext) {
            let name = String(f.dropLast(ext.count))
            let exp = "\(folder)/\(name).expected.csv"
            guard FileManager.default.fileExists(atPath: exp) else { throw CLIError("\(folder)/\(f): no \(name).expected.csv beside it") }
            out.append((name, "\(folder)/\(f)", exp))
        }
    }
    return out
}
