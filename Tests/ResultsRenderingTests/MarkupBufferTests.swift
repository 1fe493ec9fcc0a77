import XCTest
@testable import ResultsRendering

/// The renderer's output buffer spells what `String` interpolation spelled: literals,
/// text (non-ASCII included) and whole numbers, byte for byte.
final class MarkupBufferTests: XCTestCase {
    func testInterpolationSpellsWhatStringSpells() {
        for number in [0, 7, -7, 10, 1234567890, Int.max, Int.min] {
            let name = "é “quoted” ≥2"
            var out: MarkupBuffer = "<p n=\"\(number)\">"
            out += "\(name)</p>"
            XCTAssertEqual(out.text, "<p n=\"\(number)\">\(name)</p>")
        }
    }

    func testBuffersNest() {
        let inner: MarkupBuffer = "<b>\(3)</b>"
        var out = MarkupBuffer()
        XCTAssertTrue(out.isEmpty)
        out += "a\(inner)z"
        out += inner
        XCTAssertEqual(out.text, "a<b>3</b>z<b>3</b>")
    }

    /// A chart's SVG as the canvas writes it: attributes, escaped text, markers.
    func testCanvasWritesTheSameMarkupAsBefore() {
        var canvas = SVGCanvas(width: 100, height: 50)
        canvas.line(0, 0.25, 10, 20.04, opacity: 0.5, dash: "2 3", series: 1)
        canvas.polyline([(1, 2), (3, 4.56)], stroke: "#fff", series: 0)
        canvas.marker(5, 5, series: 2, fill: "#000")
        canvas.marker(5, 5, series: 5, fill: "#000")
        canvas.text(1, 2, "a < b", anchor: .middle, rotate: true)
        XCTAssertEqual(canvas.svg(title: "T&", titleID: "t"),
            ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="100%" role="img" aria-labelledby="t" class="chart-svg">"##
            + ##"<title id="t">T&amp;</title>"##
            + ##"<line class="series-2" x1="0" y1="0.3" x2="10" y2="20" stroke="currentColor" stroke-width="1" stroke-opacity="0.50" stroke-dasharray="2 3"/>"##
            + ##"<polyline class="line series-1" points="1,2 3,4.6" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/>"##
            + ##"<path class="series-3" d="M5 1L9 5L5 9L1 5Z" fill="#000"/>"##
            + ##"<path class="hollow series-6" d="M1 5H9M5 1V9" fill="none" stroke="#000" stroke-width="1.6"/>"##
            + ##"<text x="1" y="2" font-size="12" text-anchor="middle" fill="currentColor" transform="rotate(-90 1 2)">a &lt; b</text></svg>"##)
    }
}
