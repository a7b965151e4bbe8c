import Foundation
import XCTest
import VigilTestSupport
@testable import VigilEvaluation

final class PairReportTests: XCTestCase {
    func scored(_ n1: String, _ match: Bool, _ cat: String, _ score: Double, schema: String = "Person") -> ScoredPair {
        ScoredPair(pair: LabelledPair(name1: n1, name2: "x", isMatch: match, category: cat, schema: schema), score: score, why: "")
    }

    func testPerCategoryTable() {
        let s = [scored("a", true, "typo", 0.9), scored("b", true, "typo", 0.7), scored("c", false, "typo", 0.85),
                 scored("d", false, "homonym", 0.2), scored("e", true, "homonym", 0.95), scored("f", false, "org", 0.9, schema: "Company")]
        let r = PairEvaluator.report(name: "t", scored: s, threshold: 0.8)
        XCTAssertEqual(r.groups.map(\.key), ["Company/org", "Person/homonym", "Person/typo"])
        // overall at 0.8: tp a,e = 2; fp c,f = 2; fn b = 1 -> P 0.5, R 2/3, F1 4/7
        XCTAssertEqual(r.overall.atThreshold, Confusion(tp: 2, fp: 2, fn: 1, tn: 1))
        XCTAssertEqual(r.overall.atThreshold.f1, 4.0 / 7, accuracy: 1e-12)
        let typo = r.groups[2]
        XCTAssertEqual(typo.count, 3)
        XCTAssertEqual(typo.matches, 2)
        XCTAssertEqual(typo.atThreshold, Confusion(tp: 1, fp: 1, fn: 1, tn: 0))
        // best for typo: threshold in (0.85, 0.9] -> P 1, R 0.5, F1 2/3; or <= 0.7 -> P 2/3, R 1, F1 0.8
        XCTAssertEqual(typo.best?.f1 ?? 0, 0.8, accuracy: 1e-12)
        XCTAssertEqual(typo.best?.threshold ?? 0, 0.0, accuracy: 1e-12)
        let company = r.groups[0]
        XCTAssertEqual(company.atThreshold.f1, 0)  // one false alarm, no positives: P 0, R 1 -> 0
        // misclassified: most confident first: f (0.9 vs 0.8 -> 0.1), b (0.1), c (0.05)
        XCTAssertEqual(Set(r.misclassified.prefix(2).map(\.pair.name1)), ["f", "b"])
        XCTAssertEqual(r.misclassified.last?.pair.name1, "c")
    }

    func testPairFileReadsNameBenchAndGenericAndRejectsBadRows() throws {
        let path = TestData.temporaryPath("pairs.csv")
        try "case_group,schema,name1,name2,is_match,quality,category,notes\nnk,Person,A B,A C,true,STRONG,,\nnk,Company,X,Y,false,,orgs,\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let p = try PairFile.load(path: path)
        XCTAssertEqual(p, [LabelledPair(name1: "A B", name2: "A C", isMatch: true, category: "nk", schema: "Person"),
                           LabelledPair(name1: "X", name2: "Y", isMatch: false, category: "orgs", schema: "Company")])
        try "name1,name2,is_match\nA,B,1\nC,D,maybe\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PairFile.load(path: path)) { e in
            XCTAssertEqual(e as? EvaluationError, .badFile(path: path, line: 3, reason: "is_match must be true or false"))
        }
        try "a,b\n1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PairFile.load(path: path))
    }
}

final class ScreeningReportTests: XCTestCase {
    func o(_ id: String, _ cat: String, rank: Int?, score: Double, top: Double = 0.9, pos: Bool = true, ms: Double = 1) -> QueryOutcome {
        QueryOutcome(id: id, category: cat, isPositive: pos, rank: rank, expectedScore: score, topScore: top, seconds: ms / 1000)
    }

