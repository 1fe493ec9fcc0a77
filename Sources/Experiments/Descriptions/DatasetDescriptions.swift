import PortableJSON

/// Declarations of the dataset specs (defined in `Datasets`), with the checks
/// that can be made before any data is generated or read.
extension APICatalog {
    static let seedLimits = GeneratedDatasetArguments.seedLimits

    static let shapes = APITypeDescription(
        dataset: Shapes.self, doc: "Synthetic grayscale images holding zero or more of five shapes; each label has its own prevalence.")
    static let fashionMosaics = APITypeDescription(
        dataset: FashionMosaics.self, doc: "2×2 mosaics of Fashion-MNIST items; labels say which chosen categories appear.")
    static let numpyDataset = APITypeDescription(
        dataset: NumpyDataset.self, doc: "Your own images and labels from NumPy `.npy` files.")
    static let idxDataset = APITypeDescription(
        dataset: IDXDataset.self, doc: "Your own images and labels from IDX files (the MNIST format), raw or gzip.")

    /// Labels must be unique and, when `allowed` is given, chosen from it.
    static func labelIssues(_ labels: [String], argument: String, allowed: [String]?, what: String) -> [APIIssue] {
        var issues: [APIIssue] = []
        var seen: Set<String> = []
        for (i, label) in labels.enumerated() {
            if let allowed, !allowed.contains(label) {
                issues.append(APIIssue([.argument(argument), .index(i)],
                                       "'\(label)' is not a \(what); choose from \(allowed.joined(separator: ", "))"))
            } else if !seen.insert(label).inserted {
                issues.append(APIIssue([.argument(argument), .index(i)], "label '\(label)' appears twice"))
            }
        }
        return issues
    }

    static func prevalenceIssues(_ prevalence: [Double], labels: [String], labelArgument: String) -> [APIIssue] {
        guard prevalence.count != labels.count else { return [] }
        return [APIIssue([.argument("prevalence")],
                         "prevalence has \(prevalence.count) entries but \(labelArgument) has \(labels.count)")]
    }

    /// Paths stay inside the lesson's folder: no absolute paths, no `..`, no NUL (which
    /// would end the path early where the system reads it).
    static func pathIssues(_ path: String?, argument: String) -> [APIIssue] {
        guard let path else { return [] }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return [APIIssue([.argument(argument)], "\(argument) holds a control character (such as NUL); "
                             + "write the file's name as it is")]
        }
        if path.hasPrefix("/") || path.hasPrefix("~") {
            return [APIIssue([.argument(argument)], "\(argument) must be a path inside the lesson's folder, not '\(path)'")]
        }
        if path.split(separator: "/").contains("..") {
            return [APIIssue([.argument(argument)], "\(argument) may not leave the lesson's folder ('..' in '\(path)')")]
        }
        return []
    }
}

/// The arguments of `FashionMosaics` (apart from the type: its stored properties have the same names).
enum FashionMosaicsArgument {
    static let categories = GeneratedDatasetArguments.labels("categories", ["sneaker", "bag", "trouser", "dress", "ankle boot"], of: 10,
                                                             doc: "Fashion-MNIST classes that are the labels.")
    static let prevalence = GeneratedDatasetArguments.prevalence("Share of mosaics showing each category.")
    static let size = ArgumentKey<Int>("size", default: 56, limits: .range(28...56), doc: "56 (full mosaic) or 28 (pooled 2×2).")
    static let distractors = ArgumentKey<Double>("distractors", default: 0.5, limits: .range(0...1),
                                                 doc: "Probability a free tile shows an item of another category.")
    static let train = GeneratedDatasetArguments.train("mosaics")
    static let validation = GeneratedDatasetArguments.validation("mosaics")
    static let test = GeneratedDatasetArguments.test("mosaics", max: 10_000)
    static let seed = GeneratedDatasetArguments.seed("Seeds the sampling.")
    static let folder = ArgumentKey<String?>("folder", default: nil,
                                             doc: "Folder with the IDX files inside the lesson's folder; nil = the system copy.")

}

extension FashionMosaics: DeclaredType {
    public static let typeName = "FashionMosaics"
    private typealias K = FashionMosaicsArgument

