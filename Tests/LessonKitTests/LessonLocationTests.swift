import Foundation
import XCTest
@testable import LessonKit

/// Errors in a lesson's bytes and front matter are located where they are.
final class LessonLocationTests: XCTestCase {
    private func diagnostic(_ markdown: String) -> Diagnostic? {
        do { _ = try Lesson(path: "f.md", markdown: markdown); return nil } catch {
            return (error as? LessonsError)?.diagnostics.first
        }
    }

    func testADuplicateFrontMatterKeyIsLocatedAtTheDuplicate() {
        let d = diagnostic("---\ntitle: A\nsummary: S\ntitle: B\n---\n")
        XCTAssertEqual(d?.location, SourceLocation(line: 4, column: 1))
        XCTAssertEqual(d?.message, "front matter key 'title' is given twice")
        // Quoted, indented by a flow mapping, or given three times: the second one.
        XCTAssertEqual(diagnostic("---\n\"order\": 1\nsummary: S\n\"order\": 2\n---\n")?.location, SourceLocation(line: 4, column: 1))
        XCTAssertEqual(diagnostic("---\n{title: A, summary: S, title: B}\n---\n")?.location, SourceLocation(line: 2, column: 24))
        XCTAssertEqual(diagnostic("---\norder: 1\norder: 2\norder: 3\n---\n")?.location, SourceLocation(line: 3, column: 1))
    }

    func testInvalidUTF8IsLocatedAtItsFirstBadByte() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("bad.md")
        // Line 3: "é" (two bytes, one character), "x", then a lone continuation byte.
        try Data("# T\n\n".utf8 + [0xC3, 0xA9, 0x78, 0x80, 0x0A]).write(to: file)
        XCTAssertThrowsError(try Lesson(contentsOfFile: file.path)) { error in
            let d = (error as? LessonsError)?.diagnostics.first
            XCTAssertEqual(d?.location, SourceLocation(line: 3, column: 3))
            XCTAssertEqual(d?.message, "the file is not valid UTF-8 text (byte 0x80)")
        }
        XCTAssertEqual(SourceText.firstInvalidUTF8(in: [0xFF]).location, SourceLocation(line: 1, column: 1))
        // A sequence cut short at the end of the file.
        XCTAssertEqual(SourceText.firstInvalidUTF8(in: Array("ab\ncd".utf8) + [0xE2, 0x82]).location, SourceLocation(line: 2, column: 3))
    }
}
