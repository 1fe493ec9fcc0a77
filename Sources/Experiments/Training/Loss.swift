import NeuralCore

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

    #if !hasFeature(Embedded)
    static let description = APITypeDescription("Loss", doc: "The training loss, computed from logits (`from_logits=True`).", members: [
        APIMember("binaryCrossEntropy", [
            APIArgument("posWeight", .api("PosWeight"), default: ".none", doc: "Weight of each label's positive term."),
            APIArgument("labelSmoothing", .double, default: "0", limits: .range(0...1),
                        doc: "Keras `label_smoothing` s: each target z is trained towards z·(1 − s) + s/2, "
                        + "so a positive asks for 1 − s/2 and a negative for s/2."),
        ], doc: "Sigmoid binary cross-entropy per label (Keras `BinaryCrossentropy(from_logits=True)`, PyTorch `BCEWithLogitsLoss`).") {
            let smoothing = $0.double("labelSmoothing")
            return .binaryCrossEntropy(posWeight: $0.object("posWeight"), labelSmoothing: smoothing == 0 ? nil : smoothing) as Loss
        },
        APIMember("softmaxCrossEntropy", [APIArgument("classWeight", .api("ClassWeight"), default: ".none",
                                                      doc: "Weight of each class.")],
                  doc: "Softmax cross-entropy on multi-hot targets normalised to sum 1 (Keras `CategoricalCrossentropy(from_logits=True)`).") {
            .softmaxCrossEntropy(classWeight: $0.object("classWeight")) as Loss
        },
        APIMember("sparseSoftmaxCrossEntropy", [APIArgument("classWeight", .api("ClassWeight"), default: ".none",
                                                            doc: "Weight of each class.")],
                  doc: "Softmax cross-entropy on the first positive label of each image only (Keras `SparseCategoricalCrossentropy`).") {
            .sparseSoftmaxCrossEntropy(classWeight: $0.object("classWeight")) as Loss
        },
        APIMember("focal", [
            APIArgument("alpha", .optional(.double), default: "0.25", limits: .range(0...1),
                        doc: "Weight of positives (1 − alpha for negatives); nil = no class balancing."),
            APIArgument("gamma", .double, default: "2", limits: .range(0...10), doc: "Focusing exponent of (1 − p_t)."),
        ], doc: "Sigmoid focal loss (Lin et al. 2017; torchvision `sigmoid_focal_loss`).") {
            .focal(alpha: $0.optionalDouble("alpha"), gamma: $0.double("gamma")) as Loss
        },
        APIMember("asymmetric", [
            APIArgument("gammaPositive", .double, default: "1", limits: .range(0...10), doc: "Focusing exponent of positives, on (1 − p)."),
            APIArgument("gammaNegative", .double, default: "4", limits: .range(0...10),
                        doc: "Focusing exponent of negatives, on the shifted probability."),
            APIArgument("clip", .double, default: "0.05", limits: .range(0...0.5),
                        doc: "Probability shift of negatives: a negative scored at most `clip` costs nothing."),
        ], doc: "Asymmetric loss (Ridnik et al. 2021, the authors' `AsymmetricLoss`): focal-style focusing, "
            + "harder on easy negatives than on positives, and easy negatives dropped.") {
            .asymmetric(gammaPositive: $0.double("gammaPositive"), gammaNegative: $0.double("gammaNegative"),
                        clip: $0.double("clip")) as Loss
        },
    ])
    #endif

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

#if !hasFeature(Embedded)
extension Loss: Codable {}
#endif
