/// The constant-score baseline: every image gets, for each label, that label's
/// prevalence in the training split as its probability (scikit-learn
/// `DummyClassifier(strategy="prior")`, label by label). Nothing is trained, so its
/// numbers are the floor any model must clear: each label's average precision is
/// the label's test prevalence, its ROC-AUC is 0.5 (every score ties), and at a
/// threshold of 0.5 it predicts no label whose prevalence is at most 0.5.
public struct PrevalenceBaseline: Hashable, Sendable {
    public init() {}
}

extension PrevalenceBaseline: DeclaredType {
    public static let typeName = "PrevalenceBaseline"
    public static let members = [
        DeclaredMember("init", [], doc: "The constant-score baseline: AP = the label's prevalence, ROC-AUC = 0.5.") { _ in PrevalenceBaseline() },
    ]

    static let description = APITypeDescription(
        model: PrevalenceBaseline.self,
        doc: "Not a network: scores every image with each label's training prevalence "
            + "(scikit-learn `DummyClassifier(strategy=\"prior\")` per label). Trains nothing; a run's loss, weights and epochs are ignored.")
}

#if !hasFeature(Embedded)
extension PrevalenceBaseline: Codable {}
#endif
