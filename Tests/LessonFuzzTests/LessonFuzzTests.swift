import Foundation
@testable import LessonFuzz
import XCTest

/// The fuzz target's parts: mutants are replayable, the invariant checks can
/// fail, and a small deterministic batch of the course's mutants keeps them all.
final class LessonFuzzTests: XCTestCase {
    /// The course in this repository (`Lessons/*.md`).
    static let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lessons").path

    func testMutantsAreReplayableFromTheSeed() throws {
        let seeds = try FuzzPlan.seeds(lessonsFolder: Self.lessonsFolder)
        XCTAssertGreaterThanOrEqual(seeds.count, 2)
        let a = LessonMutator(seeds: seeds, seed: 7), b = LessonMutator(seeds: seeds, seed: 7)
        let other = LessonMutator(seeds: seeds, seed: 8)
        var kinds = Set<String>()
        for index in 0..<120 {
            let mutant = a.mutant(index)
            XCTAssertEqual(mutant, b.mutant(index))
            XCTAssertTrue(seeds.contains { $0.fileName == mutant.fileName })
            XCTAssertFalse(mutant.edits.isEmpty)
            for edit in mutant.edits { kinds.insert(String(edit.prefix { $0 != " " })) }
        }
        XCTAssertNotEqual((0..<20).map { a.mutant($0).bytes }, (0..<20).map { other.mutant($0).bytes })
        XCTAssertEqual(kinds, ["flip", "delete", "duplicate", "splice", "insert"])
    }

    func testTokensCoverTheBytes() {
        let bytes = Array("let x = 4_000  // é\n```".utf8)
        let spans = LessonMutator.tokenize(bytes)
        XCTAssertEqual(spans.map { String(decoding: bytes[$0], as: UTF8.self) },
                       ["let", " ", "x", " ", "=", " ", "4_000", "  ", "/", "/", " ", "é", "\n", "`", "`", "`"])
    }

    func testJudgingFindsBrokenPromises() {
        XCTAssertNil(FuzzVerdict.judging(exit: 2, message: "Lessons/01-x.md:12:5: error: unknown name 'y'").violation)
        XCTAssertNil(FuzzVerdict.judging(exit: 1, message: "anything").violation)
        XCTAssertNotNil(FuzzVerdict.judging(exit: 2, message: "error: The file couldn’t be saved.").violation)
        XCTAssertNotNil(FuzzVerdict.judging(exit: 2, message: "Lessons/01-x.md: error: no line").violation)
        XCTAssertNotNil(FuzzVerdict.judging(exit: 134, message: "").violation)
    }

    func testTinyCourseCutsImagesAndEpochs() throws {
        let lesson = try String(contentsOfFile: Self.lessonsFolder + "/03-weighted-loss.md", encoding: .utf8)
        let tiny = TinyCourse.shrunk(lesson)
        XCTAssertTrue(lesson.contains("test: 2_000") && lesson.contains("let epochs = 8"))
        XCTAssertTrue(tiny.contains("test: 100") && tiny.contains("let epochs = 1"))
        XCTAssertFalse(tiny.contains("2_000") || tiny.contains("train: trainImages"))
    }

    /// `make test`'s batch: 120 mutants in process (seed 1), each one a plan, a
    /// located error or a failed claim, none a crash.
    func testASmallBatchKeepsEveryInvariant() throws {
        let seeds = try FuzzPlan.seeds(lessonsFolder: Self.lessonsFolder)
        let plan = FuzzPlan(seeds: seeds, seed: 1, first: 0, end: 120, binaryEvery: 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-fuzz-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let oracle = InProcessOracle(folder: folder)
        var histogram: [String: Int] = [:]
        for index in plan.first..<plan.end {
            let verdict = oracle.judge(plan.mutant(index))
            if let violation = verdict.violation {
                XCTFail("mutant \(index): \(violation) after \(plan.mutant(index).edits)")
            }
            histogram[verdict.label, default: 0] += 1
        }
        XCTAssertGreaterThan(histogram["exit 0", default: 0], 10, "\(histogram)")
        XCTAssertGreaterThan(histogram["exit 2", default: 0], 10, "\(histogram)")
        XCTAssertEqual(histogram.values.reduce(0, +), 120)
    }
}
