#if !hasFeature(Embedded)
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
#endif

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

#if !hasFeature(Embedded)
// The lesson vocabulary: key-path forms, defaults, Codable and the API descriptions (native only).
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

    /// The default set: macro-F1, mAP, and the recall and precision of `rarest`.
    public static func defaults(rarest: String?) -> [SweepMetric] {
        [SweepMetric(\.macroF1), SweepMetric(\.meanAveragePrecision)]
            + (rarest.map { [SweepMetric(\.recall, label: $0), SweepMetric(\.precision, label: $0)] } ?? [])
    }
}

extension Sweep {
    static let description = APITypeDescription(
        "Sweep", doc: "Reruns runs with one lesson parameter set to each value (as `--set` would) and draws one chart.",
        members: [
            APIMember("init", [
                APIArgument(nil, name: "title", .string, limits: Limits(minCount: 1, maxCount: 120), doc: "Heading of the chart."),
                APIArgument("parameter", .string, limits: Limits(minCount: 1, maxCount: 80),
                            doc: "A number declared in a `swift parameters` block."),
                APIArgument("values", .array(.double), limits: Limits(minCount: 2, maxCount: 12),
                            doc: "The values, in chart order."),
                APIArgument("runs", .array(.string), limits: Limits(minCount: 1, maxCount: 4),
                            doc: "Names of runs declared in earlier comparisons."),
                APIArgument("metrics", .optional(.array(.api("SweepMetric"))), default: "nil", limits: Limits(minCount: 1, maxCount: 6),
                            doc: "What to plot; nil: macro-F1, mAP and the rarest label's recall and precision."),
                APIArgument("label", .optional(.string), default: "nil", limits: Limits(minCount: 1, maxCount: 80),
                            doc: "The x axis's label, e.g. \"training epochs\" for a factor the runs multiply; nil: the parameter's name."),
            ], doc: "A sweep of one parameter.") { a in
                Sweep(a.string("title"), parameter: a.string("parameter"), values: a.doubles("values"), runs: a.strings("runs"),
                      metrics: a["metrics"].array.map { $0.compactMap { $0.object as? SweepMetric } },
                      label: a["label"].string)
            },
        ])
}

extension SweepMetric {
    /// Every catalog metric, as `.macroF1` or `.recall("ring")`.
    static let description = APITypeDescription("SweepMetric", doc: "A metric a sweep chart plots.", members:
        MetricCatalog.all.map { metric in
            .plain(metric.name, SweepMetric(name: metric.name, label: nil), doc: metric.doc)
        } + LabelMetricCatalog.all.map { metric in
            APIMember(metric.name, [APIArgument(nil, name: "label", .string, limits: Limits(minCount: 1, maxCount: 80),
                                                doc: "The label.")],
                      doc: metric.doc) { a in SweepMetric(name: metric.name, label: a.string("label")) }
        } + EpochMetricCatalog.all.map { metric in
            APIMember(metric.name, [APIArgument("atEpoch", .int, limits: Limits(min: 1, max: 100_000), doc: "The epoch, 1-based.")],
                      doc: metric.doc) { a in SweepMetric(name: metric.name, label: nil, epoch: a.int("atEpoch")) }
        } + [timeMember])

    /// `.trainSeconds`: the training time, from the result's timings.
    private static let timeMember = APIMember.plain(trainSeconds, SweepMetric(name: trainSeconds, label: nil),
                                                    doc: ReportMetric.trainSecondsDoc)
}
#endif
