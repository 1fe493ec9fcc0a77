import Foundation
import XCTest

/// `lessons verify --engine wasm` on a lesson of Fashion-MNIST mosaics: the native run
/// draws from the lesson's own IDX files (a small stand-in, written here), the module
/// from the same items packed and handed over by the host; the two agree bit for bit.
final class VerifyMosaicsEndToEndTests: XCTestCase {
    private var work: URL!
    private var lessons: LessonsProcess!

    static let lesson = """
    # Mosaics

    ```swift experiment
    let mosaics = FashionMosaics(categories: ["sneaker", "bag", "ankle boot"], prevalence: [0.4, 0.25, 0.1],
                                 size: 28, train: 48, validation: 16, test: 24, seed: 2, folder: "fashion")

    Compare("Mosaics", on: mosaics, runs: [
        Run("cnn", model: CNN(filters: [4], dense: [8]), loss: .binaryCrossEntropy(posWeight: .balanced),
            epochs: 1, batchSize: 16, threshold: .tuned(maximizing: .f1), seed: 3),
    ])
    ```

    """

    /// An uncompressed IDX file of u8 in Lessons/fashion.
    private func idx(_ name: String, shape: [Int], data: [UInt8]) throws {
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(shape.count)]
        for d in shape { bytes += withUnsafeBytes(of: UInt32(d).bigEndian) { Array($0) } }
        try Data(bytes + data).write(to: work.appendingPathComponent("Lessons/fashion/" + name))
    }

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-mosaics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Lessons/fashion"), withIntermediateDirectories: true)
        for (prefix, count) in [("train", 200), ("t10k", 60)] {
            try idx("\(prefix)-images-idx3-ubyte", shape: [count, 28, 28],
                    data: (0..<count * 784).map { UInt8(truncatingIfNeeded: ($0 / 784) * 29 + ($0 % 784) * ($0 / 784 % 5 + 1)) })
            try idx("\(prefix)-labels-idx1-ubyte", shape: [count], data: (0..<count).map { UInt8($0 * 7 % 10) })
        }
        try Self.lesson.write(to: work.appendingPathComponent("Lessons/01-mosaics.md"), atomically: true, encoding: .utf8)
        lessons = LessonsProcess(folder: work)
        let run = try lessons.run(["run", "01-mosaics", "--jobs", "1", "--no-cache", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    func testTheWasmEngineDrawsTheSameMosaicsAndAgrees() throws {
        try WasmModule.use(in: &lessons)
        let result = try lessons.run(["verify", "01-mosaics", "--engine", "wasm"])
        try WasmModule.skipWithoutNode(result)
        if result.stderr.contains("predates Fashion-MNIST mosaics") && !WasmModule.required {
            throw XCTSkip("the module predates Fashion-MNIST mosaics (make wasm)")
        }
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("1 (run, seed) pair agrees bit for bit with site/01-mosaics/results.json (wasm engine)\n"),
                      result.stdout)
        // No packed copy of the items is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
        XCTAssertFalse(left.contains { $0.hasPrefix("lessons-fashion-") }, "\(left.filter { $0.hasPrefix("lessons-fashion-") })")
    }
}
