import Foundation
import XCTest

/// Bad data files end to end: `lessons run` exits 2 with the lesson's file, line and
/// column of the path, trains nothing and writes nothing.
final class DataFilesEndToEndTests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Lessons/data"), withIntermediateDirectories: true)
        try idx("images.idx", shape: [8, 4, 4], value: 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    /// An IDX file of u8 `value`s in Lessons/data.
    private func idx(_ name: String, shape: [Int], value: UInt8) throws {
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(shape.count)]
        for d in shape { bytes += withUnsafeBytes(of: UInt32(d).bigEndian) { Array($0) } }
        bytes += [UInt8](repeating: value, count: shape.reduce(1, *))
        try Data(bytes).write(to: work.appendingPathComponent("Lessons/data/" + name))
    }

    /// Runs a lesson whose experiment block (line 4) compares one MLP on `dataset`.
    private func run(_ dataset: String) throws -> LessonsProcess.Output {
        let lesson = "# Data\n\n```swift experiment\nlet data = \(dataset)\n"
            + "Compare(\"c\", on: data, runs: [Run(\"r\", model: MLP(hidden: [4]), epochs: 1)])\n```\n"
        try Data(lesson.utf8).write(to: work.appendingPathComponent("Lessons/07-data.md"))
        return try LessonsProcess(folder: work).run(["run", "07", "--no-cache", "--quiet"])
    }

    private func assertBadInput(_ result: LessonsProcess.Output, at location: String, _ fragments: [String],
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("Lessons/07-data.md:\(location): error: "), result.stderr, file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(result.stderr.contains(fragment), "\(result.stderr) lacks \(fragment)", file: file, line: line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("site").path),
                       "bad data must not write the site", file: file, line: line)
    }

    func testAFIFOIsRefusedAtItsPathWithoutBlocking() throws {
        XCTAssertEqual(mkfifo(work.appendingPathComponent("Lessons/data/labels.idx").path, 0o600), 0)
        assertBadInput(try run(#"IDXDataset(images: "data/images.idx", labels: "data/labels.idx")"#), at: "4:58", ["FIFO"])
    }

    func testChannelsFirstImagesAreRefusedWithTheFix() throws {
        try idx("torch.idx", shape: [8, 1, 4, 4], value: 0)
        try idx("labels.idx", shape: [8], value: 1)
        assertBadInput(try run(#"IDXDataset(images: "data/torch.idx", labels: "data/labels.idx")"#), at: "4:31",
                       ["channels-first", "np.moveaxis(x, 1, -1)"])
    }

    func testBadValuesFoundWhenTheDataIsReadAreBadInputAtTheirPath() throws {
        // The headers agree; only reading the labels shows class id 5 among 2 names.
        try idx("labels.idx", shape: [8], value: 5)
        assertBadInput(try run(#"IDXDataset(images: "data/images.idx", labels: "data/labels.idx", names: ["a", "b"])"#),
                       at: "4:58", ["class id 5 of item 0 is not one of 0..<2"])
    }
}
