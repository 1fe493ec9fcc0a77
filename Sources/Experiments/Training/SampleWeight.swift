/// Per-image weights (Keras `sample_weight`: each image's loss — the mean over
/// its labels — times its weight, summed, divided by the batch size). Scales
/// whole images, never single labels.
public enum SampleWeight: Codable, Hashable, Sendable {
    case none
    /// Each image weighted by the balanced weight of its rarest positive label.
    case rarestLabel
    /// Each image weighted by the mean inverse prevalence of its positive labels.
    case inverseFrequency
    /// Keras `class_weight` on multi-hot targets: the weight of the image's
    /// first positive label (argmax); images with no label get class 0's weight.
    case kerasClassWeight([Double])
}
