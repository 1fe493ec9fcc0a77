/// Reads one parameter value (`SetValueSyntax`) from its Swift source: the
/// subset of Swift a parameter may be, with Swift's precedence (`* / %` over
/// `+ -` over comparisons over `&&` over `||`). Never traps: any input gives a
/// value or a message, and nesting is bounded so no input exhausts the stack.
public struct SetValueParser {
    /// Deepest nesting of brackets, calls and prefix operators a value may have (the evaluator's bound).
    public static let maxDepth = 32
    /// Most binary operators in one value (the evaluator's bound for a statement).
    public static let maxOperators = 256

    private let scalars: [Unicode.Scalar]
    private var at = 0
    private var depth = 0
    private var operators = 0

    public static func parse(_ text: String) -> Result<SetValueSyntax, SetValueSyntaxError> {
        var parser = SetValueParser(scalars: Array(text.unicodeScalars))
        do throws(SetValueSyntaxError) {
            parser.skipSpace()
            guard parser.at < parser.scalars.count else { throw SetValueSyntaxError("expected a value") }
            let value = try parser.expression(minimum: 0)
            parser.skipSpace()
            if parser.at < parser.scalars.count {
                throw parser.peek == "{" ? SetValueSyntaxError("closures are not supported in lessons")
                    : SetValueSyntaxError("expected a single value")
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var peek: Unicode.Scalar? { at < scalars.count ? scalars[at] : nil }

    private mutating func skipSpace() {
        while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { at += 1 }
    }

    private mutating func enter() throws(SetValueSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw SetValueSyntaxError("expression is nested too deeply (more than \(Self.maxDepth) levels)") }
    }

    /// Binary operators by precedence (higher binds tighter); comparisons do not chain.
    private static func precedence(_ op: String) -> Int? {
        switch op {
        case "||": return 1
        case "&&": return 2
        case "<", "<=", ">", ">=", "==", "!=": return 3
        case "+", "-": return 4
        case "*", "/", "%": return 5
        default: return nil
        }
    }

    private static func isOperatorCharacter(_ c: Unicode.Scalar) -> Bool {
        "+-*/%<>=!&|^~?".unicodeScalars.contains(c)
    }

    /// The operator at the cursor, if any, without moving.
    private func operatorText() -> String? {
        var i = at
        var text = ""
        while i < scalars.count, Self.isOperatorCharacter(scalars[i]) {
            text.unicodeScalars.append(scalars[i])
            i += 1
        }
        return text.isEmpty ? nil : text
    }

    private mutating func expression(minimum: Int) throws(SetValueSyntaxError) -> SetValueSyntax {
        var lhs = try prefixed()
        var lastComparison = false
        while true {
            skipSpace()
            guard let op = operatorText() else { return lhs }
            guard let p = Self.precedence(op) else { throw SetValueSyntaxError("operator '\(op)' is not supported in lessons") }
            guard p > minimum else { return lhs }
            if p == 3 && lastComparison {
                throw SetValueSyntaxError("adjacent operators are in non-associative precedence group 'ComparisonPrecedence'")
            }
            operators += 1
            if operators > Self.maxOperators {
                throw SetValueSyntaxError("statement has more than \(Self.maxOperators) operators; split it into several 'let's")
            }
            at += op.unicodeScalars.count
            skipSpace()
            let rhs = try expression(minimum: p)
            lhs = .binary(op, lhs, rhs)
            lastComparison = p == 3
        }
    }

    private mutating func prefixed() throws(SetValueSyntaxError) -> SetValueSyntax {
        skipSpace()
        if let op = operatorText() {
            guard op == "-" || op == "+" || op == "!" else {
                throw SetValueSyntaxError("prefix operator '\(op)' is not supported in lessons")
            }
            at += 1
            if let c = peek, c == " " || c == "\t" {
                throw SetValueSyntaxError("unary operator cannot be separated from its operand")
            }
            try enter()
            defer { depth -= 1 }
            return .prefix(op, try prefixed())
        }
        return try postfixed()
    }

    private mutating func postfixed() throws(SetValueSyntaxError) -> SetValueSyntax {
        var value = try primary()
        while let c = peek {
            if c == "(" {
                guard Self.isCallee(value) else { throw SetValueSyntaxError("only a type or a member of the lesson API can be called") }
                at += 1
                value = .call(value, try arguments())
            } else if c == ".", case .name(let base) = value {
                at += 1
                value = .member(base: base, name: try identifier(after: "."))
            } else if c == ".", case .call(let callee, _) = value, let name = Self.typeCallee(callee) {
                throw SetValueSyntaxError(Self.callMessage(name))
            } else if c == "." {
                throw SetValueSyntaxError("properties of values are not supported in lessons; only API members like '.name'")
            } else {
                return value
            }
        }
        return value
    }

    /// A call of a type or function builds what an experiment block should build, not a value to change.
    public static func callMessage(_ callee: String) -> String {
        "a parameter is a value a student can change (a number, text, an array, a case such as '.balanced'), not a call; "
            + "make '\(callee)(...)' in a 'swift experiment' block"
    }

    /// `MLP` for `MLP(...)`, `Seeds.from` for `Seeds.from(...)`; nil for an implicit member `.name(...)`.
    public static func typeCallee(_ callee: SetValueSyntax) -> String? {
        switch callee {
        case .name(let type): return type
        case .member(let base?, let name): return base + "." + name
        default: return nil
        }
    }

    private static func isCallee(_ value: SetValueSyntax) -> Bool {
        switch value {
        case .name, .member: return true
        default: return false
        }
    }

    private mutating func primary() throws(SetValueSyntaxError) -> SetValueSyntax {
        skipSpace()
        guard let c = peek else { throw SetValueSyntaxError("expected a value") }
        switch c {
        case "0"..."9": return try number()
        case "\"": return try string()
        case "(":
            at += 1
            try enter()
            defer { depth -= 1 }
            skipSpace()
            if peek == nil { throw SetValueSyntaxError("expected value and ')' to end tuple") }
            if peek == ")" { throw SetValueSyntaxError("expected a value between '(' and ')'") }
            let inner = try expression(minimum: 0)
            skipSpace()
            if peek == "," || peek == ":" { throw SetValueSyntaxError("tuples are not supported in lessons") }
            guard peek == ")" else { throw SetValueSyntaxError("expected value and ')' to end tuple") }
            at += 1
            return inner
        case "[": return try collection()
        case ".":
            at += 1
            return .member(base: nil, name: try identifier(after: "."))
        case "{": throw SetValueSyntaxError("closures are not supported in lessons")
        default:
            guard Self.isIdentifierStart(c) else { throw SetValueSyntaxError("unexpected character '\(c)' in the value") }
            let name = try identifier(after: nil)
            switch name {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "nil": return .nilLiteral
            default: return .name(name)
            }
        }
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    private mutating func identifier(after: String?) throws(SetValueSyntaxError) -> String {
        guard let c = peek, Self.isIdentifierStart(c) else {
            throw SetValueSyntaxError(after.map { "expected a name after '\($0)'" } ?? "expected a name")
        }
        var name = ""
        while let c = peek, Self.isIdentifierStart(c) || (c >= "0" && c <= "9") {
            name.unicodeScalars.append(c)
            at += 1
        }
        return name
    }

    /// Digits with `_`, an optional fraction and exponent; `0x`, `0o`, `0b` integers.
    private mutating func number() throws(SetValueSyntaxError) -> SetValueSyntax {
        var text = ""
        func take(_ c: Unicode.Scalar) { text.unicodeScalars.append(c); at += 1 }
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        func isAlphanumeric(_ c: Unicode.Scalar) -> Bool { Self.isIdentifierStart(c) || isDigit(c) }
        if peek == "0", at + 1 < scalars.count, "xob".unicodeScalars.contains(scalars[at + 1]) {
            take("0"); take(scalars[at])
            while let c = peek, isAlphanumeric(c) { take(c) }
            return .integer(text)
        }
        var isFloat = false
        while let c = peek, isDigit(c) || c == "_" { take(c) }
        if peek == ".", at + 1 < scalars.count, isDigit(scalars[at + 1]) {
            isFloat = true
            take(".")
            while let c = peek, isDigit(c) || c == "_" { take(c) }
        }
        if let c = peek, c == "e" || c == "E" {
            isFloat = true
            take(c)
            if let s = peek, s == "+" || s == "-" { take(s) }
            guard let d = peek, isDigit(d) else { throw SetValueSyntaxError("expected a digit in floating point exponent") }
            while let c = peek, isDigit(c) || c == "_" { take(c) }
        }
        if let c = peek, isAlphanumeric(c) {
            var rest = ""
            while let c = peek, isAlphanumeric(c) { rest.unicodeScalars.append(c); at += 1 }
            throw SetValueSyntaxError("'\(rest)' is not a valid digit in integer literal '\(text)\(rest)'")
        }
        return isFloat ? .float(text) : .integer(text)
    }

    /// A one-line string literal with Swift's escapes; interpolation is not a value a student types.
    private mutating func string() throws(SetValueSyntaxError) -> SetValueSyntax {
        at += 1
        if peek == "\"", at + 1 < scalars.count, scalars[at + 1] == "\"" {
            throw SetValueSyntaxError("multi-line string literals are not supported in a parameter value")
        }
        var text = ""
        while true {
            guard let c = peek, c != "\n", c != "\r" else { throw SetValueSyntaxError("unterminated string literal") }
            at += 1
            if c == "\"" { return .string(text) }
            guard c == "\\" else { text.unicodeScalars.append(c); continue }
            guard let e = peek else { throw SetValueSyntaxError("unterminated string literal") }
            at += 1
            switch e {
            case "n": text += "\n"
            case "t": text += "\t"
            case "r": text += "\r"
            case "0": text += "\0"
            case "\\": text += "\\"
            case "\"": text += "\""
            case "'": text += "'"
            case "(": throw SetValueSyntaxError("string interpolation is not supported in a parameter value; write the text")
            case "u": text.unicodeScalars.append(try unicodeEscape())
            default: throw SetValueSyntaxError("invalid escape sequence in literal")
            }
        }
    }

    /// `\u{1F600}`: one to eight hex digits naming a Unicode scalar.
    private mutating func unicodeEscape() throws(SetValueSyntaxError) -> Unicode.Scalar {
        guard peek == "{" else { throw SetValueSyntaxError("expected '{' in \\u{...} escape sequence") }
        at += 1
        var value: UInt32 = 0
        var digits = 0
        while let c = peek, c != "}" {
            guard let d = Self.hexValue(c), digits < 8 else { throw SetValueSyntaxError("invalid \\u{...} escape sequence") }
            value = value &* 16 &+ d
            digits += 1
            at += 1
        }
        guard peek == "}", digits > 0, let scalar = Unicode.Scalar(value) else {
            throw SetValueSyntaxError("invalid \\u{...} escape sequence")
        }
        at += 1
        return scalar
    }

    private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 48
        case "a"..."f": return c.value - 87
        case "A"..."F": return c.value - 55
        default: return nil
        }
    }

    /// `[a, b]`, `[k: v, ...]`, `[:]`; a trailing comma is allowed, as in Swift.
    private mutating func collection() throws(SetValueSyntaxError) -> SetValueSyntax {
        at += 1
        try enter()
        defer { depth -= 1 }
        skipSpace()
        if peek == ":" {
            at += 1
            skipSpace()
            guard peek == "]" else { throw SetValueSyntaxError("expected ']' in an empty dictionary literal '[:]'") }
            at += 1
            return .dictionary([])
        }
        var items: [SetValueSyntax] = []
        var isDictionary: Bool?
        while true {
            skipSpace()
            if peek == "]" { at += 1; break }
            items.append(try expression(minimum: 0))
            skipSpace()
            if peek == ":" {
                guard isDictionary != false else { throw SetValueSyntaxError("expected ',' or ']' in an array literal") }
                isDictionary = true
                at += 1
                items.append(try expression(minimum: 0))
                skipSpace()
            } else if isDictionary == true {
                throw SetValueSyntaxError("expected ':' and a value in a dictionary literal")
            } else {
                isDictionary = false
            }
            if peek == "," { at += 1; continue }
            guard peek == "]" else {
                throw SetValueSyntaxError(isDictionary == true ? "expected ']' in a dictionary literal" : "expected ']' in an array literal")
            }
            at += 1
            break
        }
        return isDictionary == true ? .dictionary(items) : .array(items)
    }

    /// `(label: value, value, ...)` after the callee; the cursor is past `(`.
    private mutating func arguments() throws(SetValueSyntaxError) -> [SetValueArgument] {
        try enter()
        defer { depth -= 1 }
        var out: [SetValueArgument] = []
        while true {
            skipSpace()
            if peek == ")" { at += 1; return out }
            var label: String?
            let start = at
            if let c = peek, Self.isIdentifierStart(c) {
                let name = try identifier(after: nil)
                skipSpace()
                if peek == ":" { label = name; at += 1 } else { at = start }
            }
            out.append(SetValueArgument(label: label, value: try expression(minimum: 0)))
            skipSpace()
            if peek == "," { at += 1; continue }
            guard peek == ")" else { throw SetValueSyntaxError("expected ')' to end the argument list") }
            at += 1
            return out
        }
    }
}
