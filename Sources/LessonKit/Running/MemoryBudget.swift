import Foundation
import Experiments

/// How much memory a lesson may ask for, estimated from its plan before
/// anything is generated or trained, beside the compute budget: a lesson far
/// under that budget can still ask for gigabytes of images.
///
/// The runner holds every dataset it trains on at once (each seed's draw, each
/// sweep point's, as 32-bit floats: images × height × width × channels, plus
/// the labels), Fashion-MNIST's files once when mosaics are drawn from them,
/// and trains two runs at a time on two cores, each with its weights, their
/// gradients, Adam's moments and a batch's activations. Cached pairs count
/// too, as for the compute budget, so a lesson is refused or allowed the same
/// way on every machine. File datasets (sizes unknown before reading) count as nothing.
///
/// The default limit, 2 GiB, leaves every course lesson far below it (the largest,
/// lesson 04, asks for about 361 MiB) and fits a browser tab; front matter `memory: N`
/// sets it to N GiB.
struct MemoryBudget {
    static let defaultLimit = 2.0
    static let maximumLimit = 64.0
    static let unit = 1024.0 * 1024 * 1024
    /// Runs training at once in the estimate (the two cores lessons are written for).
    static let concurrentRuns = 2.0
    /// Fashion-MNIST's four files as mosaics keep them: 70,000 items of 28 × 28 bytes and a label.
    static let fashionMNISTBytes = 70_000.0 * (28 * 28 + 1)

    var limit: Double

    init(limit: Double?) { self.limit = limit ?? Self.defaultLimit }

    /// One part of the estimate, where the lesson asks for it.
    struct Item {
        var what: String
        var location: SourceLocation
        var bytes: Double
    }

    /// Throws a located error (exit 2) when the plan asks for more than the limit.
    func check(_ plan: ResolvedLesson, lesson: Lesson) throws {
        let items = Self.items(plan)
        let total = items.reduce(0) { $0 + $1.bytes }
        guard total > limit * Self.unit, let largest = items.max(by: { $0.bytes < $1.bytes }) else { return }
        let parts = items.filter { $0.bytes >= 1_048_576 }.map { "\($0.what): \(Self.format($0.bytes))" }
        let message = "this lesson needs about \(Self.format(total)) of memory, more than its limit of "
            + "\(Self.format(limit * Self.unit)) (\(parts.joined(separator: "; "))); use fewer or smaller images, fewer "
            + "seeds or sweep values, or smaller models, or raise the limit with front matter "
            + "'memory: \(Limits.format((total / Self.unit).rounded(.up)))' (in GiB)"
        throw LessonsError(Diagnostic(path: lesson.path, location: largest.location, message: message),
                           source: lesson.source, exitCode: 2)
    }

    /// The datasets, each counted once where it is first used, then the two largest runs.
    static func items(_ plan: ResolvedLesson) -> [Item] {
        var uses: [(compare: Compare, location: SourceLocation, datasetLocation: SourceLocation, runLocations: [SourceLocation])] = []
        for c in plan.comparisons {
            let declared = c.datasetName.flatMap { name in plan.datasets.last { $0.name == name }?.location } ?? c.location
            uses.append((c.compare, c.location, declared, c.runLocations))
        }
        for s in plan.sweeps {
            for point in s.points { uses.append((point, s.location, s.location, [])) }
        }
        var items: [Item] = []
        var seen: Set<DatasetSource> = []
        var runs: [Item] = []
        for use in uses {
            guard let size = use.compare.dataset.plannedSize else { continue }
            var bytes = 0.0, images = 0
            for replica in use.compare.replicas where seen.insert(replica.dataset).inserted {
                guard let drawn = replica.dataset.plannedSize else { continue }
                images += drawn.train + drawn.evaluated
                bytes += 4 * Double(drawn.train + drawn.evaluated) * Double(drawn.height * drawn.width * drawn.channels + drawn.labels)
            }
            if images > 0 {
                items.append(Item(what: "\(use.compare.dataset.typeName), \(images) images of \(size.height) × \(size.width)",
                                  location: use.datasetLocation, bytes: bytes))
            }
            for (index, run) in use.compare.runs.enumerated() {
                let values = run.model.trainingValues(height: size.height, width: size.width, channels: size.channels,
                                                      labels: size.labels, batchSize: run.batchSize)
                let location = index < use.runLocations.count ? use.runLocations[index] : use.location
                runs.append(Item(what: "training \"\(run.name)\"", location: location, bytes: 4 * values))
            }
        }
        if seen.contains(where: { if case .fashionMosaics = $0 { return true } else { return false } }) {
            let first = items.first { $0.what.hasPrefix("FashionMosaics") }
            items.append(Item(what: "Fashion-MNIST's files", location: first?.location ?? SourceLocation(line: 1, column: 1),
                              bytes: fashionMNISTBytes))
        }
        let largestRuns = runs.sorted { $0.bytes > $1.bytes }.prefix(Int(concurrentRuns))
        return items + largestRuns
    }

    /// `1.4 GiB`, `350 MiB`.
    static func format(_ bytes: Double) -> String {
        let gib = bytes / unit
        return gib >= 1 ? String(format: "%.1f GiB", gib) : "\(Int((bytes / 1_048_576).rounded())) MiB"
    }
}

private extension DatasetSource {
    /// The name a lesson writes (`Shapes`).
    var typeName: String { String(describing: type(of: spec)) }
}
