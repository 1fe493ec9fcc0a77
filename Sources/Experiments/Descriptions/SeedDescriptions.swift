/// Descriptions of the seeds a comparison trains with, and of sweeps.
extension APICatalog {

    static let seeds = APITypeDescription(
        "Seeds", doc: "The seeds a `Compare` trains every run with; seed s redraws the dataset and reseeds every run.",
        literals: [
            APILiteral(.int, limits: .range(1...Double(Seeds.maximumCount)), doc: "`5`: seeds 1…5.") { v in
                Seeds(integerLiteral: v.int ?? 0)
            },
            APILiteral(.array(.int), limits: Limits(min: 0, max: Double(Int32.max), minCount: 1, maxCount: Seeds.maximumCount),
                       doc: "`[3, 7, 11]`: these seeds.") { v in
                Seeds((v.array ?? []).compactMap(\.int))
            },
        ],
        members: [
            APIMember("from", [
                APIArgument(nil, name: "first", .int, limits: seedLimits, doc: "The first seed."),
                APIArgument("count", .int, limits: .range(1...Double(Seeds.maximumCount)), doc: "How many seeds."),
            ], doc: "`first`, `first + 1`, …: with a lesson's `seed` parameter, `--set seed=2` shifts the list.",
                      check: { a in seedIssues(Seeds.from(a.int("first"), count: a.int("count")).values) }) { a in
                Seeds.from(a.int("first"), count: a.int("count"))
            },
        ])

    /// Seeds must be distinct and in range.
    static func seedIssues(_ values: [Int]) -> [APIIssue] {
        var seen: Set<Int> = []
        for (i, s) in values.enumerated() {
            if s < 0 || s > Int(Int32.max) { return [APIIssue([], "seed \(s) is outside 0...\(Int32.max)")] }
            if !seen.insert(s).inserted { return [APIIssue([.index(i)], "seed \(s) is listed twice")] }
        }
        return []
    }

    static let sweep = APITypeDescription(
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
            ], doc: "A sweep of one parameter.") { a in
                Sweep(a.string("title"), parameter: a.string("parameter"), values: a.doubles("values"), runs: a.strings("runs"),
                      metrics: a["metrics"].array.map { $0.compactMap { $0.object as? SweepMetric } })
            },
        ])

    /// Every catalog metric, as `.macroF1` or `.recall("ring")`.
    static let sweepMetric = APITypeDescription("SweepMetric", doc: "A metric a sweep chart plots.", members:
        MetricCatalog.all.map { metric in
            .plain(metric.name, SweepMetric(name: metric.name, label: nil), doc: metric.doc)
        } + LabelMetricCatalog.all.map { metric in
            APIMember(metric.name, [APIArgument(nil, name: "label", .string, limits: Limits(minCount: 1, maxCount: 80),
                                                doc: "The label.")],
                      doc: metric.doc) { a in SweepMetric(name: metric.name, label: a.string("label")) }
        })
}
