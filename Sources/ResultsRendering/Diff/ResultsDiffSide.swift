import Experiments

extension ResultsDiff {
    /// What the diff reads of one side: the parameters, each run's outcome, labels and
    /// metric values (`ResultsDiff.metricValues`: a run of several seeds stands for their
    /// means) in comparisons and at sweep points, and the claims. Built from a
    /// `ResultsDocument`, or from a `results.json` text where Codable is missing (wasm).
    public struct Side: Sendable {
        public struct RunValues: Sendable {
            public var name: String
            public var outcome: RunOutcome
            public var labels: [String]
            public var values: [String: Double]
        }

        public struct Group: Sendable {
            public var title: String
            public var runs: [RunValues]
        }

        public struct Sweep: Sendable {
            public var title: String
            public var parameter: String
            public var values: [String]
            public var points: [[RunValues]]
        }

        public var parameters: [ResultsDocument.Parameter]
        public var comparisons: [Group]
        public var sweeps: [Sweep]?
        public var expectations: [ResultsDocument.ExpectationRecord]

        public init(_ document: ResultsDocument) {
            func runs(_ entries: [ResultsDocument.RunEntry]) -> [RunValues] {
                entries.map {
                    RunValues(name: $0.name, outcome: $0.result.outcome, labels: $0.result.labels, values: ResultsDiff.metricValues(of: $0))
                }
            }
            parameters = document.parameters
            comparisons = document.comparisons.map { Group(title: $0.title, runs: runs($0.runs)) }
            sweeps = document.sweeps.map {
                $0.map { Sweep(title: $0.title, parameter: $0.parameter, values: $0.values, points: $0.points.map(runs)) }
            }
            expectations = document.expectations
        }

        /// The same from a published `results.json`, read field by field (each error says where).
        public init(resultsJSON bytes: [UInt8]) throws(ResultsReadError) {
            let document = try JSONField.document(bytes, "results.json")
            parameters = document.member("parameters").map { (p: JSONField) in
                ResultsDocument.Parameter(name: p.member("name").string(), type: p.member("type").string(),
                                          value: p.member("value").string(), declaredValue: p.member("declaredValue").string(),
                                          overridden: p.member("overridden").bool())
            }
            comparisons = document.member("comparisons").map { (c: JSONField) in
                Group(title: c.member("title").string(), runs: c.member("runs").map { (r: JSONField) in r.diffRun() })
            }
            sweeps = document.optional("sweeps")?.map { (s: JSONField) in
                Sweep(title: s.member("title").string(), parameter: s.member("parameter").string(),
                      values: s.member("values").strings(),
                      points: s.member("points").map { (p: JSONField) in
                          p.map { (r: JSONField) in r.diffRun() }
                      })
            }
            expectations = document.member("expectations").map { (e: JSONField) in e.expectationRecord() }
            try document.check()
        }
    }
}

extension JSONField {
    /// A run entry as the diff reads it: the seeds' means when it has an aggregate, else its one result.
    fileprivate func diffRun() -> ResultsDiff.Side.RunValues {
        let result = member("result")
        var values: [String: Double] = [:]
        if let aggregate = optional("aggregate") {
            let metrics = aggregate.member("metrics")
            for name in MetricCatalog.names { if let summary = metrics.optional(name) { values[name] = summary.member("mean").double() } }
            for label in aggregate.member("perLabel").elements() {
                values["recall(\(label.member("label").string()))"] = label.optional("recall")?.member("mean").double()
            }
        } else if let metrics = result.optional("metrics") {
            values = metrics.values(named: MetricCatalog.names)
            for label in metrics.member("perLabel").elements() {
                values["recall(\(label.member("label").string()))"] = label.optional("recall")?.double()
            }
        }
        return ResultsDiff.Side.RunValues(name: member("name").string(), outcome: result.member("outcome").runOutcome(),
                                          labels: result.member("labels").strings(), values: values)
    }
}
