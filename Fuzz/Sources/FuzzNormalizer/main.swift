import FuzzSupport
import Foundation
import VigilIndex
import VigilLists
import VigilMatcher
import VigilNormalization

/// A tiny index over a few names in several scripts, built once per process, so each run can
/// also go through candidate lookup and scoring.
let matcher: Matcher = {
    let csv = """
        id,name,aliases,schema,birth_date,nationality
        1,Vladimir Vladimirovich PUTIN,Владимир Путин,Person,1952-10-07,RU
        2,KIM Jong Un,김정은;金正恩,Person,1984-01-08,KP
        3,Usama BIN LADIN,أسامة بن لادن,Person,1957,SA
        4,Banco Nacional de Cuba S.A.,BNC,Organization,,CU
        5,王 伟,Wang Wei,Person,,CN
        """
    let path = NSTemporaryDirectory() + "vigil-fuzz-list-\(getpid()).csv"
    FileManager.default.createFile(atPath: path, contents: Data(csv.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var builder = IndexBuilder()
    builder.add(try! ListLoader.load(SourceSpec(format: .csv, paths: [path])))
    return Matcher(index: builder.build(buildTime: "fuzz"))
}()

/// Any bytes as a name (lossy UTF-8, as input files are): normalizing and matching must not crash,
/// tokens must be non-empty and whitespace-free, scores must be finite and in 0...1.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for strip in [true, false] {
        let n = NameNormalizer.shared.normalize(text, stripHonorifics: strip)
        for t in n.tokens {
            precondition(!t.isEmpty && !t.contains(where: \.isWhitespace), "bad token \(t.debugDescription)")
        }
    }
    for m in matcher.match(ScreeningQuery(name: text), limit: 5, minimumScore: 0) {
        precondition(m.score.isFinite && (0...1).contains(m.score), "score \(m.score) for \(text.debugDescription)")
    }
    return 0
}

runFuzzer(fuzz)
