import Datasets
import Experiments
import PortableJSON
import PortableRun
import ResultsRendering

/// A comparison's dataset card for a page whose rerun changed the data (`lessons_dataset_card`):
/// the request is `{"dataset": D}` (D as `DatasetSource` writes it: the comparison's first
/// pair's data), the published results.json gives the fingerprints of mosaics' files. The
/// answer is JSON; the preview's pixels come apart (`pixels`), for the page to draw:
///
///     {"hash": "<sha-256>", "preview": "dataset-<first 12>.png",   // absent: no preview
///      "summary": {<DatasetSummary as Codable writes it, previewPNG empty: the page context's "dataset">},
///      "sweepMetrics": [{"name", "label"}],   // what a sweep on this data plots by default
///      "grid": {"width", "height", "channels", "rows", "columns",
///               "cells": [{"row", "column", "index", "labels"}]}}      // absent: no preview
public enum DatasetCardRequest {
    public static func answer(published: [UInt8], request: [UInt8],
                              fashion: FashionImages? = nil) throws(ResultsReadError) -> (json: String, pixels: [UInt8]) {
        do {
            let files = try DataFiles.read(JSONValue(parsing: published))
            let data = try PairData(source: JSONValue(parsing: request).field("dataset", "request"), "request.dataset")
            let card = try RerunData.card(data, files: files, fashion: fashion, "request.dataset")
            var fields: [String: JSONValue] = [
                "hash": .string(card.hash), "summary": card.summary.json,
                "sweepMetrics": .array(data.defaultSweepMetrics.map { metric in
                    var f: [String: JSONValue] = ["name": .string(metric.name)]
                    if let label = metric.label { f["label"] = .string(label) }
                    return .object(f)
                }),
            ]
            guard let grid = card.preview else { return (JSONValue.object(fields).text, []) }
            fields["preview"] = .string(ResultsSections.previewName(datasetHash: card.hash))
            fields["grid"] = .object([
                "width": .number(Double(grid.width)), "height": .number(Double(grid.height)),
                "channels": .number(Double(grid.channels)), "rows": .number(Double(grid.rows)),
                "columns": .number(Double(grid.columns)),
                "cells": .array(grid.cells.map { cell in
                    .object(["row": .number(Double(cell.row)), "column": .number(Double(cell.column)),
                             "index": .number(Double(cell.index)), "labels": .array(cell.labels.map { .string($0) })])
                }),
            ])
            return (JSONValue.object(fields).text, grid.pixels)
        } catch {
            throw ResultsReadError(error.description)
        }
    }
}
