import Experiments
@testable import LessonKit
import XCTest

/// `seeds:`, `inAtLeast:` and `Sweep(...)` in lesson code: the forms, their checks,
/// and claims checked per seed, paired by seed.
final class EvaluationSeedsTests: XCTestCase {
    let data = "Shapes(labels: [\"circle\", \"ring\"], prevalence: [0.5, 0.1], train: 40, test: 20)"

    func testSeedFormsGiveTheirSeedLists() throws {
        let plan = try EvaluationFixture.plan(EvaluationFixture.blocks([
            ("parameters", "let seed = 3\nlet epochs = 2"),
            ("experiment", """
            Compare("a", on: \(data), seeds: 4, runs: [Run("a1", epochs: epochs)])
            Compare("b", on: \(data), seeds: [7, 9], runs: [Run("b1")])
            Compare("c", on: \(data), seeds: .from(seed, count: 3), runs: [Run("c1")])
            Compare("d", on: \(data), runs: [Run("d1", seed: 5)])
            """),
        ]), overrides: ["seed": "10"])
        XCTAssertEqual(plan.comparisons.map { $0.compare.seeds?.values }, [[1, 2, 3, 4], [7, 9], [10, 11, 12], nil])
        XCTAssertEqual(plan.comparisons[3].compare.replicas[0].runs[0].seed, 5)
    }

    func testBadSeedListsAreLocatedErrors() throws {
        let d = try EvaluationFixture.diagnostics(EvaluationFixture.blocks([
            ("parameters", "let n = 5"),
            ("experiment", """
            Compare("a", on: \(data), seeds: 0, runs: [Run("a1")])
            Compare("b", on: \(data), seeds: [1, 1], runs: [Run("b1")])
            Compare("c", on: \(data), seeds: n, runs: [Run("c1")])
            Compare("e", on: \(data), seeds: 40, runs: [Run("e1")])
            """),
        ]))
        XCTAssertEqual(d.count, 4, d.joined(separator: "\n"))
        XCTAssertTrue(d[0].hasPrefix("14:106:") && d[0].contains("seeds must be 1...32, got 0"), d[0])
        XCTAssertTrue(d[1].contains("seed 1 is listed twice"), d[1])
        XCTAssertTrue(d[2].contains("cannot convert value of type 'Int' to expected argument type 'Seeds'"), d[2])
        XCTAssertTrue(d[3].contains("seeds must be 1...32, got 40"), d[3])
    }

    private func claims(_ text: String, seeds: String = "3") throws -> [Expectation] {
        try EvaluationFixture.plan(EvaluationFixture.blocks([
            ("experiment", "Compare(\"t\", on: \(data), seeds: \(seeds), runs: [Run(\"plain\"), Run(\"weighted\")])"),
            ("expect", text),
        ])).expectations
    }

