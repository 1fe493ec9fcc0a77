import Foundation
import XCTest

/// End to end: input that used to overflow the stack (SIGSEGV) now exits 2 with
/// a located error and writes nothing, through `run`, `check` and `--set`.
final class DeepInputEndToEndTests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-deep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: work.appendingPathComponent("Lessons/" + name))
    }

    private func assertLocatedRefusal(_ arguments: [String], _ prefix: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try LessonsProcess(folder: work).run(arguments)
        XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix(prefix), result.stderr, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("site").path), file: file, line: line)
    }

    func testDeepMathAndLongChainsAreLocatedErrors() throws {
        try write("01-frac.md", "# F\n\n$" + String(repeating: "\\frac{", count: 1000) + "1" + String(repeating: "}{2}", count: 1000) + "$\n")
        try assertLocatedRefusal(["run", "01"], "Lessons/01-frac.md:3:194: error: math: math is nested too deeply")
        try FileManager.default.removeItem(at: work.appendingPathComponent("Lessons/01-frac.md"))

        let chain = Array(repeating: "1", count: 8_000).joined(separator: " + ")
        try write("02-chain.md", "# C\n\n```swift parameters\nlet x = " + chain + "\n```\n")
        try assertLocatedRefusal(["check"], "Lessons/02-chain.md:4:1035: error: statement has more than 256 operators")
        try write("02-chain.md", "# C\n\n```swift parameters\nlet x = 1\n```\n")
        try assertLocatedRefusal(["run", "02", "--set", "x=" + chain], "Lessons/02-chain.md:4:5: error: --set x=1 + 1")
    }
}
