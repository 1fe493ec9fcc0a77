/// How probabilities become predicted labels (a label is predicted when its
/// probability is strictly greater than its threshold, as Keras and torchmetrics do).
/// Each case is documented once, by its member in `description` below.
public enum Threshold: Hashable, Sendable {
    case fixed(Double)
    case perLabel([Double])
    case tuned(maximizing: ThresholdObjective)
    case tunedOnTest(maximizing: ThresholdObjective)
    case topK(Int)
}

extension Threshold {
    /// True when the thresholds are chosen on the test split (`.tunedOnTest`).
    public var tunesOnTestSplit: Bool {
        if case .tunedOnTest = self { return true }
        return false
    }
}

/// What `.tuned(maximizing:)` maximises per label on the validation split.
public enum ThresholdObjective: String, Hashable, Sendable, CaseIterable {
    case f1
}

#if !hasFeature(Embedded)
extension Threshold: Codable {}
extension ThresholdObjective: Codable {}

extension Threshold {
    static let description = APITypeDescription(
        "Threshold", doc: "How probabilities become labels (predicted when probability > threshold).", members: [
            APIMember("fixed", [APIArgument(nil, name: "threshold", .double, limits: .range(0...1), doc: "For every label.")],
                      doc: "One threshold for every label.") { .fixed($0.double("threshold")) as Threshold },
            APIMember("perLabel", [APIArgument(nil, name: "thresholds", .array(.double),
                                               limits: Limits(min: 0, max: 1, minCount: 1, maxCount: APICatalog.maxLabels),
                                               doc: "One per label, in label order.")],
                      doc: "One threshold per label.") { .perLabel($0.doubles("thresholds")) as Threshold },
            APIMember("tuned", [APIArgument("maximizing", .api("ThresholdObjective"), doc: "What to maximise.")],
                      doc: "Per-label thresholds tuned on the validation split.") {
                .tuned(maximizing: $0.object("maximizing")) as Threshold
            },
            APIMember("tunedOnTest", [APIArgument("maximizing", .api("ThresholdObjective"), doc: "What to maximise.")],
                      doc: "The leak, to demonstrate it: per-label thresholds tuned on the test split itself (optimistic test metrics).") {
                .tunedOnTest(maximizing: $0.object("maximizing")) as Threshold
            },
            APIMember("topK", [APIArgument(nil, name: "k", .int, limits: .range(1...Double(APICatalog.maxLabels)), doc: "Labels per image.")],
                      doc: "The k most probable labels of each image.") { .topK($0.int("k")) as Threshold },
        ])
}

extension ThresholdObjective {
    static let description = APITypeDescription(
        "ThresholdObjective", doc: "What tuned thresholds maximise on the validation split.",
        members: APIMember.plain([(ThresholdObjective.f1, "The label's F1 score.")]))
}
#endif
