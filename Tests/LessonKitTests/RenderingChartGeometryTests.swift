import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import Experiments
@testable import LessonKit
@testable import ResultsRendering

/// The charts a lesson page draws, read back as SVG: every legend entry (sample
/// line and text) inside its chart's viewBox, no name cut where a row has room for
/// it, and every other text inside the chart too — at the wide and the phone size.
final class RenderingChartGeometryTests: XCTestCase {
    /// Names like the course's: several long ones, so legends must wrap.
    static let names = ["plain BCE", "pos_weight", "pos_weight, softened", "sample_weight", "class_weight (Keras)",
                        "a run whose name is far too long to fit on one legend row of a small panel at all"]

    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-geometry-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    /// A rendered comparison of six tiny runs showing every output.
    private func renderedSection() throws -> String {
        let comparison = LessonRunner.Comparison(title: "Geometry", dataset: TinyData.shapes(),
                                                 runs: Self.names.map { TinyRuns.run($0, epochs: 1) }, blockIndex: 2,
                                                 show: ResultView.all)
        let runner = LessonRunner(options: .init(jobs: 2, cache: ResultCache(directory: cache)),
                                  progress: ProgressReporter(style: .quiet), dataSource: LessonRunner.datasetLoader(lessonFolder: nil),
                                  summarize: LessonRunner.summaryWithPreview)
        let outcome = try runner.run([comparison])
        let results = LessonResults(lessonFile: "01-g.md", lessonID: "01-g", title: "G", parameters: [],
                                    comparisons: [comparison], outcome: outcome, expectations: [])
        return try XCTUnwrap(results.pageExtras().afterBlock[2]).html
    }

    func testEveryLegendEntryIsInsideItsChartAndUncutWhereThereIsRoom() throws {
        let html = try renderedSection()
        let svgs = SVGReader.svgs(in: html)
        // Loss (2 panels), PR (3 panels), bars (2 wide + 2 narrow), reliability (wide + narrow).
        XCTAssertGreaterThanOrEqual(svgs.count, 11)
        var legendEntries = 0
        for svg in svgs {
            let chart = try SVGReader.read(svg)
            XCTAssertGreaterThan(chart.width, 0)
            for entry in chart.legendEntries {
                legendEntries += 1
                let text = try XCTUnwrap(entry.text, "a legend entry without text")
                let box = entry.box
                XCTAssertGreaterThanOrEqual(box.minX, 0, "\(text.content) starts left of the chart")
                XCTAssertLessThanOrEqual(box.maxX, chart.width, "\(text.content) ends right of the chart (\(chart.width))")
                XCTAssertGreaterThanOrEqual(box.minY, 0, "\(text.content) above the chart")
                XCTAssertLessThanOrEqual(box.maxY, chart.height, "\(text.content) below the chart (\(chart.height))")
                if text.content.hasSuffix("…") {
                    // Cut only when the whole name could not fit on a row of its own.
                    let full = try XCTUnwrap(Self.names.first { $0.hasPrefix(String(text.content.dropLast())) })
                    let needed = ChartLegend.sampleWidth + ChartLegend.textWidth(full, size: text.size)
                    XCTAssertGreaterThan(needed, chart.width - 16, "'\(full)' was cut although a row had room")
                } else {
                    XCTAssertTrue(Self.names.contains(text.content) || !text.content.isEmpty)
                }
            }
            // Entries of one row never overlap.
            let rows = Dictionary(grouping: chart.legendEntries, by: { $0.box.minY })
            for row in rows.values {
                let sorted = row.sorted { $0.box.minX < $1.box.minX }
                for (a, b) in zip(sorted, sorted.dropFirst()) {
                    XCTAssertLessThanOrEqual(a.box.maxX, b.box.minX, "legend entries overlap")
                }
            }
            for text in chart.texts {
                XCTAssertGreaterThanOrEqual(text.y, 0)
                XCTAssertLessThanOrEqual(text.y, chart.height, "'\(text.content)' below the chart")
            }
        }
        // Every run appears in every legend: one per figure (under its first panel) for loss and PR,
        // and the bars' (2 wide + 2 narrow) and reliability's (wide + narrow).
        XCTAssertGreaterThanOrEqual(legendEntries, Self.names.count * 8)
        // The one name too long for any row is cut; no other name is.
        let cut = svgs.flatMap { (try? SVGReader.read($0).legendEntries) ?? [] }.compactMap(\.text).filter { $0.content.hasSuffix("…") }
        XCTAssertFalse(cut.isEmpty)
        XCTAssertTrue(cut.allSatisfy { Self.names.last!.hasPrefix(String($0.content.dropLast())) })
    }

