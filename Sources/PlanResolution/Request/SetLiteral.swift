import PlanCore

/// A `--set` value written as a plain literal (`12`, `4_000`, `-0.5`, `"ring"`, `true`,
/// `[1.0, 2.0]`), read without swift-syntax into the plan node of the parameter's type,
/// as Swift types a literal from its context. What lessons.wasm can set until it has a
/// full Swift-value reader; a value it cannot read is refused with what it can.
struct SetLiteral {
    private let scalars: [Unicode.Scalar]
    private var at = 0
    /// Where every node is placed: the parameter's declaration, as `--set` places it natively.
    private let location: SourceLocation

    /// The node `source` gives a parameter of `kind`, or the message that refuses it.
    static func node(_ source: String, kind: ValueKind, at location: SourceLocation) -> Result<PlanNode, SetLiteralError> {
        var reader = SetLiteral(scalars: Array(source.unicodeScalars), location: location)
        reader.skipSpaces()
        guard reader.at < reader.scalars.count else { return .failure(SetLiteralError("expected a value")) }
        do throws(SetLiteralError) {
            let literal = try reader.literal()
            reader.skipSpaces()
            guard reader.at == reader.scalars.count else { throw SetLiteralError("expected a single value") }
            return .success(try reader.typed(literal, as: kind, destination: "specified type"))
        } catch {
            return .failure(error)
        }
    }

    /// A literal before it has a type: an integer, a floating-point number, a string, a Boolean or an array.
    indirect enum Literal {
        case integer(String)
        case float(Double)
        case string(String)
        case bool(Bool)
        case array([Literal])

        /// The type Swift gives it alone (`Int`, `Double`, `[Int]`).
        var kind: ValueKind {
            switch self {
            case .integer: .int
            case .float: .double
            case .string: .string
            case .bool: .bool
            case .array(let items): .array(items.first?.kind ?? .int)
            }
        }
    }

    private mutating func skipSpaces() {
        while at < scalars.count, scalars[at] == " " || scalars[at] == "\t" { at += 1 }
    }

    private mutating func literal() throws(SetLiteralError) -> Literal {
        guard at < scalars.count else { throw SetLiteralError("expected a value") }
        let c = scalars[at]
        if c == "[" { return try array() }
        if c == "\"" { return .string(try string()) }
        if c == "-" || ("0"..."9").contains(c) { return try number() }
        var word = ""
        while at < scalars.count, scalars[at].properties.isAlphabetic || ("0"..."9").contains(scalars[at]) || scalars[at] == "_"
            || scalars[at] == "." || scalars[at] == "(" || scalars[at] == ")" {
            word.unicodeScalars.append(scalars[at])
            at += 1
        }
        if word == "true" || word == "false" { return .bool(word == "true") }
        throw SetLiteralError("'\(word.isEmpty ? String(c) : word)' is not a literal; here a value may be a number, a string, "
                              + "true, false or an array of them")
    }

    private mutating func array() throws(SetLiteralError) -> Literal {
        at += 1
        var items: [Literal] = []
        skipSpaces()
        if at < scalars.count, scalars[at] == "]" { at += 1; return .array([]) }
        while true {
            skipSpaces()
            items.append(try literal())
            skipSpaces()
            guard at < scalars.count else { throw SetLiteralError("expected ']' to end the array") }
            if scalars[at] == "]" { at += 1; return .array(items) }
            guard scalars[at] == "," else { throw SetLiteralError("expected ',' between the array's elements") }
            at += 1
        }
    }

    private mutating func string() throws(SetLiteralError) -> String {
        at += 1
        var out = ""
        while at < scalars.count {
            let c = scalars[at]
            at += 1
            if c == "\"" { return out }
            guard c == "\\" else { out.unicodeScalars.append(c); continue }
            guard at < scalars.count else { break }
            let e = scalars[at]
            at += 1
            switch e {
            case "n": out += "\n"
            case "t": out += "\t"
            case "\"", "\\", "'": out.unicodeScalars.append(e)
            default: throw SetLiteralError("invalid escape sequence in literal")
            }
        }
        throw SetLiteralError("unterminated string literal")
    }

    private mutating func number() throws(SetLiteralError) -> Literal {
        var text = ""
        var isFloat = false
        if scalars[at] == "-" { text = "-"; at += 1 }
        while at < scalars.count {
            let c = scalars[at]
            if ("0"..."9").contains(c) { text.unicodeScalars.append(c) }
            else if c == "_" {}
            else if c == "." || c == "e" || c == "E" || ((c == "+" || c == "-") && (text.hasSuffix("e") || text.hasSuffix("E"))) {
                isFloat = true
                text.unicodeScalars.append(c)
            } else { break }
            at += 1
        }
        guard text != "-" else { throw SetLiteralError("expected a number after '-'") }
        guard isFloat else { return .integer(text) }
        guard let value = Double(text), value.isFinite else { throw SetLiteralError("'\(text)' is not a number") }
        return .float(value)
    }

    /// The literal as a value of `kind`, with Swift's message when it cannot be one.
    private func typed(_ literal: Literal, as kind: ValueKind, destination: String) throws(SetLiteralError) -> PlanNode {
        switch (literal, kind) {
        case (_, .optional(let wrapped)):
            var node = try typed(literal, as: wrapped, destination: destination)
            node.kind = kind
            return node
        case (.integer(let text), .int):
            guard let v = Int(text) else { throw SetLiteralError("integer literal '\(text)' overflows when stored into 'Int'") }
            return PlanNode(.int(v), kind: .int, location: location, isLiteral: true)
        case (.integer(let text), .double):
            return PlanNode(.double(Double(text) ?? 0), kind: .double, location: location, isLiteral: true)
        case (.float(let v), .double):
            return PlanNode(.double(v), kind: .double, location: location, isLiteral: true)
        case (.string(let s), .string):
            return PlanNode(.string(s), kind: .string, location: location)
        case (.bool(let b), .bool):
            return PlanNode(.bool(b), kind: .bool, location: location)
        case (.array(let items), .array(let element)):
            var nodes: [PlanNode] = []
            for item in items { nodes.append(try typed(item, as: element, destination: "expected element type")) }
            return PlanNode(.array(nodes), kind: kind, location: location, isLiteral: true)
        default:
            throw SetLiteralError("cannot convert value of type '\(literal.kind)' to \(destination) '\(kind)'")
        }
    }
}

/// Why a `--set` value is not a literal of the parameter's type.
struct SetLiteralError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
