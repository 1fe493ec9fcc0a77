/// Initial value of the last layer's bias: `.prior` starts the model out
/// predicting each label's base rate instead of spending epochs learning it.
public enum OutputBias: String, Hashable, Sendable, CaseIterable {
    case zero, prior
}

extension OutputBias: DeclaredType {
    public static let typeName = "OutputBias"
    public static let members = DeclaredMember<OutputBias>.plain([(OutputBias.zero, "All zeros (the frameworks' default)."),
                                  (OutputBias.prior, "log(p / (1 − p)) per label, p its training prevalence.")])

    static let description = APITypeDescription(declared: OutputBias.self, doc: "Initial value of the last layer's bias.")
}

#if !hasFeature(Embedded)
extension OutputBias: Codable {}
#endif
