import ArgumentParser
import Experiments
import LessonKit

/// `--diff-metrics macroF1,recall`: which metrics `--diff` lists, so a sweep's
/// dozens of points read as the few numbers the lesson is about. `recall` stands
/// for every label's recall, `recall(ring)` for one; parameters and claims are
/// always listed; `none` lists no metric (a summary: parameters, notes, claims).
struct DiffMetricFilter: Equatable {
    var names: [String]

    /// The names given, each checked; an unknown one is a usage error listing the valid ones.
    init(parsing list: String) throws {
        names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw ValidationError("--diff-metrics: give metric names, e.g. --diff-metrics macroF1,recall") }
        let valid = MetricCatalog.all.map(\.name) + ["recall", "none"]
        for name in names where !valid.contains(name) && !Self.isOneLabelsRecall(name) {
            throw ValidationError("--diff-metrics: unknown metric '\(name)'; metrics: \(valid.dropLast().joined(separator: ", ")), "
                                  + "recall(LABEL), or none")
        }
    }

    func keeps(_ change: ResultsDiff.MetricChange) -> Bool {
        names.contains { $0 == change.key || ($0 == "recall" && Self.isOneLabelsRecall(change.key)) }
    }

    func apply(to diff: ResultsDiff) -> ResultsDiff {
        var kept = diff
        kept.metrics = diff.metrics.filter(keeps)
        return kept
    }

    private static func isOneLabelsRecall(_ name: String) -> Bool {
        name.hasPrefix("recall(") && name.hasSuffix(")") && name.count > "recall()".count
    }
}
