import ArgumentParser

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve screening over TCP (JSON lines).")
    @OptionGroup var index: IndexOptions
    @Option(name: .long, help: "Address to bind.") var host = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on.") var port = 7300

    func run() throws {
        throw CLIError("vigil serve is not available in this build yet")
    }
}
