import Foundation
import XCTest

/// End to end: spawns the built `lessons` binary and checks exit codes, stdout,
/// stderr and the files it leaves behind.
final class CLITests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-cli-\(UUID().uuidString)")
        try write("Lessons/00-welcome.md", "---\ntitle: Welcome\n---\n\n# Welcome\n\nHello.\n")
        try write("Lessons/03-weighted-loss.md", "# Weighted loss\n\n```swift parameters\nlet epochs = 2\n```\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func testRunByNumberWritesThePageAndPrintsItsPath() throws {
        let result = try lessons(["run", "03"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "site/03-weighted-loss.html\n")
        XCTAssertTrue(exists("site/03-weighted-loss.html"))
        XCTAssertTrue(exists("site/index.html"))
        XCTAssertTrue(exists("site/assets/style.css"))
        XCTAssertEqual(try lessons(["run", "03-weighted-loss.md", "--out", "other"]).status, 0)
        XCTAssertTrue(exists("other/03-weighted-loss.html"))
        XCTAssertEqual(try lessons(["run", "Lessons/00-welcome.md"]).status, 0)
    }

    func testMissingLessonSuggestsTheClosestName() throws {
        let result = try lessons(["run", "03-weighted-los"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "error: no lesson named '03-weighted-los'; did you mean '03-weighted-loss.md'?\n")
        XCTAssertFalse(exists("site"), "a failed run must not write anything")
        let far = try lessons(["run", "zebra"])
        XCTAssertEqual(far.status, 2)
        XCTAssertTrue(far.stderr.hasPrefix("error: no lesson named 'zebra'"), far.stderr)
    }

    func testFolderWithoutLessons() throws {
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Empty"), withIntermediateDirectories: true)
        let result = try lessons(["build", "Empty"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("error: no lessons in 'Empty'"), result.stderr)
        let missing = try lessons(["build", "Nowhere"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "error: no folder 'Nowhere'\n")
        XCTAssertFalse(exists("site"))
    }

    func testUnreadableFiles() throws {
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: work.appendingPathComponent("Lessons/05-binary.md"))
        let binary = try lessons(["run", "05"])
        XCTAssertEqual(binary.status, 2)
        XCTAssertEqual(binary.stderr, "Lessons/05-binary.md:1:3: error: the file is not valid UTF-8 text (byte 0xFF)\n")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Lessons/06-folder.md"),
                                                withIntermediateDirectories: true)
        let folder = try lessons(["run", "Lessons/06-folder.md"])
        XCTAssertEqual(folder.status, 2)
        XCTAssertEqual(folder.stderr, "Lessons/06-folder.md: error: is a folder, not a lesson file\n")
        if getuid() != 0 {  // root reads files whatever their mode
            try write("Lessons/07-secret.md", "# Secret\n")
            chmod(work.appendingPathComponent("Lessons/07-secret.md").path, 0)
            let secret = try lessons(["run", "07"])
            XCTAssertEqual(secret.status, 2)
            XCTAssertTrue(secret.stderr.contains("cannot read"), secret.stderr)
        }
        XCTAssertFalse(exists("site"))
    }

    func testLessonErrorsShowLineAndCaretWithoutColourWhenPiped() throws {
        try write("Lessons/04-typo.md", "---\ntitle: Typo\nsumary: x\n---\n")
        let result = try lessons(["run", "04"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, """
        Lessons/04-typo.md:3:1: error: unknown front matter key 'sumary'; did you mean 'summary'?
            sumary: x
            ^

        """)
        XCTAssertFalse(result.stderr.contains("\u{1B}["))
    }

    func testBadOptionsExitTwo() throws {
        for arguments in [["run"], ["run", "03", "--bogus"], ["frobnicate"], ["build", "a", "b"], ["list", "--out"],
                          ["bench", "--seconds=-1"], ["bench", "--seconds", "nan"], ["bench", "--repeats", "0"]] {
            let result = try lessons(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Error:") || result.stderr.contains("error:"), result.stderr)
        }
    }

    func testHelpEverywhere() throws {
        for arguments in [["--help"], ["run", "--help"], ["build", "--help"], ["list", "--help"], ["clean", "--help"], ["help", "run"]] {
            let result = try lessons(arguments)
            XCTAssertEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.stdout.contains("USAGE"), "\(arguments): \(result.stdout)")
        }
    }

    func testListBuildAndClean() throws {
        let list = try lessons(["list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertEqual(list.stdout, "00-welcome.md        Welcome\n03-weighted-loss.md  Weighted loss\n")
        try write("site/keep.txt", "not ours")
        let build = try lessons(["build"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(build.stdout, "site/index.html\n")
        XCTAssertTrue(exists("site/00-welcome.html"))
        let clean = try lessons(["clean"])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertFalse(exists("site/00-welcome.html"))
        XCTAssertFalse(exists("site/index.html"))
        XCTAssertTrue(exists("site/keep.txt"))
    }

    // MARK: Helpers

    /// Runs `lessons` in the work folder without NO_COLOR (piped output must have no
    /// colour anyway), dropping the progress lines from stderr.
    private func lessons(_ arguments: [String]) throws -> LessonsProcess.Output {
        var output = try LessonsProcess(folder: work, setsNoColor: false).run(arguments)
        output.stderr = output.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Open file://") && !$0.hasPrefix("Rendered ") && !$0.hasPrefix("Removed ") }
            .joined(separator: "\n")
        return output
    }

    private func write(_ path: String, _ text: String) throws {
        let url = work.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: work.appendingPathComponent(path).path)
    }
}
