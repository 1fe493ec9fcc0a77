import Experiments
import SwiftSyntax

/// `"Adam, lr \(learningRate)"`: parameter values in run names, comparison and
/// sweep titles, so a name stays true when a student changes the value. A
/// value is spelled as Swift's own interpolation spells it (`0.001`, `1e-05`,
/// `12`, `true`), so an exported lesson names its runs identically.
extension ExpressionEvaluator {
    func interpolated(_ literal: StringLiteralExprSyntax, in context: EvaluationContext) -> Evaluated? {
        guard literal.openingQuote.tokenKind == .stringQuote else {
            context.error("string interpolation is supported in one-line strings only", at: literal)
            return nil
        }
        var pieces: [ValueRules.Piece] = []
        for segment in literal.segments {
            if let plain = segment.as(StringSegmentSyntax.self) {
                // The segment alone, between the literal's own delimiters, unescapes as Swift would.
                let alone = StringLiteralExprSyntax(openingPounds: literal.openingPounds, openingQuote: literal.openingQuote,
                                                    segments: StringLiteralSegmentListSyntax([.stringSegment(plain)]),
                                                    closingQuote: literal.closingQuote, closingPounds: literal.closingPounds)
                guard let piece = alone.representedLiteralValue else {
                    context.error("this string literal is not supported", at: plain)
                    return nil
                }
                pieces.append(.text(piece))
            } else if let expression = segment.as(ExpressionSegmentSyntax.self) {
                guard expression.expressions.count == 1, let only = expression.expressions.first, only.label == nil else {
                    context.error("an interpolation takes one value, e.g. '\\(epochs)'", at: expression)
                    return nil
                }
                guard let value = evaluate(only.expression, expected: nil, in: context) else { return nil }
                pieces.append(.value(value))
            }
        }
        return rules(context).interpolate(pieces, at: context.location(of: literal))
    }
}
