import Foundation
import VigilIndex
import VigilLists
import VigilMatcher
import VigilScreening
import VigilServer
import VigilTestSupport
import XCTest

/// The real OFAC + UN index, its matcher, and servers on 127.0.0.1 port 0 that stop after the test.
enum Fixture {
    static func index() throws -> SearchIndex { try TestData.ofacUNIndex.get() }

    /// Shared so the expected answers are computed once per process.
    static let matcher: Result<Matcher, Error> = Result { Matcher(index: try index()) }

    /// The bytes a server must send for `customer` screened with default options under request id `id`.
    static func expectedScreenLine(idJSON: String, customer: Customer) throws -> String {
        let result = Screener(matcher: try matcher.get()).screen(customer)
        let row = String(decoding: result.jsonLine().dropLast(), as: UTF8.self)
        return "{\"id\":\(idJSON),\"ok\":true,\"result\":\(row)}"
    }

    /// Like `expectedScreenLine`, screening once: the returned function fills in a numeric id
    /// (the request id `n`, and the result row's id `"n"`).
    static func expectedScreenLines(name: String) throws -> (Int) -> String {
        let result = Screener(matcher: try matcher.get()).screen(Customer(id: "", name: name))
        let row = String(decoding: result.jsonLine().dropLast(), as: UTF8.self)
        let prefix = "{\"id\":\"\""
        precondition(row.hasPrefix(prefix), row)
        let rest = row.dropFirst(prefix.count)
        return { n in "{\"id\":\(n),\"ok\":true,\"result\":{\"id\":\"\(n)\"" + rest + "}" }
    }

    /// An index over a small generic CSV list, written to a temporary file.
    /// - Returns: the file's path.
    static func writeSmallIndex(named name: String, buildTime: String, rows: [(id: String, name: String)]) throws -> String {
        let csv = TestData.temporaryPath(name + ".csv")
        // Filler entities: retrieval treats a trigram in more than 1/8 of the names as common, so a
        // list of a handful of names would leave every gram "common".
        let filler = ["Aurelio Quintana", "Bertram Oyelaran", "Cosimo Vandersloot", "Dragana Ilkovska", "Eero Halvorsen",
                      "Faustina Mbeki", "Gunnar Thorsby", "Hortensia Alcaraz", "Ignatius Pemberley", "Jolanta Wierzbicka",
                      "Kasimir Lindqvist", "Leocadia Ferreira", "Matthias Oberholzer", "Nuala Carraway", "Octavian Bratu",
                      "Pernilla Asplund"].enumerated().map { (id: "f\($0.offset)", name: $0.element) }
        let text = "id,name,schema\n" + (rows + filler).map { "\($0.id),\($0.name),Person\n" }.joined()
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        var builder = IndexBuilder()
        builder.add(try ListLoader.load(SourceSpec(format: .csv, paths: [csv])))
        let path = TestData.temporaryPath(name + ".vigil")
        _ = try IndexFile.write(builder.build(buildTime: buildTime), to: path)
        return path
    }
}

/// Base class: `startServer` starts a server that `tearDown` shuts down and waits for.
class ServerTestCase: XCTestCase {
    private var servers: [ScreeningServer] = []

    /// Starts a server on 127.0.0.1 port 0.
    /// - Parameters:
    ///   - index: default: the OFAC + UN index.
    ///   - indexPath: what a `reload` without a path re-opens.
    func startServer(
        index: SearchIndex? = nil, indexPath: String = "/nonexistent/ofac-un.vigil",
        _ configure: (inout ServerConfiguration) -> Void = { _ in }
    ) throws -> (server: ScreeningServer, port: Int) {
        var config = ServerConfiguration()
        config.host = "127.0.0.1"
        config.port = 0
        config.screeningThreads = 2
        configure(&config)
        let server = ScreeningServer(configuration: config, index: try index ?? Fixture.index(), indexPath: indexPath)
        servers.append(server)
        try server.start()
        return (server, try XCTUnwrap(server.localPort))
    }

    override func tearDown() {
        for server in servers { server.shutdownAndWait() }
        servers.removeAll()
        super.tearDown()
    }
}
