import Foundation
import XCTest
import Experiments
import LessonKit
import PortableJSON
import Datasets
@testable import PortableRun

/// lessons.wasm under node against native code, bit for bit: the whole `RunResult` of a
/// pair (every epoch's losses, every metric, curve point and threshold) as the module's
/// JSON text, against the text native `PairRun` writes (timings aside). Skipped when node or the module
/// is missing, unless LESSONS_REQUIRE_WASM=1 (scripts/check-wasm sets it); LESSONS_WASM
/// picks another module, and LESSONS_WASM_UNFUSED names a module built with
/// LESSONS_WASM_FMA=unfused.
final class WasmAgreementTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var required: Bool { ProcessInfo.processInfo.environment["LESSONS_REQUIRE_WASM"] == "1" }

    /// The engine `lessons verify --engine wasm` uses, on `module` (default: LESSONS_WASM or the site's).
    private func engine(module chosen: String? = nil) throws -> WasmEngine {
        let module = chosen ?? ProcessInfo.processInfo.environment["LESSONS_WASM"]
            ?? Self.repository.appendingPathComponent("site/assets/lessons.wasm").path
        guard FileManager.default.fileExists(atPath: module) else {
            if required { XCTFail("no module at \(module)") }
            throw XCTSkip("no module at \(module) (make wasm)")
        }
        return WasmEngine(module: module, host: Self.repository.appendingPathComponent("scripts/wasm/run-node.mjs").path)
    }

    private func call(_ engine: WasmEngine, _ request: String, _ arguments: [String] = []) throws -> (status: Int32, output: String, errors: String) {
        let result: (status: Int32, output: String, errors: String)
        do { result = try engine.call(request, arguments: arguments) } catch let error as LessonsError where !required {
            throw XCTSkip("\(error)")  // node is not installed
        }
        if result.errors.contains("predates Fashion-MNIST mosaics") && !required { throw XCTSkip(result.errors) }
        return result
    }

    private func assertAgreement(_ pair: PairRequest, fashion: FashionImages? = nil,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let request = try pair.text()
        let wasm = try call(try engine(), request, try fashion.map { ["--fashion", try SmallFashion.file($0)] } ?? [])
        XCTAssertEqual(wasm.status, 0, wasm.errors, file: file, line: line)
        let native = try PairRun.execute(Array(request.utf8), fashion: fashion, clock: .stopped)
        // The same text but for the timings (the module reads the host's clock).
        func withoutTimings(_ text: String) throws -> (text: String, trainSeconds: Double) {
            guard case .object(var fields) = try JSONValue(parsing: text) else { return (text, 0) }
            let seconds = try fields["timings"]?.field("trainSeconds", "timings").double("trainSeconds") ?? 0
            fields["timings"] = nil
            return (JSONValue.object(fields).text, seconds)
        }
        let (wasmText, wasmSeconds) = try withoutTimings(wasm.output)
        XCTAssertEqual(wasmText, try withoutTimings(native).text, file: file, line: line)
        XCTAssertGreaterThan(wasmSeconds, 0, file: file, line: line)
        XCTAssertTrue(native.contains("\"meanAveragePrecision\""), file: file, line: line)
    }

    func testConvolutionalPairAgreesBitForBit() throws { try assertAgreement(SmallPairs.cnn) }

    func testPerceptronPairAgreesBitForBit() throws { try assertAgreement(SmallPairs.mlp) }

    /// `Compare(alsoTestOn:)`: the module measures the trained model on the other test set as native code does.
    func testAPairTestedOnAnotherSetAgreesBitForBit() throws { try assertAgreement(SmallPairs.alsoTested) }

    func testEveryTrainingOptionAgreesBitForBit() throws {
        try assertAgreement(SmallPairs.options)
        try assertAgreement(SmallPairs.cnnOptions)
    }

    func testAugmentedPairAgreesBitForBit() throws { try assertAgreement(SmallPairs.augmented) }

    /// Fashion-MNIST mosaics drawn from the images the host hands over (gzipped, as the
    /// site asset is): the module trains exactly what native code trains.
    func testMosaicPairAgreesBitForBit() throws {
        try assertAgreement(SmallFashion.pair, fashion: SmallFashion.images)
    }

    /// The generated Shapes training split: the same image and label bits in the module.
    func testShapesDataAgreeBitForBit() throws { try assertDataAgree(SmallPairs.cnn) }

    /// The mosaics' training split, from the handed-over images: the same bits.
    func testMosaicDataAgreeBitForBit() throws { try assertDataAgree(SmallFashion.pair, fashion: SmallFashion.images) }

    private func assertDataAgree(_ pair: PairRequest, fashion: FashionImages? = nil) throws {
        struct Hashes: Decodable, Equatable { var images: String, labels: String, count: Int }
        let request = try pair.text()
        let run = try call(try engine(), request, try (fashion.map { ["--fashion", try SmallFashion.file($0)] } ?? []) + ["--shapes"])
        XCTAssertEqual(run.status, 0, run.errors)
        let train = try PairRun.dataset(PairRun.request(Array(request.utf8)), fashion: fashion).train
        func fnv(_ floats: [Float]) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for value in floats {
                for shift in stride(from: 0, to: 32, by: 8) {
                    hash = (hash ^ UInt64((value.bitPattern >> UInt32(shift)) & 0xff)) &* 0x0000_0100_0000_01b3
                }
            }
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        XCTAssertEqual(try JSONDecoder().decode(Hashes.self, from: Data(run.output.utf8)),
                       Hashes(images: fnv(train.images.storage), labels: fnv(train.labels.storage), count: train.images.count))
    }

    /// A module whose multiply-add does not fuse (what an engine without FMA computes)
    /// notices it and refuses to train, rather than giving other numbers.
    func testUnfusedMultiplyAddIsDetectedAndRefused() throws {
        guard let module = ProcessInfo.processInfo.environment["LESSONS_WASM_UNFUSED"] else {
            if required { XCTFail("LESSONS_WASM_UNFUSED is not set") }
            throw XCTSkip("no unfused module (LESSONS_WASM_UNFUSED)")
        }
        let run = try call(try engine(module: module), try SmallPairs.mlp.text())
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.errors, "lessons.wasm refused (status 3): this engine does not fuse f32x4.relaxed_madd; "
                       + "its numbers would differ from native\n")
    }

    /// A bad request is refused with the message native code gives.
    func testBadRequestIsRefusedWithTheNativeMessage() throws {
        let request = try SmallPairs.mlp.text().replacingOccurrences(of: "\"epochs\":2", with: "\"epochs\":\"two\"")
        let run = try call(try engine(), request)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.errors, "lessons.wasm refused (status 1): run.epochs: expected a whole number\n")
        XCTAssertThrowsError(try PairRun.request(Array(request.utf8)))
    }
}
