import NeuralCore

/// Per-image weights (Keras `sample_weight`: each image's loss — the mean over
/// its labels — times its weight, summed, divided by the batch size). Scales
/// whole images, never single labels.
/// Each case is documented once, by its member in `description` below.
public enum SampleWeight: Codable, Hashable, Sendable {
    case none
    case rarestLabel
    case inverseFrequency
    case kerasClassWeight([Double])
}


extension SampleWeight {
    static let description = APITypeDescription(
        "SampleWeight", doc: "Per-image weights (Keras `sample_weight`): scale whole images, never single labels.",
        members: [
            .plain("none", SampleWeight.none, doc: "Every image counts once."),
            .plain("rarestLabel", SampleWeight.rarestLabel, doc: "The balanced weight of the image's rarest positive label."),
            .plain("inverseFrequency", SampleWeight.inverseFrequency, doc: "Mean inverse prevalence of the image's positive labels."),
            APIMember("kerasClassWeight", [APIArgument(nil, name: "weights", .array(.double), limits: .weights,
                                                       doc: "One weight per label, in label order.")],
                      doc: "Keras `class_weight` on multi-hot targets: the weight of the image's first positive label (argmax); no label → class 0.") {
                .kerasClassWeight($0.doubles("weights")) as SampleWeight
            },
        ])

    /// One weight per training image (nil: none), from the training labels.
    func weights(trainLabels: Tensor, labelNames: [String]) throws -> [Float]? {
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
