import XCTest
@testable import LessonKit
@testable import ResultsRendering

final class RenderingResultsMarkupTests: XCTestCase {
    func testEscapeCoversMarkupCharacters() {
        XCTAssertEqual(Markup.escape("<script>alert('x') & \"y\"</script>"),
                       "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    func testNumbersAreFixedAndLocaleFree() {
        XCTAssertEqual(Markup.number(0.5714), "0.571")
        XCTAssertEqual(Markup.number(0.0005), "0.001")
        XCTAssertEqual(Markup.number(-1.25, digits: 1), "-1.3")
        XCTAssertEqual(Markup.number(2, digits: 0), "2")
        XCTAssertEqual(Markup.number(.nan), "–")
        XCTAssertEqual(Markup.coordinate(12.0), "12")
        XCTAssertEqual(Markup.coordinate(12.26), "12.3")
        XCTAssertEqual(Markup.percent(0.125), "12.5%")
    }

    func testTicksAreRound() {
        XCTAssertEqual(LinearScale(domain: (0, 1), range: (0, 100)).ticks(), [0, 0.2, 0.4, 0.6, 0.8, 1.0].map { $0 })
        XCTAssertEqual(LinearScale(domain: (1, 10), range: (0, 100)).ticks(6), [2, 4, 6, 8, 10])
    }

    func testLineChartEscapesNamesAndIsDeterministic() {
        let hostile = "</text><script>alert(1)</script>"
        let chart = LineChart(series: [.init(name: hostile, points: [(1, 0.5), (2, 0.25)], style: 0)],
                              xLabel: "epoch", yLabel: "loss")
        let svg = chart.draw().svg(title: "alt \(hostile)", titleID: "t\"1")
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("&lt;/text&gt;&lt;script&gt;"))
        XCTAssertTrue(svg.contains("id=\"t&quot;1\""))
        XCTAssertEqual(svg, chart.draw().svg(title: "alt \(hostile)", titleID: "t\"1"))
        XCTAssertTrue(svg.contains("<polyline"))
    }

    func testBarChartSkipsNaNAndClampsValues() {
        let chart = GroupedBarChart(groups: ["a", "b"], series: ["r1", "r2"], values: [[0.5, .nan], [1.5, 0.25]], yLabel: "recall")
        let svg = chart.draw().svg(title: "t", titleID: "id")
        // Three bars drawn (one NaN skipped), each with its value as a tooltip.
        XCTAssertEqual(svg.components(separatedBy: "</rect>").count - 1, 3)
        XCTAssertTrue(svg.contains("<title>r1, a: 0.500</title>"))
        XCTAssertTrue(svg.contains("<title>r2, a: 1.500</title>"))
        XCTAssertFalse(svg.contains("r1, b:"))
    }

    func testFigureHasCaptionAltAndDataTable() {
        let figure = ChartFigure(id: "c1-loss", caption: "Loss <per> epoch", altText: "alt & text",
                                 svgs: [LineChart(series: [], xLabel: "x", yLabel: "y").draw()],
                                 data: HTMLTable(caption: nil, header: ["run"], rows: [[.text("<b>")]]))
        let html = figure.html()
        XCTAssertTrue(html.contains("<figcaption>Loss &lt;per&gt; epoch</figcaption>"))
        XCTAssertTrue(html.contains("<title id=\"c1-loss-title\">alt &amp; text</title>"))
        XCTAssertTrue(html.contains("<details class=\"numbers\"><summary>"))
        XCTAssertTrue(html.contains("<th scope=\"row\">&lt;b&gt;</th>"))
    }
}
