import SwiftSyntax

/// Where an expression is evaluated: the block its syntax comes from, how deep
/// into the expression evaluation is, and the prefix its messages carry. It is
/// a value handed down with every call, so evaluating a described default or a
/// `--set` value is evaluating with another context: nothing to save or restore.
struct EvaluationContext {
    let source: BlockSource
    let diagnostics: Diagnostics
    /// `--set epochs=2.5: ` while evaluating an override; empty otherwise.
    var messagePrefix = ""
    /// Levels of expression entered so far.
    private(set) var depth = 0

    init(source: BlockSource, diagnostics: Diagnostics, messagePrefix: String = "") {
        self.source = source
        self.diagnostics = diagnostics
        self.messagePrefix = messagePrefix
    }

    func error(_ message: String, at location: SourceLocation?) {
        diagnostics.error(messagePrefix + message, at: location)
    }

    func error(_ message: String, at node: some SyntaxProtocol) {
        error(message, at: source.location(of: node))
    }

    func location(of node: some SyntaxProtocol) -> SourceLocation {
        source.location(of: node)
    }

    /// The context one level into `node`; nil past `EvaluationBounds.expressionDepth`
    /// (reported once, where the bound is crossed).
    func entering(_ node: some SyntaxProtocol) -> EvaluationContext? {
        var inner = self
        inner.depth += 1
        guard inner.depth <= EvaluationBounds.expressionDepth else {
            if inner.depth == EvaluationBounds.expressionDepth + 1 {
                error("expression is nested too deeply (more than \(EvaluationBounds.expressionDepth) levels)", at: node)
            }
            return nil
        }
        return inner
    }
}
