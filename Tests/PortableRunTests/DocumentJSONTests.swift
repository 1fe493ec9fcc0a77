import Foundation
import XCTest
import Experiments
import LessonKit
import PortableJSON
@testable import PortableRun

/// `results.json` is written without Foundation (`ResultsDocument.text`, the one path
/// natively and in lessons.wasm) in exactly the bytes `CanonicalJSON` (JSONEncoder) writes.
final class DocumentJSONTests: XCTestCase {
    private struct Sample: Codable {
        var numbers: [Double]
        var whole: [Int]
        var text: [String]
        var empty: [Int]
        var nothing: [String: Int]
        var nested: [String: [[Bool]]]
        var absent: Int?
    }

    func testPrettyAndCompactTextAreCanonicalJSONs() throws {
        let sample = Sample(
            numbers: [0, -0.0, 1, -2, 0.1, 1e-5, 1e-8, 0.30000000000000004, 5e-324, 1.7976931348623157e308, 100, 1e15, 1e16,
                      9_007_199_254_740_992, 123456.789e10, 2.2250738585072014e-308, .nan, .infinity, -.infinity],
            whole: [0, -3, 1_000_000], text: ["a\"b\\c\n\t\r", "x/y", "−∞ é 😀", ""], empty: [], nothing: [:],
            nested: ["b": [[true], []], "a": [], "B": [[false]], "ab": [[true, false]]], absent: nil)
        let canonical = try JSONValue(parsing: Array(try CanonicalJSON.encode(sample, pretty: true)))
        XCTAssertEqual(canonical.prettyText, String(decoding: try CanonicalJSON.encode(sample, pretty: true), as: UTF8.self))
        XCTAssertEqual(canonical.text, try CanonicalJSON.string(sample))
    }

    func testRunSpecsAreWrittenAsCodableWritesThem() throws {
        for run in PairJSONTests.everyRunSetting {
            XCTAssertEqual(run.json.text, try CanonicalJSON.string(run), run.name)
            XCTAssertEqual(try Run.read(json: run.json, "run"), run, run.name)
        }
    }

    /// The published lessons' results.json, decoded natively and written again, are the same bytes.
    func testPublishedDocumentsAreWrittenByteForByte() throws {
        let site = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../site").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
            .map { site.appendingPathComponent($0).appendingPathComponent("results.json") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        XCTAssertGreaterThanOrEqual(files.count, 4)
        for file in files {
            let bytes = try Data(contentsOf: file)
            let document = try CanonicalJSON.decoder().decode(ResultsDocument.self, from: bytes)
            XCTAssertTrue(document.text == String(decoding: bytes, as: UTF8.self), file.lastPathComponent)
            XCTAssertEqual(try document.encoded(), bytes)
        }
    }
}
