import Foundation
import XCTest
import Experiments
@testable import LessonKit
@testable import ResultsRendering

/// A sweep renders as one figure (a panel per metric, each with its line and its band
/// over the seeds) with the numbers it was drawn from, and those numbers are results.json's.
final class RenderingSweepTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-sweep-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    func testSweepChartHasALineAndABandPerMetricAndItsDataTable() throws {
        let epochs = [1, 2, 4]
        let points = epochs.map { e in
            Compare(title: "s", dataset: TinyData.shapes(), seeds: [1, 2], runs: [TinyRuns.run("plain <i>", epochs: e)])
        }
        let sweep = LessonRunner.SweepJob(title: "How long <b>?", parameter: "epochs", values: epochs.map(String.init),
                                          points: points, metrics: nil, blockIndex: 3)
        let outcome = try TinyRuns.runner(cache: cache).run([], sweeps: [sweep])
        let results = LessonResults(lessonFile: "01-tiny.md", lessonID: "01-tiny", title: "Tiny", parameters: [],
                                    comparisons: [], outcome: outcome, expectations: [])
        let extras = try results.pageExtras()
        let html = try XCTUnwrap(extras.afterBlock[3]).html
        XCTAssertTrue(html.contains("Sweep: How long &lt;b&gt;?"))
        XCTAssertFalse(html.contains("<b>") || html.contains("<i>"))
        // One figure, a panel per metric so no two bands overlap, each drawn wide and narrow (for phones).
        XCTAssertEqual(html.components(separatedBy: "<figure ").count - 1, 1, "one chart")
        let metrics = SweepMetric.defaults(rarest: "ring")
        XCTAssertEqual(outcome.sweeps[0].metrics, metrics)
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 2 * metrics.count, "wide and narrow panels")
        for metric in metrics { XCTAssertTrue(html.contains(">\(Markup.escape(metric.title))</text>"), "panel's y axis: \(metric.title)") }
        XCTAssertTrue(html.contains("Figure 1."))
        XCTAssertEqual(html.components(separatedBy: "<polyline").count - 1, 2 * metrics.count)
        XCTAssertEqual(html.components(separatedBy: "<polygon class=\"band").count - 1, 2 * metrics.count)
        // 1…4 spans a factor of four: a log axis labelled with the values.
        XCTAssertTrue(html.contains("epochs (log scale)"))
        for label in ["1", "2", "4"] { XCTAssertTrue(html.contains(">\(label)</text>"), label) }

        // The table shows mean ± sd of each metric at each value, as results.json has them.
        let json = try XCTUnwrap(extras.files["results.json"])
        let document = try CanonicalJSON.decoder().decode(ResultsDocument.self, from: json)
        let record = try XCTUnwrap(document.sweeps?.first)
        XCTAssertEqual(record.values, ["1", "2", "4"])
        XCTAssertEqual(record.points.count, 3)
        for (i, point) in record.points.enumerated() {
            let entry = try XCTUnwrap(point.first)
            XCTAssertEqual(entry.seeds?.map(\.seed), [1, 2])
            XCTAssertEqual(entry.spec.epochs, epochs[i])
            let f1 = try XCTUnwrap(entry.aggregate?.metrics["macroF1"])
            XCTAssertTrue(html.contains(Markup.number(f1.mean) + " ± " + Markup.number(f1.sd)), "value \(i)")
        }
    }

    /// `label:` names the x axis when the parameter's name would mislead.
    func testAnAxisLabelReplacesTheParameterName() throws {
        let points = [1, 2].map { e in Compare(title: "s", dataset: TinyData.shapes(), runs: [TinyRuns.run("plain", epochs: e)]) }
        let sweep = LessonRunner.SweepJob(title: "Longer", parameter: "factor", values: ["1", "2"], points: points, metrics: nil,
                                          blockIndex: 3, axisLabel: "training epochs")
        let outcome = try TinyRuns.runner(cache: cache).run([], sweeps: [sweep])
        let html = try SweepSection(sweep: outcome.sweeps[0], id: "sweep-1").html()
        XCTAssertTrue(html.contains("against training epochs"), html)
        XCTAssertFalse(html.contains("against factor"))
        XCTAssertTrue(html.contains("<code>factor</code> set to each of 2 values"), "the note still names the parameter")
    }
}
