import NeuralCore
import PortableSort

/// The built-in synthetic multi-label dataset: grayscale images holding zero or more
/// of five shapes, each label present with its own prevalence, so imbalance is a knob.
///
/// Every present shape is drawn once, inside its own disc that touches no other, so no
/// label is ever hidden; position, size, rotation, stroke and brightness vary, and
/// Gaussian pixel noise with standard deviation `noise` is added on top. Each split has
/// exactly `round(prevalence × count)` positives per label (see `LabelSampler`).
public struct Shapes: Hashable, Sendable {
    public static let defaultLabels = ["circle", "square", "triangle", "cross", "ring"]

    /// Which shapes are the labels, in label order; each must be a `ShapeKind` name.
    public var labels: [String]
    /// Share of images showing each label, one per label.
    public var prevalence: [Double]
    /// Co-occurrence: `["square": "cross"]` means every image with a square also shows a
    /// cross (the value label's prevalence must be at least the key label's).
    public var together: [String: String]
    /// Side of the square images in pixels (16...256).
    public var size: Int
    /// Standard deviation of the Gaussian noise added to every pixel (then clipped to [0, 1]).
    public var noise: Double
    public var train: Int
    public var validation: Int
    public var test: Int
    public var seed: Int

    public init(labels: [String] = Shapes.defaultLabels,
                prevalence: [Double] = [0.40, 0.20, 0.10, 0.05, 0.02],
                together: [String: String] = [:],
                size: Int = 28,
                noise: Double = 0.05,
                train: Int = 4000,
                validation: Int = 500,
                test: Int = 1000,
                seed: Int = 1) {
        self.labels = labels
        self.prevalence = prevalence
        self.together = together
        self.size = size
        self.noise = noise
        self.train = train
        self.validation = validation
        self.test = test
        self.seed = seed
    }

    /// The dataset together with where each shape was drawn.
    public func generate() throws(DatasetError) -> GeneratedShapes {
        let kinds = try labels.map { name throws(DatasetError) -> ShapeKind in
            guard let kind = ShapeKind(rawValue: name) else {
                throw DatasetError.invalidArgument(argument: "labels",
                    problem: "'\(name)' is not a shape; choose from \(ShapeKind.allCases.map { $0.rawValue })")
            }
            return kind
        }
        let sampler = try LabelSampler(labels: labels, prevalence: prevalence, together: together,
                                       capacity: labels.count)
        guard (16...256).contains(size) else {
            throw DatasetError.invalidArgument(argument: "size", problem: "\(size) pixels; choose 16...256")
        }
        guard noise >= 0 && noise <= 1 else {
            throw DatasetError.invalidArgument(argument: "noise", problem: "\(noise); choose 0...1")
        }
        for (name, count) in [("train", train), ("validation", validation), ("test", test)] where count < 0 {
            throw DatasetError.invalidArgument(argument: name, problem: "\(count) images; give a count ≥ 0")
        }
        let base = SeededRNG(seed: UInt64(bitPattern: Int64(seed)))
        let parts = [train, validation, test].enumerated().map { stream, count in
            makeSplit(count: count, rng: base.derived(UInt64(stream) + 1), sampler: sampler, kinds: kinds)
        }
        return GeneratedShapes(
            dataset: Dataset(labelNames: labels, train: parts[0].0, validation: parts[1].0, test: parts[2].0),
            trainPlacements: parts[0].1, validationPlacements: parts[1].1, testPlacements: parts[2].1)
    }

    private func makeSplit(count: Int, rng: SeededRNG, sampler: LabelSampler,
                           kinds: [ShapeKind]) -> (LabeledImages, [[ShapePlacement]]) {
        var rng = rng
        let labelCount = labels.count, pixelsPerImage = size * size
        let hot = sampler.sample(count: count, rng: &rng)
        let layout = ShapeLayout(size: size)
        var placements: [[ShapePlacement]] = []
        placements.reserveCapacity(count)
        var pixels = [Float](repeating: 0, count: count * pixelsPerImage)
        pixels.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<count {
                var present = (0..<labelCount).filter { hot[i * labelCount + $0] }
                rng.shuffle(&present)
                let discs = layout.discs(count: present.count, rng: &rng)
                let image = buffer.baseAddress! + i * pixelsPerImage
                var drawn: [ShapePlacement] = []
                for (label, disc) in zip(present, discs) {
                    let r = disc.2
                    let placement = ShapePlacement(
                        label: label, kind: kinds[label], centerX: disc.0, centerY: disc.1, radius: r,
                        rotation: rng.uniform(0, 2 * Float.pi),
                        stroke: rng.uniform(max(1.5, 0.22 * r), max(2.0, 0.4 * r)),
                        intensity: rng.uniform(0.5, 1.0))
                    placement.draw(into: image, size: size)
                    drawn.append(placement)
                }
                placements.append(drawn.stablySorted { $0.label < $1.label })
                if noise > 0 {
                    PixelNoise.add(standardDeviation: Float(noise), to: image, count: pixelsPerImage, rng: &rng)
                }
            }
        }
        let labelValues = hot.map { $0 ? Float(1) : Float(0) }
        let images = LabeledImages(images: Tensor(shape: [count, size, size, 1], storage: pixels),
                                   labels: Tensor(shape: [count, labelCount], storage: labelValues))
        return (images, placements)
    }
}

/// `Shapes` output plus the placement record of every image, split by split.
public struct GeneratedShapes: Sendable {
    public var dataset: Dataset
    public var trainPlacements: [[ShapePlacement]]
    public var validationPlacements: [[ShapePlacement]]
    public var testPlacements: [[ShapePlacement]]
}

extension Shapes: DatasetSpecification {
    #if !hasFeature(Embedded)
    /// The generated images; no files are involved, so the folder is ignored.
    public func load(relativeTo lessonFolder: String? = nil) throws -> Dataset {
        try generate().dataset
    }
    #endif
}
