import Experiments
@testable import LessonKit
import XCTest

/// The thresholds table lists chosen thresholds per label and seed, and skips runs cut at one fixed value.
final class RenderingThresholdTableTests: XCTestCase {
    private func series(_ name: String, thresholds: [[Double]]) -> RunSeries {
        RunSeries(name: name, seeds: Array(1...thresholds.count), results: thresholds.map { t in
            RunResult(name: name, labels: ["circle", "ring"], history: [], outcome: .completed, thresholds: t,
                      metrics: nil, timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        })
    }

    func testTunedRunsAreListedSeedBySeedWithMeanAndSD() {
        let table = ThresholdTable(series: [series("fixed", thresholds: [[0.5, 0.5], [0.5, 0.5]]),
                                            series("tuned", thresholds: [[0.4, 0.2], [0.6, 0.3]])],
                                   labels: ["circle", "ring"])
        XCTAssertEqual(table.chosen.map(\.name), ["tuned"], "a run cut at 0.5 everywhere has nothing to show")
        let html = table.html()
        XCTAssertTrue(html.contains("<th scope=\"col\">seed 2</th>"))
        // ring: 0.2 and 0.3 → mean 0.25, sample sd √0.005.
        XCTAssertTrue(html.contains(String(format: "%.3f ± %.3f", 0.25, 0.005.squareRoot())), html)
        XCTAssertFalse(html.contains(">fixed<"))
    }

    func testNothingChosenRendersNothing() {
        XCTAssertEqual(ThresholdTable(series: [series("fixed", thresholds: [[0.5, 0.5]])], labels: ["circle", "ring"]).html(), "")
    }
}
