import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client for tests: plain POSIX sockets, so the server is tested against code that
/// shares nothing with it. Reads time out after 60 s so a broken server fails a test instead of hanging it.
final class LineClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private var pending: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "connect to 127.0.0.1:\(port): \(reason)")
        }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ text: String) throws { try send(bytes: Array(text.utf8)) }

    func send(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    /// Sends until everything is sent or a send blocks for `seconds` (the peer stopped reading).
    /// - Returns: the bytes the peer took.
    func sendUntilBlocked(bytes: [UInt8], seconds: Int) -> Int {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            offset += n
        }
        return offset
    }

    /// Closes the sending side; the server sees end of input and may still answer.
    func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// True when a response (or end of stream) is ready to read now, without waiting.
    func hasDataWaiting() -> Bool {
        if !pending.isEmpty { return true }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0
    }

    /// The next line without its newline; nil at end of stream.
    func readLine() throws -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw Failure(description: "recv: \(String(cString: strerror(errno)))") }
            if n == 0 {
                guard !pending.isEmpty else { return nil }
                throw Failure(description: "stream ended inside a line: \(String(decoding: pending, as: UTF8.self))")
            }
            pending.append(contentsOf: chunk[..<n])
        }
    }

    /// The next line, which must exist.
    func expectLine(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(try readLine(), "connection closed before a response", file: file, line: line)
    }

    /// The next line parsed as a JSON object.
    func readObject(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let text = try expectLine(file: file, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return try XCTUnwrap(object as? [String: Any], "not a JSON object: \(text)", file: file, line: line)
    }

    /// Sends one request line and reads its response.
    func request(_ json: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try send(json + "\n")
        return try readObject(file: file, line: line)
    }
}

/// Accessors for parsed responses, failing the test with the response when a key is missing.
extension Dictionary where Key == String, Value == Any {
    func object(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try XCTUnwrap(self[key] as? [String: Any], "no object \"\(key)\" in \(self)", file: file, line: line)
    }

    func objects(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try XCTUnwrap(self[key] as? [[String: Any]], "no array of objects \"\(key)\" in \(self)", file: file, line: line)
    }

    func string(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(self[key] as? String, "no string \"\(key)\" in \(self)", file: file, line: line)
    }

    /// `error.code` of an error response.
    var errorCode: String? { (self["error"] as? [String: Any])?["code"] as? String }
    var isOK: Bool { self["ok"] as? Bool == true }
}
