import Experiments

/// The dataset card shown before a comparison's results: sizes, per-label
/// prevalence in train and test, the share of images with 0 / 1 / ≥2 labels, and
/// a preview grid whose captions come from the labels as data (the PNG has no text).
struct DatasetCard {
    var summary: DatasetSummary
    /// Site-relative path of the preview PNG (written by the site writer), nil to omit.
    var previewPath: String?
    var id: String
    /// How many seeds the comparison draws the data with (the card shows the first draw).
    var seedCount = 1

    func html() -> String {
        let s = summary
        var out: MarkupBuffer = "<section class=\"dataset-card\" id=\"\(Markup.escape(id))\">"
        let shape = s.imageShape.map(String.init).joined(separator: "×")
        out += "<h4>Dataset: \(Markup.escape(s.kind))</h4>"
        out += "<p>\(s.trainCount) training, \(s.validationCount) validation and \(s.testCount) test images of \(shape) pixels; "
        out += "\(s.labels.count) labels"
        if seedCount > 1 { out += ". Shown: the first seed's draw; each of the \(seedCount) seeds draws the data anew.</p>" } else { out += ".</p>" }
        let rows: [[HTMLTable.Cell]] = s.labels.indices.map { i in
            [.text(s.labels[i]),
             HTMLTable.Cell(text: Markup.percent(s.trainPrevalence[i]), numeric: true),
             HTMLTable.Cell(text: Markup.percent(i < s.testPrevalence.count ? s.testPrevalence[i] : .nan), numeric: true),
             .number(i < s.balancedPosWeight.count ? s.balancedPosWeight[i] : .nan, digits: 2)]
        }
        out += "\(HTMLTable(caption: "Label prevalence (share of images carrying the label)", header: ["label", "train", "test", "balanced pos_weight"], rows: rows, regionLabel: "Label prevalence, dataset of \(id)").html())"
        let shares = s.labelCountShares + Array(repeating: Double.nan, count: max(0, 3 - s.labelCountShares.count))
        let perImage = HTMLTable(caption: "Labels per training image",
                                 header: ["labels per image", "share of images"],
                                 rows: zip(["0", "1", "≥2"], shares).map {
                                     [.text($0.0), HTMLTable.Cell(text: Markup.percent($0.1), numeric: true)]
                                 },
                                 regionLabel: "Labels per training image, dataset of \(id)")
        out += "\(perImage.html())"
        if let previewPath, !s.previewLabels.isEmpty {
            let captions = s.previewLabels.map { labels in
                "<li>\(labels.isEmpty ? "(no label)" : Markup.escape(labels.joined(separator: ", ")))</li>"
            }.joined()
            let alt = "Grid of \(s.previewLabels.count) sample training images, \(s.previewColumns) per row; labels listed below."
            // On a phone the grid keeps a readable size and scrolls sideways inside its own region.
            out += "<figure class=\"preview\"><div class=\"preview-scroll\" tabindex=\"0\" role=\"region\" "
            out += "aria-label=\"Sample training images, \(Markup.escape(id))\"><img src=\"\(Markup.escape(previewPath))\" "
            out += "alt=\"\(Markup.escape(alt))\" class=\"preview-grid\"></div>"
            out += "<figcaption>Labels of the sample training images, left to right, top to bottom:"
            out += "<ol class=\"preview-labels\" style=\"columns: 12rem; font-size: 0.85rem\">\(captions)</ol></figcaption></figure>"
        }
        out += "</section>"
        return out.text
    }
}
