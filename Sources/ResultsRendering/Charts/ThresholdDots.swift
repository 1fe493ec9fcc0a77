import Experiments

extension ResultCharts {
    /// Thresholds tuned per seed, one panel per tuned run, one row per label, every
    /// seed's threshold a dot and the mean marked: how far a cut chosen on few
    /// validation positives wanders is read off the spread of the dots, not a "± sd".
    /// Nil when no run's thresholds differ between seeds (set, not tuned).
    func tunedThresholds() -> ChartFigure? {
        let tuned = runs.indices.compactMap { i -> (Int, [Summary])? in
            guard i < aggregates.count, let t = aggregates[i]?.thresholds, t.contains(where: { $0.min != $0.max }) else { return nil }
            return (i, t)
        }
        guard !tuned.isEmpty else { return nil }
        var rows: [[HTMLTable.Cell]] = []
        let charts = tuned.map { i, thresholds -> SeedStripChart in
            let seeds = aggregates[i]?.seeds ?? []
            let strips = zip(labels, thresholds).map { label, t in
                SeedStripChart.Row(run: label, style: i, seeds: seeds, values: t.values)
            }
            for strip in strips {
                for (seed, value) in zip(strip.seeds, strip.values) {
                    rows.append([.text(runs[i].name), .text(strip.run), HTMLTable.Cell(text: String(seed), numeric: true), .number(value)])
                }
            }
            return SeedStripChart(title: runs[i].name, rows: strips, width: 320)
        }
        return SeedStripChart.figure(
            id: "\(id)-threshold-dots",
            caption: "Tuned decision thresholds per label on the test set: each marker is one seed's threshold, "
                + "the tick and number their mean.",
            altText: "Dot charts of the tuned thresholds.", charts: charts,
            data: HTMLTable(caption: nil, header: ["run", "label", "seed", "threshold"], rows: rows))
    }
}
