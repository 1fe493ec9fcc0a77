import Experiments
import PortableJSON

/// A run's statistics over its seeds as its native Codable form writes them.
extension RunAggregate {
    var json: JSONValue {
        var metricFields: [String: JSONValue] = [:]
        for (name, summary) in metrics { metricFields[name] = summary.json }
        var f: [String: JSONValue] = [
            "seeds": .array(seeds.map { .number(Double($0)) }),
            "metrics": .object(metricFields),
            "perLabel": .array(perLabel.map { label -> JSONValue in
                // The label's fields, then each catalog metric it has (as `LabelRecord` codes them).
                var l: [String: JSONValue] = ["label": .string(label.label), "support": label.support.json]
                for name in LabelMetricCatalog.names { if let s = label.values[name] { l[name] = s.json } }
                return .object(l)
            }),
            "history": .array(history.map { epoch -> JSONValue in
                var e: [String: JSONValue] = ["epoch": .number(Double(epoch.epoch)), "trainLoss": epoch.trainLoss.json]
                if let v = epoch.validationLoss { e["validationLoss"] = v.json }
                return .object(e)
            }),
            "precisionRecall": .array(precisionRecall.map {
                .object(["label": .string($0.label), "recall": .doubles($0.recall), "precisionMean": .doubles($0.precisionMean),
                         "precisionMin": .doubles($0.precisionMin), "precisionMax": .doubles($0.precisionMax)])
            }),
        ]
        if let thresholds { f["thresholds"] = .array(thresholds.map { $0.json }) }
        return .object(f)
    }
}

extension Summary {
    var json: JSONValue {
        .object(["mean": .double(mean), "sd": .double(sd), "min": .double(min), "max": .double(max), "values": .doubles(values)])
    }
}
