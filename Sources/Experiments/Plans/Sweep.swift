import PortableJSON

/// One lesson parameter over a list of values: the named runs are rerun with the
/// parameter set to each value, exactly as `--set name=value` would set it, and
/// drawn as one chart of metrics against the value (seed bands when their
/// comparison has seeds). Sweeping a parameter rather than an argument means one
/// form for every knob a student can turn — a loss weight, the epochs, a
/// dataset's prevalence — and the runs keep their lesson code unchanged.
public struct Sweep: Hashable, Sendable {
    public var title: String
    /// The `swift parameters` name being swept (a number).
    public var parameter: String
    public var values: [Double]
    /// Runs of earlier comparisons to rerun at each value.
    public var runs: [String]
    /// What the chart plots; nil: macro-F1, mAP and the rarest label's recall and precision.
    public var metrics: [SweepMetric]?
    /// The x axis's label; nil: the parameter's name.
    public var label: String?

    /// The lesson form. A Swift program (`lessons export`) checks claims; it draws
    /// no charts, so a sweep there only describes itself.
    @discardableResult
    public init(_ title: String, parameter: String, values: [Double], runs: [String], metrics: [SweepMetric]? = nil,
                label: String? = nil) {
        self.title = title
        self.parameter = parameter
        self.values = values
        self.runs = runs
        self.metrics = metrics
        self.label = label
    }
}

/// A metric a sweep chart plots: any catalog metric, a label metric with its label.
public struct SweepMetric: Hashable, Sendable {
    /// The metric's name in `MetricCatalog` or `LabelMetricCatalog`.
    public var name: String
    /// The label a label metric reads; nil for a run metric.
    public var label: String?
    /// The epoch an `EpochMetricCatalog` metric is read at (`.validationLoss(atEpoch: 10)`); nil for the others.
    public var epoch: Int?

    /// A metric by its catalog name (a page context read back, a lesson's `.recall("ring")`).
    public init(name: String, label: String?, epoch: Int? = nil) {
        self.name = name
        self.label = label
        self.epoch = epoch
    }

    /// `trainSeconds`: read from the result's timings, not from the catalogs.
    public static let trainSeconds = "trainSeconds"

    /// True when `name` (with or without a label or an epoch) names something a run can be read by.
    public var isKnown: Bool {
        if epoch != nil { return EpochMetricCatalog.named(name) != nil }
        if label != nil { return LabelMetricCatalog.named(name) != nil }
        return name == Self.trainSeconds || MetricCatalog.named(name) != nil
    }

    /// Axis and legend text: `macro-F1`, `recall (ring)`, `validation loss at epoch 10`.
    public var title: String {
        if let epoch, let metric = EpochMetricCatalog.named(name) { return metric.title(atEpoch: epoch) }
        if name == Self.trainSeconds { return "training time (s)" }
        guard let label else { return MetricCatalog.named(name)?.heading ?? name }
        return "\(LabelMetricCatalog.named(name)?.heading ?? name) (\(label))"
    }

    /// The metric of one finished run.
    public func read<Report: RunReport>(_ report: Report) -> Double {
        if let epoch, let metric = EpochMetricCatalog.named(name) { return report.value(of: metric, atEpoch: epoch) }
        if name == Self.trainSeconds { return report.trainSeconds }
        if let label, let metric = LabelMetricCatalog.named(name) { return report.value(of: metric, label: label) }
        return MetricCatalog.named(name).map { report.value(of: $0) } ?? .nan
    }
}

extension SweepMetric {
    /// The default set: macro-F1, mAP, and the recall and precision of `rarest`
    /// (natively and in lessons.wasm, which plots a rerun's sweep).
    public static func defaults(rarest: String?) -> [SweepMetric] {
        let runs = MetricCatalog.standard, labels = LabelMetricCatalog.standard
        return [SweepMetric(name: runs.macroF1.name, label: nil), SweepMetric(name: runs.meanAveragePrecision.name, label: nil)]
            + (rarest.map { [SweepMetric(name: labels.recall.name, label: $0), SweepMetric(name: labels.precision.name, label: $0)] } ?? [])
    }

    /// The label of lowest prevalence in a dataset description (the last on ties; the last
    /// label when the prevalences are unknown or do not match the labels): whose recall and
    /// precision the default set plots.
    public static func rarestLabel(prevalence: [Double]?, labels: [String]) -> String? {
        guard let prevalence, prevalence.count == labels.count, let low = prevalence.min(),
              let i = prevalence.lastIndex(of: low) else { return labels.last }
        return labels[i]
    }
}

