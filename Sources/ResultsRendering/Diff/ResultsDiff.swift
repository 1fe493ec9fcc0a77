import Experiments

/// What a rerun changed, compared with the page's previous results: the
/// parameters that differ, every metric whose value moved (in comparisons and at
/// each point of a sweep), and every claim with its outcome before and after (which flipped).
///
/// The one place both `lessons run --diff` and the preview's "what changed"
/// view get their answer from; they only spell it differently.
public struct ResultsDiff: Sendable, Equatable {
    public struct ParameterChange: Sendable, Equatable {
        public var name: String
        /// Swift source of the value; nil when the parameter did not exist on that side.
        public var before: String?
        public var after: String?
    }

    public struct MetricChange: Sendable, Equatable {
        public var comparison: String
        public var run: String
        /// The metric's key in `metricValues` (`macroF1`, `recall(ring)`).
        public var key: String
        /// What the comparison table calls it ("macro-F1", "recall of ring").
        public var metric: String
        public var before: Double
        public var after: Double
        /// Whether a larger value is the better one (the arrow's colour on the page).
        public var higherIsBetter: Bool
    }

    public struct ClaimChange: Sendable, Equatable {
        public var source: String
        public var line: Int
        /// nil: the claim is new (or was removed, for `after`).
        public var before: Bool?
        public var after: Bool?
        public var beforeDetail: String?
        public var afterDetail: String?

        public var flipped: Bool { before != nil && after != nil && before != after }
    }

    public var parameters: [ParameterChange]
    public var metrics: [MetricChange]
    /// Every claim of either side, in the new results' order (removed ones last).
    public var claims: [ClaimChange]
    /// Runs whose outcome changed or that appear on one side only ("sgd: completed → diverged").
    public var notes: [String]

    public var flippedClaims: [ClaimChange] { claims.filter { $0.flipped } }

    /// True when a reader would see nothing different.
    public var isEmpty: Bool {
        parameters.isEmpty && metrics.isEmpty && notes.isEmpty
            && claims.allSatisfy { $0.before == $0.after }
    }

    public init(before: ResultsDocument, after: ResultsDocument) {
        self.init(before: Side(before), after: Side(after))
    }

    /// The diff of two sides read any way: from documents, or from `results.json` texts
    /// (`Side(resultsJSON:)`, what the browser rerun compares in lessons.wasm).
    public init(before: Side, after: Side) {
        parameters = Self.parameterChanges(before.parameters, after.parameters)
        var metrics: [MetricChange] = []
        var notes: [String] = []
        for comparison in after.comparisons {
            guard let old = before.comparisons.first(where: { $0.title == comparison.title }) else {
                notes.append("\(comparison.title): new comparison")
                continue
            }
            Self.runChanges(comparison.title, before: old.runs, after: comparison.runs, &metrics, &notes)
        }
        for old in before.comparisons where !after.comparisons.contains(where: { $0.title == old.title }) {
            notes.append("\(old.title): comparison was removed")
        }
        // A sweep's point is a group of its own ("How much pos_weight?: posWeightScale = 2").
        for sweep in after.sweeps ?? [] {
            guard let old = before.sweeps?.first(where: { $0.title == sweep.title }) else {
                notes.append("\(sweep.title): new sweep")
                continue
            }
            for (value, runs) in zip(sweep.values, sweep.points) {
                let group = "\(sweep.title): \(sweep.parameter) = \(value)"
                guard let i = old.values.firstIndex(of: value), i < old.points.count, old.parameter == sweep.parameter else {
                    notes.append("\(group): new point")
                    continue
                }
                Self.runChanges(group, before: old.points[i], after: runs, &metrics, &notes)
            }
        }
        for old in before.sweeps ?? [] where !(after.sweeps ?? []).contains(where: { $0.title == old.title }) {
            notes.append("\(old.title): sweep was removed")
        }
        self.metrics = metrics
        self.notes = notes
        claims = Self.claimChanges(before.expectations, after.expectations)
    }

