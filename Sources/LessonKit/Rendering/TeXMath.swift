/// A small subset of TeX math to MathML, at build time (pages need no script
/// to show a formula): letters, numbers and operators; `^` and `_`; groups;
/// `\frac`, `\sqrt`, `\text`, `\mathrm`, `\mathbf`, `\mathbb`, `\operatorname`, accents
/// (`\hat`, `\bar`, `\tilde`, `\vec`); `\left`/`\right` delimiters; Greek letters;
/// function names (`\log`, `\exp`, `\max`, ...); common operators and spaces.
/// Anything else is an error naming the offending command, never passed through.
/// Nesting is bounded (`maximumDepth`): the parser recurses once per level.
enum TeXMath {
    /// Deepest nesting of groups, fractions, roots, scripts, accents and `\left`.
    static let maximumDepth = 32

    struct Error: Swift.Error, Equatable, CustomStringConvertible {
        var message: String
        /// Character offset in the formula where the problem is.
        var offset: Int
        var description: String { message }
    }

    /// `<math>` for the formula; `display` sets it as a block of its own.
    static func mathML(_ tex: String, display: Bool = false) throws -> String {
        var parser = Parser(Array(tex))
        let body = try parser.expression(until: nil)
        if parser.index < parser.chars.count { throw parser.error("\\right without \\left") }
        let open = display ? "<math display=\"block\">" : "<math>"
        return open + "<mrow>" + body + "</mrow></math>"
    }

    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ",
    ]

    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "circ": "∘", "star": "⋆",
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼",
        "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫", "to": "→", "rightarrow": "→", "leftarrow": "←",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "mapsto": "↦", "in": "∈", "notin": "∉", "subset": "⊂",
        "subseteq": "⊆", "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨",
        "sum": "∑", "prod": "∏", "int": "∫", "ldots": "…", "cdots": "⋯", "dots": "…", "mid": "∣",
        "langle": "⟨", "rangle": "⟩", "lvert": "|", "rvert": "|", "vert": "|", "|": "‖",
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "setminus": "∖", "prime": "′",
    ]

    static let functions: Set<String> = [
        "log", "ln", "exp", "sin", "cos", "tan", "max", "min", "arg", "lim", "sup", "inf", "det", "Pr", "softmax",
    ]

    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ";": "0.2778em", "!": "-0.1667em", "quad": "1em", "qquad": "2em", " ": "0.25em",
    ]

    static let accents: [String: String] = ["hat": "^", "bar": "¯", "tilde": "~", "vec": "→", "dot": "˙"]

    static let variants: [String: String] = ["mathrm": "normal", "mathbf": "bold", "mathbb": "double-struck", "mathit": "italic"]

    struct Parser {
        let chars: [Character]
        var index = 0
        /// Open `\left`s: only inside one does `\right` end an expression.
        var leftDepth = 0
        /// The last term was something a binary operator can follow (not an operator or an opening).
        var afterOperand = false
        /// Atoms being read, one inside the other: every level of nesting passes through `atom`.
        var depth = 0

        init(_ chars: [Character]) { self.chars = chars }

        func error(_ message: String) -> Error { Error(message: message, offset: index) }

        mutating func skipSpaces() {
            while index < chars.count, chars[index].isWhitespace { index += 1 }
        }

        /// Terms up to `closer` (consumed) or the end.
        mutating func expression(until closer: Character?) throws -> String {
            var out = ""
            while true {
                skipSpaces()
                guard index < chars.count else {
                    if let closer { throw error("missing '\(closer)'") }
                    return out
                }
                if let closer, chars[index] == closer { index += 1; return out }
                if chars[index] == "}" { throw error("unexpected '}'") }
                if leftDepth > 0, closer == nil, chars[index] == "\\", peekCommand() == "right" { return out }
                let piece = try term()
                out += piece
                afterOperand = !piece.hasPrefix("<mo") || piece.hasPrefix("<mo>)") || piece.hasPrefix("<mo>]")
                    || piece.hasPrefix("<mo>′") || piece.hasSuffix("</msup>") || piece.hasSuffix("</msub>")
            }
        }

        func peekCommand() -> String? {
            guard index < chars.count, chars[index] == "\\" else { return nil }
            var j = index + 1
            var name = ""
            while j < chars.count, chars[j].isLetter { name.append(chars[j]); j += 1 }
            return name
        }

        /// An atom with its sub- and superscripts.
        mutating func term() throws -> String {
            let base = try atom()
            var sub: String?, sup: String?
            while true {
                skipSpaces()
                guard index < chars.count, chars[index] == "_" || chars[index] == "^" else { break }
                let isSub = chars[index] == "_"
                index += 1
                skipSpaces()
                guard index < chars.count else { throw error("'\(isSub ? "_" : "^")' needs something after it") }
                let script = try atom()
                if isSub {
                    if sub != nil { throw error("double subscript") }
                    sub = script
                } else {
                    if sup != nil { throw error("double superscript") }
                    sup = script
                }
            }
            switch (sub, sup) {
            case let (s?, p?): return "<msubsup>\(base)\(s)\(p)</msubsup>"
            case let (s?, nil): return "<msub>\(base)\(s)</msub>"
            case let (nil, p?): return "<msup>\(base)\(p)</msup>"
            default: return base
            }
        }

        mutating func group() throws -> String {
            skipSpaces()
            guard index < chars.count, chars[index] == "{" else { throw error("expected '{'") }
            index += 1
            afterOperand = false
            return "<mrow>" + (try expression(until: "}")) + "</mrow>"
        }

        /// The raw text of a `{...}` argument (for `\text`).
        mutating func rawGroup() throws -> String {
            skipSpaces()
            guard index < chars.count, chars[index] == "{" else { throw error("expected '{'") }
            index += 1
            var open = 1, text = ""
            while index < chars.count {
                let c = chars[index]
                index += 1
                if c == "{" { open += 1 } else if c == "}" { open -= 1; if open == 0 { return text } }
                text.append(c)
            }
            throw error("missing '}'")
        }

        mutating func atom() throws -> String {
            depth += 1
            defer { depth -= 1 }
            guard depth <= TeXMath.maximumDepth else {
                throw error("math is nested too deeply (more than \(TeXMath.maximumDepth) levels)")
            }
            let c = chars[index]
            if c == "{" { return try group() }
            if c == "\\" { return try command() }
            if c.isNumber {
                var number = ""
                while index < chars.count, chars[index].isNumber || (chars[index] == "." && number.last?.isNumber == true
                                                                      && index + 1 < chars.count && chars[index + 1].isNumber) {
                    number.append(chars[index]); index += 1
                }
                return "<mn>\(escapeHTML(number))</mn>"
            }
            index += 1
            if c.isLetter { return "<mi>\(escapeHTML(String(c)))</mi>" }
            switch c {
            // A minus with nothing before it to subtract from is a sign, set tight.
            case "-": return afterOperand ? "<mo>−</mo>" : "<mo form=\"prefix\" lspace=\"0\" rspace=\"0\">−</mo>"
            case "'": return "<mo>′</mo>"
            case "+", "=", "<", ">", "(", ")", "[", "]", ",", ";", ":", "!", "/", "|", ".", "*", "?":
                return "<mo>\(escapeHTML(String(c)))</mo>"
            default: throw Error(message: "'\(c)' is not supported in math", offset: index - 1)
            }
        }

        mutating func command() throws -> String {
            let start = index
            index += 1  // the backslash
            guard index < chars.count else { throw error("a lone '\\' at the end") }
            var name = ""
            if chars[index].isLetter {
                while index < chars.count, chars[index].isLetter { name.append(chars[index]); index += 1 }
            } else {
                name = String(chars[index]); index += 1
            }
            if let width = TeXMath.spaces[name] { return "<mspace width=\"\(width)\"/>" }
            if let letter = TeXMath.greek[name] { return "<mi>\(letter)</mi>" }
            if let op = TeXMath.operators[name] {
                let large = ["sum", "prod", "int"].contains(name) ? " largeop=\"true\"" : ""
                return "<mo\(large)>\(escapeHTML(op))</mo>"
            }
            if TeXMath.functions.contains(name) { return "<mi>\(name)</mi><mo>&#x2061;</mo>" }
            if let accent = TeXMath.accents[name] {
                return "<mover accent=\"true\">\(try atomArgument())<mo>\(accent)</mo></mover>"
            }
            if let variant = TeXMath.variants[name] {
                let text = try rawGroup()
                return "<mi mathvariant=\"\(variant)\">\(escapeHTML(text))</mi>"
            }
            switch name {
            case "frac", "dfrac", "tfrac":
                let numerator = try group(), denominator = try group()
                return "<mfrac>\(numerator)\(denominator)</mfrac>"
            case "sqrt":
                skipSpaces()
                if index < chars.count, chars[index] == "[" {
                    index += 1
                    let degree = "<mrow>" + (try expression(until: "]")) + "</mrow>"
                    return "<mroot>\(try group())\(degree)</mroot>"
                }
                return "<msqrt>\(try group())</msqrt>"
            case "text", "textrm", "mbox":
                return "<mtext>\(escapeHTML(try rawGroup()))</mtext>"
            case "operatorname":
                return "<mi>\(escapeHTML(try rawGroup()))</mi><mo>&#x2061;</mo>"
            case "left", "right":
                if name == "right", leftDepth == 0 { throw Error(message: "\\right without \\left", offset: start) }
                skipSpaces()
                guard index < chars.count else { throw error("\\\(name) needs a delimiter") }
                if chars[index] == "." { index += 1; return "" }
                let delimiter = try atom()
                guard delimiter.hasPrefix("<mo") else { throw error("\\\(name) needs a delimiter such as ( or |") }
                if name == "left" {
                    leftDepth += 1
                    defer { leftDepth -= 1 }
                    let inner = try expression(until: nil)
                    guard peekCommand() == "right" else { throw error("\\left without \\right") }
                    return "<mrow>" + delimiter + inner + (try command()) + "</mrow>"
                }
                return delimiter
            default:
                throw Error(message: "unknown math command '\\\(name)'", offset: start)
            }
        }

        /// The argument of an accent: a group or a single atom.
        mutating func atomArgument() throws -> String {
            skipSpaces()
            guard index < chars.count else { throw error("an accent needs something to sit on") }
            return try atom()
        }
    }
}