#if !hasFeature(Embedded)
// Key-path forms, defaults and Codable (native only).
extension Sweep: Codable {}
extension SweepMetric: Codable {}

extension SweepMetric {
    /// `SweepMetric(\.macroF1)`.
    public init(_ metric: KeyPath<MetricCatalog, Metric>) {
        name = MetricCatalog.standard[keyPath: metric].name
        label = nil
    }

    /// `SweepMetric(\.recall, label: "ring")`.
    public init(_ metric: KeyPath<LabelMetricCatalog, LabelMetric>, label: String) {
        name = LabelMetricCatalog.standard[keyPath: metric].name
        self.label = label
    }
}
#endif

extension Sweep: DeclaredType {
    public static let typeName = "Sweep"
    static let title = ArgumentKey<String>(nil, name: "title", limits: Limits(minCount: 1, maxCount: 120), doc: "Heading of the chart.")
    static let parameter = ArgumentKey<String>("parameter", limits: Limits(minCount: 1, maxCount: 80),
                                               doc: "A number declared in a `swift parameters` block.")
    static let values = ArgumentKey<[Double]>("values", limits: Limits(minCount: 2, maxCount: 12), doc: "The values, in chart order.")
    static let runs = ArgumentKey<[String]>("runs", limits: Limits(minCount: 1, maxCount: 4), doc: "Names of runs declared in earlier comparisons.")
    static let metrics = ArgumentKey<[SweepMetric]?>("metrics", default: nil, limits: Limits(minCount: 1, maxCount: 6),
                                                     doc: "What to plot; nil: macro-F1, mAP and the rarest label's recall and precision.")
    static let label = ArgumentKey<String?>("label", default: nil, limits: Limits(minCount: 1, maxCount: 80),
                                            doc: "The x axis's label, e.g. \"training epochs\" for a factor the runs multiply; nil: the parameter's name.")

    public static let members = [
        DeclaredMember("init", [title.facts, parameter.facts, values.facts, runs.facts, metrics.facts, label.facts],
                       doc: "A sweep of one parameter.") { a throws(JSONError) in
            Sweep(try a(title), parameter: try a(parameter), values: try a(values), runs: try a(runs), metrics: try a(metrics),
                  label: try a(label))
        },
    ]

    static let description = APITypeDescription(
        declared: Sweep.self, doc: "Reruns runs with one lesson parameter set to each value (as `--set` would) and draws one chart.")
}

extension SweepMetric: DeclaredType {
    public static let typeName = "SweepMetric"
    static let label = ArgumentKey<String>(nil, name: "label", limits: Limits(minCount: 1, maxCount: 80), doc: "The label.")
    static let atEpoch = ArgumentKey<Int>("atEpoch", limits: Limits(min: 1, max: 100_000), doc: "The epoch, 1-based.")

    /// Every catalog metric, as `.macroF1`, `.recall("ring")` or `.validationLoss(atEpoch: 10)`, and `.trainSeconds`.
    public static let members: [DeclaredMember<SweepMetric>] =
        MetricCatalog.all.map { metric in
            .plain(metric.name, SweepMetric(name: metric.name, label: nil), doc: metric.doc)
        } + LabelMetricCatalog.all.map { metric in
            DeclaredMember(metric.name, [label.facts], doc: metric.doc) { a throws(JSONError) in
                SweepMetric(name: metric.name, label: try a(label))
            }
        } + EpochMetricCatalog.all.map { metric in
            DeclaredMember(metric.name, [atEpoch.facts], doc: metric.doc) { a throws(JSONError) in
                SweepMetric(name: metric.name, label: nil, epoch: try a(atEpoch))
            }
        } + [.plain(trainSeconds, SweepMetric(name: trainSeconds, label: nil), doc: trainSecondsDoc)]

    /// Codable writes the metric's fields (`{"name": "recall", "label": "ring"}`), not a member's arguments.
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> SweepMetric {
        let json = try present(json, path)
        func field<V: ArgumentValue>(_ name: String, _ type: V.Type) throws(JSONError) -> V {
            try V.read(json: json.optionalField(name, path), path + "." + name)
        }
        return SweepMetric(name: try field("name", String.self), label: try field("label", String?.self), epoch: try field("epoch", Int?.self))
    }

    static let description = APITypeDescription(declared: SweepMetric.self, doc: "A metric a sweep chart plots.")

    private static var trainSecondsDoc: String {
        #if hasFeature(Embedded)
        ""
        #else
        ReportMetric.trainSecondsDoc
        #endif
    }
}