    /// The metrics and outcomes that moved between two lists of the same runs,
    /// and the runs found on one side only, under the heading `group`.
    private static func runChanges(_ group: String, before: [Side.RunValues], after: [Side.RunValues],
                                   _ metrics: inout [MetricChange], _ notes: inout [String]) {
        for run in after {
            guard let oldRun = before.first(where: { $0.name == run.name }) else {
                notes.append("\(group): run '\(run.name)' is new")
                continue
            }
            if oldRun.outcome != run.outcome {
                notes.append("\(group): run '\(run.name)': \(describe(oldRun.outcome)) → " + describe(run.outcome))
            }
            let was = oldRun.values, now = run.values
            for metric in Self.metrics(labels: run.labels) {
                guard let a = was[metric.key], let b = now[metric.key], !same(a, b) else { continue }
                metrics.append(MetricChange(comparison: group, run: run.name, key: metric.key, metric: metric.title,
                                            before: a, after: b, higherIsBetter: metric.higherIsBetter))
            }
        }
        for oldRun in before where !after.contains(where: { $0.name == oldRun.name }) {
            notes.append("\(group): run '\(oldRun.name)' was removed")
        }
    }

    // MARK: Reading values

    /// The numbers a run entry stands for, keyed as `RunAggregate.metrics` is
    /// (`macroF1`, ...; `recall(ring)` per label). The only function that reads
    /// metric values: a run trained with several seeds stands for their means.
    public static func metricValues(of entry: ResultsDocument.RunEntry) -> [String: Double] {
        if let aggregate = entry.aggregate {
            var values = aggregate.metrics.mapValues { $0.mean }
            for label in aggregate.perLabel { values["recall(\(label.label))"] = label.values["recall"]?.mean }
            return values
        }
        guard let m = entry.result.metrics else { return [:] }
        var values = m.values
        for label in m.perLabel { values["recall(\(label.label))"] = label.values["recall"] }
        return values
    }

    /// Every catalog metric in catalog order, then each label's recall.
    static func metrics(labels: [String]) -> [(key: String, title: String, higherIsBetter: Bool)] {
        MetricCatalog.all.map { ($0.name, $0.heading, $0.higherIsBetter) }
            + labels.map { ("recall(\($0))", "recall of \($0)", true) }
    }

    // MARK: Helpers

    private static func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }

    private static func describe(_ outcome: RunOutcome) -> String {
        switch outcome {
        case .completed: return "completed"
        case .diverged(let epoch, let step, _): return "diverged at epoch \(epoch), step \(step)"
        case .failed: return "could not train"
        }
    }

    private static func parameterChanges(_ before: [ResultsDocument.Parameter],
                                         _ after: [ResultsDocument.Parameter]) -> [ParameterChange] {
        var out: [ParameterChange] = []
        for p in after {
            let old = before.first { $0.name == p.name }?.value
            if old != p.value { out.append(ParameterChange(name: p.name, before: old, after: p.value)) }
        }
        for p in before where !after.contains(where: { $0.name == p.name }) {
            out.append(ParameterChange(name: p.name, before: p.value, after: nil))
        }
        return out
    }

    /// Claims matched by their text (the nth occurrence with the nth), so moving a claim is no change.
    private static func claimChanges(_ before: [ResultsDocument.ExpectationRecord],
                                     _ after: [ResultsDocument.ExpectationRecord]) -> [ClaimChange] {
        var unmatched = before
        var out: [ClaimChange] = []
        for claim in after {
            let old = unmatched.firstIndex { $0.source == claim.source }.map { unmatched.remove(at: $0) }
            out.append(ClaimChange(source: claim.source, line: claim.line, before: old?.passed, after: claim.passed,
                                   beforeDetail: old?.detail, afterDetail: claim.detail))
        }
        for old in unmatched {
            out.append(ClaimChange(source: old.source, line: old.line, before: old.passed, after: nil,
                                   beforeDetail: old.detail, afterDetail: nil))
        }
        return out
    }
}
