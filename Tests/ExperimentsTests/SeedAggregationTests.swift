import Experiments
import XCTest

/// Multi-seed statistics follow the formulas a reader would check with numpy:
/// mean, `std(ddof=1)`, min, max; curves interpolate as PR curves do.
final class SeedAggregationTests: XCTestCase {
    func testSummaryMatchesNumpyFormulas() throws {
        let values = [0.61, 0.58, 0.66, 0.7, 0.55]
        let s = try XCTUnwrap(Summary(values))
        // numpy: np.mean(v) = 0.62, np.std(v, ddof=1) = sqrt(sum((v - 0.62)^2) / 4)
        let mean = values.reduce(0, +) / 5
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4).squareRoot()
        XCTAssertEqual(s.mean, 0.62, accuracy: 1e-12)
        XCTAssertEqual(s.sd, sd, accuracy: 1e-12)
        XCTAssertEqual(s.sd, 0.0604152298, accuracy: 1e-9)
        XCTAssertEqual(s.min, 0.55)
        XCTAssertEqual(s.max, 0.7)
        XCTAssertEqual(s.values, values)
        XCTAssertEqual(try XCTUnwrap(Summary([0.4])).sd, 0)
        XCTAssertNil(Summary([]))
        // A diverged seed is not averaged away.
        XCTAssertTrue(try XCTUnwrap(Summary([0.5, .nan, 0.7])).mean.isNaN)
    }

    func testSeedListsAndTheirReplicas() {
        XCTAssertEqual((5 as Seeds).values, [1, 2, 3, 4, 5])
        XCTAssertEqual(([3, 7] as Seeds).values, [3, 7])
        XCTAssertEqual(Seeds.from(4, count: 3).values, [4, 5, 6])
        let shapes = Shapes(labels: ["circle", "ring"], prevalence: [0.5, 0.2], size: 16, train: 32, validation: 0, test: 16, seed: 9)
        let compare = Compare(title: "t", dataset: shapes.source, seeds: [2, 3],
                              runs: [Run("a", seed: 40), Run("b", seed: 41)])
        let replicas = compare.replicas
        XCTAssertEqual(replicas.map(\.seed), [2, 3])
        XCTAssertEqual(replicas.map { $0.runs.map(\.seed) }, [[2, 2], [3, 3]])
        if case .shapes(let s) = replicas[1].dataset { XCTAssertEqual(s.seed, 3) } else { XCTFail("not shapes") }
        // Without a seed list: the comparison as written.
        let plain = Compare(title: "t", dataset: shapes.source, runs: [Run("a", seed: 40)])
        XCTAssertEqual(plain.replicas.map(\.seed), [nil])
        XCTAssertEqual(plain.seedList(for: plain.runs[0]), [40])
    }

    func testAggregateOfTwoRunsAndTheirCurves() throws {
        func result(_ f1: Double, recall: Double, loss: [Double], curve: PrecisionRecallCurve) -> RunResult {
            let label = LabelMetrics(label: "ring", values: ["precision": 0.5, "recall": recall, "f1": f1, "averagePrecision": 0.4],
                                     support: 10)
            let metrics = TestMetrics(values: ["macroF1": f1, "microF1": f1, "samplesF1": f1, "subsetAccuracy": 0.3,
                                               "hammingLoss": 0.1, "meanAveragePrecision": 0.4, "multiLabelRecall": 0.5,
                                               "multiLabelSubsetAccuracy": 0.2, "expectedCalibrationError": 0.05],
                                      perLabel: [label], precisionRecallCurves: [curve], reliability: [], testCount: 100)
            return RunResult(name: "r", labels: ["ring"],
                             history: loss.enumerated().map { EpochSummary(epoch: $0.offset + 1, trainLoss: $0.element, validationLoss: nil) },
                             outcome: .completed, thresholds: [0.5], metrics: metrics,
                             timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        }
        let a = result(0.6, recall: 0.2, loss: [0.9, 0.5],
                       curve: PrecisionRecallCurve(label: "ring", recall: [0.5, 1], precision: [0.8, 0.2]))
        let b = result(0.8, recall: 0.6, loss: [0.7, 0.3, 0.2],
                       curve: PrecisionRecallCurve(label: "ring", recall: [0.25, 0.505, 1], precision: [0.6, 0.4, 0.3]))
        let series = RunSeries(name: "r", seeds: [1, 2], results: [a, b])
        let agg = try XCTUnwrap(series.aggregate)
        XCTAssertEqual(agg.seeds, [1, 2])
        XCTAssertEqual(try XCTUnwrap(agg.metrics["macroF1"]).mean, 0.7, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(agg.metrics["macroF1"]).sd, (0.02).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(agg.label("ring")?.recall).values, [0.2, 0.6])
        // Loss curves: only the epochs every seed finished.
        XCTAssertEqual(agg.history.map(\.epoch), [1, 2])
        XCTAssertEqual(agg.history[1].trainLoss.mean, 0.4, accuracy: 1e-12)
        // Curves: each seed's steps averaged over recall cells of 0.01, so areas are kept.
        let band = try XCTUnwrap(agg.precisionRecall.first)
        let at = { (r: Double) in band.recall.firstIndex { abs($0 - r) < 1e-9 }! }
        XCTAssertEqual(band.recall.first, 0.01); XCTAssertEqual(band.recall.last, 1)
        XCTAssertEqual(band.precisionMin[at(0.5)], 0.4, accuracy: 1e-12)
        XCTAssertEqual(band.precisionMax[at(0.5)], 0.8, accuracy: 1e-12)
        XCTAssertEqual(band.precisionMean[at(0.2)], 0.7, accuracy: 1e-12)
        // The cell (0.50, 0.51] holds a's 0.2 and b's 0.4 for half the cell and 0.3 for the rest.
        XCTAssertEqual(band.precisionMean[at(0.51)], (0.2 + 0.35) / 2, accuracy: 1e-12)
        let areas = [a, b].map { $0.metrics!.precisionRecallCurves[0].stepArea }
        XCTAssertEqual(areas[0], 0.5 * 0.8 + 0.5 * 0.2, accuracy: 1e-15)
        XCTAssertEqual(band.meanArea, (areas[0] + areas[1]) / 2, accuracy: 1e-12)
        // Claims without inAtLeast read the means.
        XCTAssertEqual(series.recall("ring"), 0.4, accuracy: 1e-12)
        XCTAssertEqual(series.macroF1, 0.7, accuracy: 1e-12)
        XCTAssertNil(RunSeries(name: "r", seeds: [1], results: [a]).aggregate)
    }
}
