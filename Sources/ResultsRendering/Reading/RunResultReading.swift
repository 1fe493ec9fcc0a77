import Experiments

/// A run's result as `results.json` spells it (the form Swift's Codable gives
/// `RunResult`): what a page re-rendered from published results draws.
extension JSONField {
    func runResult() -> RunResult {
        let timings = member("timings")
        var result = RunResult(
            name: member("name").string(), labels: member("labels").strings(),
            history: member("history").map { (e: JSONField) in
                EpochSummary(epoch: e.member("epoch").int(), trainLoss: e.member("trainLoss").double(),
                             validationLoss: e.optional("validationLoss")?.double())
            },
            outcome: member("outcome").runOutcome(),
            thresholds: optional("thresholds")?.doubles(),
            metrics: optional("metrics")?.testMetrics(),
            timings: RunTimings(trainSeconds: timings.member("trainSeconds").double(),
                                evaluateSeconds: timings.member("evaluateSeconds").double()))
        result.alsoTested = optional("alsoTested")?.map { (t: JSONField) in
            OtherTest(name: t.member("name").string(), metrics: t.member("metrics").testMetrics())
        }
        return result
    }

    /// `{"completed": {}}`, `{"diverged": {"epoch", "step", "hint"}}` or `{"failed": {"message"}}`.
    func runOutcome() -> RunOutcome {
        if optional("completed") != nil { return .completed }
        if let d = optional("diverged") {
            return .diverged(epoch: d.member("epoch").int(), step: d.member("step").int(), hint: d.member("hint").string())
        }
        if let f = optional("failed") { return .failed(message: f.member("message").string()) }
        fail("expected completed, diverged or failed")
        return .completed
    }

    func testMetrics() -> TestMetrics {
        TestMetrics(
            values: values(named: MetricCatalog.names),
            perLabel: member("perLabel").map { (l: JSONField) in
                LabelMetrics(label: l.member("label").string(), values: l.values(named: LabelMetricCatalog.names),
                             support: l.member("support").int())
            },
            precisionRecallCurves: member("precisionRecallCurves").map { (c: JSONField) in
                PrecisionRecallCurve(label: c.member("label").string(), recall: c.member("recall").doubles(),
                                     precision: c.member("precision").doubles())
            },
            reliability: member("reliability").map { (b: JSONField) in
                ReliabilityBin(lower: b.member("lower").double(), upper: b.member("upper").double(),
                               meanConfidence: b.member("meanConfidence").double(),
                               observedFrequency: b.member("observedFrequency").double(), count: b.member("count").int())
            },
            testCount: member("testCount").int())
    }

    /// A run of a comparison or sweep point over its seeds (the aggregate is recomputed
    /// from them, as the runner computes it, so it is the published one).
    func runSeries() -> RunSeries {
        let name = member("name").string()
        guard let seeds = optional("seeds") else {
            return RunSeries(name: name, seeds: [0], results: [member("result").runResult()])
        }
        let entries = seeds.elements()
        guard !entries.isEmpty else {
            seeds.fail("no seeds")
            return RunSeries(name: name, seeds: [], results: [])
        }
        var numbers: [Int] = [], results: [RunResult] = []
        for entry in entries {
            numbers.append(entry.member("seed").int())
            results.append(entry.member("result").runResult())
        }
        // Placeholders are not averaged over seeds: the reader throws the failure instead.
        return failed ? RunSeries(name: name, seeds: [], results: []) : RunSeries(name: name, seeds: numbers, results: results)
    }
}
