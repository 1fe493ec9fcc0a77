import Experiments
@testable import LessonKit
@testable import ResultsRendering
import XCTest

/// The thresholds table lists the cut each run used per label; a run over several
/// seeds shows its thresholds' mean ± sd (a tuned threshold moves with the seed).
final class RenderingThresholdTableTests: XCTestCase {
    private func series(_ name: String, thresholds: [[Double]]) -> RunSeries {
        RunSeries(name: name, seeds: Array(1...thresholds.count), results: thresholds.map { t in
            RunResult(name: name, labels: ["circle", "ring"], history: [], outcome: .completed, thresholds: t,
                      metrics: TestMetrics(values: ["macroF1": 0.5, "hammingLoss": 0.1], perLabel: [],
                                           precisionRecallCurves: [], reliability: [], testCount: 10),
                      timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        })
    }

    func testTunedRunsShowTheirThresholdsWithMeanAndSDOverSeeds() throws {
        let runs = [series("fixed", thresholds: [[0.5, 0.5], [0.5, 0.5]]), series("tuned", thresholds: [[0.4, 0.2], [0.6, 0.3]])]
        let table = ThresholdTable(runs: runs.map { $0.results[0] }, labels: ["circle", "ring"], aggregates: runs.map(\.aggregate))
        XCTAssertTrue(table.isInformative)
        let html = table.html()
        // ring: 0.2 and 0.3 → mean 0.25, sample sd √0.005 ≈ 0.071.
        let ring = try XCTUnwrap(runs[1].aggregate?.thresholds?[1])
        XCTAssertEqual(ring.mean, 0.25, accuracy: 1e-12)
        XCTAssertEqual(ring.sd, 0.005.squareRoot(), accuracy: 1e-12)
        XCTAssertTrue(html.contains("0.250"), html)
        XCTAssertTrue(html.contains("0.071"), html)
    }

    /// Tuned thresholds are also drawn, one dot per seed per label; set ones are not.
    func testTunedThresholdsAreDrawnAsOneDotPerSeed() throws {
        let runs = [series("fixed", thresholds: [[0.5, 0.5], [0.5, 0.5]]), series("tuned", thresholds: [[0.4, 0.2], [0.6, 0.3]])]
        let charts = ResultCharts(runs: runs.map { $0.results[0] }, labels: ["circle", "ring"], id: "compare-1",
                                  aggregates: runs.map(\.aggregate))
        let figure = try XCTUnwrap(charts.tunedThresholds())
        XCTAssertEqual(figure.svgs.count, 1, "one panel: the tuned run only")
        XCTAssertEqual(figure.data.rows.count, 4, "two labels × two seeds")
        XCTAssertTrue(figure.altText.contains("ring mean 0.250 (seeds 0.200, 0.300)"), figure.altText)
        let fixedOnly = ResultCharts(runs: [runs[0].results[0]], labels: ["circle", "ring"], id: "c", aggregates: [runs[0].aggregate])
        XCTAssertNil(fixedOnly.tunedThresholds())
    }

    func testOnlyFixedHalfThresholdsAreNotWorthShowing() {
        let fixed = series("fixed", thresholds: [[0.5, 0.5]])
        XCTAssertFalse(ThresholdTable(runs: fixed.results, labels: ["circle", "ring"]).isInformative)
    }
}
