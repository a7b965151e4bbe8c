import ArgumentParser
import Foundation
import VigilLists
import VigilMatcher
import VigilScreening

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Measure accuracy on labelled data.", subcommands: [EvalPairs.self])
}

/// Scores labelled name pairs: nomenklatura name_bench `cases.csv` (schema,name1,name2,is_match,category)
/// or a generic `name1,name2,is_match[,category]`.
struct EvalPairs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairs", abstract: "Precision, recall and F1 on labelled name pairs, per category.")

    @Argument(help: "CSV of pairs with a header: name1,name2,is_match[,category][,schema].")
    var file: String

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "Threshold for the headline figures.")
    var threshold = ScreeningOptions.defaultThreshold

    @Option(name: .long, help: "How many misclassified pairs to list.")
    var show = 20

    struct Pair { var name1: String; var name2: String; var match: Bool; var category: String; var schema: String; var score = 0.0; var why = "" }

    func run() throws {
        let matcher = Matcher(index: try index.open())
        let reader: CSVReader
        do { reader = try CSVReader(path: file) } catch { throw CLIError("\(error)") }
        guard let header = try reader.next()?.fields.map({ $0.lowercased() }) else { throw CLIError("\(file): empty") }
        guard let c1 = header.firstIndex(of: "name1"), let c2 = header.firstIndex(of: "name2"),
              let cm = header.firstIndex(of: "is_match") else { throw CLIError("\(file): header needs name1,name2,is_match") }
        let cc = header.firstIndex(of: "category"), cs = header.firstIndex(of: "schema"), cg = header.firstIndex(of: "case_group")
        var pairs: [Pair] = []
        while let r = try reader.next() {
            guard r.fields.count == header.count else { throw CLIError("\(file):\(r.line): expected \(header.count) fields, found \(r.fields.count)") }
            let label = r.fields[cm].lowercased()
            guard ["true", "false", "1", "0"].contains(label) else { throw CLIError("\(file):\(r.line): is_match must be true or false") }
            var category = cc.map { r.fields[$0] } ?? ""
            if category.isEmpty { category = cg.map { r.fields[$0] } ?? "all" }
            pairs.append(Pair(name1: r.fields[c1], name2: r.fields[c2], match: label == "true" || label == "1",
                              category: category, schema: cs.map { r.fields[$0] } ?? "Person"))
        }
        for i in pairs.indices {
            let (s, e) = matcher.compare(pairs[i].name1, pairs[i].name2, listedIsPerson: pairs[i].schema == "Person")
            pairs[i].score = s
            pairs[i].why = e.summary
        }
        func f1(_ ps: [Pair], _ t: Double) -> (p: Double, r: Double, f: Double, tp: Int, fp: Int, fn: Int) {
            let tp = ps.filter { $0.match && $0.score >= t }.count
            let fp = ps.filter { !$0.match && $0.score >= t }.count
            let fn = ps.filter { $0.match && $0.score < t }.count
            let p = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
            let r = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
            return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), tp, fp, fn)
        }
        func fmt(_ d: Double) -> String { String(format: "%.3f", d) }
        let all = f1(pairs, threshold)
        print("pairs: \(pairs.count) (\(pairs.filter(\.match).count) matches)")
        print("at threshold \(threshold): precision \(fmt(all.p))  recall \(fmt(all.r))  F1 \(fmt(all.f))  (tp \(all.tp), fp \(all.fp), fn \(all.fn))")
        let best = stride(from: 0.5, through: 0.99, by: 0.01).map { ($0, f1(pairs, $0).f) }.max { $0.1 < $1.1 }!
        print("best F1 \(fmt(best.1)) at threshold \(fmt(best.0))")
        print("\nper category / schema at \(threshold):")
        for key in Set(pairs.map { "\($0.schema)/\($0.category)" }).sorted() {
            let ps = pairs.filter { "\($0.schema)/\($0.category)" == key }
            let m = f1(ps, threshold)
            print("  \(key.padding(toLength: 40, withPad: " ", startingAt: 0)) n=\(ps.count)  P \(fmt(m.p))  R \(fmt(m.r))  F1 \(fmt(m.f))")
        }
        let wrong = pairs.filter { ($0.score >= threshold) != $0.match }.sorted { abs($0.score - threshold) > abs($1.score - threshold) }
        print("\nmisclassified: \(wrong.count) (showing \(min(show, wrong.count)))")
        for p in wrong.prefix(show) {
            print("  \(p.match ? "MISSED" : "FALSE ") \(fmt(p.score))  \(p.name1)  <>  \(p.name2)   [\(p.why)]")
        }
    }
}
