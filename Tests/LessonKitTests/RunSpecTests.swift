import Datasets
import Experiments
import Foundation
@testable import LessonKit
import PortableJSON
import PortableRun
import XCTest

/// Cache keys and spec hashes come from one portable path (`RunSpec.canonical()`, written
/// without Foundation, also in lessons.wasm) that gives byte for byte the text Foundation's
/// `JSONEncoder` (`CanonicalJSON`) gives: every key a lesson had is kept.
final class RunSpecTests: XCTestCase {
    /// The portable text of a run spec, its dataset and its other test sets, each against Foundation's.
    private func assertPortable(_ run: Run, _ source: DatasetSource, alsoTestOn: [(name: String, dataset: DatasetSource)] = [],
                                files: [String] = [], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for data in [source] + alsoTestOn.map(\.dataset) {
            XCTAssertEqual(data.json.text, try CanonicalJSON.string(data), message, file: file, line: line)
            XCTAssertEqual(data.kind, String(describing: type(of: data.spec)), message, file: file, line: line)
        }
        let key = DatasetKey(kind: source.kind, spec: source.json.text, files: files)
        let others = Dictionary(alsoTestOn.map { ($0.name, DatasetKey(kind: $0.dataset.kind, spec: $0.dataset.json.text)) },
                                uniquingKeysWith: { a, _ in a })
        let spec = RunSpec(run: run, dataset: key, alsoTestOn: others)
        XCTAssertEqual(spec.canonical(), try CanonicalJSON.string(spec), message, file: file, line: line)
        XCTAssertEqual(spec.hash(), SHA256.hex(try CanonicalJSON.string(spec)), message, file: file, line: line)
    }

    /// Every run spec of every course lesson, with the `--set` values of `PlanResolutionTests`
    /// (a swept parameter, dataset parameters, loss weights, seeds): comparisons and sweep points.
    func testEveryCourseLessonsSpecsAreWrittenAsFoundationWritesThem() throws {
        var compared = 0
        for (id, sets) in PlanResolutionTests.settings.sorted(by: { $0.key < $1.key }) {
            let lesson = try PlanResolutionTests.lesson(id)
            for set in [[:]] + sets {
                guard case .success(let resolved) = Evaluator.evaluate(lesson, overrides: set) else {
                    return XCTFail("\(id) \(set) does not evaluate")
                }
                for compare in resolved.comparisons.map(\.compare) + resolved.sweeps.flatMap(\.points) {
                    for replica in compare.replicas {
                        for run in replica.runs {
                            try assertPortable(run, replica.dataset, alsoTestOn: replica.alsoTestOn, "\(id) \(set) \(run.name)")
                            compared += 1
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 500)
    }

    /// Values at the edges of JSON's spelling: negative zero, tiny and huge numbers, the
    /// largest whole numbers a spec can hold, non-finite numbers, and strings with quotes,
    /// backslashes, slashes, control characters, combining marks and emoji.
    func testEdgeValuesAreWrittenAsFoundationWritesThem() throws {
        let strange = ["q\"uote", "back\\slash", "a/b//c", "tab\tnew\nline\r", "\u{8}\u{c}\u{1}\u{1f}\u{7f}", "é", "e\u{302}", "Å", "A\u{30A}x", "ez",
                       "😀 ∞ − ſ ａ", "\u{2028}\u{2029}", "\u{0}", ""]
        let runs = [
            Run("negative zero", loss: .focal(alpha: -0.0, gamma: 0), optimizer: .adam(learningRate: 1e-8, beta1: -0.0, epsilon: .leastNonzeroMagnitude),
                threshold: .perLabel([0.1, 0.30000000000000004, 1e-5, 1e-7, 2.2250738585072014e-308])),
            Run("huge", optimizer: .sgd(learningRate: 1.7976931348623157e308, weightDecay: 1e16), epochs: 9_007_199_254_740_991,
                batchSize: Int(Int32.max), clipNorm: 123456.789e10, seed: Int(Int32.max)),
            Run("non-finite", loss: .binaryCrossEntropy(posWeight: .fixed([.nan, .infinity, -.infinity])), threshold: .fixed(.nan)),
            Run("negative", sampleWeight: .kerasClassWeight([-1, -1e-300, -9_007_199_254_740_992]), seed: -9_007_199_254_740_991),
        ]
        let shapes = Shapes(labels: strange, prevalence: [0, -0.0, 1e-8, 1, .nan], together: Dictionary(uniqueKeysWithValues:
                            zip(strange.reversed(), strange)), size: 9_007_199_254_740_991, noise: 1e-300, train: 0, validation: -1,
                            test: Int(Int32.max), seed: -9_007_199_254_740_991)
        let sources: [DatasetSource] = [
            .shapes(Shapes()), .shapes(shapes), .fashionMosaics(FashionMosaics()),
            .fashionMosaics(FashionMosaics(categories: strange, prevalence: [.infinity], distractors: -0.0, folder: "data/\"ü\"/é")),
            .numpy(NumpyDataset(images: "x/ä.npy", labels: "y\\z.npy")),
            .numpy(NumpyDataset(images: "a", labels: "b", names: strange, testImages: "c/d", testLabels: "e", testFraction: 1e-8,
                                validationFraction: -0.0, seed: Int(Int32.max))),
            .idx(IDXDataset(images: "i.gz", labels: "l.gz", names: ["a/b"], testImages: nil, testLabels: "t", seed: 0)),
        ]
        let others = strange.enumerated().map { (name: $1, dataset: sources[$0 % sources.count]) }
        for run in runs {
            for source in sources {
                try assertPortable(run, source, files: ["/usr/share/datasets/x y.gz 26421880 1700000000.123456", "é\"/ -1 0.000000"],
                                   "\(run.name) on \(source.kind)")
            }
            try assertPortable(run, sources[1], alsoTestOn: others, "\(run.name) with others")
        }
    }

    /// The keys of data lessons.wasm makes are those of the same descriptions natively.
    func testModuleDataHasTheNativeKeys() throws {
        let shapes = Shapes(prevalence: [0.4, 0.2, 0.1, 0.05, 0.05], together: ["square": "cross"], train: 64)
        let mosaics = FashionMosaics(size: 28, folder: "fashion")
        let files = ["fashion/train-images-idx3-ubyte.gz 26421880 1700000000.000000"]
        XCTAssertEqual(DatasetKey(PairData.shapes(shapes)), try DatasetKey(DatasetSource.shapes(shapes)))
        XCTAssertEqual(DatasetKey(PairData.fashionMosaics(mosaics), files: files),
                       DatasetKey(kind: "FashionMosaics", spec: try CanonicalJSON.string(DatasetSource.fashionMosaics(mosaics)), files: files))
        XCTAssertEqual(try PairData(source: DatasetSource.shapes(shapes).json).json, DatasetSource.shapes(shapes).json)
    }
}