    /// A series whose recall of "ring" is the given value per seed.
    private func series(_ name: String, recalls: [Double], seeds: [Int] = [1, 2, 3]) -> RunSeries {
        RunSeries(name: name, seeds: seeds, results: recalls.map { r in
            let label = LabelMetrics(label: "ring", values: ["precision": 0.5, "recall": r, "f1": 0.5, "averagePrecision": 0.5],
                                     support: 4)
            return RunResult(name: name, labels: ["ring"], history: [EpochSummary(epoch: 1, trainLoss: 0.5, validationLoss: nil)],
                             outcome: .completed, thresholds: nil,
                             metrics: TestMetrics(values: ["macroF1": r, "microF1": r, "samplesF1": r, "subsetAccuracy": r,
                                                           "hammingLoss": 0.1, "meanAveragePrecision": r, "multiLabelRecall": r,
                                                           "multiLabelSubsetAccuracy": r, "expectedCalibrationError": 0.1],
                                                  perLabel: [label], precisionRecallCurves: [], reliability: [], testCount: 20),
                             timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        })
    }

    func testPairedClaimsCountSeedsAndNameTheFailures() throws {
        let c = try claims("""
        expect(results["weighted"].recall("ring") > results["plain"].recall("ring") + 0.1, inAtLeast: 2)
        expect(results["weighted"].recall("ring") > results["plain"].recall("ring") + 0.1, inAtLeast: 3)
        expect(results["weighted"].recall("ring") > results["plain"].recall("ring"))
        """)
        XCTAssertEqual(c.map(\.inAtLeast), [2, 3, nil])
        let runs = ["plain": series("plain", recalls: [0.2, 0.5, 0.3]), "weighted": series("weighted", recalls: [0.6, 0.55, 0.5])]
        let two = c[0].evaluate(runs)
        XCTAssertTrue(two.passed)
        XCTAssertEqual(two.actual, "held in 2 of 3 seeds, needs 2; failed in seed 2")
        XCTAssertEqual(two.seeds?.map(\.passed), [true, false, true])
        XCTAssertEqual(two.seeds?[1].detail, "got 0.550 vs 0.500 + 0.100")
        let three = c[1].evaluate(runs)
        XCTAssertFalse(three.passed)
        XCTAssertTrue(three.message.hasSuffix("(held in 2 of 3 seeds, needs 3; failed in seed 2)"), three.message)
        // Without inAtLeast the claim reads the means: 0.55 > 1/3.
        XCTAssertTrue(c[2].evaluate(runs).passed)
        XCTAssertEqual(c[2].evaluate(runs).actual, "got 0.550 vs 0.333")
        // Pairing is by seed: the same values, shuffled across seeds, change the count.
        let shuffled = ["plain": series("plain", recalls: [0.5, 0.2, 0.3]), "weighted": series("weighted", recalls: [0.6, 0.55, 0.5])]
        XCTAssertEqual(c[0].evaluate(shuffled).seeds?.map(\.passed), [false, true, true])
    }

    /// `abs`, `min` and `max` over claim numbers, and `approximately:` checked per seed.
    func testFunctionsAndPerSeedApproximately() throws {
        let c = try claims("""
        expect(abs(results["weighted"].recall("ring") - results["plain"].recall("ring")) < 0.3, inAtLeast: 2)
        expect(results["weighted"].recall("ring"), approximately: 0.55, tolerance: 0.04, inAtLeast: 3)
        expect(max(results["weighted"].recall("ring"), results["plain"].recall("ring"), 0.52) >= min(0.6, 1))
        """)
        XCTAssertEqual(c.map(\.inAtLeast), [2, 3, nil])
        let runs = ["plain": series("plain", recalls: [0.2, 0.5, 0.3]), "weighted": series("weighted", recalls: [0.6, 0.55, 0.5])]
        // |0.6 − 0.2| = 0.4, |0.55 − 0.5| = 0.05, |0.5 − 0.3| = 0.2: seeds 2 and 3.
        XCTAssertEqual(c[0].evaluate(runs).seeds?.map(\.passed), [false, true, true])
        XCTAssertTrue(c[0].evaluate(runs).passed)
        let approximately = c[1].evaluate(runs)
        XCTAssertEqual(approximately.seeds?.map(\.passed), [false, true, false])
        XCTAssertEqual(approximately.seeds?[0].detail, "got 0.600 vs 0.550 ± 0.040")
        XCTAssertFalse(approximately.passed)
        // On the means: max(0.55, 0.3333, 0.52) = 0.55 < min(0.6, 1) = 0.6.
        XCTAssertFalse(c[2].evaluate(runs).passed)
        XCTAssertEqual(c[2].comparedValues(runs.mapValues { $0 as any RunReport }).first?.left,
                       #"max(results["weighted"].recall("ring"), results["plain"].recall("ring"), 0.52)"#)

        let d = try EvaluationFixture.diagnostics(EvaluationFixture.blocks([
            ("experiment", "Compare(\"t\", on: \(data), seeds: 3, runs: [Run(\"plain\")])"),
            ("expect", """
            expect(abs(results["plain"].macroF1, 1) > 0)
            expect(min(results["plain"].macroF1) > 0)
            expect(max(of: results["plain"].macroF1, 1) > 0)
            expect(abs(results["plain"].diverged) > 0)
            """),
        ]))
        XCTAssertEqual(d.count, 4, d.joined(separator: "\n"))
        XCTAssertTrue(d[0].contains("abs takes one number"), d[0])
        XCTAssertTrue(d[1].contains("min takes two or more numbers"), d[1])
        XCTAssertTrue(d[2].contains("extraneous argument label 'of:'"), d[2])
        XCTAssertTrue(d[3].contains("cannot convert value of type 'Bool'"), d[3])
    }

    func testInAtLeastIsCheckedAgainstTheSeeds() throws {
        let d = try EvaluationFixture.diagnostics(EvaluationFixture.blocks([
            ("experiment", """
            Compare("t", on: \(data), seeds: 3, runs: [Run("plain"), Run("weighted")])
            Compare("u", on: \(data), seeds: [4, 5, 6], runs: [Run("other")])
            """),
            ("expect", """
            expect(results["weighted"].macroF1 > results["plain"].macroF1, inAtLeast: 4)
            expect(results["weighted"].macroF1 > results["other"].macroF1, inAtLeast: 2)
            expect(results["weighted"].macroF1 > 0.5, inAtLeast: 0)
            expect(results["weighted"].macroF1 > 0.5, inAtleast: 2)
            """),
        ]))
        XCTAssertEqual(d.count, 4, d.joined(separator: "\n"))
        XCTAssertTrue(d[0].contains("inAtLeast must be 1...3 (the runs have 3 seeds), got 4"), d[0])
        XCTAssertTrue(d[1].contains("trained with different seeds"), d[1])
        XCTAssertTrue(d[2].contains("got 0"), d[2])
        XCTAssertTrue(d[3].contains("no argument 'inAtleast'; did you mean 'inAtLeast'?"), d[3])
    }

    func testSweepEvaluatesTheLessonOncePerValue() throws {
        let plan = try EvaluationFixture.plan(EvaluationFixture.blocks([
            ("parameters", "let scale = 0.5\nlet epochs = 3\nlet rare = 0.1"),
            ("experiment", """
            let shapes = Shapes(labels: ["circle", "ring"], prevalence: [0.5, rare], train: 40, test: 20)
            Compare("t", on: shapes, seeds: 2, runs: [
                Run("weighted", loss: .binaryCrossEntropy(posWeight: .balanced(scale: scale)), epochs: epochs),
                Run("plain", epochs: epochs),
            ])
            """),
            ("experiment", """
            Sweep("How much weight?", parameter: "scale", values: [0.25, 1, 2], runs: ["weighted"])
            Sweep("How long?", parameter: "epochs", values: [1, 4], runs: ["weighted", "plain"], metrics: [.recall("ring"), .macroF1])
            Sweep("How rare?", parameter: "rare", values: [0.05, 0.2], runs: ["plain"])
            """),
        ]))
        XCTAssertEqual(plan.sweeps.count, 3)
        let scale = plan.sweeps[0]
        XCTAssertEqual(scale.valueSources, ["0.25", "1", "2"])
        XCTAssertEqual(scale.points.map { $0.runs.map(\.loss) },
                       [0.25, 1, 2].map { [Loss.binaryCrossEntropy(posWeight: .balanced(scale: $0))] })
        XCTAssertEqual(scale.points[0].seeds?.values, [1, 2])
        XCTAssertEqual(plan.sweeps[1].valueSources, ["1", "4"])
        XCTAssertEqual(plan.sweeps[1].points.map { $0.runs.map(\.epochs) }, [[1, 1], [4, 4]])
        XCTAssertEqual(plan.sweeps[1].sweep.metrics, [SweepMetric(\.recall, label: "ring"), SweepMetric(\.macroF1)])
        // A swept dataset parameter redraws the data.
        if case .shapes(let s) = plan.sweeps[2].points[1].dataset { XCTAssertEqual(s.prevalence, [0.5, 0.2]) } else { XCTFail() }
        XCTAssertEqual(plan.comparisons.count, 1, "sweeps add no comparisons")
    }

    func testBadSweepsAreLocatedErrors() throws {
        let d = try EvaluationFixture.diagnostics(EvaluationFixture.blocks([
            ("parameters", "let scale = 0.5\nlet epochs = 3\nlet name = \"x\"\nlet unused = 1"),
            ("experiment", """
            Compare("t", on: \(data), runs: [Run("weighted", loss: .binaryCrossEntropy(posWeight: .balanced(scale: scale)), epochs: epochs)])
            Sweep("a", parameter: "scal", values: [1, 2], runs: ["weighted"])
            Sweep("b", parameter: "name", values: [1, 2], runs: ["weighted"])
            Sweep("c", parameter: "epochs", values: [1, 2.5], runs: ["weighted"])
            Sweep("d", parameter: "scale", values: [1, 2], runs: ["weigted"])
            Sweep("e", parameter: "scale", values: [1, -2], runs: ["weighted"])
            Sweep("f", parameter: "scale", values: [1, 2], runs: ["weighted"], metrics: [.recall("rng")])
            Sweep("g", parameter: "unused", values: [1, 2], runs: ["weighted"])
            """),
        ]))
        XCTAssertEqual(d.count, 7, d.joined(separator: "\n"))
        XCTAssertTrue(d[0].contains("no parameter 'scal'; did you mean 'scale'?"), d[0])
        XCTAssertTrue(d[1].contains("parameter 'name' is a 'String'"), d[1])
        XCTAssertTrue(d[2].contains("'epochs' is an Int; 2.5 is not a whole number"), d[2])
        XCTAssertTrue(d[3].contains("no run named 'weigted'; did you mean 'weighted'?"), d[3])
        XCTAssertTrue(d[4].contains("at scale = -2: ") && d[4].contains("scale must be"), d[4])
        XCTAssertTrue(d[5].contains("no label 'rng'; did you mean 'ring'?"), d[5])
        XCTAssertTrue(d[6].hasPrefix("24:23: ") && d[6].contains("parameter 'unused' does not reach the swept runs (weighted)"), d[6])
    }

    func testABadSetIsReportedOnceNotPerSweepPoint() throws {
        let md = EvaluationFixture.blocks([
            ("parameters", "let scale = 0.5\nlet epochs = 3"),
            ("experiment", """
            Compare("t", on: \(data), seeds: 2, runs: [Run("weighted", loss: .binaryCrossEntropy(posWeight: .balanced(scale: scale)), epochs: epochs)])
            Sweep("a", parameter: "scale", values: [1, 2, 4], runs: ["weighted"])
            """),
        ])
        let badValue = try EvaluationFixture.diagnostics(md, overrides: ["epochs": "two"])
        XCTAssertEqual(badValue.count, 1, badValue.joined(separator: "\n"))
        XCTAssertTrue(badValue[0].contains("--set epochs=two"), badValue[0])
        let unknown = try EvaluationFixture.diagnostics(md, overrides: ["epochz": "2"])
        XCTAssertEqual(unknown.count, 1, unknown.joined(separator: "\n"))
        XCTAssertTrue(unknown[0].contains("did you mean 'epochs'?"), unknown[0])
    }
}
