import PortableJSON
import PortableSort

/// The built-in synthetic dataset, declared once: the evaluator's description, the reference
/// page, and the reader of its JSON (in lessons.wasm too, which generates it) come from here.
/// The arguments the generated datasets share.
enum GeneratedDatasetArguments {
    static let seedLimits = Limits.range(0...Double(Int32.max))

    /// Which of a generated dataset's `available` kinds of item are its labels (`defaults` unless given).
    static func labels(_ name: String, _ defaults: [String], of available: Int, doc: String) -> ArgumentKey<[String]> {
        ArgumentKey(name, default: defaults, limits: Limits(minCount: 1, maxCount: available), doc: doc)
    }

    /// Each label's share of a generated dataset, rarest last by default.
    static func prevalence(_ doc: String) -> ArgumentKey<[Double]> {
        ArgumentKey("prevalence", default: [0.40, 0.20, 0.10, 0.05, 0.02], limits: Limits(min: 0, max: 1, minCount: 1, maxCount: LabelCount.most), doc: doc)
    }

    /// The split sizes of a generated dataset (`items`: "images", "mosaics").
    static func train(_ items: String) -> ArgumentKey<Int> {
        ArgumentKey("train", default: 4000, limits: .range(1...60_000), doc: "Training \(items).")
    }
    static func validation(_ items: String) -> ArgumentKey<Int> {
        ArgumentKey("validation", default: 500, limits: .range(0...20_000), doc: "Validation \(items).")
    }
    static func test(_ items: String, max: Double) -> ArgumentKey<Int> {
        ArgumentKey("test", default: 1000, limits: .range(1...max), doc: "Test \(items).")
    }
    static func seed(_ doc: String) -> ArgumentKey<Int> { ArgumentKey("seed", default: 1, limits: seedLimits, doc: doc) }
}

/// The arguments of `Shapes` (apart from the type: its stored properties have the same names).
enum ShapesArgument {
    static let labels = GeneratedDatasetArguments.labels("labels", ["circle", "square", "triangle", "cross", "ring"], of: 5,
                                                         doc: "Which shapes are the labels, in label order.")
    static let prevalence = GeneratedDatasetArguments.prevalence("Share of images showing each label, one per label.")
    static let together = ArgumentKey<[String: String]>("together", default: [:], limits: Limits(maxCount: 5),
                                                        doc: "`[\"square\": \"cross\"]`: every image with a square also shows a cross.")
    static let size = ArgumentKey<Int>("size", default: 28, limits: .range(16...256), doc: "Side of the square images in pixels.")
    static let noise = ArgumentKey<Double>("noise", default: 0.05, limits: .range(0...1), doc: "Standard deviation of pixel noise.")
    static let train = GeneratedDatasetArguments.train("images")
    static let validation = GeneratedDatasetArguments.validation("images")
    static let test = GeneratedDatasetArguments.test("images", max: 20_000)
    static let seed = GeneratedDatasetArguments.seed("Seeds the generator.")

}

extension Shapes: DeclaredType {
    public static let typeName = "Shapes"
    private typealias K = ShapesArgument

    public static let members = [
        DeclaredMember("init", [K.labels.facts, K.prevalence.facts, K.together.facts, K.size.facts, K.noise.facts, K.train.facts,
                                K.validation.facts, K.test.facts, K.seed.facts],
                       doc: "The built-in synthetic dataset.", check: issues) { a throws(JSONError) in
            Shapes(labels: try a(K.labels), prevalence: try a(K.prevalence), together: try a(K.together), size: try a(K.size),
                   noise: try a(K.noise), train: try a(K.train), validation: try a(K.validation), test: try a(K.test), seed: try a(K.seed))
        },
    ]

    /// Checked when a lesson is evaluated or its plan resolved.
    @Sendable static func issues(_ a: ArgumentSource) throws(JSONError) -> [APIIssue] {
        let labels = try a(ShapesArgument.labels), prevalence = try a(ShapesArgument.prevalence)
        var issues = APICatalog.labelIssues(labels, argument: "labels", allowed: ShapeKind.allCases.map { $0.rawValue }, what: "shape")
        issues += APICatalog.prevalenceIssues(prevalence, labels: labels, labelArgument: "labels")
        for (key, value) in try a(ShapesArgument.together).stablySorted(by: { $0.key < $1.key }) {
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
}

