import Experiments

/// How much training a lesson may ask for, estimated from its plan before
/// anything trains: for every (run, seed) pair — sweep points included —
/// epochs × training images × 3 forward passes, plus one forward pass over the
/// training (for the training-split metrics), validation and test images, in
/// multiply-adds counted from the architecture.
/// Cached pairs count too: the limit is on what the lesson asks for, so a
/// student's rerun is refused or allowed the same way on every machine.
///
/// The default limit, 60 × 10¹² multiply-adds, is about 18 minutes of training on
/// two cores in a debug build (the 5-seed lesson 03 with its sweep asks for 10 × 10¹²);
/// front matter `budget: N` sets the limit to N × 10¹².
struct TrainingBudget {
    static let defaultLimit = 60.0
    static let maximumLimit = 10_000.0
    static let unit = 1e12

    var limit: Double

    init(limit: Double?) { self.limit = limit ?? Self.defaultLimit }

    /// What one statement asks for: where it is written and its cost.
    struct Item {
        var what: String
        var location: SourceLocation
        var pairs: Int
        var multiplyAdds: Double
    }

    /// Throws a located error (exit 2) when the plan asks for more than the limit.
    func check(_ plan: ResolvedLesson, lesson: Lesson) throws {
        let items = Self.items(plan)
        let total = items.reduce(0) { $0 + $1.multiplyAdds }
        guard total > limit * Self.unit, let largest = items.max(by: { $0.multiplyAdds < $1.multiplyAdds }) else { return }
        let parts = items.filter { $0.multiplyAdds > 0 }.map {
            "\($0.what): \($0.pairs) (run, seed) pair\($0.pairs == 1 ? "" : "s"), \(Self.format($0.multiplyAdds))"
        }
        let message = "this lesson asks for about \(Self.format(total)) multiply-adds of training, more than its budget of "
            + "\(Self.format(limit * Self.unit)) (\(parts.joined(separator: "; "))); use fewer seeds, runs, sweep values, epochs "
            + "or images, or raise the limit with front matter 'budget: \(Limits.format((total / Self.unit).rounded(.up)))' "
            + "(in 10¹² multiply-adds)"
        throw LessonsError(Diagnostic(path: lesson.path, location: largest.location, message: message),
                           source: lesson.source, exitCode: 2)
    }

    static func items(_ plan: ResolvedLesson) -> [Item] {
        plan.comparisons.map { c in item("Compare(\"\(c.title)\")", c.compare, at: c.location) }
            + plan.sweeps.map { s in
                let parts = s.points.map { item("", $0, at: s.location) }
                return Item(what: "Sweep(\"\(s.title)\")", location: s.location, pairs: parts.reduce(0) { $0 + $1.pairs },
                            multiplyAdds: parts.reduce(0) { $0 + $1.multiplyAdds })
            }
    }

    static func item(_ what: String, _ compare: Compare, at location: SourceLocation) -> Item {
        var pairs = 0
        var total = 0.0
        for replica in compare.replicas {
            for run in replica.runs {
                pairs += 1
                total += cost(run, on: replica.dataset)
            }
        }
        return Item(what: what, location: location, pairs: pairs, multiplyAdds: total)
    }

    /// One run's estimate; file data (sizes unknown before reading) counts as nothing here.
    static func cost(_ run: Run, on dataset: DatasetSource) -> Double {
        guard let size = dataset.plannedSize else { return 0 }
        let forward = run.model.forwardMultiplyAdds(height: size.height, width: size.width, channels: size.channels,
                                                    labels: size.labels)
        return forward * ((3 * Double(run.epochs) + 1) * Double(size.train) + Double(size.evaluated))
    }

    /// `4.2 × 10¹²`.
    static func format(_ multiplyAdds: Double) -> String {
        let t = multiplyAdds / unit
        return t >= 10 ? "\(Int(t.rounded())) × 10¹²" : String(format: "%.1f × 10¹²", t)
    }
}
