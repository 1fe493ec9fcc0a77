import Experiments
import PortableJSON
import PortableRun
import ResultsRendering

/// `results.json` as the JSON its native Codable form writes, field for field, built
/// without Foundation so `lessons run` and the WebAssembly module write the same bytes
/// through this one path. Absent optionals are left out, as synthesized Codable does.
extension ResultsDocument {
    public var json: JSONValue {
        var f: [String: JSONValue] = [
            "schema": .string(schema),
            "lesson": .object(["file": .string(lesson.file), "title": .string(lesson.title)]),
            "versions": .object(["lessons": .string(versions.lessons), "numerics": .string(versions.numerics)]),
            "parameters": .array(parameters.map { $0.json }),
            "comparisons": .array(comparisons.map { $0.json }),
            "expectations": .array(expectations.map { $0.json }),
            "status": .string(status),
        ]
        if let sweeps { f["sweeps"] = .array(sweeps.map { $0.json }) }
        if let dataFiles { f["dataFiles"] = .array(dataFiles.map { $0.json }) }
        return .object(f)
    }

    /// The file's text: pretty, sorted keys, a final newline (what `CanonicalJSON` wrote).
    public var text: String { json.prettyText + "\n" }
}

extension ResultsDocument.Parameter {
    var json: JSONValue {
        .object(["name": .string(name), "type": .string(type), "value": .string(value),
                 "declaredValue": .string(declaredValue), "overridden": .bool(overridden)])
    }
}

extension ResultsDocument.Comparison {
    var json: JSONValue {
        .object(["title": .string(title), "block": .number(Double(block)), "dataset": dataset.json,
                 "runs": .array(runs.map { $0.json })])
    }
}

extension ResultsDocument.Dataset {
    var json: JSONValue {
        .object(["kind": .string(kind), "hash": .string(hash), "labels": .array(labels.map { JSONValue.string($0) }),
                 "train": .number(Double(train)), "validation": .number(Double(validation)), "test": .number(Double(test)),
                 "trainPrevalence": .doubles(trainPrevalence), "testPrevalence": .doubles(testPrevalence),
                 "labelCountShares": .doubles(labelCountShares)])
    }
}

extension ResultsDocument.DataFileSet {
    var json: JSONValue {
        var f: [String: JSONValue] = ["kind": .string(kind), "files": .array(files.map { JSONValue.string($0) })]
        if let folder { f["folder"] = .string(folder) }
        return .object(f)
    }
}

extension ResultsDocument.RunEntry {
    var json: JSONValue {
        var f: [String: JSONValue] = ["name": .string(name), "specHash": .string(specHash), "spec": spec.json, "result": result.json]
        if let seeds {
            f["seeds"] = .array(seeds.map {
                .object(["seed": .number(Double($0.seed)), "specHash": .string($0.specHash), "result": $0.result.json])
            })
        }
        if let aggregate { f["aggregate"] = aggregate.json }
        return .object(f)
    }
}

extension ResultsDocument.SweepRecord {
    var json: JSONValue {
        .object(["title": .string(title), "block": .number(Double(block)), "parameter": .string(parameter),
                 "values": .array(values.map { JSONValue.string($0) }), "metrics": .array(metrics.map { JSONValue.string($0) }),
                 "points": .array(points.map { .array($0.map { $0.json }) })])
    }
}

extension ResultsDocument.ExpectationRecord {
    var json: JSONValue {
        var f: [String: JSONValue] = ["line": .number(Double(line)), "column": .number(Double(column)), "source": .string(source),
                                      "passed": .bool(passed), "detail": .string(detail)]
        if let required { f["required"] = .number(Double(required)) }
        if let seeds {
            f["seeds"] = .array(seeds.map {
                .object(["seed": .number(Double($0.seed)), "passed": .bool($0.passed), "detail": .string($0.detail)])
            })
        }
        if let values { f["values"] = .array(values.map { $0.json }) }
        if let sanityCheck { f["sanityCheck"] = .bool(sanityCheck) }
        return .object(f)
    }
}

extension ClaimValues {
    var json: JSONValue {
        var f: [String: JSONValue] = ["left": .string(left), "leftValue": .double(leftValue), "comparison": .string(comparison),
                                      "right": .string(right), "rightValue": .double(rightValue), "holds": .bool(holds)]
        if let margin { f["margin"] = .double(margin) }
        return .object(f)
    }
}
