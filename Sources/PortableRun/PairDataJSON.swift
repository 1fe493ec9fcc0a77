import PortableJSON
import Experiments

extension PairData {
    /// A dataset as `DatasetSource` writes it (`{"shapes": {"_0": {...}}}`,
    /// `{"fashionMosaics": {"_0": {...}}}`): Shapes read by its declaration; any other kind
    /// is an error naming it (the module has no files to read).
    public init(source v: JSONValue, _ path: String = "dataset") throws(JSONError) {
        let (name, values) = try v.enumCase(path)
        let p = path + "." + name
        switch name {
        case "shapes": self = .shapes(try Shapes.read(json: values.field("_0", p), p))
        case "fashionMosaics": self = .fashionMosaics(try FashionMosaics(json: values.field("_0", p), p))
        default:
            throw JSONError("\(path): \(name) data cannot be made in WebAssembly (only Shapes and FashionMosaics are made there)")
        }
    }
}

extension FashionMosaics {
    /// FashionMosaics' declaration is native-only (its folder and files are), so the module reads it here.
    init(json s: JSONValue, _ p: String) throws(JSONError) {
        self.init(categories: try s.field("categories", p).strings(p + ".categories"),
                  prevalence: try s.field("prevalence", p).doubles(p + ".prevalence"),
                  size: try s.field("size", p).int(p + ".size"), distractors: try s.field("distractors", p).double(p + ".distractors"),
                  train: try s.field("train", p).int(p + ".train"), validation: try s.field("validation", p).int(p + ".validation"),
                  test: try s.field("test", p).int(p + ".test"), seed: try s.field("seed", p).int(p + ".seed"),
                  folder: try s.optionalField("folder", p)?.string(p + ".folder"))
    }
}
