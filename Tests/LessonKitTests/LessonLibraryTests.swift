import XCTest
@testable import LessonKit

final class LessonLibraryTests: XCTestCase {
    func testNamesResolveByFileNameIdAndNumber() throws {
        let folder = try TemporaryFolder()
        try folder.write("Lessons/03-weighted-loss.md", "# W\n")
        try folder.write("Lessons/04-thresholds.md", "# T\n")
        try folder.write("Lessons/04-thresholds-extra.md", "# T2\n")
        try folder.write("Lessons/bad name.md", "# skipped\n")
        let library = try LessonLibrary(directory: folder.path + "/Lessons/")
        XCTAssertEqual(library.files.map(\.id), ["03-weighted-loss", "04-thresholds-extra", "04-thresholds"])
        XCTAssertEqual(library.skipped, ["bad name.md"])
        for name in ["03-weighted-loss.md", "03-weighted-loss", "03"] {
            XCTAssertEqual(try library.file(named: name).fileName, "03-weighted-loss.md", name)
        }
        XCTAssertEqual(try library.file(named: "04-thresholds").fileName, "04-thresholds.md")
        XCTAssertThrowsError(try library.file(named: "04")) { error in
            XCTAssertEqual((error as? LessonsError)?.formatted(color: false),
                           "error: '04' matches more than one lesson: '04-thresholds-extra.md', '04-thresholds.md'")
        }
        XCTAssertThrowsError(try library.file(named: "03-wieghted-loss.md")) { error in
            XCTAssertEqual((error as? LessonsError)?.formatted(color: false),
                           "error: no lesson named '03-wieghted-loss.md'; did you mean '03-weighted-loss.md'?")
        }
    }

    func testRunCommandAndDisplayPathHaveNoAbsolutePaths() throws {
        let folder = try TemporaryFolder()
        try folder.write("Course/01-a.md", "# A\n")
        let library = try LessonLibrary(directory: folder.path + "/Course")
        let file = try library.file(named: "01")
        XCTAssertEqual(library.displayPath(of: file), "Course/01-a.md")
        XCTAssertEqual(library.runCommand(for: file), "lessons run Course/01-a.md")
        XCTAssertEqual(Suggestions.editDistance("kitten", "sitting"), 3)
        XCTAssertNil(Suggestions.closest(to: "zebra", in: ["03-weighted-loss"]))
    }

    func testSuggestionsIgnoreASCIICase() {
        // Case differs in every letter: still the nearest.
        XCTAssertEqual(Suggestions.closest(to: "POSWEIGHTSCALE", in: ["epochs", "posWeightScale"]), "posWeightScale")
        XCTAssertEqual(Suggestions.closest(to: "Seeds", in: ["seed", "seeds"]), "seeds")
        // Only A–Z fold (the API's names are ASCII): a non-ASCII capital counts as an edit.
        XCTAssertEqual(Suggestions.closest(to: "ÄRMEL", in: ["ärmel"]), "ärmel")
        XCTAssertNil(Suggestions.closest(to: "ÄÖÜ", in: ["äöü"]))
    }
}
