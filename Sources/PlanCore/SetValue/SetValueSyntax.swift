/// One parameter value as a student types it after `--set name=` or into the
/// browser panel, parsed without swift-syntax (which cannot go into lessons.wasm):
/// literals, arrays, dictionaries, parentheses, arithmetic, and values of the
/// lesson API (`.balanced(scale: 0.5)`, `Seeds.from(3, count: 5)`, `MLP()`).
/// The resolver's side turns it into the `PlanNode` the evaluator would have made.
public indirect enum SetValueSyntax: Sendable, Equatable {
    /// The literal as written (underscores, `0x` prefixes and exponents are read when typed).
    case integer(String)
    case float(String)
    /// The text, escapes already decoded.
    case string(String)
    case bool(Bool)
    case nilLiteral
    /// A bare name (`seed`, `abc`).
    case name(String)
    case array([SetValueSyntax])
    /// Keys and values alternating, as `PlanNode.Expression.dictionary` keeps them.
    case dictionary([SetValueSyntax])
    case binary(String, SetValueSyntax, SetValueSyntax)
    case prefix(String, SetValueSyntax)
    /// `.name` (`base` nil) or `Type.name`.
    case member(base: String?, name: String)
    /// `callee(label: value, ...)`, where `callee` is `.name`, `Type.name` or a name (`MLP`).
    case call(SetValueSyntax, [SetValueArgument])
}

/// One argument of a call as written.
public struct SetValueArgument: Sendable, Equatable {
    public var label: String?
    public var value: SetValueSyntax

    public init(label: String?, value: SetValueSyntax) {
        self.label = label
        self.value = value
    }
}

/// Why a value did not parse, in the words a compiler would use.
public struct SetValueSyntaxError: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }
}
