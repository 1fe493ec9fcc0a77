import Experiments

/// The page context (`ResultsPageContext`) from its JSON form, without Codable.
extension JSONField {
    func pageContext() throws(ResultsReadError) -> ResultsPageContext {
        ResultsPageContext(
            lessonID: try member("lessonID").string(),
            comparisons: try member("comparisons").map { (c: JSONField) throws(ResultsReadError) in
                ResultsPageContext.ComparisonPage(show: try c.optional("show")?.strings(),
                                                  dataset: try c.optional("dataset")?.datasetSummary(),
                                                  preview: try c.optional("preview")?.string())
            },
            sweeps: try member("sweeps").map { (s: JSONField) throws(ResultsReadError) in
                ResultsPageContext.SweepPage(
                    metrics: try s.member("metrics").map { (m: JSONField) throws(ResultsReadError) in
                        SweepMetric(name: try m.member("name").string(), label: try m.optional("label")?.string(),
                                    epoch: try m.optional("epoch")?.int())
                    },
                    axisLabel: try s.member("axisLabel").string())
            },
            expectationBlocks: try member("expectationBlocks").ints())
    }

    /// A dataset card's numbers, as Codable spells `DatasetSummary` (the PNG is not read).
    func datasetSummary() throws(ResultsReadError) -> DatasetSummary {
        DatasetSummary(
            kind: try member("kind").string(), labels: try member("labels").strings(),
            trainCount: try member("trainCount").int(), validationCount: try member("validationCount").int(),
            testCount: try member("testCount").int(), imageShape: try member("imageShape").ints(),
            trainPrevalence: try member("trainPrevalence").doubles(), testPrevalence: try member("testPrevalence").doubles(),
            labelCountShares: try member("labelCountShares").doubles(), balancedPosWeight: try member("balancedPosWeight").doubles(),
            previewPNG: [], previewColumns: try member("previewColumns").int(),
            previewLabels: try member("previewLabels").map { (l: JSONField) throws(ResultsReadError) in try l.strings() })
    }

    /// One checked claim as `results.json` records it.
    func expectationRecord() throws(ResultsReadError) -> ResultsDocument.ExpectationRecord {
        ResultsDocument.ExpectationRecord(
            line: try member("line").int(), column: try member("column").int(), source: try member("source").string(),
            passed: try member("passed").bool(), detail: try member("detail").string(),
            required: try optional("required")?.int(),
            seeds: try optional("seeds")?.map { (s: JSONField) throws(ResultsReadError) in
                SeedCheck(seed: try s.member("seed").int(), passed: try s.member("passed").bool(), detail: try s.member("detail").string())
            },
            values: try optional("values")?.map { (v: JSONField) throws(ResultsReadError) in
                ClaimValues(left: try v.member("left").string(), leftValue: try v.member("leftValue").double(),
                            comparison: try v.member("comparison").string(), right: try v.member("right").string(),
                            rightValue: try v.member("rightValue").double(), margin: try v.optional("margin")?.double(),
                            holds: try v.member("holds").bool())
            },
            sanityCheck: try optional("sanityCheck")?.bool())
    }
}
