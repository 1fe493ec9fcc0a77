/// Initial value of the last layer's bias.
/// Each case is documented once, by its member in `description` below.
public enum OutputBias: String, Codable, Hashable, Sendable, CaseIterable {
    case zero
    case prior
}

extension OutputBias {
    static let description = APITypeDescription("OutputBias", doc: "Initial value of the last layer's bias.", members: [
        .plain("zero", OutputBias.zero, doc: "All zeros (the frameworks' default)."),
        .plain("prior", OutputBias.prior, doc: "log(p / (1 − p)) per label, p its training prevalence."),
    ])
}
