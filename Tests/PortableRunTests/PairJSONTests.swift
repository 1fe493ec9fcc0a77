import Foundation
import XCTest
import Experiments
import Datasets
import LessonKit
import PortableJSON
@testable import PortableRun

/// The portable JSON reader and writer agree with native Codable: a run read by the
/// module is the run native code trains, and a result written by the module decodes
/// natively into the same value, every number to the bit.
final class PairJSONTests: XCTestCase {
    private func read(_ run: Run) throws -> Run {
        try Run.read(json: JSONValue(parsing: CanonicalJSON.string(run)), "run")
    }

    /// A run with each setting the lesson language has.
    static let everyRunSetting: [Run] = [
        SmallPairs.cnn.run, SmallPairs.mlp.run, Run("baseline", model: PrevalenceBaseline(), threshold: .topK(2)),
        Run("focal", loss: .focal(alpha: nil, gamma: 1.5), optimizer: .adamW(learningRate: 1e-3, weightDecay: 0.02),
            threshold: .perLabel([0.25, 0.7]), seed: 3),
        Run("focal-alpha", loss: .focal(alpha: 0.3, gamma: 2), sampleWeight: .kerasClassWeight([1, 2.5]), threshold: .fixed(0.4)),
        Run("asl", loss: .asymmetric(gammaPositive: 0, gammaNegative: 4, clip: 0.05), sampleWeight: .inverseFrequency,
            optimizer: .sgd(learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-4), threshold: .tunedOnTest(maximizing: .f1)),
        Run("softmax", head: .softmax, loss: .softmaxCrossEntropy(classWeight: .balanced)),
        Run("sparse", head: .softmax, loss: .sparseSoftmaxCrossEntropy(classWeight: .fixed([0.1, 0.30000000000000004]))),
        Run("pos", loss: .binaryCrossEntropy(posWeight: .fixed([1, 3.3333333333333335]))),
        Run("bal", loss: .binaryCrossEntropy(posWeight: .balanced)),
        Run("shifted", loss: .binaryCrossEntropy(posWeight: .balanced), outputBias: .prior, logitShift: .undoPosWeight),
        Run("smoothed", loss: .binaryCrossEntropy(posWeight: .balanced, labelSmoothing: 0.1)),
        Run("clipped", batchSize: 8, clipNorm: 0.30000000000000004),
        Run("warmup", schedule: .warmup(epochs: 2)),
        Run("step", schedule: .step(everyEpochs: 3, factor: 0.5, warmupEpochs: 1)),
        Run("cosine", schedule: .cosine(epochs: 10, alpha: 0.01)),
        Run("mlp, batch norm", model: MLP(hidden: [8, 4], dropout: 0.1, batchNorm: true)),
        Run("cnn, batch norm", model: CNN(filters: [4], dense: [], kernelSize: 5, batchNorm: true)),
        Run("stopping", earlyStopping: EarlyStopping(patience: 3, minDelta: 1e-4, restoreBestWeights: false)),
        Run("every option", loss: .binaryCrossEntropy(labelSmoothing: 0.2), epochs: 30, schedule: .warmup(epochs: 1), clipNorm: 5,
            earlyStopping: EarlyStopping()),
        Run("augmented", augmentation: Augmentation(flips: .horizontal, shift: 2, noise: 0.05)),
        Run("flipped both ways", augmentation: Augmentation(flips: .both)),
        Run("noise only", augmentation: Augmentation(noise: 0.25)),
    ]

    func testEveryRunSettingReadsBackAsNativeCodableWroteIt() throws {
        for run in Self.everyRunSetting { XCTAssertEqual(try read(run), run, run.name) }
    }

    /// No augmentation (nil, or one that changes nothing) writes no field: every cache key stays;
    /// one that changes the images changes what is trained.
    func testAugmentationKeepsCacheKeysUntilItChangesTheImages() throws {
        XCTAssertEqual(try CanonicalJSON.string(Run("r", augmentation: Augmentation())), try CanonicalJSON.string(Run("r")))
        XCTAssertFalse(try CanonicalJSON.string(Run("r")).contains("augmentation"))
        let plain = try PairRun.execute(Array(SmallPairs.mlp.text().utf8), clock: .stopped)
        let augmented = try PairRun.execute(Array(SmallPairs.augmented.text().utf8), clock: .stopped)
        XCTAssertNotEqual(plain, augmented)
        XCTAssertEqual(augmented, try PairRun.execute(Array(SmallPairs.augmented.text().utf8), clock: .stopped), "seeded")
    }

