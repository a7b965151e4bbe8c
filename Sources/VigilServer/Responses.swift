import NIOCore
import VigilIndex
import VigilScreening

/// Encodes response lines: `{"id":…, "ok":true, "result":…}` or `{"id":…, "ok":false, "error":…}`,
/// each ending in `\n`. The `id` is first, then `ok`, so a client can route a line before reading it all.
package enum ResponseEncoder {
    /// A success line; `result` writes the result value.
    package static func ok(id: JSONValue, result: (inout JSONWriter) -> Void) -> ByteBuffer {
        var w = JSONWriter()
        w.beginObject()
        w.key("id")
        id.encode(into: &w)
        w.field("ok", true)
        w.key("result")
        result(&w)
        w.endObject()
        return line(w)
    }

    /// An error line.
    package static func error(id: JSONValue, _ error: ProtocolError) -> ByteBuffer {
        var w = JSONWriter()
        w.beginObject()
        w.key("id")
        id.encode(into: &w)
        w.field("ok", false)
        w.key("error")
        w.beginObject()
        w.field("code", error.code.rawValue)
        w.field("message", error.message)
        w.endObject()
        w.endObject()
        return line(w)
    }

    private static func line(_ w: JSONWriter) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(w.bytes.count + 1)
        buffer.writeBytes(w.bytes)
        buffer.writeInteger(UInt8(ascii: "\n"))
        return buffer
    }

    /// `batch` result: `{"results":[row, …]}`, one row per customer in request order.
    package static func batch(_ results: [ScreeningResult], into w: inout JSONWriter) {
        w.beginObject()
        w.key("results")
        w.beginArray()
        for r in results { r.encode(into: &w) }
        w.endArray()
        w.endObject()
    }

    /// `info` result: which index is served and what it holds.
    package static func info(_ g: IndexGeneration, into w: inout JSONWriter) {
        let m = g.index.meta
        w.beginObject()
        w.field("path", g.path)
        w.field("generation", g.number)
        w.field("build_time", m.buildTime)
        w.field("format_version", Int(m.formatVersion))
        w.field("normalization_version", Int(m.normalizationVersion))
        w.key("counts")
        w.beginObject()
        w.field("entities", m.entityCount)
        w.field("names", m.nameCount)
        w.field("tokens", m.tokenCount)
        w.field("trigrams", m.gramCount)
        w.endObject()
        w.key("sources")
        w.beginArray()
        for s in m.sources {
            w.beginObject()
            w.field("list", s.list)
            w.field("format", s.format)
            w.field("publication_date", s.publicationDate)
            w.field("files", strings: s.files)
            w.field("sha256", strings: s.sha256)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    /// `health` result: the server answers and which index it serves.
    package static func health(_ g: IndexGeneration, draining: Bool, into w: inout JSONWriter) {
        w.beginObject()
        w.field("status", draining ? "draining" : "ok")
        w.field("build_time", g.index.meta.buildTime)
        w.field("generation", g.number)
        w.field("entities", g.index.meta.entityCount)
        w.endObject()
    }

    /// `reload` result: the index now served and the one it replaced.
    package static func reload(_ r: ReloadOutcome, into w: inout JSONWriter) {
        w.beginObject()
        w.field("path", r.current.path)
        w.field("generation", r.current.number)
        w.field("build_time", r.current.index.meta.buildTime)
        w.field("entities", r.current.index.meta.entityCount)
        w.field("previous_build_time", r.previous.index.meta.buildTime)
        w.field("previous_generation", r.previous.number)
        w.endObject()
    }
}
