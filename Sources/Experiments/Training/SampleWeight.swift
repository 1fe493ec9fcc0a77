import NeuralCore
import PortableJSON

/// Per-image weights (Keras `sample_weight`: each image's loss — the mean over
/// its labels — times its weight, summed, divided by the batch size). Scales
/// whole images, never single labels.
/// Each case is documented once, by its member in `description` below.
public enum SampleWeight: Hashable, Sendable {
    case none, rarestLabel, inverseFrequency
    case kerasClassWeight([Double])
    /// One weight per training image (nil: none), from the training labels.
    func weights(trainLabels: Tensor, labelNames: [String]) throws(WeightingError) -> [Float]? {
        let weighting: SampleWeighting
        switch self {
        case .none: weighting = .none
        case .rarestLabel: weighting = .rarestLabel
        case .inverseFrequency: weighting = .inverseFrequency
        case .kerasClassWeight(let values): weighting = .kerasClassWeight(values.map(Float.init))
        }
        return try weighting.weights(labels: trainLabels, labelNames: labelNames)
    }
}

extension SampleWeight: DeclaredType {
    public static let typeName = "SampleWeight"
    public static let members: [DeclaredMember<SampleWeight>] = [
        .plain("none", .none, doc: "Every image counts once."),
        .plain("rarestLabel", .rarestLabel, doc: "The balanced weight of the image's rarest positive label."),
        .plain("inverseFrequency", .inverseFrequency, doc: "Images grouped by their rarest positive label (no label: a group of its own), "
               + "each group the same total weight (sklearn's `compute_class_weight(\"balanced\")` on the groups); the weights average to 1."),
        .perLabelWeights("kerasClassWeight", doc: "Keras `class_weight` on multi-hot targets: the weight of the image's "
                         + "first positive label (argmax); no label → class 0.") { .kerasClassWeight($0) },
    ]

    static let description = APITypeDescription(declared: SampleWeight.self, doc: "Per-image weights (Keras `sample_weight`): scale whole images, never single labels.")
}

#if !hasFeature(Embedded)
extension SampleWeight: Codable {}
#endif