    func testShapesAndMosaicsReadBackAndFileDataIsRefusedByName() throws {
        func read(_ source: DatasetSource) throws -> PairData {
            try PairData(source: JSONValue(parsing: CanonicalJSON.string(source)))
        }
        guard case .shapes(let shapes) = SmallPairs.cnn.dataset, case .shapes(let read1) = try read(SmallPairs.cnn.dataset) else {
            return XCTFail()
        }
        XCTAssertEqual(read1, shapes)
        for mosaics in [FashionMosaics(), FashionMosaics(categories: ["bag"], prevalence: [0.3], size: 28, distractors: 0.25,
                                                        train: 7, validation: 3, test: 2, seed: -4, folder: "fashion")] {
            guard case .fashionMosaics(let back) = try read(.fashionMosaics(mosaics)) else { return XCTFail() }
            XCTAssertEqual(back, mosaics)
        }
        XCTAssertThrowsError(try read(.numpy(NumpyDataset(images: "x.npy", labels: "y.npy")))) {
            XCTAssertEqual(($0 as? JSONError)?.description,
                           "dataset: numpy data cannot be made in WebAssembly (only Shapes and FashionMosaics are made there)")
        }
    }

    /// Mosaics need the items: without them the request is refused, not trained on nothing.
    func testMosaicsWithoutImagesAreRefused() throws {
        let request = try PairRequest(run: SmallPairs.mlp.run, dataset: .fashionMosaics(FashionMosaics(train: 4, validation: 2, test: 2))).text()
        XCTAssertThrowsError(try PairRun.execute(Array(request.utf8), clock: .stopped)) {
            XCTAssertEqual(($0 as? PairError)?.description, "dataset: FashionMosaics needs the Fashion-MNIST images, and none were given "
                           + "(the host hands them over with lessons_fashion_images)")
        }
    }

    func testABadRequestNamesThePlace() {
        func message(_ text: String) -> String {
            do { _ = try PairRun.request(Array(text.utf8)); return "accepted" } catch { return error.description }
        }
        XCTAssertEqual(message("{\"run\": 1"), "JSON at byte 9: unterminated object")
        var run = (try? CanonicalJSON.string(SmallPairs.mlp.run)) ?? ""
        run = run.replacingOccurrences(of: "\"epochs\":2", with: "\"epochs\":2.5")
        let dataset = (try? CanonicalJSON.string(SmallPairs.mlp.dataset)) ?? ""
        XCTAssertEqual(message("{\"run\":\(run),\"dataset\":\(dataset)}"), "run.epochs: expected a whole number")
        XCTAssertEqual(message("{\"dataset\":\(dataset)}"), "request.run: missing")
    }

    func testNumbersAndStringsRoundTripExactly() throws {
        let numbers: [Double] = [0, 1, -2, 0.1, 1e-8, 0.30000000000000004, 5e-324, 1.7976931348623157e308, 123456.789e10,
                                 9_007_199_254_740_993, 2.2250738585072014e-308, .nan, .infinity, -.infinity]
        let value = JSONValue.object(["x": .doubles(numbers), "s": .string("a\"b\\c\n\u{1}é😀")])
        let back = try JSONValue(parsing: value.text)
        let read = try back.field("x", "").doubles("x")
        XCTAssertEqual(read.map(\.bitPattern).dropLast(3), numbers.map(\.bitPattern).dropLast(3))
        XCTAssertTrue(read[read.count - 3].isNaN)
        XCTAssertEqual(read.suffix(2), [.infinity, -.infinity])
        XCTAssertEqual(try back.field("s", "").string("s"), "a\"b\\c\n\u{1}é😀")
        // JSONDecoder (what reads a result natively) reads our text to the same bits.
        let decoded = try JSONDecoder().decode([Double].self, from: Data(JSONValue.doubles(Array(numbers.dropLast(3))).text.utf8))
        XCTAssertEqual(decoded.map(\.bitPattern), numbers.dropLast(3).map(\.bitPattern))
        XCTAssertEqual(try JSONValue(parsing: "\"\\ud83d\\ude00\""), .string("😀"))
    }

    /// A pair trained through `PairRun` gives, decoded natively, exactly what `RunExecutor` gives.
    func testTheResultJSONDecodesToTheNativeResult() throws {
        for pair in [SmallPairs.mlp, SmallPairs.cnn, SmallPairs.options, SmallPairs.cnnOptions, SmallPairs.alsoTested] {
            let text = try PairRun.execute(Array(pair.text().utf8), clock: .stopped)
            let decoded = try CanonicalJSON.decoder().decode(RunResult.self, from: Data(text.utf8))
            let others = try (pair.alsoTestOn ?? []).map { ($0.name, try $0.dataset.load(relativeTo: nil)) }
            let native = RunExecutor.execute(pair.run, on: try pair.dataset.load(relativeTo: nil), alsoTestOn: others, clock: .stopped)
            XCTAssertEqual(native.alsoTested?.count, pair.alsoTestOn?.count)
            XCTAssertEqual(decoded, native)
            XCTAssertNotNil(native.metrics)
            XCTAssertEqual(try CanonicalJSON.string(decoded), try CanonicalJSON.string(native))
        }
    }
}
