import Datasets
import PortableJSON

/// Dataset descriptions as their Codable forms write them (`{"shapes": {"_0": {...}}}`), and
/// their kinds (the type's name): the `spec` and `kind` of a `DatasetKey`, written the same
/// way natively and in lessons.wasm. `RunSpecTests` checks the text against `CanonicalJSON`.
extension PairData {
    public var kind: String {
        switch self {
        case .shapes: return "Shapes"
        case .fashionMosaics: return "FashionMosaics"
        }
    }

    public var json: JSONValue {
        switch self {
        case .shapes(let s): return .enumCase("shapes", ["_0": s.json])
        case .fashionMosaics(let f): return .enumCase("fashionMosaics", ["_0": f.json])
        }
    }
}

extension Shapes {
    public var json: JSONValue {
        .object(["labels": .strings(labels), "prevalence": .doubles(prevalence), "together": .object(together.mapValues { .string($0) }),
                 "size": .int(size), "noise": .double(noise), "train": .int(train), "validation": .int(validation),
                 "test": .int(test), "seed": .int(seed)])
    }
}

extension FashionMosaics {
    public var json: JSONValue {
        var f: [String: JSONValue] = ["categories": .strings(categories), "prevalence": .doubles(prevalence), "size": .int(size),
                                      "distractors": .double(distractors), "train": .int(train), "validation": .int(validation),
                                      "test": .int(test), "seed": .int(seed)]
        if let folder { f["folder"] = .string(folder) }
        return .object(f)
    }
}

extension JSONValue {
    static func strings(_ xs: [String]) -> JSONValue { .array(xs.map { .string($0) }) }
}

extension DatasetSource {
    /// This description as data lessons.wasm can make (nil for data read from the user's files).
    public var pairData: PairData? {
        switch self {
        case .shapes(let s): return .shapes(s)
        case .fashionMosaics(let f): return .fashionMosaics(f)
        case .numpy, .idx: return nil
        }
    }

    /// The type's name, as `String(describing: type(of: spec))` spells it.
    public var kind: String {
        if let data = pairData { return data.kind }
        if case .numpy = self { return "NumpyDataset" }
        return "IDXDataset"
    }

    public var json: JSONValue {
        switch self {
        case .numpy(let n): return .enumCase("numpy", ["_0": UserDataJSON.json(n)])
        case .idx(let i): return .enumCase("idx", ["_0": UserDataJSON.json(i)])
        case .shapes, .fashionMosaics: return pairData!.json
        }
    }
}

/// `NumpyDataset` and `IDXDataset` have the same fields.
private enum UserDataJSON {
    static func json(_ d: NumpyDataset) -> JSONValue {
        json(images: d.images, labels: d.labels, names: d.names, testImages: d.testImages, testLabels: d.testLabels,
             testFraction: d.testFraction, validationFraction: d.validationFraction, seed: d.seed)
    }

    static func json(_ d: IDXDataset) -> JSONValue {
        json(images: d.images, labels: d.labels, names: d.names, testImages: d.testImages, testLabels: d.testLabels,
             testFraction: d.testFraction, validationFraction: d.validationFraction, seed: d.seed)
    }

    static func json(images: String, labels: String, names: [String]?, testImages: String?, testLabels: String?,
                     testFraction: Double, validationFraction: Double, seed: Int) -> JSONValue {
        var f: [String: JSONValue] = ["images": .string(images), "labels": .string(labels), "testFraction": .double(testFraction),
                                      "validationFraction": .double(validationFraction), "seed": .int(seed)]
        if let names { f["names"] = .strings(names) }
        if let testImages { f["testImages"] = .string(testImages) }
        if let testLabels { f["testLabels"] = .string(testLabels) }
        return .object(f)
    }
}
