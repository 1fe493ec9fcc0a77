/// Descriptions of the dataset specs (defined in `Datasets`), with the checks
/// that can be made before any data is generated or read.
extension APICatalog {
    static let prevalenceLimits = Limits(min: 0, max: 1, minCount: 1, maxCount: maxLabels)
    static let seedLimits = Limits.range(0...Double(Int32.max))

    /// Which of a generated dataset's `available` kinds of item are its labels (`defaults` unless given).
    static func labelsArgument(_ name: String, _ defaults: [String], of available: Int, doc: String) -> APIArgument {
        APIArgument(name, .array(.string), default: "[" + defaults.map { "\"\($0)\"" }.joined(separator: ", ") + "]",
                    limits: Limits(minCount: 1, maxCount: available), doc: doc)
    }

    /// Each label's share of a generated dataset, rarest last by default.
    static func prevalenceArgument(_ doc: String) -> APIArgument {
        APIArgument("prevalence", .array(.double), default: "[0.40, 0.20, 0.10, 0.05, 0.02]", limits: prevalenceLimits, doc: doc)
    }

    /// The split sizes and the seed of a generated dataset (`items`: "images", "mosaics").
    static func splitArguments(of items: String, maxTest: Double, seed seedDoc: String) -> [APIArgument] {
        [
            APIArgument("train", .int, default: "4000", limits: .range(1...60_000), doc: "Training \(items)."),
            APIArgument("validation", .int, default: "500", limits: .range(0...20_000), doc: "Validation \(items)."),
            APIArgument("test", .int, default: "1000", limits: .range(1...maxTest), doc: "Test \(items)."),
            APIArgument("seed", .int, default: "1", limits: seedLimits, doc: seedDoc),
        ]
    }

    static let shapes = APITypeDescription.initialiser(
        of: Shapes.self, doc: "Synthetic grayscale images holding zero or more of five shapes; each label has its own prevalence.",
        conformsTo: "DatasetSpecification", initialiser: "The built-in synthetic dataset.", [
            labelsArgument("labels", ["circle", "square", "triangle", "cross", "ring"], of: 5, doc: "Which shapes are the labels, in label order."),
            prevalenceArgument("Share of images showing each label, one per label."),
            APIArgument("together", .dictionary(.string, .string), default: "[:]", limits: Limits(maxCount: 5),
                        doc: "`[\"square\": \"cross\"]`: every image with a square also shows a cross."),
            APIArgument("size", .int, default: "28", limits: .range(16...256), doc: "Side of the square images in pixels."),
            APIArgument("noise", .double, default: "0.05", limits: .range(0...1), doc: "Standard deviation of pixel noise."),
        ] + splitArguments(of: "images", maxTest: 20_000, seed: "Seeds the generator."), check: shapesIssues) { a in
            Shapes(labels: a.strings("labels"), prevalence: a.doubles("prevalence"), together: a.stringDictionary("together"),
                   size: a.int("size"), noise: a.double("noise"), train: a.int("train"), validation: a.int("validation"),
                   test: a.int("test"), seed: a.int("seed"))
        }

    @Sendable static func shapesIssues(_ a: APIArguments) -> [APIIssue] {
        let labels = a.strings("labels")
        var issues = labelIssues(labels, argument: "labels", allowed: ShapeKind.allCases.map(\.rawValue), what: "shape")
        issues += prevalenceIssues(a.doubles("prevalence"), labels: labels, labelArgument: "labels")
        let prevalence = a.doubles("prevalence")
        for (key, value) in a.stringDictionary("together").sorted(by: { $0.key < $1.key }) {
            guard let k = labels.firstIndex(of: key), let v = labels.firstIndex(of: value) else {
                let missing = labels.contains(key) ? value : key
                issues.append(APIIssue([.argument("together")], "together names '\(missing)', which is not one of the labels"))
                continue
            }
            if k < prevalence.count, v < prevalence.count, prevalence[v] < prevalence[k] {
                issues.append(APIIssue([.argument("together")],
                                       "together: every '\(key)' brings a '\(value)', so prevalence of '\(value)' "
                                       + "(\(prevalence[v])) must be at least that of '\(key)' (\(prevalence[k]))"))
            }
        }
        return issues
    }

