import Datasets
import Foundation
import XCTest
import Experiments
import PortableJSON
@testable import LessonKit

/// A rerun that changes the data is reassembled too: the dataset card made again from the
/// new description (regenerated and summarised as `lessons run` does, named by its new hash),
/// the sweep's default metrics picked by the new rarest label, and every pair retrained; the
/// results.json is the file `lessons run --set ...` writes, natively and in lessons.wasm.
final class RerunDataChangeTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-rerun-data-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    /// `rare` is the ring's prevalence; at 0.4 the square (0.35) becomes the rarest label.
    static let markdown = EvaluationFixture.blocks([
        ("parameters", "let rare = 0.25\nlet scale = 1.0"),
        ("experiment", """
        let data = Shapes(labels: ["circle", "square", "ring"], prevalence: [0.5, 0.35, rare], size: 16, noise: 0.02,
                          train: 64, validation: 16, test: 32, seed: 1)
        Compare("Weights", on: data, seeds: [1, 2], runs: [
            Run("plain", model: MLP(hidden: [4]), optimizer: .adam(learningRate: 0.01), epochs: 1, batchSize: 16),
            Run("weighted", model: MLP(hidden: [4]), loss: .binaryCrossEntropy(posWeight: .balanced(scale: scale)),
                optimizer: .adam(learningRate: 0.01), epochs: 1, batchSize: 16),
        ])
        """),
        ("experiment", #"Sweep("scale", parameter: "scale", values: [0.5, 2], runs: ["weighted"])"#),
        ("expect", #"expect(results["weighted"].macroF1 > 0)"#),
    ])

    private func run(_ overrides: [String: String]) throws -> (json: Data, plan: ResolvedLesson) {
        try RerunAssemblyTests.run(Self.markdown, overrides, cache: cache)
    }

    /// Every pair of the rerun with its result (the data changed, so all retrain), the data
    /// of its comparison and of its sweep (which plots the default metrics), parameters and claims.
    private func request(_ rerun: Data, plan: ResolvedLesson) throws -> Data {
        let new = try JSONValue(parsing: Array(rerun))
        var pairs: [JSONValue] = []
        func add(_ place: [String: JSONValue], _ entry: JSONValue) throws {
            let seeds = try entry.optionalField("seeds", "")?.array("") ?? [.object(["seed": try entry.field("spec", "").field("seed", ""),
                                                                                    "specHash": try entry.field("specHash", ""),
                                                                                    "result": try entry.field("result", "")])]
            for seed in seeds {
                pairs.append(.object(place.merging(["run": try entry.field("name", ""), "seed": try seed.field("seed", ""),
                                                    "specHash": try seed.field("specHash", ""), "spec": try entry.field("spec", ""),
                                                    "result": try seed.field("result", "")]) { a, _ in a }))
            }
        }
        for (c, comparison) in try new.field("comparisons", "").array("").enumerated() {
            for entry in try comparison.field("runs", "").array("") { try add(["comparison": .number(Double(c))], entry) }
        }
        for (s, sweep) in (try new.optionalField("sweeps", "")?.array("") ?? []).enumerated() {
            for (p, point) in try sweep.field("points", "").array("").enumerated() {
                for entry in try point.array("") { try add(["sweep": .number(Double(s)), "point": .number(Double(p))], entry) }
            }
        }
        let data = plan.comparisons.enumerated().map { c, comparison -> JSONValue in
            .object(["comparison": .number(Double(c)), "dataset": comparison.compare.replicas[0].dataset.json])
        } + plan.sweeps.enumerated().filter { $0.element.sweep.metrics == nil }.map { s, sweep -> JSONValue in
            .object(["sweep": .number(Double(s)), "dataset": sweep.points[0].dataset.json])
        }
        return Data(JSONValue.object(["parameters": try new.field("parameters", ""), "claims": RerunAssemblyTests.claims(plan), "pairs": .array(pairs),
                                      "data": .array(data)]).text.utf8)
    }

    func testARerunThatChangesTheDataIsTheBytesLessonsRunWrites() throws {
        let published = try run([:]).json
        let (rerun, plan) = try run(["rare": "0.4"])
        let old = try JSONValue(parsing: Array(published)), new = try JSONValue(parsing: Array(rerun))
        XCTAssertNotEqual(old["comparisons"]?.asArray?[0]["dataset"], new["comparisons"]?.asArray?[0]["dataset"], "the card changed")
        XCTAssertEqual(new["sweeps"]?.asArray?[0]["metrics"], .array(["macro-F1", "mAP", "recall (square)", "precision (square)"].map { .string($0) }))
        let request = try request(rerun, plan: plan)
        RerunAssemblyTests.assertSameBytes(try Rerun.resultsJSON(published: Array(published), request: Array(request)),
                                           String(decoding: rerun, as: UTF8.self))
        // Without the data, the card and the metrics stay as published, and the bytes differ.
        guard case .object(var fields) = try JSONValue(parsing: Array(request)) else { return XCTFail() }
        fields["data"] = nil
        XCTAssertNotEqual(try Rerun.resultsJSON(published: Array(published), request: Array(JSONValue.object(fields).text.utf8)),
                          String(decoding: rerun, as: UTF8.self))
    }

    func testTheWebAssemblyModuleAssemblesTheSameBytesAndCard() throws {
        let (published, base) = try run([:])
        let (rerun, plan) = try run(["rare": "0.4"])
        let source = plan.comparisons[0].compare.replicas[0].dataset
        let cardRequest = Data(JSONValue.object(["dataset": source.json]).text.utf8)
        let answer = try WasmUnderNode.run("card-node.mjs", inputs: [("results.json", published), ("card.json", cardRequest)],
                                           in: cache.appendingPathComponent("card")).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(answer.count, 2, "the card's JSON, then its pixels in base64")
        let card = try JSONValue(parsing: String(answer[0]))
        // The card is the one `lessons run --set` draws: its summary, hash, preview name and pixels.
        let dataset = try source.load(relativeTo: nil)
        var summary = LessonRunner.summaryWithPreview(dataset, kind: "Shapes")
        summary.previewPNG = []
        XCTAssertEqual(card["summary"], try JSONValue(parsing: Array(try CanonicalJSON.encode(summary))))
        let hash = try DatasetKey(source).hash
        XCTAssertEqual(card["hash"], .string(hash))
        XCTAssertNotEqual(hash, try DatasetKey(base.comparisons[0].compare.replicas[0].dataset).hash)
        XCTAssertEqual(card["preview"], .string("dataset-\(hash.prefix(12)).png"))
        let grid = try DatasetSummarizer.previewGrid(of: dataset)
        XCTAssertEqual(Data(base64Encoded: String(answer[1])), Data(grid.pixels))
        XCTAssertEqual(card["grid"]?["width"], .number(Double(grid.width)))
        XCTAssertEqual(card["grid"]?["cells"]?.asArray?.count, grid.cells.count)
        XCTAssertEqual(card["sweepMetrics"]?.asArray?.compactMap { $0["label"] }, [.string("square"), .string("square")])
        let wasm = try WasmUnderNode.run("assemble-node.mjs", inputs: [("results.json", published),
                                                                       ("request.json", try request(rerun, plan: plan))],
                                         in: cache.appendingPathComponent("inputs"))
        RerunAssemblyTests.assertSameBytes(wasm, String(decoding: rerun, as: UTF8.self))
    }

    /// Lesson 03 with `--set rarePrevalence=0.05` (every pair retrains), when LESSONS_RERUN_03_DATA
    /// names the results.json `lessons run 03 --set rarePrevalence=0.05 --out DIR` wrote (training
    /// it takes many minutes): reassembled from the published page natively and in the module.
    func testLesson03DataRerunIsTheBytesLessonsRunWrites() throws {
        let (rerun, published, plan) = try RerunAssemblyTests.lesson03("LESSONS_RERUN_03_DATA", ["rarePrevalence": "0.05"])
        let request = try request(rerun, plan: plan)
        RerunAssemblyTests.assertSameBytes(try Rerun.resultsJSON(published: Array(published), request: Array(request)),
                                           String(decoding: rerun, as: UTF8.self))
        let wasm = try WasmUnderNode.run("assemble-node.mjs", inputs: [("results.json", published), ("request.json", request)],
                                         in: cache.appendingPathComponent("inputs"))
        RerunAssemblyTests.assertSameBytes(wasm, String(decoding: rerun, as: UTF8.self))
    }

    /// Mosaics hash with the fingerprints the page published; a folder it did not read is an error naming it.
    func testMosaicsTakeThePublishedFingerprints() throws {
        let mosaics = FashionMosaics(size: 28, folder: "fashion")
        let files = ["/x/fashion/train-images-idx3-ubyte.gz 26421880 1700000000.000000"]
        let published = JSONValue.object(["dataFiles": .array([.object(["kind": .string("FashionMosaics"), "folder": .string("fashion"),
                                                                         "files": .array(files.map { .string($0) })])])])
        let sets = try DataFiles.read(published)
        XCTAssertEqual(PairData.fashionMosaics(mosaics).fingerprints(in: sets), files)
        XCTAssertNil(PairData.fashionMosaics(FashionMosaics()).fingerprints(in: sets))
        XCTAssertEqual(PairData.shapes(Shapes()).fingerprints(in: sets), [])
        let request = JSONValue.object(["dataset": DatasetSource.fashionMosaics(FashionMosaics()).json]).text
        XCTAssertThrowsError(try DatasetCardRequest.answer(published: Array(published.text.utf8), request: Array(request.utf8))) { error in
            XCTAssertEqual((error as? ResultsReadError)?.message, "request.dataset: results.json publishes no fingerprints of the "
                           + "files these mosaics are drawn from (dataFiles has no FashionMosaics with folder '')")
        }
    }
}
