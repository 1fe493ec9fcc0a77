import Experiments
import Foundation
@testable import LessonKit
import XCTest

/// A lesson's data files are checked while it is evaluated, before anything trains:
/// each problem is an error at the path (or the model) the lesson wrote.
final class EvaluationDataChecksTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("data-checks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try idx("labels.idx", shape: [8])
        try idx("images.idx", shape: [8, 4, 4])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// An IDX file of u8 zeros (the MNIST format: 00 00 08 rank, big-endian dims, data).
    private func idx(_ name: String, shape: [Int], dataBytes: Int? = nil) throws {
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(shape.count)]
        for d in shape { bytes += withUnsafeBytes(of: UInt32(d).bigEndian) { Array($0) } }
        bytes += [UInt8](repeating: 0, count: dataBytes ?? shape.reduce(1, *))
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    /// `line:column: message` of each error of the lesson evaluated with its data checked.
    private func errors(_ experiment: String) throws -> [String] {
        let markdown = "# Data\n\n```swift experiment\n" + experiment + "\n```\n"
        let lesson = try Lesson(path: folder.appendingPathComponent("lesson.md").path, markdown: markdown)
        guard case .failure(let list) = Evaluator.evaluate(lesson, checksData: true) else { return [] }
        return list.diagnostics.map { d in (d.location.map { "\($0.line):\($0.column): " } ?? "") + d.message }
    }

    private let run = #"Run("r", model: MLP(), optimizer: .adamW())"#

    func testGoodFilesEvaluateAndExportLeavesFilesAlone() throws {
        XCTAssertEqual(try errors(#"Compare("c", on: IDXDataset(images: "images.idx", labels: "labels.idx"), runs: [\#(run)])"#), [])
        let missing = try Lesson(path: folder.appendingPathComponent("lesson.md").path, markdown:
            "```swift experiment\nCompare(\"c\", on: IDXDataset(images: \"nowhere.idx\", labels: \"labels.idx\"), runs: [\(run)])\n```\n")
        guard case .success = Evaluator.evaluate(missing) else { return XCTFail("without checksData no file is read") }
    }

    func testABadFileIsAnErrorAtItsPath() throws {
        try idx("short.idx", shape: [8, 28, 28], dataBytes: 10)
        XCTAssertEqual(try errors("let data = IDXDataset(images: \"short.idx\", labels: \"labels.idx\")\n"
                                  + "Compare(\"c\", on: data, runs: [\(run)])"),
                       ["4:31: short.idx: truncated: shape [8, 28, 28] needs 6272 bytes of data, the file has 10"])
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("pipe.idx").path, 0o600), 0)
        XCTAssertEqual(try errors(#"Compare("c", on: IDXDataset(images: "images.idx", labels: "pipe.idx"), runs: [\#(run)])"#),
                       ["4:59: pipe.idx: cannot read: it is a FIFO (named pipe), not a file"])
        try idx("nine.idx", shape: [9])
        XCTAssertEqual(try errors(#"Compare("c", on: IDXDataset(images: "images.idx", labels: "nine.idx"), runs: [\#(run)])"#),
                       ["4:59: nine.idx: shape mismatch: 9 labels for 8 images in images.idx"])
        // The same file for two arguments: the error is at the one it is about.
        try idx("test.idx", shape: [3, 4, 4])
        XCTAssertEqual(try errors(#"Compare("c", on: IDXDataset(images: "images.idx", labels: "labels.idx", "#
                                  + #"testImages: "test.idx", testLabels: "labels.idx"), runs: [\#(run)])"#),
                       ["4:109: labels.idx: shape mismatch: 8 labels for 3 images in test.idx"])
        XCTAssertEqual(try errors(#"Compare("c", on: IDXDataset(images: "images.idx\0", labels: "labels.idx"), runs: [\#(run)])"#).count, 1)
    }

    func testChannelsFirstImagesSayHowToFixThem() throws {
        try idx("torch.idx", shape: [8, 1, 12, 12])
        let found = try errors(#"Compare("c", on: IDXDataset(images: "torch.idx", labels: "labels.idx"), runs: [\#(run)])"#)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("4:37: torch.idx: images of shape [8, 1, 12, 12] look channels-first"), found[0])
        XCTAssertTrue(found[0].contains("np.moveaxis(x, 1, -1)"), found[0])
    }

    func testAModelTooSmallForItsImagesIsAnErrorAtTheModel() throws {
        let found = try errors("Compare(\"c\", on: IDXDataset(images: \"images.idx\", labels: \"labels.idx\"), runs: [\n"
                               + "    Run(\"small\", model: CNN(filters: [8]), optimizer: .adamW()),\n"
                               + "    Run(\"deep\", model: CNN(filters: [8, 8, 8]), optimizer: .adamW()),\n"
                               + "])")
        XCTAssertEqual(found, ["6:24: run 'deep': this CNN has 3 convolution blocks, each pooling 2×2, so it needs images of "
                               + "at least 8×8 pixels; these are 4×4 (H×W), so use at most 2 entries in filters, or larger images"])
    }

    func testPerLabelSettingsMeetTheLabelsOfTheFilesHeaders() throws {
        try idx("hot.idx", shape: [8, 3])
        let found = try errors(#"Compare("c", on: IDXDataset(images: "images.idx", labels: "hot.idx"), runs: ["#
                               + #"Run("t", model: MLP(), optimizer: .adamW(), threshold: .perLabel([0.5, 0.5]))])"#)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.contains("perLabel has 2 entries but the dataset has 3 labels") == true, "\(found)")
    }
    /// The reference says what a NumPy file must hold (the checks above enforce it), and that explicit
    /// test files replace testFraction, not only the error messages.
    func testTheReferenceSaysWhatDataFilesMustHold() {
        let page = APIReferencePage.html()
        XCTAssertTrue(page.contains("[N,H,W] or [N,H,W,C] (channels last; [N,C,H,W] is refused), relative to the lesson: "
                                    + "integers 0–255 (e.g. uint8) or floats in [0, 1], in C order."), "NumpyDataset images")
        XCTAssertTrue(page.contains("Share held out for testing; ignored when testImages is given."))
    }
}
