import Foundation
import XCTest
@testable import PortableRun

/// lessons.wasm under node against native code, bit for bit: every step loss, every
/// epoch loss, every test probability, mAP, macro-F1 and the final weights' hash.
/// Skipped when node or the module is missing, unless LESSONS_REQUIRE_WASM=1
/// (scripts/check-wasm sets it); LESSONS_WASM picks another module, and
/// LESSONS_WASM_UNFUSED names a module built with LESSONS_WASM_FMA=unfused.
final class WasmAgreementTests: XCTestCase {
    private struct NodeResult: Decodable {
        var fused: Int
        var stepLosses: [String], epochLosses: [String], testProbabilities: [String]
        var meanAveragePrecision: String, macroF1: String, weightsHash: String
        var diverged: Bool
    }

    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the node driver on `flat`: its exit status, standard output and error.
    private func runNode(_ flat: [Double], module chosen: String? = nil,
                         mode: [String] = []) throws -> (status: Int32, output: Data, errors: String) {
        let environment = ProcessInfo.processInfo.environment
        let required = environment["LESSONS_REQUIRE_WASM"] == "1"
        let module = chosen ?? environment["LESSONS_WASM"]
            ?? Self.repository.appendingPathComponent("site/assets/lessons.wasm").path
        guard FileManager.default.fileExists(atPath: module) else {
            if required { XCTFail("no module at \(module)") }
            throw XCTSkip("no module at \(module) (make wasm)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let config = "[" + flat.map { String($0) }.joined(separator: ",") + "]"
        process.arguments = ["node", "--experimental-wasm-relaxed-simd",
                             Self.repository.appendingPathComponent("scripts/wasm/run-node.mjs").path, module, config] + mode
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 && !required { throw XCTSkip("node is not installed") }
        return (process.terminationStatus, data, message)
    }

    private func trainInNode(_ flat: [Double]) throws -> NodeResult {
        let run = try runNode(flat)
        guard run.status == 0 else {
            XCTFail("node exited with \(run.status): \(run.errors)")
            throw XCTSkip("node failed")
        }
        return try JSONDecoder().decode(NodeResult.self, from: run.output)
    }

    private func hex(_ value: Double) -> String { String(value.bitPattern, radix: 16).leftPadded(16) }
    private func hex(_ value: Float) -> String { String(value.bitPattern, radix: 16).leftPadded(8) }

    private func assertAgreement(_ flat: [Double], file: StaticString = #filePath, line: UInt = #line) throws {
        let wasm = try trainInNode(flat)
        let native = try PairRun.train(PairConfiguration(flat: flat))
        XCTAssertEqual(wasm.fused, 1, "this engine does not fuse relaxed_madd", file: file, line: line)
        XCTAssertEqual(wasm.stepLosses, native.stepLosses.map(hex), "step losses", file: file, line: line)
        XCTAssertEqual(wasm.epochLosses, native.epochLosses.map(hex), "epoch losses", file: file, line: line)
        let probabilities = native.testProbabilities.map(hex)
        XCTAssertEqual(wasm.testProbabilities.count, probabilities.count, file: file, line: line)
        if let i = probabilities.indices.first(where: { $0 < wasm.testProbabilities.count && wasm.testProbabilities[$0] != probabilities[$0] }) {
            XCTFail("test probability \(i): wasm \(wasm.testProbabilities[i]), native \(probabilities[i])", file: file, line: line)
        }
        XCTAssertEqual(wasm.meanAveragePrecision, hex(native.meanAveragePrecision), "mAP", file: file, line: line)
        XCTAssertEqual(wasm.macroF1, hex(native.macroF1), "macro-F1", file: file, line: line)
        XCTAssertEqual(wasm.weightsHash, String(native.weightsHash, radix: 16).leftPadded(16), "weights", file: file, line: line)
        XCTAssertEqual(wasm.diverged, native.diverged, file: file, line: line)
    }

    func testConvolutionalPairAgreesBitForBit() throws { try assertAgreement(SmallPairs.cnn) }

    func testPerceptronPairAgreesBitForBit() throws { try assertAgreement(SmallPairs.mlp) }

    /// The generated Shapes training split: the same image and label bits in the module.
    func testShapesDataAgreeBitForBit() throws {
        struct Hashes: Decodable, Equatable { var images: String, labels: String, count: Int }
        let run = try runNode(SmallPairs.cnn, mode: ["--shapes"])
        XCTAssertEqual(run.status, 0, run.errors)
        let train = try PairRun.dataset(PairConfiguration(flat: SmallPairs.cnn)).train
        func fnv(_ floats: [Float]) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for value in floats {
                for shift in stride(from: 0, to: 32, by: 8) {
                    hash = (hash ^ UInt64((value.bitPattern >> UInt32(shift)) & 0xff)) &* 0x0000_0100_0000_01b3
                }
            }
            return String(hash, radix: 16).leftPadded(16)
        }
        XCTAssertEqual(try JSONDecoder().decode(Hashes.self, from: run.output),
                       Hashes(images: fnv(train.images.storage), labels: fnv(train.labels.storage),
                              count: train.images.count))
    }

    /// A module whose multiply-add does not fuse (what an engine without FMA computes)
    /// notices it and refuses to train, rather than giving other numbers.
    func testUnfusedMultiplyAddIsDetectedAndRefused() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let module = environment["LESSONS_WASM_UNFUSED"] else {
            if environment["LESSONS_REQUIRE_WASM"] == "1" { XCTFail("LESSONS_WASM_UNFUSED is not set") }
            throw XCTSkip("no unfused module (LESSONS_WASM_UNFUSED)")
        }
        let run = try runNode(SmallPairs.mlp, module: module)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.errors, "lessons.wasm refused (status 3): this engine does not fuse f32x4.relaxed_madd; "
                       + "its numbers would differ from native\n")
    }

    /// A bad configuration is refused with the message native code gives.
    func testBadConfigurationIsRefusedWithTheNativeMessage() throws {
        var flat = SmallPairs.mlp
        flat[1] = 9
        let run = try runNode(flat)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.errors, "lessons.wasm refused (status 1): label count at position 1 must be a whole number in 1...5\n")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
