import PortableJSON
import Experiments

/// Reads a `Run` from the JSON its native Codable conformance writes (what
/// `results.json` and the run cache hold), field for field, so the WebAssembly module
/// trains exactly the run native code trains. `PortableRunTests` checks the two agree.
extension Run {
    public init(json v: JSONValue, _ path: String = "run") throws(JSONError) {
        let model = try Model(json: v.field("model", path), path + ".model")
        self.init(try v.field("name", path).string(path + ".name"), model: model,
                  head: try Head.read(json: v.field("head", path), path + ".head"),
                  loss: try Loss.read(json: v.field("loss", path), path + ".loss"),
                  sampleWeight: try SampleWeight.read(json: v.field("sampleWeight", path), path + ".sampleWeight"),
                  optimizer: try Optimizer.read(json: v.field("optimizer", path), path + ".optimizer"),
                  epochs: try v.field("epochs", path).int(path + ".epochs"),
                  batchSize: try v.field("batchSize", path).int(path + ".batchSize"),
                  schedule: try Schedule?.read(json: v.optionalField("schedule", path), path + ".schedule") ?? .constant,
                  clipNorm: try v.optionalField("clipNorm", path)?.double(path + ".clipNorm"),
                  earlyStopping: try EarlyStopping?.read(json: v.optionalField("earlyStopping", path), path + ".earlyStopping"),
                  threshold: try Threshold.read(json: v.field("threshold", path), path + ".threshold"),
                  outputBias: try OutputBias.read(json: v.field("outputBias", path), path + ".outputBias"),
                  logitShift: try LogitShift?.read(json: v.optionalField("logitShift", path), path + ".logitShift") ?? .none,
                  augmentation: try Augmentation?.read(json: v.optionalField("augmentation", path), path + ".augmentation"),
                  seed: try v.field("seed", path).int(path + ".seed"))
    }

}

extension Model {
    init(json v: JSONValue, _ path: String) throws(JSONError) {
        let (name, values) = try v.enumCase(path)
        let p = path + "." + name
        switch name {
        case "mlp": self = .mlp(try MLP.read(json: values.field("_0", p), p))
        case "cnn": self = .cnn(try CNN.read(json: values.field("_0", p), p))
        case "prevalence": self = .prevalence(try PrevalenceBaseline.read(json: values.field("_0", p), p))
        default: throw JSONError("\(path): unknown model '\(name)'")
        }
    }
}

extension PairData {
    /// A dataset as `DatasetSource` writes it (`{"shapes": {"_0": {...}}}`,
    /// `{"fashionMosaics": {"_0": {...}}}`); any other kind is an error naming it (the
    /// module has no files to read).
    public init(source v: JSONValue, _ path: String = "dataset") throws(JSONError) {
        let (name, values) = try v.enumCase(path)
        let p = path + "." + name
        switch name {
        case "shapes": self = .shapes(try Shapes(json: values.field("_0", p), p))
        case "fashionMosaics": self = .fashionMosaics(try FashionMosaics(json: values.field("_0", p), p))
        default:
            throw JSONError("\(path): \(name) data cannot be made in WebAssembly (only Shapes and FashionMosaics are made there)")
        }
    }
}

extension Shapes {
    init(json s: JSONValue, _ p: String) throws(JSONError) {
        var together: [String: String] = [:]
        guard case .object(let pairs) = try s.field("together", p) else { throw JSONError("\(p).together: expected an object") }
        for (key, value) in pairs { together[key] = try value.string(p + ".together." + key) }
        self.init(labels: try s.field("labels", p).strings(p + ".labels"), prevalence: try s.field("prevalence", p).doubles(p + ".prevalence"),
                  together: together, size: try s.field("size", p).int(p + ".size"), noise: try s.field("noise", p).double(p + ".noise"),
                  train: try s.field("train", p).int(p + ".train"), validation: try s.field("validation", p).int(p + ".validation"),
                  test: try s.field("test", p).int(p + ".test"), seed: try s.field("seed", p).int(p + ".seed"))
    }
}

extension FashionMosaics {
    init(json s: JSONValue, _ p: String) throws(JSONError) {
        self.init(categories: try s.field("categories", p).strings(p + ".categories"),
                  prevalence: try s.field("prevalence", p).doubles(p + ".prevalence"),
                  size: try s.field("size", p).int(p + ".size"), distractors: try s.field("distractors", p).double(p + ".distractors"),
                  train: try s.field("train", p).int(p + ".train"), validation: try s.field("validation", p).int(p + ".validation"),
                  test: try s.field("test", p).int(p + ".test"), seed: try s.field("seed", p).int(p + ".seed"),
                  folder: try s.optionalField("folder", p)?.string(p + ".folder"))
    }
}
