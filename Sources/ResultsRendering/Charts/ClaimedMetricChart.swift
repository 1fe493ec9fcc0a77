import Experiments

extension ResultCharts {
    /// The claimed metrics per run, every seed a dot and the mean marked: the chart
    /// that answers the section's question (`ResultView.claimed`).
    func claimed(_ metrics: [ClaimedMetric]) -> ChartFigure? {
        let done = runs.enumerated().filter { $0.element.metrics != nil }
        guard !done.isEmpty, !metrics.isEmpty else { return nil }
        var rows: [[HTMLTable.Cell]] = []
        var charts: [SeedStripChart] = []
        for metric in metrics {
            let strips = done.map { i, run -> SeedStripChart.Row in
                let (seeds, values) = seedValues(metric, run: i)
                return SeedStripChart.Row(run: run.name, style: i, seeds: seeds, values: values)
            }
            for strip in strips {
                for (seed, value) in zip(strip.seeds, strip.values) {
                    rows.append([.text(metric.title), .text(strip.run), HTMLTable.Cell(text: String(seed), numeric: true), .number(value)])
                }
                rows.append([.text(metric.title), .text(strip.run), .text(strip.seeds.isEmpty ? "—" : "mean"), .number(strip.mean)])
            }
            charts.append(SeedStripChart(title: metric.title, rows: strips, width: 320))
        }
        let seedCounts = Set(done.map { seedValues(metrics[0], run: $0.offset).values.count })
        let seeds = seedCounts.count == 1 ? seedCounts.first! : seedCounts.max()!
        return SeedStripChart.figure(
            id: "\(id)-claimed",
            caption: "What the claims compare: " + metrics.map { $0.title }.joined(separator: ", ") + " per run on the test set"
                + (seeds > 1 ? "; each marker is one seed (\(seeds) per run), the tick and number are their mean." : "."),
            altText: "Dot charts of the claimed metrics.", charts: charts,
            data: HTMLTable(caption: nil, header: ["metric", "run", "seed", "value"], rows: rows))
    }

    /// Each seed's value of a metric for run `index` (one seed: the run's own).
    func seedValues(_ metric: ClaimedMetric, run index: Int) -> (seeds: [Int], values: [Double]) {
        if metric.epoch != nil || metric.name == SweepMetric.trainSeconds {
            // Not summarised over seeds: read from each seed the aggregate summarises (those that completed).
            let seeds = index < seedResults.count ? seedResults[index].filter { $0.outcome.isCompleted && $0.metrics != nil } : []
            return (seeds.isEmpty ? [] : aggregate(index)?.seeds ?? [], (seeds.isEmpty ? [runs[index]] : seeds).map { metric.sweepMetric.read($0) })
        }
        if index < aggregates.count, let a = aggregates[index] {
            let summary = metric.label.map { a.label($0)?.values[metric.name] } ?? a.metrics[metric.name]
            if let summary = summary ?? nil { return (a.seeds, summary.values) }
        }
        let run = runs[index]
        if let label = metric.label {
            return ([], [run.labelMetrics(label)?.values[metric.name] ?? .nan])
        }
        return ([], [MetricCatalog.named(metric.name).map { run.value(of: $0) } ?? .nan])
    }
}
