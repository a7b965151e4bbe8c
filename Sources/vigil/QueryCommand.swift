import ArgumentParser
import Foundation
import VigilMatcher
import VigilNormalization
import VigilScreening

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query", abstract: "Screen one name and show the matches with explanations.")

    @Argument(help: "The name to screen, in any script.")
    var name: String

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "Most matches to show.")
    var limit = 10

    @Option(name: .long, help: "Alert threshold 0...1.")
    var threshold = ScreeningOptions.defaultThreshold

    @Flag(name: .long, help: "Print the result as one JSON object (same shape as a bulk output row).")
    var json = false

    @Option(name: .long, help: "Birth date YYYY-MM-DD (or YYYY).")
    var birthDate: String?

    @Option(name: .long, help: "Nationality, ISO 3166 alpha-2 (e.g. RU).")
    var nationality: String?

    @Option(name: .long, help: "Gender: male or female.")
    var gender: String?

    @Option(name: .long, help: "ID document number.")
    var idNumber: String?

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be in 0...1") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("NAME must not be empty") }
        if let d = birthDate, d.range(of: #"^\d{4}(-\d{2}(-\d{2})?)?$"#, options: .regularExpression) == nil {
            throw ValidationError("--birth-date must look like YYYY-MM-DD, YYYY-MM or YYYY")
        }
    }

    func run() throws {
        let screener = Screener(
            matcher: Matcher(index: try index.open()),
            options: ScreeningOptions(threshold: threshold, limit: limit, contextFloor: min(threshold, 0.5)))
        var customer = Customer(id: "query", name: name)
        customer.birthDate = birthDate
        customer.nationality = nationality
        customer.gender = gender
        customer.idNumber = idNumber
        let result = screener.screen(customer)
        if json {
            FileHandle.standardOutput.write(Data(result.jsonLine()))
            return
        }
        // How the name was read: the tokens matching compares, and the form with diacritics when it differs.
        let normalizer = NameNormalizer.shared
        let read = normalizer.normalize(name)
        let accented = normalizer.diacriticForm(name)
        print("read as: \(read.text) (\(read.script == .kana ? "japanese" : read.script.rawValue))"
              + (accented != read.text && read.script == .latin ? "; with diacritics: \(accented)" : ""))
        if result.matches.isEmpty {
            print("no match for \"\(name)\" at or above 0.5")
            return
        }
        for m in result.matches {
            let flag = m.score >= threshold ? "ALERT" : "     "
            print("\(flag) \(String(format: "%.3f", m.score))  \(m.entity.id)  \(m.entity.primaryName)  [\(m.entity.schema.rawValue)\(m.entity.programs.isEmpty ? "" : "; " + m.entity.programs.joined(separator: ", "))]")
            if m.matchedName != m.entity.primaryName { print("             matched: \(m.matchedName)") }
            print("             why: \(m.explanation.summary)")
        }
    }
}
