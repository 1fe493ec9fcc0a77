/// Initial value of the last layer's bias.
public enum OutputBias: String, Codable, Hashable, Sendable, CaseIterable {
    /// All zeros (the frameworks' default).
    case zero
    /// log(p / (1 − p)) per label, p the label's training prevalence: the model
    /// starts out predicting the base rate instead of spending epochs learning it.
    case prior
}

extension OutputBias {
    static let description = APITypeDescription("OutputBias", doc: "Initial value of the last layer's bias.", members: [
        .plain("zero", OutputBias.zero, doc: "All zeros (the frameworks' default)."),
        .plain("prior", OutputBias.prior, doc: "log(p / (1 − p)) per label, p its training prevalence."),
    ])
}
