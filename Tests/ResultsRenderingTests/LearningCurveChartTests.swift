import XCTest
import Experiments
@testable import ResultsRendering

/// `.learningCurve`: training and validation loss of each run on one axis, readable
/// over many epochs, and honest about lines that hide each other.
final class LearningCurveChartTests: XCTestCase {
    /// A run whose validation loss falls to epoch 25 and rises after it (overfitting).
    private func run(_ name: String, epochs: Int, shift: Double = 0) -> RunResult {
        let history = (1...epochs).map { e in
            EpochSummary(epoch: e, trainLoss: 0.7 / Double(e) + shift, validationLoss: 0.3 + Double((e - 25) * (e - 25)) / 4000 + shift)
        }
        return RunResult(name: name, labels: ["a"], history: history, outcome: .completed, thresholds: nil, metrics: nil,
                         timings: RunTimings(trainSeconds: 1, evaluateSeconds: 0))
    }

    private func svgText(_ figure: ChartFigure) -> String { figure.svgs.map { $0.svg(title: "t", titleID: "t") }.joined() }

    func testOneAxisWithoutMarkerSoupAndRoundEpochTicks() throws {
        let figure = try XCTUnwrap(ResultCharts(runs: [run("long", epochs: 80), run("other", epochs: 80, shift: 0.05)], labels: ["a"],
                                                id: "c").learningCurve())
        XCTAssertEqual(figure.id, "c-learning-curve")
        XCTAssertEqual(figure.svgs.count, 1, "one axis, not two panels")
        let svg = svgText(figure)
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 4, "a training and a validation line per run")
        XCTAssertEqual(svg.components(separatedBy: "stroke-dasharray=\"5 3\"").count - 1, 2 + 1, "dashed validation lines and legend sample")
        XCTAssertFalse(svg.contains("<circle"), "no markers on 80-epoch lines")
        for tick in ["0", "20", "40", "60", "80"] { XCTAssertTrue(svg.contains(">\(tick)</text>"), "x tick \(tick)") }
        XCTAssertTrue(svg.contains(">training</text>") && svg.contains(">validation</text>"))
        XCTAssertEqual(figure.data.rows.count, 160)
        XCTAssertEqual(figure.data.header.last, "validation − training")
        XCTAssertFalse(figure.caption.contains("coincide"))
        XCTAssertTrue(figure.altText.contains("validation loss lowest 0.3000 at epoch 25"), figure.altText)
        // A short run keeps its markers.
        let short = try XCTUnwrap(ResultCharts(runs: [run("s", epochs: 8)], labels: ["a"], id: "c").learningCurve())
        XCTAssertTrue(svgText(short).contains("<circle"))
    }

    func testAShorterRunAlongALongerOneIsDrawnOnTopAndNamed() throws {
        let figure = try XCTUnwrap(ResultCharts(runs: [run("short", epochs: 25), run("long", epochs: 80)], labels: ["a"], id: "c")
            .learningCurve())
        XCTAssertTrue(figure.caption.contains("Lines that coincide: short runs exactly along long for its 25 epochs (drawn on top of it)."),
                      figure.caption)
        // Drawn after the longer run's lines, in its own colour (series 1 is the short run's).
        let svg = svgText(figure)
        let lines = svg.components(separatedBy: "<polyline").dropFirst().map { $0.contains("line series-1\"") }
        XCTAssertEqual(lines, [false, false, true, true])
        let twins = try XCTUnwrap(ResultCharts(runs: [run("a", epochs: 10), run("b", epochs: 10)], labels: ["a"], id: "c").learningCurve())
        XCTAssertTrue(twins.caption.contains("b and a have the same curves (one hides the other)"), twins.caption)
    }

    func testTheViewIsShownOnlyWhenListedAndKeepsItsName() {
        XCTAssertEqual(ResultView(name: ResultView.learningCurve.name), .learningCurve)
        let runs = [run("long", epochs: 30)]
        let plain = ComparisonSection(title: "t", dataset: nil, previewPath: nil, runs: runs, id: "results-1").html()
        XCTAssertFalse(plain.contains("results-1-learning-curve"), "not folded into More results")
        XCTAssertTrue(plain.contains("results-1-loss"))
        let shown = ComparisonSection(title: "t", dataset: nil, previewPath: nil, runs: runs, id: "results-1", show: [.learningCurve]).html()
        XCTAssertTrue(shown.contains("<figure class=\"chart\" id=\"results-1-learning-curve\">"))
    }
}
