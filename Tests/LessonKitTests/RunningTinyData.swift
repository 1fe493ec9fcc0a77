import Foundation
import Experiments
@testable import LessonKit

/// Tiny real data for runner tests: 16×16 `Shapes`, three labels, a few dozen images.
enum TinyData {
    static let labels = ["circle", "square", "ring"]

    static func shapes(seed: Int = 1) -> DatasetSource {
        .shapes(Shapes(labels: labels, prevalence: [0.5, 0.35, 0.25], size: 16, noise: 0.02,
                       train: 96, validation: 24, test: 48, seed: seed))
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

    static func comparison(_ runs: [Run], data: DatasetSource = TinyData.shapes()) -> LessonRunner.Comparison {
        LessonRunner.Comparison(title: "Tiny <comparison>", dataset: data, runs: runs, blockIndex: 2)
    }

    static func runner(cache: URL, jobs: Int = 1, useCache: Bool = true, counter: LoadCounter = LoadCounter(),
                       log: LogCapture = LogCapture()) -> LessonRunner {
        LessonRunner(options: .init(jobs: jobs, useCache: useCache, cache: ResultCache(directory: cache)),
                     progress: ProgressReporter(style: .plain, write: log.append),
                     dataSource: { source in
                         counter.increment()
                         return try source.load(relativeTo: nil)
                     })
    }
}

final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    var all: String { lock.lock(); defer { lock.unlock() }; return text }
    func append(_ s: String) { lock.lock(); text += s; lock.unlock() }
}
