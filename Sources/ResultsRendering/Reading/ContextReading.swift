import Experiments

/// The page context (`ResultsPageContext`) from its JSON form, without Codable.
extension JSONField {
    func pageContext() -> ResultsPageContext {
        ResultsPageContext(
            lessonID: member("lessonID").string(),
            comparisons: member("comparisons").map { (c: JSONField) in
                ResultsPageContext.ComparisonPage(show: c.optional("show")?.strings(),
                                                  dataset: c.optional("dataset")?.datasetSummary(),
                                                  preview: c.optional("preview")?.string())
            },
            sweeps: member("sweeps").map { (s: JSONField) in
                ResultsPageContext.SweepPage(
                    metrics: s.member("metrics").map { (m: JSONField) in
                        SweepMetric(name: m.member("name").string(), label: m.optional("label")?.string(),
                                    epoch: m.optional("epoch")?.int())
                    },
                    axisLabel: s.member("axisLabel").string())
            },
            expectationBlocks: member("expectationBlocks").ints())
    }

    /// A dataset card's numbers, as Codable spells `DatasetSummary` (the PNG is not read).
    func datasetSummary() -> DatasetSummary {
        DatasetSummary(
            kind: member("kind").string(), labels: member("labels").strings(),
            trainCount: member("trainCount").int(), validationCount: member("validationCount").int(),
            testCount: member("testCount").int(), imageShape: member("imageShape").ints(),
            trainPrevalence: member("trainPrevalence").doubles(), testPrevalence: member("testPrevalence").doubles(),
            labelCountShares: member("labelCountShares").doubles(), balancedPosWeight: member("balancedPosWeight").doubles(),
            previewPNG: [], previewColumns: member("previewColumns").int(),
            previewLabels: member("previewLabels").map { (l: JSONField) in l.strings() })
    }

    /// One checked claim as `results.json` records it.
    func expectationRecord() -> ResultsDocument.ExpectationRecord {
        ResultsDocument.ExpectationRecord(
            line: member("line").int(), column: member("column").int(), source: member("source").string(),
            passed: member("passed").bool(), detail: member("detail").string(),
            required: optional("required")?.int(),
            seeds: optional("seeds")?.map { (s: JSONField) in
                SeedCheck(seed: s.member("seed").int(), passed: s.member("passed").bool(), detail: s.member("detail").string())
            },
            values: optional("values")?.map { (v: JSONField) in
                ClaimValues(left: v.member("left").string(), leftValue: v.member("leftValue").double(),
                            comparison: v.member("comparison").string(), right: v.member("right").string(),
                            rightValue: v.member("rightValue").double(), margin: v.optional("margin")?.double(),
                            holds: v.member("holds").bool())
            },
            sanityCheck: optional("sanityCheck")?.bool())
    }
}
