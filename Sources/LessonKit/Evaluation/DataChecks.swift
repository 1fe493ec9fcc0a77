import Foundation
import Experiments

/// The checks of a lesson's data made while it is evaluated, before anything
/// trains: each file dataset's headers (paths, formats, shapes, counts; no data
/// read in full), and whether each model can take the images it will see. A bad
/// file is bad input, so its error points at the path the lesson wrote.
final class DataChecks {
    /// The lesson's folder, where its data paths resolve.
    let folder: String
    /// What each dataset was found to be: its sizes, or nil after its error was reported.
    private var checked: [DatasetSource: PlannedData?] = [:]

    init(lessonPath: String) {
        folder = URL(fileURLWithPath: lessonPath).deletingLastPathComponent().path
    }

    /// Checks a dataset value once (reporting at most one error); its sizes when known.
    func sizes(of value: Evaluated, in context: EvaluationContext) -> PlannedData? {
        guard let source = value.value.object?.dataset else { return nil }
        if let known = checked[source] { return known }
        var sizes: PlannedData?
        do {
            sizes = try source.inspect(relativeTo: folder) ?? source.plannedSize.map {
                PlannedData(train: $0.train, evaluated: $0.evaluated, height: $0.height, width: $0.width,
                            channels: $0.channels, labels: $0.labels)
            }
        } catch {
            context.error("\(error)", at: DatasetLocations(value).location(of: error))
        }
        checked[source] = sizes
        return sizes
    }

    /// Each run of a comparison (`value`) against its images: the model must take
    /// their size, and per-label settings must match labels only the files' headers know.
    func checkRuns(_ compare: Compare, value: Evaluated, in context: EvaluationContext) {
        guard let dataset = value.children["dataset"], let sizes = sizes(of: dataset, in: context) else { return }
        checkOtherTestSets(value, against: sizes, in: context)
        let labels = compare.dataset.labelNames == nil ? sizes.labels.map { (0..<$0).map { "label \($0)" } } : nil
        for (i, run) in compare.runs.enumerated() {
            let at: [APIIssue.Step] = [.argument("runs"), .index(i)]
            if let problem = run.model.inputProblem(height: sizes.height, width: sizes.width) {
                context.error("run '\(run.name)': \(problem)", at: value.location(at: (at + [.argument("model")])[...]))
            }
            for issue in labels.map(run.labelIssues) ?? [] {
                context.error(issue.message, at: value.location(at: (at + issue.path)[...]))
            }
        }
    }

    /// `alsoTestOn:`: a trained model can be measured only on images of its size, with its number of labels.
    private func checkOtherTestSets(_ value: Evaluated, against ours: PlannedData, in context: EvaluationContext) {
        let entries = value.children["alsoTestOn"]?.elements ?? []
        for pair in stride(from: 0, to: entries.count - 1, by: 2) {
            let name = entries[pair].value.string ?? "", other = entries[pair + 1]
            guard let theirs = sizes(of: other, in: context) else { continue }
            func spelled(_ d: PlannedData) -> String { "\(d.labels.map(String.init) ?? "?") labels of \(d.height)×\(d.width)×\(d.channels) images" }
            if theirs.height != ours.height || theirs.width != ours.width || theirs.channels != ours.channels
                || (theirs.labels != nil && ours.labels != nil && theirs.labels != ours.labels) {
                context.error("test set '\(name)' has \(spelled(theirs)), but the runs train on \(spelled(ours)); "
                              + "their models cannot be measured on it", at: other.location)
            }
        }
    }
}
