import PortableJSON
import Experiments

/// A `Run` as JSON in the form its native Codable conformance writes (the reader is
/// `Run.read(json:)`, its declaration), so `results.json` is written the same way natively and in
/// WebAssembly. `RunJSONWriterTests` checks it against `CanonicalJSON`.
extension Run {
    public var json: JSONValue {
        var f: [String: JSONValue] = [
            "name": .string(name), "model": model.json, "head": .string(head.rawValue), "loss": loss.json,
            "sampleWeight": sampleWeight.json, "optimizer": optimizer.json, "epochs": .int(epochs),
            "batchSize": .int(batchSize), "threshold": threshold.json, "outputBias": .string(outputBias.rawValue),
            "seed": .int(seed),
        ]
        if let schedule { f["schedule"] = schedule.json }
        if let clipNorm { f["clipNorm"] = .double(clipNorm) }
        if let earlyStopping {
            f["earlyStopping"] = .object(["patience": .int(earlyStopping.patience), "minDelta": .double(earlyStopping.minDelta),
                                          "restoreBestWeights": .bool(earlyStopping.restoreBestWeights)])
        }
        if let logitShift { f["logitShift"] = .string(logitShift.rawValue) }
        if let augmentation {
            f["augmentation"] = .object(["flips": augmentation.flips.json, "shift": .int(augmentation.shift),
                                         "noise": .double(augmentation.noise)])
        }
        return .object(f)
    }
}

extension JSONValue {
    static func int(_ x: Int) -> JSONValue { .number(Double(x)) }
    static func ints(_ xs: [Int]) -> JSONValue { .array(xs.map { .number(Double($0)) }) }
    /// An enum case as synthesized Codable writes it: `{"name": {fields}}`.
    static func enumCase(_ name: String, _ fields: [String: JSONValue] = [:]) -> JSONValue {
        .object([name: .object(fields)])
    }
}

extension Flips {
    var json: JSONValue {
        switch self {
        case .none: return .enumCase("none")
        case .horizontal: return .enumCase("horizontal")
        case .vertical: return .enumCase("vertical")
        case .both: return .enumCase("both")
        }
    }
}

extension Model {
    var json: JSONValue {
        switch self {
        case .mlp(let m):
            var f: [String: JSONValue] = ["hidden": .ints(m.hidden), "dropout": .double(m.dropout)]
            if let b = m.batchNorm { f["batchNorm"] = .bool(b) }
            return .enumCase("mlp", ["_0": .object(f)])
        case .cnn(let c):
            var f: [String: JSONValue] = ["filters": .ints(c.filters), "dense": .ints(c.dense), "dropout": .double(c.dropout),
                                          "kernelSize": .int(c.kernelSize)]
            if let b = c.batchNorm { f["batchNorm"] = .bool(b) }
            return .enumCase("cnn", ["_0": .object(f)])
        case .prevalence: return .enumCase("prevalence", ["_0": .object([:])])
        }
    }
}

extension Loss {
    var json: JSONValue {
        switch self {
        case let .binaryCrossEntropy(posWeight, labelSmoothing):
            var f: [String: JSONValue] = ["posWeight": posWeight.json]
            if let labelSmoothing { f["labelSmoothing"] = .double(labelSmoothing) }
            return .enumCase("binaryCrossEntropy", f)
        case .softmaxCrossEntropy(let w): return .enumCase("softmaxCrossEntropy", ["classWeight": w.json])
        case .sparseSoftmaxCrossEntropy(let w): return .enumCase("sparseSoftmaxCrossEntropy", ["classWeight": w.json])
        case let .focal(alpha, gamma):
            var f: [String: JSONValue] = ["gamma": .double(gamma)]
            if let alpha { f["alpha"] = .double(alpha) }
            return .enumCase("focal", f)
        case let .asymmetric(gammaPositive, gammaNegative, clip):
            return .enumCase("asymmetric", ["gammaPositive": .double(gammaPositive), "gammaNegative": .double(gammaNegative),
                                            "clip": .double(clip)])
        }
    }
}

extension PosWeight {
    var json: JSONValue {
        switch self {
        case .none: return .enumCase("none")
        case .balanced: return .enumCase("balanced")
        case .scaledBalanced(let scale): return .enumCase("scaledBalanced", ["scale": .double(scale)])
        case .fixed(let w): return .enumCase("fixed", ["_0": .doubles(w)])
        }
    }
}

extension ClassWeight {
    var json: JSONValue {
        switch self {
        case .none: return .enumCase("none")
        case .balanced: return .enumCase("balanced")
        case .fixed(let w): return .enumCase("fixed", ["_0": .doubles(w)])
        }
    }
}

extension SampleWeight {
    var json: JSONValue {
        switch self {
        case .none: return .enumCase("none")
        case .rarestLabel: return .enumCase("rarestLabel")
        case .inverseFrequency: return .enumCase("inverseFrequency")
        case .kerasClassWeight(let w): return .enumCase("kerasClassWeight", ["_0": .doubles(w)])
        }
    }
}

extension Optimizer {
    var json: JSONValue {
        switch self {
        case let .adam(lr, b1, b2, eps):
            return .enumCase("adam", ["learningRate": .double(lr), "beta1": .double(b1), "beta2": .double(b2), "epsilon": .double(eps)])
        case let .adamW(lr, wd, b1, b2, eps):
            return .enumCase("adamW", ["learningRate": .double(lr), "weightDecay": .double(wd), "beta1": .double(b1),
                                       "beta2": .double(b2), "epsilon": .double(eps)])
        case let .sgd(lr, momentum, nesterov, wd):
            return .enumCase("sgd", ["learningRate": .double(lr), "momentum": .double(momentum), "nesterov": .bool(nesterov),
                                     "weightDecay": .double(wd)])
        }
    }
}

extension Schedule {
    var json: JSONValue {
        switch self {
        case .constant: return .enumCase("constant")
        case .warmup(let epochs): return .enumCase("warmup", ["epochs": .int(epochs)])
        case let .step(every, factor, warmup):
            return .enumCase("step", ["everyEpochs": .int(every), "factor": .double(factor), "warmupEpochs": .int(warmup)])
        case let .cosine(epochs, alpha, warmup):
            return .enumCase("cosine", ["epochs": .int(epochs), "alpha": .double(alpha), "warmupEpochs": .int(warmup)])
        }
    }
}

extension Threshold {
    var json: JSONValue {
        switch self {
        case .fixed(let t): return .enumCase("fixed", ["_0": .double(t)])
        case .perLabel(let t): return .enumCase("perLabel", ["_0": .doubles(t)])
        case .tuned(let objective): return .enumCase("tuned", ["maximizing": .string(objective.rawValue)])
        case .tunedOnTest(let objective): return .enumCase("tunedOnTest", ["maximizing": .string(objective.rawValue)])
        case .topK(let k): return .enumCase("topK", ["_0": .int(k)])
        }
    }
}