    static let fashionMosaics = APITypeDescription.initialiser(
        of: FashionMosaics.self, doc: "2×2 mosaics of Fashion-MNIST items; labels say which chosen categories appear.",
        conformsTo: "DatasetSpecification", initialiser: "Real images from Fashion-MNIST.", [
            labelsArgument("categories", ["sneaker", "bag", "trouser", "dress", "ankle boot"], of: 10,
                           doc: "Fashion-MNIST classes that are the labels."),
            prevalenceArgument("Share of mosaics showing each category."),
            APIArgument("size", .int, default: "56", limits: .range(28...56), doc: "56 (full mosaic) or 28 (pooled 2×2)."),
            APIArgument("distractors", .double, default: "0.5", limits: .range(0...1),
                        doc: "Probability a free tile shows an item of another category."),
        ] + splitArguments(of: "mosaics", maxTest: 10_000, seed: "Seeds the sampling.") + [
            APIArgument("folder", .optional(.string), default: "nil",
                        doc: "Folder with the IDX files inside the lesson's folder; nil = the system copy."),
        ], check: { a in
            var issues = labelIssues(a.strings("categories"), argument: "categories",
                                     allowed: FashionMosaics.classNames, what: "Fashion-MNIST category")
            issues += prevalenceIssues(a.doubles("prevalence"), labels: a.strings("categories"), labelArgument: "categories")
            if ![28, 56].contains(a.int("size")) {
                issues.append(APIIssue([.argument("size")], "size must be 28 or 56, got \(a.int("size"))"))
            }
            issues += pathIssues(a.optionalString("folder"), argument: "folder")
            return issues
        }) { a in
            FashionMosaics(categories: a.strings("categories"), prevalence: a.doubles("prevalence"), size: a.int("size"),
                           distractors: a.double("distractors"), train: a.int("train"), validation: a.int("validation"),
                           test: a.int("test"), seed: a.int("seed"), folder: a.optionalString("folder"))
        }

    /// The arguments `NumpyDataset` and `IDXDataset` share.
    static func fileArguments(_ format: String) -> [APIArgument] {
        [
            APIArgument("images", .string, limits: Limits(minCount: 1, maxCount: 300),
                        doc: "\(format) file of images [N,H,W] or [N,H,W,C] (channels last; [N,C,H,W] is refused), relative to the lesson"
                            + (format == ".npy" ? ": integers 0–255 (e.g. uint8) or floats in [0, 1], in C order." : ".")),
            APIArgument("labels", .string, limits: Limits(minCount: 1, maxCount: 300),
                        doc: "\(format) file of labels [N,L] multi-hot or [N] class ids."),
            APIArgument("names", .optional(.array(.string)), default: "nil", limits: Limits(minCount: 1, maxCount: maxLabels),
                        doc: "Label names; nil names them \"label 0\", \"label 1\", …"),
            APIArgument("testImages", .optional(.string), default: "nil", doc: "Explicit test images."),
            APIArgument("testLabels", .optional(.string), default: "nil", doc: "Explicit test labels."),
            APIArgument("testFraction", .double, default: "0.2", limits: .range(0...0.9), doc: "Share held out for testing; ignored when testImages is given."),
            APIArgument("validationFraction", .double, default: "0.1", limits: .range(0...0.9), doc: "Share held out for validation."),
            APIArgument("seed", .int, default: "1", limits: seedLimits, doc: "Seeds the split."),
        ]
    }

    @Sendable static func fileIssues(_ a: APIArguments) -> [APIIssue] {
        var issues: [APIIssue] = []
        for name in ["images", "labels", "testImages", "testLabels"] { issues += pathIssues(a.optionalString(name), argument: name) }
        if (a.optionalString("testImages") == nil) != (a.optionalString("testLabels") == nil) {
            issues.append(APIIssue([.argument(a.optionalString("testImages") == nil ? "testLabels" : "testImages")],
                                   "give both testImages and testLabels, or neither"))
        }
        if let names = a.optionalStrings("names") { issues += labelIssues(names, argument: "names", allowed: nil, what: "label") }
        return issues
    }

    static let numpyDataset = fileDataset(NumpyDataset.self, format: ".npy", doc: "Your own images and labels from NumPy `.npy` files.",
                                          initialiser: "Images and labels from .npy files.")
    static let idxDataset = fileDataset(IDXDataset.self, format: "IDX",
                                        doc: "Your own images and labels from IDX files (the MNIST format), raw or gzip.",
                                        initialiser: "Images and labels from IDX files.")

    /// A dataset read from the lesson's own files, described by `fileArguments`.
    static func fileDataset<D: FileDataset>(_ type: D.Type, format: String, doc: String, initialiser: String) -> APITypeDescription {
        .initialiser(of: type, doc: doc, conformsTo: "DatasetSpecification", initialiser: initialiser,
                     fileArguments(format), check: fileIssues) { a in
            D(images: a.string("images"), labels: a.string("labels"), names: a.optionalStrings("names"),
              testImages: a.optionalString("testImages"), testLabels: a.optionalString("testLabels"),
              testFraction: a.double("testFraction"), validationFraction: a.double("validationFraction"), seed: a.int("seed"))
        }
    }

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

/// The datasets read from the lesson's own files: one initialiser, one description.
protocol FileDataset: DatasetSpecification {
    init(images: String, labels: String, names: [String]?, testImages: String?, testLabels: String?,
         testFraction: Double, validationFraction: Double, seed: Int)
}

extension NumpyDataset: FileDataset {}
extension IDXDataset: FileDataset {}
