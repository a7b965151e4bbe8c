import ArgumentParser
import Foundation

@main
struct Vigil: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "Screen names against sanction and PEP lists, across scripts, with every decision explained.",
        version: "0.1.0",
        subcommands: [IndexCommand.self, ListsCommand.self, QueryCommand.self, ScreenCommand.self, MonitorCommand.self, ServeCommand.self, EvalCommand.self])

    static func main() async {
        // A write past the file-size limit (ulimit -f, a quota) then fails with EFBIG and is reported
        // like a full disk, with the file named; by default the signal would kill the run silently.
        signal(SIGXFSZ, SIG_IGN)
        await main(nil)
    }
}

/// A failure the user can act on; printed as `Error: <message>`, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
