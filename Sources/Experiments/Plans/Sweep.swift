/// One lesson parameter over a list of values: the named runs are rerun with the
/// parameter set to each value, exactly as `--set name=value` would set it, and
/// drawn as one chart of metrics against the value (seed bands when their
/// comparison has seeds). Sweeping a parameter rather than an argument means one
/// form for every knob a student can turn — a loss weight, the epochs, a
/// dataset's prevalence — and the runs keep their lesson code unchanged.
public struct Sweep: Codable, Hashable, Sendable {
    public var title: String
    /// The `swift parameters` name being swept (a number).
    public var parameter: String
    public var values: [Double]
    /// Runs of earlier comparisons to rerun at each value.
    public var runs: [String]
    /// What the chart plots; nil: macro-F1, mAP and the rarest label's recall and precision.
    public var metrics: [SweepMetric]?

    /// The lesson form. A Swift program (`lessons export`) checks claims; it draws
    /// no charts, so a sweep there only describes itself.
    @discardableResult
    public init(_ title: String, parameter: String, values: [Double], runs: [String], metrics: [SweepMetric]? = nil) {
        self.title = title
        self.parameter = parameter
        self.values = values
        self.runs = runs
        self.metrics = metrics
    }
}

/// A metric a sweep chart plots.
public enum SweepMetric: Codable, Hashable, Sendable {
    case macroF1
    case meanAveragePrecision
    case recall(String)
    case precision(String)
    case f1(String)
    case averagePrecision(String)

    /// Axis and legend text: `recall (ring)`.
    public var title: String {
        switch self {
        case .macroF1: return "macro-F1"
        case .meanAveragePrecision: return "mAP"
        case .recall(let l): return "recall (\(l))"
        case .precision(let l): return "precision (\(l))"
        case .f1(let l): return "F1 (\(l))"
        case .averagePrecision(let l): return "AP (\(l))"
        }
    }

    /// The label it reads, if any.
    public var label: String? {
        switch self {
        case .macroF1, .meanAveragePrecision: return nil
        case .recall(let l), .precision(let l), .f1(let l), .averagePrecision(let l): return l
        }
    }

    /// The metric of one finished run.
    public func read(_ report: any RunReport) -> Double {
        switch self {
        case .macroF1: return report.macroF1
        case .meanAveragePrecision: return report.meanAveragePrecision
        case .recall(let l): return report.recall(l)
        case .precision(let l): return report.precision(l)
        case .f1(let l): return report.f1(l)
        case .averagePrecision(let l): return report.averagePrecision(l)
        }
    }

    /// The default set: macro-F1, mAP, and the recall and precision of `rarest`.
    public static func defaults(rarest: String?) -> [SweepMetric] {
        [.macroF1, .meanAveragePrecision] + (rarest.map { [.recall($0), .precision($0)] } ?? [])
    }
}
