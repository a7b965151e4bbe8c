import Benchmark
import Foundation
import VigilIndex
import VigilLists
import VigilMatcher
import VigilNormalization
import VigilScreening

/// Names of several scripts, real list spellings and ordinary customers.
let queries = [
    "Vladimir Putin", "Владимир Путин", "Kim Jong Un", "Muammar Gaddafi", "Hasan Nasrallah", "习近平",
    "Jane Ordinary", "Maria Fernanda Lopez Garcia", "Ayman al Zawahri", "Mohammed Ali Hassan", "Tobias Kleinschmidt",
    "BANCO NACIONAL DE CUBA", "Peter Smithson", "Abdul Rahman Yasin", "Li Wei", "Ahmed Hussein",
]

let dataDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/data"

/// The default index, built once in the benchmark process from the lists in data/.
let defaultIndex: SearchIndex = {
    var b = IndexBuilder()
    for spec in ListLoader.defaultSources(dataDirectory: dataDirectory) {
        b.add(try! ListLoader.load(spec))
    }
    let path = NSTemporaryDirectory() + "vigil-bench.vigil"
    try! IndexFile.write(b.build(buildTime: "bench"), to: path)
    return try! IndexFile.open(path)
}()

/// One matcher over the default index (its token keys are computed once, as a server does at load).
let defaultMatcher = Matcher(index: defaultIndex)

/// Per query: the entities retrieval reaches (every candidate, not only the first 100).
let candidateSets: [(String, [UInt32])] = queries.map { q in
    (q, defaultMatcher.entitiesNear(q, floorFraction: 0.3, minimumNameScore: 0).sorted())
}

/// Listed names scored by one pass over `candidateSets` (`bestNameScore` scores a name that may be
/// Korean in Hanja in both its readings: 习近平 twice).
let scoredNamesPerIteration: Int = {
    var perEntity = [Int](repeating: 0, count: defaultIndex.entities.count)
    for n in defaultIndex.names { perEntity[Int(n.entity)] += 1 }
    return candidateSets.reduce(0) { sum, set in
        sum + set.1.reduce(0) { $0 + perEntity[Int($1)] } * (HanjaReadings.koreanReading(of: set.0) == nil ? 1 : 2)
    }
}()

/// Every retrieval term of the benchmark queries' tokens (`Grams.forEachTerm`).
let queryTerms: [UInt32] = queries.flatMap { q in
    NameNormalizer.shared.normalize(q).tokens.flatMap { t in
        var out: [UInt32] = []
        Grams.forEachTerm(in: t) { out.append($0) }
        return out
    }
}

/// The default index's term keys in a hash table (term -> list), for comparison with bisection.
let termHash: [UInt32: Int] = {
    var table: [UInt32: Int] = [:]
    for i in 0..<defaultIndex.gramCount { table[defaultIndex.termKey(at: i)] = i }
    return table
}()

/// Ids in all token -> names lists of the default index.
let totalPostings = (0..<defaultIndex.tokenNames.listCount).reduce(0) { $0 + defaultIndex.tokenNames.count(ofList: $1) }

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5))

    Benchmark("normalize Latin name") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(NameNormalizer.shared.normalize("PUTIN, Vladimir Vladimirovich"))
        }
    }

    Benchmark("normalize Cyrillic name (ICU)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(NameNormalizer.shared.normalize("Владимир Владимирович Путин"))
        }
    }

    Benchmark("normalize Han name (table)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(NameNormalizer.shared.normalize("习近平"))
        }
    }

    Benchmark("normalize Han name with a two-reading character") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(NameNormalizer.shared.normalize("薄熙来"))
        }
    }

    Benchmark("normalize Arabic name") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(NameNormalizer.shared.normalize("عبد الرحمن محمد القذافي"))
        }
    }

    Benchmark("token forms of a query (keys and readings)") { benchmark in
        let tokens = ["cheung", "kashing", "aleksandr", "muhammad", "zedong"].map { Array($0.utf8) }
        for _ in benchmark.scaledIterations {
            for t in tokens { blackHole(TokenForm(t)) }
        }
    }

    Benchmark("Jaro-Winkler token pair") { benchmark in
        let a = Array("muammar".utf8), b = Array("muhammad".utf8)
        for _ in benchmark.scaledIterations {
            blackHole(TokenSimilarity.jaroWinkler(a, b))
        }
    }

    Benchmark("open default index", configuration: .init(maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
        let path = NSTemporaryDirectory() + "vigil-bench.vigil"
        _ = defaultIndex
        benchmark.startMeasurement()
        blackHole(try IndexFile.open(path))
    }

    Benchmark("matcher ready on the default index (token forms, listed names)", configuration: .init(maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
        _ = defaultIndex
        benchmark.startMeasurement()
        blackHole(Matcher(index: defaultIndex))
    }

    Benchmark("screen one name (default index)", configuration: .init(setup: { _ = defaultMatcher })) { benchmark in
        let matcher = defaultMatcher
        var i = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(matcher.match(ScreeningQuery(name: queries[i % queries.count]), limit: 5, minimumScore: 0.65))
            i += 1
        }
    }

    // Issue 8's "scoring a candidate": the names retrieval brings for each query (no candidate cap),
    // scored as the first pass does (no explanation). Time per iteration / `scoredNamesPerIteration`
    // is the cost of one candidate name; mallocs per iteration show what the loop allocates.
    Benchmark("score retrieved candidates (all queries, \(scoredNamesPerIteration) names)",
              configuration: .init(setup: { _ = candidateSets })) { benchmark in
        let matcher = defaultMatcher, sets = candidateSets
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for (name, entities) in sets { blackHole(matcher.bestNameScore(name, entities: entities)) }
        }
    }

    // The term dictionary (issue 7): sorted u32 keys searched by bisection, against a hash table over
    // the same keys (what a minimal perfect hash would improve on at best: one hash, one probe).
    // One iteration looks up every retrieval term of the benchmark queries' tokens.
    Benchmark("term dictionary: every query term by binary search (\(queryTerms.count) terms)",
              configuration: .init(setup: { _ = queryTerms })) { benchmark in
        let idx = defaultIndex, terms = queryTerms
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var found = 0
            for t in terms where idx.termList(t) != nil { found += 1 }
            blackHole(found)
        }
    }

    Benchmark("term dictionary: the same terms through a hash table", configuration: .init(setup: { _ = termHash })) { benchmark in
        let table = termHash, terms = queryTerms
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var found = 0
            for t in terms where table[t] != nil { found += 1 }
            blackHole(found)
        }
    }

    // Packed postings (issue 7): every token -> names list of the default index decoded once per
    // iteration; throughput x ids per iteration is ids decoded per second.
    Benchmark("postings: decode every token -> names list (\(totalPostings) ids)",
              configuration: .init(maxDuration: .seconds(5), maxIterations: 200)) { benchmark in
        let lists = defaultIndex.tokenNames
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var sum: UInt32 = 0
            for i in 0..<lists.listCount { lists.forEach(inList: i) { sum &+= $0 } }
            blackHole(sum)
        }
    }

    Benchmark("brute force: score every listed name (baseline)", configuration: .init(maxDuration: .seconds(5), maxIterations: 20)) { benchmark in
        // What retrieval saves: Jaro-Winkler of the query against every listed token.
        let idx = defaultIndex
        let q = Array("putin".utf8)
        let tokens = idx.tokens.indices.map { Array(idx.tokens.utf8($0)) }
        benchmark.startMeasurement()
        var best = 0.0
        for t in tokens { best = max(best, TokenSimilarity.jaroWinkler(q, t)) }
        blackHole(best)
    }
}
