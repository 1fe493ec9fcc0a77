import Foundation
import Experiments
@testable import LessonKit

/// A tiny, learnable multi-label dataset for runner tests: 4×4 images, three labels,
/// label c present when quadrant c is bright. Deterministic from its seed.
struct TinyData: DatasetSpecification, Hashable, Codable {
    var train = 96
    var test = 48
    var validation = 24
    var seed = 1

    var labelNames: [String] { ["top <left>", "top right", "bottom & left"] }

    func make() -> Dataset {
        var rng = SeededRNG(seed: UInt64(seed))
        func split(_ n: Int) -> LabeledImages {
            var images = [Float](), labels = [Float]()
            for _ in 0..<n {
                let on = (0..<3).map { c in rng.nextDouble() < [0.5, 0.3, 0.15][c] }
                var image = [Float](repeating: 0, count: 16)
                for y in 0..<4 { for x in 0..<4 {
                    let quadrant = (y / 2) * 2 + x / 2
                    let bright = quadrant < 3 && on[quadrant]
                    image[y * 4 + x] = (bright ? 0.8 : 0.1) + rng.nextFloat() * 0.1
                } }
                images += image
                labels += on.map { $0 ? 1 : 0 }
            }
            return LabeledImages(images: Tensor(shape: [n, 4, 4, 1], storage: images),
                                 labels: Tensor(shape: [n, 3], storage: labels))
        }
        return Dataset(labelNames: labelNames, train: split(train), validation: split(validation), test: split(test))
    }
}

/// Counts data loads, so a test can see that a warm run touches no data at all.
final class LoadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    func increment() { lock.lock(); value += 1; lock.unlock() }
}

enum TinyRuns {
    static func run(_ name: String, epochs: Int = 2, optimizer: Optimizer = .adam(learningRate: 0.01),
                    threshold: Threshold = .fixed(0.5)) -> Run {
        Run(name, model: MLP(hidden: [8]), optimizer: optimizer, epochs: epochs, batchSize: 16,
            threshold: threshold, seed: 3)
    }

    static func comparison(_ runs: [Run], data: TinyData = TinyData()) -> LessonRunner.Comparison {
        LessonRunner.Comparison(title: "Tiny <comparison>", dataset: data, runs: runs, blockIndex: 2)
    }

    static func runner(cache: URL, jobs: Int = 1, useCache: Bool = true, counter: LoadCounter = LoadCounter(),
                       log: LogCapture = LogCapture()) -> LessonRunner {
        LessonRunner(options: .init(jobs: jobs, useCache: useCache, cache: ResultCache(directory: cache)),
                     progress: ProgressReporter(style: .plain, write: log.append),
                     dataSource: { spec in
                         counter.increment()
                         return (spec as! TinyData).make()
                     })
    }
}

final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    var all: String { lock.lock(); defer { lock.unlock() }; return text }
    func append(_ s: String) { lock.lock(); text += s; lock.unlock() }
}
