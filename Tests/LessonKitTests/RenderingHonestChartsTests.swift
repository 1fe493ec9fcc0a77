import Foundation
import XCTest
import Experiments
@testable import LessonKit
@testable import ResultsRendering

/// Charts that cannot mislead: series told apart without colour, curves drawn as the
/// steps whose area is the AP, seeds shown rather than seed 1 alone, a chart of what
/// the claims compare, and numbers that count what a reader sees.
final class RenderingHonestChartsTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-honest-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    /// CIE L* of a `#rrggbb` colour: what is left of it in greyscale.
    private func lightness(_ hex: String) -> Double {
        let v = Int(hex.dropFirst(), radix: 16)!
        func linear(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : Foundation.pow((s + 0.055) / 1.055, 2.4)
        }
        let y = 0.2126 * linear(v >> 16 & 255) + 0.7152 * linear(v >> 8 & 255) + 0.0722 * linear(v & 255)
        return y > 216.0 / 24389 ? 116 * Foundation.cbrt(y) - 16 : 24389.0 / 27 * y
    }

    func testNoTwoRunsShareColourAndMarkerAndTheFirstFiveDifferInLightness() {
        let styles = (0..<64).map { (Palette.color($0), Palette.marker($0)) }
        for i in styles.indices {
            for j in styles.indices where j > i {
                XCTAssertFalse(styles[i] == styles[j], "series \(i) and \(j) share colour and marker")
            }
        }
        XCTAssertEqual(Set((0..<8).map { Palette.marker($0) }).count, 8, "the first eight runs each have their own marker")
        XCTAssertEqual(Set((0..<8).map { Palette.dash($0) }).count, 8)
        // Greyscale: the first five colours (lessons compare up to five runs) are ≥ 10 L* apart, light and dark.
        for palette in [Palette.colors, Palette.darkColors] {
            let l = palette.prefix(5).map(lightness)
            for i in l.indices { for j in l.indices where j > i {
                XCTAssertGreaterThanOrEqual(abs(l[i] - l[j]), 10, "\(palette[i]) and \(palette[j]) are the same grey")
            } }
        }
        XCTAssertTrue(Stylesheet.css.contains("--series-5: \(Palette.colors[4]);"))
        XCTAssertTrue(Stylesheet.css.contains("--series-5: \(Palette.darkColors[4]);"))
    }

    func testStepSeriesAreDrawnAsStepsFromZero() {
        let series = LineChart.Series(name: "r", points: [(0.25, 1), (1, 0.5)], markers: false, style: 0, stepsFrom: 0)
        XCTAssertEqual(series.drawnPoints.map(\.x), [0, 0.25, 0.25, 1])
        XCTAssertEqual(series.drawnPoints.map(\.y), [1, 1, 0.5, 0.5])
        // The drawn steps' area is the curve's AP.
        var area = 0.0
        for (a, b) in zip(series.drawnPoints, series.drawnPoints.dropFirst()) { area += (b.x - a.x) * a.y }
        XCTAssertEqual(area, PrecisionRecallCurve(label: "r", recall: [0.25, 1], precision: [1, 0.5]).stepArea, accuracy: 1e-12)
    }

    func testLossesTenTimesApartGetALogAxis() throws {
        let log = try XCTUnwrap(LineChart.logAxis([0.02, 0.03, 0.5]))
        XCTAssertEqual(log.ticks.map(\.label), ["0.02", "0.05", "0.1", "0.2", "0.5"])
        XCTAssertNil(LineChart.logAxis([0.2, 0.5]), "one scale when the losses are close")
        XCTAssertNil(LineChart.logAxis([0, 0.5]))
        let focal = LineChart.Series(name: "focal", points: [(1, 0.05), (2, 0.02)], style: 0)
        let bce = LineChart.Series(name: "bce", points: [(1, 0.6), (2, 0.3)], style: 1)
        let svg = ResultCharts.lossChart([focal, bce], yLabel: "training loss", title: "t", legend: nil).svg(title: "t", titleID: "t")
        XCTAssertTrue(svg.contains("training loss (log scale)"))
        XCTAssertTrue(svg.contains(">0.05</text>") && svg.contains(">0.5</text>"))
        let flat = ResultCharts.lossChart([bce], yLabel: "training loss", title: "t", legend: nil).svg(title: "t", titleID: "t")
        XCTAssertFalse(flat.contains("log scale"))
    }

    func testClaimedMetricsAreReadFromTheClaimsOnTheseRuns() {
        let claims = [#"results["pos_weight"].recall("ring") > results["plain BCE"].recall("ring") + 0.1"#,
                      #"results["pos_weight"].precision("ring") < results["plain BCE"].precision("ring")"#,
                      #"results["other"].macroF1 > 0.5"#, #"results["pos_weight"].nonsense > 1"#]
        XCTAssertEqual(ClaimedMetric.read(in: claims, runs: ["pos_weight", "plain BCE"]),
                       [ClaimedMetric(name: "recall", label: "ring"), ClaimedMetric(name: "precision", label: "ring")])
        XCTAssertEqual(ClaimedMetric.read(in: claims, runs: ["other"]), [ClaimedMetric(name: "macroF1")])
        XCTAssertEqual(ClaimedMetric(name: "recall", label: "ring").title, "ring recall")
    }

    private func section(claims: [String] = []) throws -> (html: String, outcome: LessonRunOutcome) {
        let comparison = LessonRunner.Comparison(title: "t", dataset: TinyData.shapes(), seeds: [1, 2, 3],
                                                 runs: [TinyRuns.run("plain"), TinyRuns.run("other", epochs: 1)], blockIndex: 2)
        let outcome = try TinyRuns.runner(cache: cache).run([comparison])
        let expectations = claims.map {
            LessonResults.CheckedExpectation(blockIndex: 3, record: .init(line: 9, column: 1, source: $0, passed: true, detail: ""))
        }
        let results = LessonResults(lessonFile: "01-t.md", lessonID: "01-t", title: "T", parameters: [],
                                    comparisons: [comparison], outcome: outcome, expectations: expectations)
        return (try XCTUnwrap(results.pageExtras().afterBlock[2]).html, outcome)
    }

    func testTheDefaultViewDrawsTheClaimedMetricWithEverySeed() throws {
        let (html, outcome) = try section(claims: [#"results["other"].f1("square") > results["plain"].f1("square")"#])
        let shown = try XCTUnwrap(html.components(separatedBy: "<details class=\"more-results\"").first)
        let figure = try XCTUnwrap(shown.range(of: "id=\"results-1-claimed\"").map { String(shown[$0.lowerBound...]) })
        XCTAssertTrue(figure.contains("square F1"), "the claimed metric is drawn")
        // Every seed's value is in the chart's accessible name, per run.
        for series in outcome.comparisons[0].series {
            let values = try XCTUnwrap(series.aggregate?.label("square")?.f1).values
            XCTAssertTrue(figure.contains("\(series.name) mean \(Markup.number(values.reduce(0, +) / 3)) (seeds "
                                          + values.map { Markup.number($0) }.joined(separator: ", ") + ")"), series.name)
        }
        // Without claims: the rarest label's recall and precision; the rare label's own table is shown too.
        let plain = try section().html
        XCTAssertTrue(plain.contains("ring recall") && plain.contains("ring precision"))
        let shownPlain = try XCTUnwrap(plain.components(separatedBy: "<details class=\"more-results\"").first)
        XCTAssertTrue(shownPlain.contains("Test metrics of ring"), "the rare label's rows are shown by default")
    }

    func testBarsAreSeedMeansWithEverySeedAndReliabilityPoolsTheSeeds() throws {
        let (html, outcome) = try section()
        let series = outcome.comparisons[0].series[0]
        let recall = try XCTUnwrap(series.aggregate?.label("ring")?.recall)
        XCTAssertNotEqual(recall.mean, series.results[0].labelMetrics("ring")?.recall, "seed 1 differs from the mean")
        let spelled = "plain recall \(Markup.number(recall.mean)) (seeds " + recall.values.map { Markup.number($0) }.joined(separator: ", ") + ")"
        XCTAssertTrue(html.contains(spelled), spelled)
        XCTAssertTrue(html.contains("Bars are the mean over seeds"))
        let ece = series.results.compactMap(\.metrics).map { Markup.number($0.expectedCalibrationError) }
        XCTAssertTrue(html.contains("(seeds " + ece.joined(separator: ", ") + ")"), "every seed's ECE is listed")
        XCTAssertTrue(html.contains("pool its 3 seeds"))
    }

    func testFoldedFiguresAndTablesAreLetteredAfterTheLastShownOne() throws {
        var numbering = PageNumbering()
        XCTAssertEqual(numbering.nextFigure(id: "a"), "1")
        numbering.folded = true
        XCTAssertEqual(numbering.nextFigure(id: "b"), "1a")
        XCTAssertEqual(numbering.nextFigure(id: "c"), "1b")
        XCTAssertEqual(numbering.nextTable(id: "t"), "0a")
        numbering.folded = false
        XCTAssertEqual(numbering.nextFigure(id: "d"), "2")
        XCTAssertEqual(numbering.names["c"], "Figure 1b")
        let html = try section().html
        let shown = try XCTUnwrap(html.components(separatedBy: "<details class=\"more-results\"").first)
        let visible = shown.matches(of: /Figure (\d+[a-z]*)\./).map { String($0.output.1) }
        XCTAssertEqual(visible, visible.indices.map { String($0 + 1) }, "shown figures count 1, 2, 3 without gaps")
        XCTAssertFalse(html.matches(of: /Figure \d+[a-z]\./).isEmpty, "folded figures carry a letter")
    }

    func testResultTablesBecomeCardsOnPhonesAndHeadNumbersFlushRight() throws {
        let html = try section().html
        XCTAssertTrue(html.contains("<table class=\"data cards\""))
        XCTAssertTrue(html.contains("<th scope=\"col\" class=\"num\">macro-F1</th>"))
        XCTAssertTrue(html.contains("data-label=\"macro-F1\""))
        XCTAssertTrue(html.contains("<span class=\"sd\">± "))
        XCTAssertFalse(html.contains("(3 seeds)</th>"), "the seed count is in the caption, not in every run name")
        XCTAssertTrue(html.contains("mean ± sd over 3 seeds"))
        XCTAssertTrue(Stylesheet.css.contains("table.cards td::before { content: attr(data-label)"))
        // The reference page: cards on phones, its docs' `code` set as code (no raw backticks), signatures
        // breakable between arguments, and a link to it from every page's header.
        let reference = APIReferencePage.html()
        XCTAssertTrue(reference.contains("<table class=\"cards\">"))
        XCTAssertFalse(reference.contains("`"), "raw backticks on the reference page")
        XCTAssertTrue(reference.contains("model:<wbr>"))
        XCTAssertTrue(PageTemplate.page(title: "t", description: nil, bodyClass: "b", main: "", footer: "")
            .contains("<a href=\"reference.html\">Reference</a>"))
    }

    func testCodeWrapsAndPrintLeavesDataTablesOut() {
        let css = Stylesheet.css
        XCTAssertTrue(css.contains(".prose pre, .code-block pre { white-space: pre-wrap; overflow-wrap: break-word; }"))
        let print = String(css[css.range(of: "@media print")!.lowerBound...])
        XCTAssertTrue(print.contains("details.numbers { display: none; }"))
        XCTAssertTrue(print.contains("pre { overflow: visible; white-space: pre-wrap; }"))
        XCTAssertTrue(print.contains("break-after: avoid"))
    }
    /// On a 390 px phone the sample strip shows all its columns: scaled to the card's width
    /// (not a fixed 32rem cropped by its scroll region), without the figure's default 40 px margins.
    func testSampleStripFitsAPhone() {
        let css = Stylesheet.css
        XCTAssertTrue(css.contains("figure.preview { margin: 0.8rem 0; }"))
        XCTAssertTrue(css.contains("img.preview-grid { image-rendering: pixelated; width: 100%;"))
        let phones = String(css[css.range(of: "@media (max-width: 36rem)")!.lowerBound...])
        let block = phones[..<phones.range(of: "\n}")!.lowerBound]
        XCTAssertFalse(block.contains("preview-grid"), "the phone rules must not widen the sample strip past the screen")
    }
}
