import Foundation
import XCTest
@testable import LessonKit

/// The search script itself, run under node: whole words (no "ece" in "receives"),
/// the true count beyond the ten shown, and the reference page in the index.
final class SearchScriptTests: XCTestCase {
    private func node() throws -> URL {
        for path in ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"] where FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        throw XCTSkip("node is not installed")
    }

    /// Runs `driver` under node beside the script built over `index`; its output, trimmed.
    private func runNode(_ driver: String, index: String, arguments: [String] = []) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try SearchScript.source(indexJSON: index).write(to: folder.appendingPathComponent("search.js"), atomically: true, encoding: .utf8)
        try driver.write(to: folder.appendingPathComponent("driver.js"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = try node()
        process.currentDirectoryURL = folder
        process.arguments = ["driver.js"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `search(query)` of the script over `index`, as "count|first heading|…".
    private func search(_ query: String, index: String) throws -> String {
        try runNode("""
        var s = require("./search.js");
        var hits = s.search(process.argv[2]);
        console.log([hits.length].concat(hits.map(function (h) { return h.section.heading; })).join("|"));
        """, index: index, arguments: [query])
    }

    func testSearchMatchesWordsAndCountsEveryHit() throws {
        let sections = (1...12).map { #"{"id":"s\#($0)","heading":"Part \#($0)","text":"pos_weight moves the threshold"}"# }
        let index = #"{"pages":[{"page":"a.html","title":"A","sections":["#
            + #"{"id":"x","heading":"Logits","text":"the head receives logits"},"#
            + #"{"id":"y","heading":"Calibration","text":"ECE measures calibration; AP ranks"},"#
            + sections.joined(separator: ",") + "]}]}"
        XCTAssertEqual(try search("ECE", index: index), "1|Calibration", "'ece' inside 'receives' is no match")
        XCTAssertEqual(try search("AP", index: index), "1|Calibration")
        XCTAssertTrue(try search("pos_weight", index: index).hasPrefix("12|"), "every hit counts, not only the ten shown")
        XCTAssertEqual(try search("calib", index: index), "1|Calibration", "the last word typed also matches as a prefix")
        XCTAssertEqual(try search("ca", index: index), "0", "a prefix needs three letters")
    }

    func testTheContentsMarkTheSectionBeingRead() throws {
        let marked = try runNode("""
        var c = require("./search.js").currentSection;
        console.log([c([-500, -20, 300], 96), c([200, 400], 96), c([-900, -800, -700], 96)].join(","));
        """, index: #"{"pages":[]}"#)
        XCTAssertEqual(marked, "1,-1,2", "the last heading above the line; none before the first")
    }

    func testTheReferencePageIsSearchable() throws {
        let index = String(decoding: try CanonicalJSON.encode(SearchIndex(course: [], entries: [])), as: UTF8.self)
        XCTAssertTrue(try search("ResultView", index: index).contains("ResultView"))
        XCTAssertEqual(SearchIndex.plain("| a | b |\n| --- | --- |\n- item `code`"), "a b item code")
    }
}
