import PortableJSON

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

extension Threshold: DeclaredType {
    public static let typeName = "Threshold"
    static let fixedThreshold = ArgumentKey<Double>(nil, name: "threshold", limits: .range(0...1), doc: "For every label.")
    static let perLabelThresholds = ArgumentKey<[Double]>(nil, name: "thresholds",
                                                          limits: Limits(min: 0, max: 1, minCount: 1, maxCount: LabelCount.most),
                                                          doc: "One per label, in label order.")
    static let maximizing = ArgumentKey<ThresholdObjective>("maximizing", doc: "What to maximise.")
    static let k = ArgumentKey<Int>(nil, name: "k", limits: .range(1...Double(LabelCount.most)), doc: "Labels per image.")

    public static let members: [DeclaredMember<Threshold>] = [
        DeclaredMember("fixed", [fixedThreshold.facts], doc: "One threshold for every label.") { a throws(JSONError) in
            .fixed(try a(fixedThreshold))
        },
        DeclaredMember("perLabel", [perLabelThresholds.facts], doc: "One threshold per label.") { a throws(JSONError) in
            .perLabel(try a(perLabelThresholds))
        },
        DeclaredMember("tuned", [maximizing.facts], doc: "Per-label thresholds tuned on the validation split.") { a throws(JSONError) in
            .tuned(maximizing: try a(maximizing))
        },
        DeclaredMember("tunedOnTest", [maximizing.facts],
                       doc: "The leak, to demonstrate it: per-label thresholds tuned on the test split itself (optimistic test metrics).") {
            a throws(JSONError) in .tunedOnTest(maximizing: try a(maximizing))
        },
        DeclaredMember("topK", [k.facts], doc: "The k most probable labels of each image.") { a throws(JSONError) in .topK(try a(k)) },
    ]

    static let description = APITypeDescription(declared: Threshold.self,
                                                doc: "How probabilities become labels (predicted when probability > threshold).")
}

extension ThresholdObjective: DeclaredType {
    public static let typeName = "ThresholdObjective"
    public static let members = DeclaredMember<ThresholdObjective>.plain([(.f1, "The label's F1 score.")])

    static let description = APITypeDescription(declared: ThresholdObjective.self,
                                                doc: "What tuned thresholds maximise on the validation split.")
}

#if !hasFeature(Embedded)
extension Threshold: Codable {}
extension ThresholdObjective: Codable {}
#endif