    func testRecallAlertRateAndLatency() {
        let r = ScreeningReport(name: "s", threshold: 0.8, outcomes: [
            o("1", "typo", rank: 1, score: 0.9), o("2", "typo", rank: 3, score: 0.85), o("3", "typo", rank: nil, score: 0),
            o("4", "typo", rank: 1, score: 0.7), o("5", "exact", rank: 1, score: 1),
            o("n1", "negative", rank: nil, score: 0, top: 0.81, pos: false, ms: 2),
            o("n2", "negative", rank: nil, score: 0, top: 0.5, pos: false, ms: 3),
            o("n3", "negative", rank: nil, score: 0, top: 0, pos: false, ms: 4),
            o("n4", "negative", rank: nil, score: 0, top: 0.79, pos: false, ms: 5),
        ])
        XCTAssertEqual(r.categories.map(\.category), ["exact", "typo"])
        XCTAssertEqual(r.categories[1], RecallMetrics(category: "typo", count: 4, recallAt1: 0.5, recallAt10: 0.75, recallAtThreshold: 0.5))
        XCTAssertEqual(r.overall, RecallMetrics(category: "all", count: 5, recallAt1: 0.6, recallAt10: 0.8, recallAtThreshold: 0.6))
        XCTAssertEqual(r.negatives, 4)
        XCTAssertEqual(r.alertRate, 0.25)
        XCTAssertEqual(r.latency.p50, 0.001)  // 9 values: 1,1,1,1,1,2,3,4,5 ms; rank ceil(4.5) = 5
        XCTAssertEqual(r.latency.p99, 0.005)
    }

    func testNoNegativesMeansNoAlertRate() {
        let r = ScreeningReport(name: "s", threshold: 0.8, outcomes: [o("1", "a", rank: 1, score: 1)])
        XCTAssertNil(r.alertRate)
        XCTAssertEqual(r.overall?.recallAt1, 1)
    }

    func testRankSharesTiesAndSkipsIgnored() {
        let e = Expectation(entityIDs: ["un:1", "hmt:2"], category: "c", ignoredIDs: ["ofac:9"])
        let results: [(id: String, score: Double)] = [("ofac:9", 1.0), ("ofac:3", 0.95), ("dfat:4", 0.9), ("un:1", 0.9), ("hmt:2", 0.8)]
        let hit = e.rank(in: results)
        XCTAssertEqual(hit?.rank, 2)  // ofac:9 ignored; only ofac:3 scores strictly higher
        XCTAssertEqual(hit?.score, 0.9)
        XCTAssertNil(Expectation(entityIDs: ["x:1"], category: "c").rank(in: results))
    }

    func testExpectedFileColumns() throws {
        let path = TestData.temporaryPath("expected.csv")
        try "id,expected_entity_id,variant\nC1,hmt:1,translit\nC2,un:5 | ofac:7,\n".write(toFile: path, atomically: true, encoding: .utf8)
        let e = try ExpectedFile.load(path: path)
        XCTAssertEqual(e["C1"], Expectation(entityIDs: ["hmt:1"], category: "translit"))
        XCTAssertEqual(e["C2"], Expectation(entityIDs: ["un:5", "ofac:7"], category: "all"))
        try "id,expected_entity_id,category,ignore_entity_ids\nq,a:1|b:2,x,c:3\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ExpectedFile.load(path: path)["q"], Expectation(entityIDs: ["a:1", "b:2"], category: "x", ignoredIDs: ["c:3"]))
        try "id,expected_entity_id\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ExpectedFile.load(path: path).count, 0)
        try "id,expected_entity_id\nq,a:1\nq,a:2\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ExpectedFile.load(path: path))
    }
}

