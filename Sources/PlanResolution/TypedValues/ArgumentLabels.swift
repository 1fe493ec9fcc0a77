import Experiments

/// The arguments of a call, by label, matched to a described member's
/// parameters the way Swift matches them: labels in order, defaults skipped,
/// with Swift's wording for a missing, extra or misplaced argument. Syntax-free,
/// so lesson code (`ArgumentMatching`) and typed parameter values
/// (`SetValueEvaluation`) match calls alike.
package enum ArgumentLabels {
    /// Why the labels do not fit: the message, and the argument it is about (nil: the call's end).
    package struct Mismatch: Error {
        package var message: String
        package var argument: Int?
    }

    /// For each parameter's name, the index of the argument given for it.
    package static func match(_ labels: [String?], to parameters: [APIArgument], display: String) -> Result<[String: Int], Mismatch> {
        var matched: [String: Int] = [:]
        var next = 0
        let known = parameters.compactMap { $0.label }
        for (index, label) in labels.enumerated() {
            if let i = parameters[next...].firstIndex(where: { $0.label == label }) {
                if let missing = parameters[next..<i].first(where: { $0.isRequired }) {
                    return .failure(Mismatch(message: missingMessage(missing, in: parameters), argument: index))
                }
                matched[parameters[i].name] = index
                next = i + 1
                continue
            }
            let message: String
            if let label {
                if let earlier = parameters[..<next].first(where: { $0.label == label }) {
                    if matched[earlier.name] != nil {
                        message = "extra argument '\(label)' in call"
                    } else {
                        let after = parameters[..<next].last(where: { matched[$0.name] != nil })
                        message = "argument '\(label)' must precede argument '\(after?.label ?? after?.name ?? "")' "
                            + "(the order is: \(known.joined(separator: ", ")))"
                    }
                } else {
                    message = "\(display) has no argument '\(label)'\(Suggestions.didYouMean(label, in: known, listing: "arguments"))"
                }
            } else if let p = parameters[next...].first {
                message = "missing argument label '\(p.label ?? p.name):' in call"
            } else {
                message = "extra argument in call"
            }
            return .failure(Mismatch(message: message, argument: index))
        }
        if let missing = parameters[next...].first(where: { $0.isRequired }) {
            return .failure(Mismatch(message: missingMessage(missing, in: parameters), argument: nil))
        }
        return .success(matched)
    }

    private static func missingMessage(_ p: APIArgument, in parameters: [APIArgument]) -> String {
        guard let label = p.label else {
            let position = (parameters.firstIndex { $0.name == p.name } ?? 0) + 1
            return "missing argument for parameter #\(position) in call"
        }
        return "missing argument for parameter '\(label)' in call"
    }
}
