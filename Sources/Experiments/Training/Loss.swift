import NeuralCore
import PortableJSON

/// The training loss, always computed from logits (`from_logits=True`). This
/// file is the whole of a loss in the lesson vocabulary: the case, the head it
/// needs, its description (arguments, defaults, ranges, docs for the evaluator,
/// the reference page and `lessons export`) and the NeuralCore loss it trains
/// with. Adding a loss is adding to each of these here, plus its numerics in
/// NeuralCore's `LossFunction`. A case's documentation is its description's `doc`.
public enum Loss: Hashable, Sendable {
    /// `labelSmoothing` is nil for 0 (the lesson API stores it so), so a run without
    /// smoothing keeps the cache key it had before smoothing existed.
    case binaryCrossEntropy(posWeight: PosWeight = .none, labelSmoothing: Double? = nil)
    case softmaxCrossEntropy(classWeight: ClassWeight = .none)
    case sparseSoftmaxCrossEntropy(classWeight: ClassWeight = .none)
    case focal(alpha: Double? = 0.25, gamma: Double = 2)
    case asymmetric(gammaPositive: Double = 1, gammaNegative: Double = 4, clip: Double = 0.05)

    /// The head this loss is defined for.
    public var head: Head {
        switch self {
        case .binaryCrossEntropy, .focal, .asymmetric: return .sigmoid
        case .softmaxCrossEntropy, .sparseSoftmaxCrossEntropy: return .softmax
        }
    }

    /// The case's name, as lessons write it (`binaryCrossEntropy`), for messages.
    var caseName: String {
        switch self {
        case .binaryCrossEntropy: "binaryCrossEntropy"
        case .softmaxCrossEntropy: "softmaxCrossEntropy"
        case .sparseSoftmaxCrossEntropy: "sparseSoftmaxCrossEntropy"
        case .focal: "focal"
        case .asymmetric: "asymmetric"
        }
    }

    /// True for binary cross-entropy with a positive weight (what `.undoPosWeight` takes back).
    var hasPosWeight: Bool {
        if case .binaryCrossEntropy(let w, _) = self, w != PosWeight.none { return true }
        return false
    }

    /// A per-label list written in the loss (its name for messages and its
    /// length), which `Compare` checks against the dataset's labels.
    var perLabelList: (name: String, count: Int)? {
        switch self {
        case .binaryCrossEntropy(.fixed(let w), _): return ("posWeight", w.count)
        case .softmaxCrossEntropy(.fixed(let w)), .sparseSoftmaxCrossEntropy(.fixed(let w)): return ("classWeight", w.count)
        default: return nil
        }
    }

    /// NeuralCore's loss, with data-dependent weights (`.balanced`) resolved on
    /// the training labels only — never on validation or test data.
    func lossFunction(trainLabels: Tensor, labelNames: [String]) throws(WeightingError) -> LossFunction {
        switch self {
        case .binaryCrossEntropy(let posWeight, let labelSmoothing):
            return .binaryCrossEntropy(posWeight: try posWeight.resolve(trainLabels: trainLabels, labelNames: labelNames),
                                       labelSmoothing: Float(labelSmoothing ?? 0))
        case .softmaxCrossEntropy(let classWeight):
            return .softmaxCrossEntropy(classWeight: try classWeight.resolve(trainLabels: trainLabels, labelNames: labelNames))
        case .sparseSoftmaxCrossEntropy(let classWeight):
            return .sparseSoftmaxCrossEntropy(classWeight: try classWeight.resolve(trainLabels: trainLabels, labelNames: labelNames))
        case .focal(let alpha, let gamma):
            return .sigmoidFocal(alpha: alpha.map(Float.init), gamma: Float(gamma))
        case .asymmetric(let gammaPositive, let gammaNegative, let clip):
            return .asymmetric(gammaPositive: Float(gammaPositive), gammaNegative: Float(gammaNegative), clip: Float(clip))
        }
    }
}

extension Loss: DeclaredType {
    public static let typeName = "Loss"
    static let posWeight = ArgumentKey<PosWeight>("posWeight", default: .none, doc: "Weight of each label's positive term.")
    static let labelSmoothing = ArgumentKey<Double>("labelSmoothing", default: 0, limits: .range(0...1),
                                                    doc: "Keras `label_smoothing` s: each target z is trained towards z·(1 − s) + s/2, "
                                                    + "so a positive asks for 1 − s/2 and a negative for s/2.")
    static let classWeight = ArgumentKey<ClassWeight>("classWeight", default: .none, doc: "Weight of each class.")
    static let alpha = ArgumentKey<Double?>("alpha", default: 0.25, limits: .range(0...1),
                                            doc: "Weight of positives (1 − alpha for negatives); nil = no class balancing.")
    static let gamma = ArgumentKey<Double>("gamma", default: 2, limits: .range(0...10), doc: "Focusing exponent of (1 − p_t).")
    static let gammaPositive = ArgumentKey<Double>("gammaPositive", default: 1, limits: .range(0...10),
                                                   doc: "Focusing exponent of positives, on (1 − p).")
    static let gammaNegative = ArgumentKey<Double>("gammaNegative", default: 4, limits: .range(0...10),
                                                   doc: "Focusing exponent of negatives, on the shifted probability.")
    static let clip = ArgumentKey<Double>("clip", default: 0.05, limits: .range(0...0.5),
                                          doc: "Probability shift of negatives: a negative scored at most `clip` costs nothing.")

    public static let members: [DeclaredMember<Loss>] = [
        DeclaredMember("binaryCrossEntropy", [posWeight.facts, labelSmoothing.facts],
                       doc: "Sigmoid binary cross-entropy per label (Keras `BinaryCrossentropy(from_logits=True)`, PyTorch `BCEWithLogitsLoss`).") {
            a throws(JSONError) in
            let smoothing = try a(labelSmoothing)
            return .binaryCrossEntropy(posWeight: try a(posWeight), labelSmoothing: smoothing == 0 ? nil : smoothing)
        },
        DeclaredMember("softmaxCrossEntropy", [classWeight.facts],
                       doc: "Softmax cross-entropy on multi-hot targets normalised to sum 1 (Keras `CategoricalCrossentropy(from_logits=True)`).") {
            a throws(JSONError) in .softmaxCrossEntropy(classWeight: try a(classWeight))
        },
        DeclaredMember("sparseSoftmaxCrossEntropy", [classWeight.facts],
                       doc: "Softmax cross-entropy on the first positive label of each image only (Keras `SparseCategoricalCrossentropy`).") {
            a throws(JSONError) in .sparseSoftmaxCrossEntropy(classWeight: try a(classWeight))
        },
        DeclaredMember("focal", [alpha.facts, gamma.facts], doc: "Sigmoid focal loss (Lin et al. 2017; torchvision `sigmoid_focal_loss`).") {
            a throws(JSONError) in .focal(alpha: try a(alpha), gamma: try a(gamma))
        },
        DeclaredMember("asymmetric", [gammaPositive.facts, gammaNegative.facts, clip.facts],
                       doc: "Asymmetric loss (Ridnik et al. 2021, the authors' `AsymmetricLoss`): focal-style focusing, "
                       + "harder on easy negatives than on positives, and easy negatives dropped.") { a throws(JSONError) in
            .asymmetric(gammaPositive: try a(gammaPositive), gammaNegative: try a(gammaNegative), clip: try a(clip))
        },
    ]

    static let description = APITypeDescription(declared: Loss.self, doc: "The training loss, computed from logits (`from_logits=True`).")
}

#if !hasFeature(Embedded)
extension Loss: Codable {}
#endif
