import PortableJSON
import Experiments

/// A `RunResult` as JSON in the form its native Codable conformance writes, so a
/// result trained in WebAssembly decodes natively into the same value (every Double
/// in its shortest spelling: the same bits). `PortableRunTests` checks the two agree.
extension RunResult {
    public var json: JSONValue {
        var fields: [String: JSONValue] = [
            "name": .string(name), "labels": .array(labels.map { JSONValue.string($0) }),
            "history": .array(history.map { $0.json }), "outcome": outcome.json,
            "timings": .object(["trainSeconds": .double(timings.trainSeconds), "evaluateSeconds": .double(timings.evaluateSeconds)]),
        ]
        if let thresholds { fields["thresholds"] = .doubles(thresholds) }
        if let metrics { fields["metrics"] = metrics.json }
        if let alsoTested {
            fields["alsoTested"] = .array(alsoTested.map { .object(["name": .string($0.name), "metrics": $0.metrics.json]) })
        }
        return .object(fields)
    }
}

extension EpochSummary {
    var json: JSONValue {
        var fields: [String: JSONValue] = ["epoch": .number(Double(epoch)), "trainLoss": .double(trainLoss)]
        if let validationLoss { fields["validationLoss"] = .double(validationLoss) }
        return .object(fields)
    }
}

extension RunOutcome {
    var json: JSONValue {
        switch self {
        case .completed: return .object(["completed": .object([:])])
        case let .diverged(epoch, step, hint):
            return .object(["diverged": .object(["epoch": .number(Double(epoch)), "step": .number(Double(step)), "hint": .string(hint)])])
        case .failed(let message): return .object(["failed": .object(["message": .string(message)])])
        }
    }
}

extension TestMetrics {
    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "perLabel": .array(perLabel.map { label -> JSONValue in
                var f: [String: JSONValue] = ["label": .string(label.label), "support": .number(Double(label.support))]
                for name in LabelMetricCatalog.names { if let value = label.values[name] { f[name] = .double(value) } }
                return .object(f)
            }),
            "precisionRecallCurves": .array(precisionRecallCurves.map {
                .object(["label": .string($0.label), "recall": .doubles($0.recall), "precision": .doubles($0.precision)])
            }),
            "reliability": .array(reliability.map {
                .object(["lower": .double($0.lower), "upper": .double($0.upper), "meanConfidence": .double($0.meanConfidence),
                         "observedFrequency": .double($0.observedFrequency), "count": .number(Double($0.count))])
            }),
            "testCount": .number(Double(testCount)),
        ]
        // The catalog's metrics only, as `MetricKey` writes them natively.
        for name in MetricCatalog.names { if let value = values[name] { fields[name] = .double(value) } }
        return .object(fields)
    }
}
