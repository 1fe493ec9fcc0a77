import Experiments
import SwiftSyntax

/// The arguments of a call matched to a described member's parameters the way
/// Swift matches them: labels in order, defaults skipped, with Swift's wording
/// for a missing, extra or misplaced argument.
enum ArgumentMatching {
    /// Call arguments by argument name, as Swift matches them; nil after a diagnostic.
    static func match(_ call: FunctionCallExprSyntax, to parameters: [APIArgument], display: String,
                      in context: EvaluationContext) -> [String: ExprSyntax]? {
        var matched: [String: ExprSyntax] = [:]
        var next = 0
        let known = parameters.compactMap(\.label)
        for argument in call.arguments {
            let label = argument.label?.text
            let node = argument.label.map(Syntax.init) ?? Syntax(argument.expression)
            if let i = parameters[next...].firstIndex(where: { $0.label == label }) {
                if let missing = parameters[next..<i].first(where: \.isRequired) {
                    context.error(missingMessage(missing, in: parameters), at: node)
                    return nil
                }
                matched[parameters[i].name] = argument.expression
                next = i + 1
                continue
            }
            if let label {
                if let earlier = parameters[..<next].first(where: { $0.label == label }) {
                    if matched[earlier.name] != nil {
                        context.error("extra argument '\(label)' in call", at: node)
                    } else {
                        let after = parameters[..<next].last(where: { matched[$0.name] != nil })
                        context.error("argument '\(label)' must precede argument '\(after?.label ?? after?.name ?? "")' "
                                      + "(the order is: \(known.joined(separator: ", ")))", at: node)
                    }
                } else {
                    context.error("\(display) has no argument '\(label)'\(Suggestions.didYouMean(label, in: known, listing: "arguments"))",
                                  at: node)
                }
            } else if let p = parameters[next...].first {
                context.error("missing argument label '\(p.label ?? p.name):' in call", at: node)
            } else {
                context.error("extra argument in call", at: node)
            }
            return nil
        }
        if let missing = parameters[next...].first(where: \.isRequired) {
            context.error(missingMessage(missing, in: parameters), at: call.rightParen.map(Syntax.init) ?? Syntax(call))
            return nil
        }
        return matched
    }

    private static func missingMessage(_ p: APIArgument, in parameters: [APIArgument]) -> String {
        guard let label = p.label else {
            let position = (parameters.firstIndex { $0.name == p.name } ?? 0) + 1
            return "missing argument for parameter #\(position) in call"
        }
        return "missing argument for parameter '\(label)' in call"
    }
}
