import NeuralCore

/// Per-image weights (Keras `sample_weight`: each image's loss — the mean over
/// its labels — times its weight, summed, divided by the batch size). Scales
/// whole images, never single labels.
/// Each case is documented once, by its member in `description` below.
public enum SampleWeight: Hashable, Sendable {
    case none, rarestLabel, inverseFrequency
    case kerasClassWeight([Double])

    #if !hasFeature(Embedded)
    static let description = APITypeDescription(
        of: SampleWeight.self, doc: "Per-image weights (Keras `sample_weight`): scale whole images, never single labels.", members: APIMember.plain([
            (SampleWeight.none, "Every image counts once."),
            (SampleWeight.rarestLabel, "The balanced weight of the image's rarest positive label."),
            (SampleWeight.inverseFrequency, "Mean inverse prevalence of the image's positive labels."),
        ]) + [
            .perLabelWeights("kerasClassWeight", doc: "Keras `class_weight` on multi-hot targets: the weight of the image's "
                             + "first positive label (argmax); no label → class 0.") { SampleWeight.kerasClassWeight($0) },
        ])
    #endif

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

#if !hasFeature(Embedded)
extension SampleWeight: Codable {}
#endif
