import NeuralCore
import PortableJSON

/// Seeded augmentation of the training batches (NeuralCore's `Augmentation`, drawn
/// from a stream derived from the run's seed; validation and test images are never
/// touched): random flips (Keras `RandomFlip`), shifts with zero fill (torchvision
/// `RandomCrop(size, padding: shift)`) and Gaussian pixel noise (Keras `GaussianNoise`).
/// This file is the whole of it in the lesson vocabulary: its declaration gives the
/// evaluator's description, the reference page and the module's JSON reader.
public struct Augmentation: Hashable, Sendable {
    public var flips: Flips
    public var shift: Int
    public var noise: Double

    public init(flips: Flips = .none, shift: Int = 0, noise: Double = 0) {
        self.flips = flips
        self.shift = shift
        self.noise = noise
    }

    /// True when it changes nothing (a run stores nil then, so its cache key is unchanged).
    var isIdentity: Bool { self == Augmentation() }

    /// NeuralCore's augmentation.
    var rule: NeuralCore.Augmentation {
        NeuralCore.Augmentation(horizontalFlip: flips == .horizontal || flips == .both,
                                verticalFlip: flips == .vertical || flips == .both, maxShift: shift, noise: noise)
    }
}

/// Which mirror images an augmentation may show, each with probability ½.
public enum Flips: Hashable, Sendable {
    case none, horizontal, vertical, both
}

extension Augmentation: DeclaredType {
    public static let typeName = "Augmentation"
    static let flips = ArgumentKey<Flips>("flips", default: .none, doc: "Random mirror images, each with probability ½.")
    static let shift = ArgumentKey<Int>("shift", default: 0, limits: .range(0...16),
                                        doc: "Moves each image by up to this many pixels each way, filling with 0 "
                                        + "(torchvision `RandomCrop(size, padding: shift)`).")
    static let noise = ArgumentKey<Double>("noise", default: 0, limits: .range(0...1),
                                           doc: "Standard deviation of Gaussian noise added to every pixel (Keras `GaussianNoise`).")

    public static let members = [
        DeclaredMember("init", [flips.facts, shift.facts, noise.facts],
                       doc: "Flips, then a shift, then noise, drawn per training image from the run's seed.") { a throws(JSONError) in
            Augmentation(flips: try a(flips), shift: try a(shift), noise: try a(noise))
        },
    ]

    static let description = APITypeDescription(
        declared: Augmentation.self,
        doc: "Random changes to the training images, new every epoch and seeded by the run: the validation and test images stay as they are.")
}

extension Flips: DeclaredType {
    public static let typeName = "Flips"
    public static let members: [DeclaredMember<Flips>] = [
        .plain("none", .none, doc: "No flips."),
        .plain("horizontal", .horizontal, doc: "Mirror left to right (Keras `RandomFlip(\"horizontal\")`)."),
        .plain("vertical", .vertical, doc: "Mirror top to bottom."),
        .plain("both", .both, doc: "Each mirror drawn on its own."),
    ]

    static let description = APITypeDescription(declared: Flips.self, doc: "Which mirror images an `Augmentation` may show.")
}

#if !hasFeature(Embedded)
extension Augmentation: Codable {}
extension Flips: Codable {}
#endif
