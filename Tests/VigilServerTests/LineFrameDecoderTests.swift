import NIOCore
import NIOEmbedded
import VigilServer
import XCTest

/// Framing on `EmbeddedChannel`: split frames, several lines per read, over-long lines, EOF.
final class LineFrameDecoderTests: XCTestCase {
    private func channel(limit: Int) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(
            ByteToMessageHandler(LineFrameDecoder(maximumLineLength: limit), maximumBufferSize: limit + 2))
        return channel
    }

    private func feed(_ channel: EmbeddedChannel, _ pieces: [String]) throws {
        for piece in pieces { try channel.writeInbound(ByteBuffer(string: piece)) }
    }

    /// Every frame read so far, lines as text and `.tooLong` as "<too long>".
    private func frames(_ channel: EmbeddedChannel) throws -> [String] {
        var out: [String] = []
        while let frame = try channel.readInbound(as: LineFrame.self) {
            switch frame {
            case .line(let buffer): out.append(String(buffer: buffer))
            case .tooLong: out.append("<too long>")
            }
        }
        return out
    }

    func testLineSplitAcrossReads() throws {
        let c = try channel(limit: 100)
        try feed(c, [#"{"id""#, #":1,"op""#])
        XCTAssertEqual(try frames(c), [])
        try feed(c, [#":"health"}"#, "\n"])
        XCTAssertEqual(try frames(c), [#"{"id":1,"op":"health"}"#])
        XCTAssertTrue(try c.finish().isClean)
    }

    func testSeveralLinesInOneReadWithMixedEndings() throws {
        let c = try channel(limit: 100)
        try feed(c, ["a\nb\r\n\nc\r", "\nd"])
        XCTAssertEqual(try frames(c), ["a", "b", "", "c"])
        _ = try c.finish()
        XCTAssertEqual(try frames(c), ["d"], "an unterminated last line is passed on at EOF")
    }

    func testEveryWayOfSplittingGivesTheSameFrames() throws {
        let input = "first\nsecond line\r\n0123456789ABCDEF-too-long\nlast\n"
        for cut1 in 0...input.utf8.count {
            for cut2 in cut1...input.utf8.count where cut2 % 3 == 0 || cut2 == input.utf8.count {
                let bytes = Array(input.utf8)
                let pieces = [bytes[..<cut1], bytes[cut1..<cut2], bytes[cut2...]].map { String(decoding: $0, as: UTF8.self) }
                let c = try channel(limit: 12)
                try feed(c, pieces)
                XCTAssertEqual(try frames(c), ["first", "second line", "<too long>", "last"], "cuts at \(cut1), \(cut2)")
                XCTAssertTrue(try c.finish().isClean)
            }
        }
    }

    func testOverLongLineIsReportedOnceBeforeItsEndArrives() throws {
        let c = try channel(limit: 8)
        try feed(c, ["0123456789"])
        XCTAssertEqual(try frames(c), ["<too long>"], "reported as soon as the limit is passed")
        try feed(c, [String(repeating: "x", count: 1000)])
        XCTAssertEqual(try frames(c), [], "the rest of the line is dropped silently")
        try feed(c, ["yz\nok\n"])
        XCTAssertEqual(try frames(c), ["ok"])
        XCTAssertTrue(try c.finish().isClean)
    }

    func testLimitEdges() throws {
        let c = try channel(limit: 8)
        try feed(c, ["01234567\n", "01234567\r", "\n", "012345678\n", "01234567\r8\n", "ok\n"])
        XCTAssertEqual(try frames(c), ["01234567", "01234567", "<too long>", "<too long>", "ok"])
        XCTAssertTrue(try c.finish().isClean)
    }

    func testOverLongTailAtEOFIsNotPassedOn() throws {
        let c = try channel(limit: 4)
        try feed(c, ["ok\n", "0123456789"])
        XCTAssertEqual(try frames(c), ["ok", "<too long>"])
        _ = try c.finish()
        XCTAssertEqual(try frames(c), [])
    }

    func testByteAtATimeFeedingFindsEveryLine() throws {
        let c = try channel(limit: 1 << 20)
        let line = String(repeating: "n", count: 5000)
        for byte in Array((line + "\n" + line + "\n").utf8) { try c.writeInbound(ByteBuffer(bytes: [byte])) }
        XCTAssertEqual(try frames(c), [line, line])
        XCTAssertTrue(try c.finish().isClean)
    }
}
