import Experiments
@testable import LessonKit
@testable import ResultsRendering
import XCTest

/// The comparison table marks the best value of a column only where there is one.
final class RenderingComparisonTableTests: XCTestCase {
    private func result(_ name: String, macroF1: Double, ringRecall: Double) -> RunResult {
        let label = LabelMetrics(label: "ring", values: ["precision": 0.5, "recall": ringRecall, "f1": 0.3, "averagePrecision": 0.4],
                                 support: 10)
        let metrics = TestMetrics(values: ["macroF1": macroF1, "microF1": 0.5, "meanAveragePrecision": 0.4],
                                  perLabel: [label], precisionRecallCurves: [], reliability: [], testCount: 100)
        return RunResult(name: name, labels: ["ring"], history: [], outcome: .completed, thresholds: [0.5], metrics: metrics,
                         timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
    }

    func testTiesAcrossEveryRunAreNotMarkedBest() {
        let table = ComparisonTable(runs: [result("a", macroF1: 0.6, ringRecall: 0), result("b", macroF1: 0.4, ringRecall: 0),
                                           result("c", macroF1: 0.6, ringRecall: 0)],
                                    rarestLabel: "ring")
        let html = table.html()
        let rows = html.components(separatedBy: "<tr").dropFirst(2)   // the header row and what precedes it
        XCTAssertEqual(rows.count, 3)
        // macro-F1: a and c tie for best (a marked cell says "best" twice: its class and its note);
        // micro-F1, mAP and the ring's recall are equal for every run: nobody is best there.
        let bestCounts = rows.map { $0.components(separatedBy: "best").count - 1 }
        XCTAssertEqual(bestCounts, [2, 0, 2], html)
    }
}
