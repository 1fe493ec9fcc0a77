import Experiments
import PortableSort

extension ResultCharts {
    /// One run's loss curves as drawn: the mean over its seeds when it has several.
    private struct Curve {
        var name: String, style: Int, seeds: Int
        var training: [(x: Double, y: Double)], validation: [(x: Double, y: Double)]

        /// True when `other` runs along this curve, point for point, over all of its own epochs.
        func covers(_ other: Curve) -> Bool {
            other.training.count <= training.count && other.validation.count <= validation.count
                && zip(other.training, training).allSatisfy { $0 == $1 } && zip(other.validation, validation).allSatisfy { $0 == $1 }
        }
    }

    private var curves: [Curve] {
        runs.enumerated().compactMap { i, run -> Curve? in
            if let a = aggregate(i), !a.history.isEmpty {
                return Curve(name: run.name, style: i, seeds: a.seeds.count,
                             training: a.history.map { (Double($0.epoch), $0.trainLoss.mean) },
                             validation: a.history.compactMap { e in e.validationLoss.map { (Double(e.epoch), $0.mean) } })
            }
            guard !run.history.isEmpty else { return nil }
            return Curve(name: run.name, style: i, seeds: 1, training: run.history.map { (Double($0.epoch), $0.trainLoss) },
                         validation: run.history.compactMap { e in e.validationLoss.map { (Double(e.epoch), $0) } })
        }
    }

    /// Each run's training (solid) and validation (dashed) loss on one axis, in the run's
    /// colour, so the generalisation gap reads directly. Long runs get no markers; longer
    /// runs are drawn first, so a shorter run that follows one exactly stays visible on
    /// top, and the caption says which lines hide which.
    func learningCurve() -> ChartFigure? {
        let curves = self.curves
        guard !curves.isEmpty else { return nil }
        let drawn = curves.stablySorted { ($0.training.count, -$0.style) > ($1.training.count, -$1.style) }
        let last = Double(drawn[0].training.count)
        let markers = last <= 20
        var series: [LineChart.Series] = [], rows: [[HTMLTable.Cell]] = [], alt: [String] = []
        for c in drawn {
            series.append(.init(name: c.name, points: c.training, markers: markers, style: c.style, dash: ""))
            if !c.validation.isEmpty {
                series.append(.init(name: c.name, points: c.validation, markers: markers, style: c.style, dash: "5 3"))
            }
        }
        for c in curves {
            let name = c.seeds > 1 ? "\(c.name) (mean of \(c.seeds) seeds)" : c.name
            for (e, t) in c.training.enumerated() {
                let v = e < c.validation.count ? c.validation[e].y : .nan
                rows.append([.text(name), HTMLTable.Cell(text: String(Int(t.x)), numeric: true), .number(t.y, digits: 4),
                             .number(v, digits: 4), .number(v - t.y, digits: 4)])
            }
            var text = "\(name): training loss from \(Markup.number(c.training[0].y, digits: 4)) to \(Markup.number(c.training.last!.y, digits: 4))"
            if let best = c.validation.min(by: { $0.y < $1.y }), let end = c.validation.last {
                text += ", validation loss lowest \(Markup.number(best.y, digits: 4)) at epoch \(Int(best.x)), "
                    + "\(Markup.number(end.y, digits: 4)) at epoch \(Int(end.x))"
            }
            alt.append(text)
        }
        var hidden: [String] = []
        for (i, c) in curves.enumerated() {
            if let under = curves.indices.first(where: { $0 != i && curves[$0].covers(c) && ($0 < i || !c.covers(curves[$0])) }) {
                hidden.append(c.training.count == curves[under].training.count
                    ? "\(c.name) and \(curves[under].name) have the same curves (one hides the other)"
                    : "\(c.name) runs exactly along \(curves[under].name) for its \(c.training.count) epochs (drawn on top of it)")
            }
        }
        let legend = curves.map { ChartLegend.Entry(name: $0.name, style: $0.style, dash: "", marker: markers) }
            + [ChartLegend.Entry(name: "training", style: nil, dash: "", marker: false),
               ChartLegend.Entry(name: "validation", style: nil, dash: "5 3", marker: false)]
        func chart(_ width: Double) -> SVGCanvas {
            Self.lossChart(series, yLabel: "loss", title: nil, legend: legend, width: width, height: 300, xDomain: (0, last))
        }
        let seeds = curves.map { $0.seeds }.max() ?? 1
        let caption = "Training loss (solid) and validation loss (dashed) per epoch on one axis, one colour per run: the gap "
            + "between a run's two lines is how much better it fits the images it trains on. The training loss is the mean over "
            + "the epoch's batches while it trained, with the run's pos_weight or sample weights; the validation loss is measured "
            + "after the epoch, without sample weights." + (seeds > 1 ? " Lines are means over the seeds." : "")
            + (hidden.isEmpty ? "" : " Lines that coincide: " + hidden.joined(separator: "; ") + ".")
        return ChartFigure(
            id: "\(id)-learning-curve", caption: caption,
            altText: "Line chart of training and validation loss per epoch on one axis. " + alt.joined(separator: "; ") + ".",
            svgs: [chart(640)],
            data: HTMLTable(caption: nil, header: ["run", "epoch", "training loss", "validation loss", "validation − training"], rows: rows),
            narrowSVGs: [chart(340)])
    }
}
