import Experiments

/// `--set name=value` names that no parameters block declared (the values
/// themselves are read by `SetValueEvaluation`, where they are bound).
extension ExpressionEvaluator {
    /// Reports the `--set` names that no parameters block declared.
    func reportUnusedOverrides(declared: [String], to diagnostics: Diagnostics) {
        for name in overrides.keys.sorted() where !declared.contains(name) && scope.isUnknown(name) {
            let list = declared.isEmpty ? "the lesson has no parameters" : "parameters: " + declared.joined(separator: ", ")
            diagnostics.error("--set \(name): the lesson has no parameter '\(name)'\(Suggestions.didYouMean(name, in: declared)) (\(list))",
                              at: nil)
        }
    }
}
