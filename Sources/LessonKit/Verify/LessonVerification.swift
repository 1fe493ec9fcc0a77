import Foundation
import Experiments
import PortableJSON
import Datasets

/// `lessons verify`: retrains (run, seed) pairs cold, natively or in lessons.wasm, and
/// compares each result with the published one, bit for bit, timings aside. Stops at
/// the first difference.
public struct LessonVerification {
    public enum Engine: Sendable {
        case native
        case wasm(WasmEngine)
    }

    public var engine: Engine
    /// Where the lesson's relative data paths resolve.
    public var lessonFolder: String?

    public init(engine: Engine, lessonFolder: String?) {
        self.engine = engine
        self.lessonFolder = lessonFolder
    }

    /// A pair that did not agree, and where.
    public struct Disagreement: Sendable, CustomStringConvertible {
        public var pair: VerifyPair
        public var difference: ResultDifference
        public var description: String {
            "'\(pair.context)': run '\(pair.run.name)', seed \(pair.seed): \(difference)"
        }
    }

    /// Trains `pair` cold: its result as JSON.
    public func train(_ pair: VerifyPair, datasets: inout [DatasetSource: Dataset]) throws -> JSONValue {
        let text: String
        switch engine {
        case .native:
            func load(_ source: DatasetSource) throws -> Dataset {
                if let known = datasets[source] { return known }
                do { datasets[source] = try source.load(relativeTo: lessonFolder) } catch {
                    throw LessonsError(message: "'\(pair.context)': the dataset cannot be made: \(error)")
                }
                return datasets[source]!
            }
            let others = try pair.alsoTestOn.map { ($0.name, try load($0.dataset)) }
            text = try CanonicalJSON.string(RunExecutor.execute(pair.run, on: try load(pair.dataset), alsoTestOn: others))
        case .wasm(let wasm):
            let request = try PairRequest(run: pair.run, dataset: pair.dataset, alsoTestOn: pair.alsoTestOn).text()
            text = try wasm.runPair(request, fashion: fashionImages(for: pair, wasm: wasm))
        }
        do { return try JSONValue(parsing: text) } catch {
            throw LessonsError(message: "'\(pair.context)': the engine's result is not JSON: \(error.description)")
        }
    }

    /// The Fashion-MNIST items the module needs for `pair`'s mosaics: the site asset
    /// beside the module for the system copy, else the spec's folder packed into a
    /// temporary file (`temporary` says to remove it); nil when the pair draws no mosaics.
    private func fashionImages(for pair: VerifyPair, wasm: WasmEngine) throws -> (path: String, temporary: Bool)? {
        var folders: Set<String?> = []
        for source in [pair.dataset] + pair.alsoTestOn.map(\.dataset) {
            switch source {
            case .shapes: continue
            case .fashionMosaics(let mosaics): folders.insert(mosaics.folder)
            case .numpy, .idx:
                throw LessonsError(message: "'\(pair.context)': --engine wasm makes Shapes and FashionMosaics data only; "
                                   + "this lesson's data is read from files (use --engine native)")
            }
        }
        guard let folder = folders.first else { return nil }
        guard folders.count == 1 else {
            throw LessonsError(message: "'\(pair.context)': --engine wasm takes the Fashion-MNIST items of one folder per pair")
        }
        guard let folder else {
            let asset = FashionAsset.path(besideModule: wasm.module)
            guard FileManager.default.fileExists(atPath: asset) else {
                throw LessonsError(message: "--engine wasm: no Fashion-MNIST asset at \(asset) (lessons fashion-asset writes it)")
            }
            return (asset, false)
        }
        let images: FashionImages
        do { images = try FashionMosaics(folder: folder).images(relativeTo: lessonFolder) } catch {
            throw LessonsError(message: "'\(pair.context)': the dataset cannot be made: \(error)")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-fashion-\(UUID().uuidString).bin").path
        try Data(images.packed).write(to: URL(fileURLWithPath: path))
        return (path, true)
    }

    /// Trains and compares every pair in order; `progress` hears of each pair that agreed, with its result.
    /// The first disagreement, or nil when every pair agrees. A pair met twice (a sweep
    /// point at the lesson's own value) trains once.
    public func verify(_ pairs: [VerifyPair], progress: (VerifyPair, JSONValue) -> Void = { _, _ in }) throws -> Disagreement? {
        var datasets: [DatasetSource: Dataset] = [:]
        var trained: [PairKey: JSONValue] = [:]
        for pair in pairs {
            let key = PairKey(run: pair.run, dataset: pair.dataset, others: pair.alsoTestOn.map { "\($0.name) \($0.dataset)" })
            let got = try trained[key] ?? train(pair, datasets: &datasets)
            trained[key] = got
            if let difference = ResultDifference.first(expected: pair.expected, got: got) {
                return Disagreement(pair: pair, difference: difference)
            }
            progress(pair, got)
        }
        return nil
    }
}

/// What a pair's result depends on.
private struct PairKey: Hashable {
    var run: Run
    var dataset: DatasetSource
    var others: [String]
}
