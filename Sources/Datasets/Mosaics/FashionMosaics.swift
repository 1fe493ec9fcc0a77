import NeuralCore
import PortableText

/// Real photographs for multi-label lessons: each image is a 2×2 mosaic of Fashion-MNIST
/// items, and the labels say which of the chosen `categories` appear in it.
///
/// Each category is present with its own prevalence (exactly `round(prevalence × count)`
/// images per split, at most one tile each); the remaining tiles hold an item of a category
/// that is not a label (with probability `distractors`) or stay blank. Train and validation
/// mosaics draw from Fashion-MNIST's training file, from two disjoint pools of items; test
/// mosaics draw only from its test file.
public struct FashionMosaics: Hashable, Sendable {
    /// Fashion-MNIST's classes, in label-id order, as `categories` names them.
    public static let classNames = FashionImages.classNames

    public var categories: [String]
    public var prevalence: [Double]
    /// 56 (full 2×2 mosaic) or 28 (the mosaic average-pooled 2×2).
    public var size: Int
    /// Probability that a tile not taken by a label shows an item of another category.
    public var distractors: Double
    public var train: Int
    public var validation: Int
    public var test: Int
    public var seed: Int
    /// Folder with the four IDX files, relative to the lesson; nil reads the
    /// system copy in /usr/share/datasets/fashion-mnist.
    public var folder: String?

    public init(categories: [String] = ["sneaker", "bag", "trouser", "dress", "ankle boot"],
                prevalence: [Double] = [0.40, 0.20, 0.10, 0.05, 0.02],
                size: Int = 56,
                distractors: Double = 0.5,
                train: Int = 4000,
                validation: Int = 500,
                test: Int = 1000,
                seed: Int = 1,
                folder: String? = nil) {
        self.categories = categories
        self.prevalence = prevalence
        self.size = size
        self.distractors = distractors
        self.train = train
        self.validation = validation
        self.test = test
        self.seed = seed
        self.folder = folder
    }

    /// The arguments checked before any image is read (so a bad spec is reported as such
    /// even where the files are missing): each category's class and the label sampler.
    func checkedArguments() throws(DatasetError) -> (classes: [Int], sampler: LabelSampler) {
        let classes = try categories.map { name throws(DatasetError) -> Int in
            guard let c = Self.classNames.firstIndex(of: name.asciiLowercased) else {
                throw DatasetError.invalidArgument(argument: "categories",
                    problem: "'\(name)' is not a Fashion-MNIST category; choose from \(Self.classNames)")
            }
            return c
        }
        let sampler = try LabelSampler(labels: categories, prevalence: prevalence, together: [:], capacity: 4)
        guard size == 56 || size == 28 else {
            throw DatasetError.invalidArgument(argument: "size", problem: "\(size); mosaics are 56 (2×2 tiles) or 28 (pooled)")
        }
        guard distractors >= 0 && distractors <= 1 else {
            throw DatasetError.invalidArgument(argument: "distractors", problem: "\(distractors) is not a probability")
        }
        for (name, count) in [("train", train), ("validation", validation), ("test", test)] where count < 0 {
            throw DatasetError.invalidArgument(argument: name, problem: "\(count) images; give a count ≥ 0")
        }
        return (classes, sampler)
    }

    /// The dataset with the provenance of every tile, drawn from `data` (the native
    /// reader's files or, in lessons.wasm, the packed asset).
    public func generate(from data: FashionImages) throws(DatasetError) -> GeneratedMosaics {
        let (classes, sampler) = try checkedArguments()
        let base = SeededRNG(seed: UInt64(bitPattern: Int64(seed)))
        var poolRNG = base.derived(100)
        let others = (0..<Self.classNames.count).filter { !classes.contains($0) }
        // Training-file items of each class, shuffled, then cut into train and validation pools.
        var trainPool: [[Int]] = [], validationPool: [[Int]] = []
        let validationShare = train + validation == 0 ? 0 : Double(validation) / Double(train + validation)
        for var items in data.train.itemsByClass() {
            poolRNG.shuffle(&items)
            var cut = Int((validationShare * Double(items.count)).rounded())
            if validation > 0 { cut = min(max(cut, 1), items.count - 1) }
            validationPool.append(Array(items[..<cut]))
            trainPool.append(Array(items[cut...]))
        }
        var testPool = data.test.itemsByClass()
        for c in testPool.indices { poolRNG.shuffle(&testPool[c]) }

        let builder = MosaicBuilder(size: size, classes: classes, others: others, distractors: Float(distractors),
                                    sampler: sampler)
        let trainPart = builder.build(count: train, pool: trainPool, file: .train, source: data.train, rng: base.derived(1))
        let validationPart = builder.build(count: validation, pool: validationPool, file: .train, source: data.train,
                                           rng: base.derived(2))
        let testPart = builder.build(count: test, pool: testPool, file: .test, source: data.test, rng: base.derived(3))
        return GeneratedMosaics(
            dataset: Dataset(labelNames: categories, train: trainPart.0, validation: validationPart.0, test: testPart.0),
            trainTiles: trainPart.1, validationTiles: validationPart.1, testTiles: testPart.1)
    }
}

/// Which Fashion-MNIST file a tile's item came from.
public enum FashionMNISTFile: String, Hashable, Sendable {
    case train, test
}

/// One tile of a mosaic: the Fashion-MNIST item drawn there.
public struct MosaicTile: Hashable, Sendable {
    public var file: FashionMNISTFile
    /// Index of the item in its file.
    public var item: Int
    public var category: String
}

/// `FashionMosaics` output plus, per image, its four tiles in reading order (nil = blank).
public struct GeneratedMosaics: Sendable {
    public var dataset: Dataset
    public var trainTiles: [[MosaicTile?]]
    public var validationTiles: [[MosaicTile?]]
    public var testTiles: [[MosaicTile?]]
}

extension FashionMosaics: DatasetSpecification {}

#if !hasFeature(Embedded)
extension FashionMNISTFile: Codable {}
extension MosaicTile: Codable {}
#endif
