import Experiments

/// A metric a section's claims read: `recall("ring")` is (recall, ring), `macroF1` is (macroF1, nil).
struct ClaimedMetric: Hashable {
    var name: String
    var label: String?

    /// "ring recall", "macro-F1".
    var title: String {
        if let label, let metric = LabelMetricCatalog.named(name) { return "\(label) \(metric.heading)" }
        return MetricCatalog.named(name)?.heading ?? name
    }

    /// The metrics the claims read on the given runs, in the order first written:
    /// every `results["run"].metric` or `.metric("label")` of a run in `runs`.
    static func read(in claims: [String], runs: Set<String>) -> [ClaimedMetric] {
        var found: [ClaimedMetric] = []
        for claim in claims {
            for (run, name, label) in ClaimSource.references(in: claim) {
                guard runs.contains(run) else { continue }
                let metric = ClaimedMetric(name: name, label: label)
                let known = metric.label == nil ? MetricCatalog.named(metric.name) != nil : LabelMetricCatalog.named(metric.name) != nil
                if known, !found.contains(metric) { found.append(metric) }
            }
        }
        return found
    }
}