final class HeadlinesTests: XCTestCase {
    func testRegressionsBeyondTolerance() throws {
        let base = Headlines(threshold: 0.8, sets: ["s": ["typo": ["recall_at_1": 0.90, "recall_at_10": 0.95, "p50_ms": 1],
                                                          "negative": ["alert_rate": 0.010], "gone": ["recall_at_1": 1]]])
        let cur = Headlines(threshold: 0.8, sets: ["s": ["typo": ["recall_at_1": 0.895, "recall_at_10": 0.93, "p50_ms": 9],
                                                         "negative": ["alert_rate": 0.025]]])
        XCTAssertEqual(cur.regressions(against: base).map(\.description), [
            "s / negative / alert_rate: 0.010 -> 0.025",
            "s / typo / recall_at_10: 0.950 -> 0.930",
        ])
        XCTAssertEqual(base.regressions(against: base), [])
        let round = try Headlines(jsonData: cur.jsonData())
        XCTAssertEqual(round, cur)
    }

    func testReportFlagsRegressionAndHasInlineSVGOnly() {
        var report = EvaluationReport(threshold: 0.8, indexDescription: "test")
        report.screening = [ScreeningReport(name: "s", threshold: 0.8, outcomes: [
            QueryOutcome(id: "1", category: "typo", isPositive: true, rank: 2, expectedScore: 0.85, topScore: 0.9, seconds: 0.001),
            QueryOutcome(id: "n", category: "negative", isPositive: false, rank: nil, expectedScore: 0, topScore: 0.3, seconds: 0.001),
        ])]
        report.pairs = [PairEvaluator.report(name: "p", scored: [
            ScoredPair(pair: LabelledPair(name1: "a<b", name2: "c", isMatch: true), score: 0.9, why: ""),
            ScoredPair(pair: LabelledPair(name1: "d", name2: "e", isMatch: false), score: 0.2, why: ""),
        ], threshold: 0.8)]
        report.baseline = Headlines(threshold: 0.8, sets: ["s": ["typo": ["recall_at_1": 1.0]]])
        let md = report.markdown()
        XCTAssertTrue(md.contains("s / typo / recall_at_1: 1.000 -> 0.000"))
        XCTAssertTrue(md.contains("| typo ▼ | 1 | 0.000 | 1.000 | 1.000 |"))
        let html = report.html()
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 5)  // screening: histogram + bars; pairs: histogram + PR + bars
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("a<b"))  // escaped
    }
}

final class PeerComparisonTests: XCTestCase {
    func testPeersSideBySide() throws {
        let path = TestData.temporaryPath("peers.csv")
        try "name1,name2,is_match,category,wratio,jw\nA,B,true,c1,0.9,0.5\nC,D,false,c1,0.6,\nE,F,true,c2,0.7,0.95\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let peers = try PeerScores.load(path: path)
        XCTAssertEqual(peers.scorers, ["wratio", "jw"])
        let vigil = [("A", "B", true, 0.95), ("C", "D", false, 0.85), ("E", "F", true, 0.5)].map {
            ScoredPair(pair: LabelledPair(name1: $0.0, name2: $0.1, isMatch: $0.2), score: $0.3, why: "")
        }
        let s = PeerComparison.compare(peers: peers, vigil: vigil, threshold: 0.8)
        XCTAssertEqual(s.map(\.scorer), ["vigil@0.800", "vigil (best)", "wratio (best)", "jw (best)"])
        // vigil at 0.8: tp A, fp C, fn E -> P 0.5 R 0.5 F1 0.5
        XCTAssertEqual(s[0].best.f1, 0.5, accuracy: 1e-12)
        // wratio best: threshold in (0.6, 0.7] -> both matches, no false alarm -> F1 1 at 0.61
        XCTAssertEqual(s[2].best.f1, 1)
        XCTAssertEqual(s[2].best.threshold, 0.61, accuracy: 1e-12)
        XCTAssertEqual(s[2].categoryF1, ["c1": 1, "c2": 1])
        // jw scored two pairs only (empty cell skipped), both matches -> F1 1 at 0
        XCTAssertEqual(s[3].count, 2)
    }
}
