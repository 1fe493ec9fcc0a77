import Experiments

/// A metric a section's claims read: `recall("ring")` is (recall, ring), `macroF1` is (macroF1, nil),
/// `validationLoss(atEpoch: 10)` is (validationLoss, epoch 10).
struct ClaimedMetric: Hashable {
    var name: String
    var label: String?
    var epoch: Int? = nil

    /// The same metric as a sweep reads it from a run (every kind: catalog, label, epoch, time).
    var sweepMetric: SweepMetric { SweepMetric(name: name, label: label, epoch: epoch) }

    /// "ring recall", "macro-F1".
    var title: String {
        if epoch != nil || name == SweepMetric.trainSeconds { return sweepMetric.title }
        if let label, let metric = LabelMetricCatalog.named(name) { return "\(label) \(metric.heading)" }
        return MetricCatalog.named(name)?.heading ?? name
    }

    /// The metrics the claims read on the given runs, in the order first written:
    /// every `results["run"].metric` or `.metric("label")` of a run in `runs`.
    static func read(in claims: [String], runs: Set<String>) -> [ClaimedMetric] {
        var found: [ClaimedMetric] = []
        for claim in claims {
            for (run, name, label, epoch) in ClaimSource.references(in: claim) {
                guard runs.contains(run) else { continue }
                let metric = ClaimedMetric(name: name, label: label, epoch: epoch)
                if metric.sweepMetric.isKnown, !found.contains(metric) { found.append(metric) }
            }
        }
        return found
    }
}
