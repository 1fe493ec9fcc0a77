import Experiments
import ResultsRendering

#if !hasFeature(Embedded)
/// Claims checked on reports of any kind (natively only: Embedded Swift has no
/// existentials of non-class protocols), for hand-made reports in tests and tools.
extension Expectation {
    /// The claim on one set of reports, each a single number per metric (a
    /// multi-seed run reads as its means); `inAtLeast` needs the seeds, so it is
    /// checked by `evaluate(_: [String: RunSeries])`.
    public func evaluate(_ reports: [String: any RunReport]) -> ExpectationOutcome {
        checked(reports.mapValues(SomeReport.init))
    }

    /// The comparisons this claim made on `reports`, in the order written.
    public func comparedValues(_ reports: [String: any RunReport]) -> [ClaimValues] {
        comparedValues(of: reports.mapValues(SomeReport.init))
    }
}

/// A report of any kind as one concrete type, for the generic checks.
private struct SomeReport: RunReport {
    var base: any RunReport
    var diverged: Bool { base.diverged }
    var finalLoss: Double { base.finalLoss }
    func value(of metric: Metric) -> Double { base.value(of: metric) }
    func value(of metric: LabelMetric, label: String) -> Double { base.value(of: metric, label: label) }
    func value(of metric: EpochMetric, atEpoch epoch: Int) -> Double { base.value(of: metric, atEpoch: epoch) }
    var epochsTrained: Int { base.epochsTrained }
    var trainSeconds: Double { base.trainSeconds }
}
#endif
