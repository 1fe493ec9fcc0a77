import Experiments

/// A finished run as the result cache stores it: the result, and the names of
/// the metrics it was measured with. An entry measured before a metric was
/// added to a catalog is not used (the run trains and is measured again), so a
/// new metric needs no version bump and never reads as missing; the key itself
/// changes only with the run's resolved spec and the numerics.
struct CachedRun: Codable {
    var result: RunResult
    var metrics: [String]
    var labelMetrics: [String]

    init(_ result: RunResult) {
        self.result = result
        metrics = MetricCatalog.names
        labelMetrics = LabelMetricCatalog.names
    }

    /// True when the entry was measured with every metric the catalogs have now.
    var isCurrent: Bool {
        Set(MetricCatalog.names).isSubset(of: metrics) && Set(LabelMetricCatalog.names).isSubset(of: labelMetrics)
    }
}
