import Foundation
import XCTest

/// Where the binary may write: `--out` must be a folder (checked before any
/// training), `export -o` never lands on a lesson or in the lessons folder, a
/// link in the site folder is refused, and file errors are said plainly.
final class OutputSafetyTests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try write("Lessons/01-tiny.md", RunningEndToEndTests.lesson)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: work.appendingPathComponent(path))
    }

    private func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: work.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func lessons(_ arguments: [String]) throws -> LessonsProcess.Output {
        try LessonsProcess(folder: work).run(arguments)
    }

    func testOutPointingAtAFileFailsBeforeTraining() throws {
        try write("a-file", "mine")
        for out in ["a-file", "a-file/site"] {
            let result = try lessons(["run", "01-tiny", "--out", out])
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("is a file, not a folder"), result.stderr)
            XCTAssertFalse(result.stderr.contains("training"), "refused before training: \(result.stderr)")
        }
        XCTAssertEqual(try lessons(["build", "Lessons", "--out", "a-file"]).status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent(".lessons-cache").path), "nothing trained")
        XCTAssertEqual(read("a-file"), "mine")
    }

    func testExportNeverWritesIntoTheLessonsFolder() throws {
        for target in ["Lessons/01-tiny.md", "Lessons/main.swift", "./Lessons/../Lessons/02-new.md", work.path + "/Lessons/x.swift"] {
            let result = try lessons(["export", "01-tiny", "-o", target])
            XCTAssertEqual(result.status, 2, "\(target): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("refusing to write"), result.stderr)
        }
        // A link outside that leads to the lesson is refused too.
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("link.swift").path,
                                                   withDestinationPath: work.appendingPathComponent("Lessons/01-tiny.md").path)
        XCTAssertEqual(try lessons(["export", "01-tiny", "-o", "link.swift"]).status, 2)
        XCTAssertEqual(read("Lessons/01-tiny.md"), RunningEndToEndTests.lesson)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("Lessons").path), ["01-tiny.md"])
        let exported = try lessons(["export", "01-tiny", "-o", "main.swift"])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        XCTAssertTrue(read("main.swift")?.contains("Compare(") == true)
    }

    func testFileErrorsNameThePathWithoutFoundationText() throws {
        let export = try lessons(["export", "01-tiny", "-o", "no/such/folder/main.swift"])
        XCTAssertEqual(export.status, 2)
        XCTAssertTrue(export.stderr.hasPrefix("error: cannot write '"), export.stderr)
        XCTAssertTrue(export.stderr.contains("no/such/folder/main.swift"), export.stderr)
        XCTAssertTrue(export.stderr.contains("folder 'no/such/folder' does not exist; create it first"), export.stderr)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("site/reference.html"), withIntermediateDirectories: true)
        let reference = try lessons(["reference"])
        XCTAssertEqual(reference.status, 2)
        XCTAssertTrue(reference.stderr.contains("site/reference.html"), reference.stderr)
        for output in [export.stderr, reference.stderr] {
            XCTAssertFalse(output.contains("NSCocoaErrorDomain") || output.contains("Error Domain") || output.contains("UserInfo"), output)
        }
    }

    func testARerunRefusesALinkedResultsFolder() throws {
        XCTAssertEqual(try lessons(["run", "01-tiny", "--jobs", "1", "--quiet"]).status, 0)
        let fm = FileManager.default
        try fm.createDirectory(at: work.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try fm.moveItem(at: work.appendingPathComponent("site/01-tiny"), to: work.appendingPathComponent("elsewhere/01-tiny"))
        try fm.createSymbolicLink(atPath: work.appendingPathComponent("site/01-tiny").path,
                                  withDestinationPath: work.appendingPathComponent("elsewhere/01-tiny").path)
        let before = try fm.contentsOfDirectory(atPath: work.appendingPathComponent("elsewhere/01-tiny").path).sorted()
        let results = read("elsewhere/01-tiny/results.json")
        let rerun = try lessons(["run", "01-tiny", "--jobs", "1", "--quiet", "--set", "bar=0.2"])
        XCTAssertEqual(rerun.status, 2, rerun.stderr)
        XCTAssertTrue(rerun.stderr.contains("is a symbolic link"), rerun.stderr)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: work.appendingPathComponent("elsewhere/01-tiny").path).sorted(), before)
        XCTAssertEqual(read("elsewhere/01-tiny/results.json"), results)
    }
}