    func testLegendWrapsInsteadOfCutting() {
        let legend = ChartLegend(entries: Self.names.dropLast().enumerated().map {
            ChartLegend.Entry(name: $0.element, style: $0.offset, dash: "")
        })
        let placed = legend.layout(x: 8, y: 100, width: 304)
        XCTAssertEqual(placed.map(\.text), Array(Self.names.dropLast()))
        XCTAssertGreaterThan(Set(placed.map(\.y)).count, 1, "a 304-unit row cannot hold five names")
        XCTAssertTrue(placed.allSatisfy { $0.x >= 8 && $0.x + $0.width <= 8 + 304 })
        XCTAssertEqual(legend.height(width: 304), Double(Set(placed.map(\.y)).count) * ChartLegend.rowHeight)
    }
}

/// Reads the charts back out of a page fragment with Foundation's XML parser.
enum SVGReader {
    struct Text {
        var x: Double, y: Double, size: Double, anchor: String, content: String
    }

    struct LegendEntry {
        var lines: [(x1: Double, y1: Double, x2: Double, y2: Double)] = []
        var text: Text?

        /// Sample line and text (its width estimated as the legend lays it out; start-anchored).
        var box: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
            var xs = lines.flatMap { [$0.x1, $0.x2] }, ys = lines.flatMap { [$0.y1, $0.y2] }
            if let t = text {
                xs += [t.x, t.x + ChartLegend.textWidth(t.content, size: t.size)]
                ys += [t.y - t.size, t.y + t.size * 0.3]
            }
            return (xs.min() ?? 0, ys.min() ?? 0, xs.max() ?? 0, ys.max() ?? 0)
        }
    }

    struct Chart {
        var width = 0.0, height = 0.0
        var legendEntries: [LegendEntry] = []
        /// Texts outside legends (ticks, axis labels, titles).
        var texts: [Text] = []
    }

    /// Each `<svg …>…</svg>` element of the fragment.
    static func svgs(in html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().compactMap { part in
            part.range(of: "</svg>").map { "<svg " + part[..<$0.upperBound] }
        }
    }

    static func read(_ svg: String) throws -> Chart {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return delegate.chart
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var chart = Chart()
        private var entry: LegendEntry?
        private var text: Text?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes a: [String: String] = [:]) {
            func number(_ key: String) -> Double { Double(a[key] ?? "") ?? 0 }
            switch name {
            case "svg":
                let box = (a["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
                if box.count == 4 { chart.width = box[2]; chart.height = box[3] }
            case "g" where a["class"] == "legend-entry": entry = LegendEntry()
            case "line" where entry != nil:
                entry?.lines.append((number("x1"), number("y1"), number("x2"), number("y2")))
            case "text":
                text = Text(x: number("x"), y: number("y"), size: number("font-size"), anchor: a["text-anchor"] ?? "start", content: "")
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text?.content += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "text":
                if entry != nil { entry?.text = text } else if let text { chart.texts.append(text) }
                text = nil
            case "g":
                if let entry { chart.legendEntries.append(entry) }
                entry = nil
            default: break
            }
        }
    }
}