    public static let members = [
        DeclaredMember("init", [K.categories.facts, K.prevalence.facts, K.size.facts, K.distractors.facts, K.train.facts,
                                K.validation.facts, K.test.facts, K.seed.facts, K.folder.facts],
                       doc: "Real images from Fashion-MNIST.", check: { a throws(JSONError) in
            let categories = try a(K.categories), size = try a(K.size)
            var issues = APICatalog.labelIssues(categories, argument: "categories", allowed: FashionMosaics.classNames,
                                                what: "Fashion-MNIST category")
            issues += APICatalog.prevalenceIssues(try a(K.prevalence), labels: categories, labelArgument: "categories")
            if ![28, 56].contains(size) { issues.append(APIIssue([.argument("size")], "size must be 28 or 56, got \(size)")) }
            return issues + APICatalog.pathIssues(try a(K.folder), argument: "folder")
        }) { a throws(JSONError) in
            FashionMosaics(categories: try a(K.categories), prevalence: try a(K.prevalence), size: try a(K.size),
                           distractors: try a(K.distractors), train: try a(K.train), validation: try a(K.validation),
                           test: try a(K.test), seed: try a(K.seed), folder: try a(K.folder))
        },
    ]
}

/// The datasets read from the lesson's own files: one initialiser, one declaration.
protocol FileDataset: DatasetSpecification, DeclaredType {
    init(images: String, labels: String, names: [String]?, testImages: String?, testLabels: String?,
         testFraction: Double, validationFraction: Double, seed: Int)
}

/// The arguments `NumpyDataset` and `IDXDataset` share (`format` names their files in the docs).
final class FileDatasetArguments: Sendable {
    let images: ArgumentKey<String>
    let labels: ArgumentKey<String>
    let names = ArgumentKey<[String]?>("names", default: nil, limits: Limits(minCount: 1, maxCount: APICatalog.maxLabels),
                                       doc: "Label names; nil names them \"label 0\", \"label 1\", …")
    let testImages = ArgumentKey<String?>("testImages", default: nil, doc: "Explicit test images.")
    let testLabels = ArgumentKey<String?>("testLabels", default: nil, doc: "Explicit test labels.")
    let testFraction = ArgumentKey<Double>("testFraction", default: 0.2, limits: .range(0...0.9),
                                           doc: "Share held out for testing; ignored when testImages is given.")
    let validationFraction = ArgumentKey<Double>("validationFraction", default: 0.1, limits: .range(0...0.9), doc: "Share held out for validation.")
    let seed = GeneratedDatasetArguments.seed("Seeds the split.")

    init(format: String) {
        images = ArgumentKey("images", limits: Limits(minCount: 1, maxCount: 300),
                             doc: "\(format) file of images [N,H,W] or [N,H,W,C] (channels last; [N,C,H,W] is refused), relative to the lesson"
                                 + (format == ".npy" ? ": integers 0–255 (e.g. uint8) or floats in [0, 1], in C order." : "."))
        labels = ArgumentKey("labels", limits: Limits(minCount: 1, maxCount: 300), doc: "\(format) file of labels [N,L] multi-hot or [N] class ids.")
    }

    /// The one initialiser of a file dataset `D`.
    func member<D: FileDataset>(_ type: D.Type, doc: String) -> DeclaredMember<D> {
        DeclaredMember("init", [images.facts, labels.facts, names.facts, testImages.facts, testLabels.facts, testFraction.facts,
                                       validationFraction.facts, seed.facts], doc: doc, check: { [self] a throws(JSONError) in
            try issues(a)
        }) { [self] a throws(JSONError) in
            D(images: try a(images), labels: try a(labels), names: try a(names), testImages: try a(testImages), testLabels: try a(testLabels),
              testFraction: try a(testFraction), validationFraction: try a(validationFraction), seed: try a(seed))
        }
    }

    private func issues(_ a: ArgumentSource) throws(JSONError) -> [APIIssue] {
        let testImages = try a(testImages), testLabels = try a(testLabels)
        var issues: [APIIssue] = []
        for (path, argument) in [(try a(images) as String?, "images"), (try a(labels), "labels"), (testImages, "testImages"), (testLabels, "testLabels")] {
            issues += APICatalog.pathIssues(path, argument: argument)
        }
        if (testImages == nil) != (testLabels == nil) {
            issues.append(APIIssue([.argument(testImages == nil ? "testLabels" : "testImages")], "give both testImages and testLabels, or neither"))
        }
        if let names = try a(names) { issues += APICatalog.labelIssues(names, argument: "names", allowed: nil, what: "label") }
        return issues
    }
}

extension NumpyDataset: FileDataset {
    public static let typeName = "NumpyDataset"
    public static let members = [FileDatasetArguments(format: ".npy").member(NumpyDataset.self, doc: "Images and labels from .npy files.")]
}

extension IDXDataset: FileDataset {
    public static let typeName = "IDXDataset"
    public static let members = [FileDatasetArguments(format: "IDX").member(IDXDataset.self, doc: "Images and labels from IDX files.")]
}
