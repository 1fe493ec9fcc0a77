/// Initial value of the last layer's bias: `.prior` starts the model out
/// predicting each label's base rate instead of spending epochs learning it.
public enum OutputBias: String, Hashable, Sendable, CaseIterable {
    case zero, prior

    #if !hasFeature(Embedded)
    static let description = APITypeDescription(
        "OutputBias", doc: "Initial value of the last layer's bias.",
        members: APIMember.plain([(OutputBias.zero, "All zeros (the frameworks' default)."),
                                  (OutputBias.prior, "log(p / (1 − p)) per label, p its training prevalence.")]))
    #endif
}

#if !hasFeature(Embedded)
extension OutputBias: Codable {}
#endif
