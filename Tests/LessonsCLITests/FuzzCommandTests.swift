import Foundation
import XCTest

/// `lessons fuzz` end to end: workers, the supervisor and the binary oracle on
/// a small fixed batch of the course's mutants (two of them trained on tiny data).
final class FuzzCommandTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testASmallBatchThroughTheBinaryKeepsEveryPromise() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let lessonsFolder = Self.repository.appendingPathComponent("Lessons").path
        let result = try LessonsProcess(folder: work).run(["fuzz", "--count", "40", "--seed", "3", "--binary-every", "20",
                                                           "--jobs", "2", "--lessons", lessonsFolder, "--keep", "kept"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("fuzz seed 3: 40 mutants in "), result.stdout)
        XCTAssertTrue(result.stdout.contains("through the binary (lessons run, tiny data; 2)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("crashes: 0, hangs: 0, other violations: 0"), result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("kept").path))
    }

    func testTheSameSeedGivesTheSameVerdicts() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let arguments = ["fuzz", "--count", "30", "--seed", "9", "--binary-every", "0", "--jobs", "2",
                         "--lessons", Self.repository.appendingPathComponent("Lessons").path]
        let first = try LessonsProcess(folder: work).run(arguments), second = try LessonsProcess(folder: work).run(arguments)
        XCTAssertEqual(first.status, second.status, first.stdout)
        // The same histogram and the same findings (the first line holds the time).
        XCTAssertEqual(first.stdout.split(separator: "\n").dropFirst(), second.stdout.split(separator: "\n").dropFirst())
        XCTAssertTrue(first.stdout.contains("exit 2: ") && first.stdout.contains("exit 0: "), first.stdout)
    }
}
