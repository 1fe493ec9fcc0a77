import Experiments

/// A run's result as `results.json` spells it (the form Swift's Codable gives
/// `RunResult`): what a page re-rendered from published results draws.
extension JSONField {
    func runResult() throws(ResultsReadError) -> RunResult {
        let timings = try member("timings")
        var result = RunResult(
            name: try member("name").string(), labels: try member("labels").strings(),
            history: try member("history").map { (e: JSONField) throws(ResultsReadError) in
                EpochSummary(epoch: try e.member("epoch").int(), trainLoss: try e.member("trainLoss").double(),
                             validationLoss: try e.optional("validationLoss")?.double())
            },
            outcome: try member("outcome").runOutcome(),
            thresholds: try optional("thresholds")?.doubles(),
            metrics: try optional("metrics")?.testMetrics(),
            timings: RunTimings(trainSeconds: try timings.member("trainSeconds").double(),
                                evaluateSeconds: try timings.member("evaluateSeconds").double()))
        result.alsoTested = try optional("alsoTested")?.map { (t: JSONField) throws(ResultsReadError) in
            OtherTest(name: try t.member("name").string(), metrics: try t.member("metrics").testMetrics())
        }
        return result
    }

    /// `{"completed": {}}`, `{"diverged": {"epoch", "step", "hint"}}` or `{"failed": {"message"}}`.
    func runOutcome() throws(ResultsReadError) -> RunOutcome {
        if optional("completed") != nil { return .completed }
        if let d = optional("diverged") {
            return .diverged(epoch: try d.member("epoch").int(), step: try d.member("step").int(), hint: try d.member("hint").string())
        }
        if let f = optional("failed") { return .failed(message: try f.member("message").string()) }
        throw fail("expected completed, diverged or failed")
    }

    func testMetrics() throws(ResultsReadError) -> TestMetrics {
        TestMetrics(
            values: try values(named: MetricCatalog.names),
            perLabel: try member("perLabel").map { (l: JSONField) throws(ResultsReadError) in
                LabelMetrics(label: try l.member("label").string(), values: try l.values(named: LabelMetricCatalog.names),
                             support: try l.member("support").int())
            },
            precisionRecallCurves: try member("precisionRecallCurves").map { (c: JSONField) throws(ResultsReadError) in
                PrecisionRecallCurve(label: try c.member("label").string(), recall: try c.member("recall").doubles(),
                                     precision: try c.member("precision").doubles())
            },
            reliability: try member("reliability").map { (b: JSONField) throws(ResultsReadError) in
                ReliabilityBin(lower: try b.member("lower").double(), upper: try b.member("upper").double(),
                               meanConfidence: try b.member("meanConfidence").double(),
                               observedFrequency: try b.member("observedFrequency").double(), count: try b.member("count").int())
            },
            testCount: try member("testCount").int())
    }

    /// A run of a comparison or sweep point over its seeds (the aggregate is recomputed
    /// from them, as the runner computes it, so it is the published one).
    func runSeries() throws(ResultsReadError) -> RunSeries {
        let name = try member("name").string()
        guard let seeds = optional("seeds") else {
            return RunSeries(name: name, seeds: [0], results: [try member("result").runResult()])
        }
        let entries = try seeds.elements()
        guard !entries.isEmpty else { throw seeds.fail("no seeds") }
        var numbers: [Int] = [], results: [RunResult] = []
        for entry in entries {
            numbers.append(try entry.member("seed").int())
            results.append(try entry.member("result").runResult())
        }
        return RunSeries(name: name, seeds: numbers, results: results)
    }
}
