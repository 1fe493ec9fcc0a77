import PortableJSON

/// Reading plan.json back into a `LessonPlan`. Anything that is not a plan of
/// this version is refused with what and where.
extension PlanJSON {
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }

        public init(message: String) { self.message = message }
    }

    public static func read(_ text: String) throws(ReadError) -> LessonPlan {
        let root: JSONValue
        do { root = try JSONValue(parsing: text) } catch {
            throw ReadError(message: "plan.json is not JSON (\(error.description))")
        }
        return try read(json: root)
    }

    /// A plan already parsed (inside a request, as `lessons_resolve_plan` gets it).
    public static func read(json root: JSONValue) throws(ReadError) -> LessonPlan {
        guard root["format"]?.asString == format else { throw ReadError(message: "not a lessons plan (format is not '\(format)')") }
        guard root["version"]?.asInt == version else {
            throw ReadError(message: "plan.json version \(root["version"]?.asInt.map { String($0) } ?? "?") is not \(version)")
        }
        var plan = LessonPlan()
        for p in try list(root, "parameters") {
            let type = try string(p, "type")
            guard let kind = ValueKind(spelled: type) else { throw ReadError(message: "unknown type '\(type)'") }
            let source = try string(p, "source")
            plan.parameters.append(PlanParameter(name: try string(p, "name"), type: type, kind: kind, value: source,
                                                 declaredValue: source, overridden: false, blockIndex: try int(p, "block"),
                                                 location: try location(p), declared: try node(field(p, "value"))))
        }
        for b in try list(root, "bindings") {
            plan.bindings.append(PlanBinding(name: try string(b, "name"), node: try node(field(b, "value")),
                                             blockIndex: try int(b, "block"), location: try location(b)))
        }
        for c in try list(root, "comparisons") {
            plan.comparisons.append(PlanComparison(node: try node(field(c, "value")), blockIndex: try int(c, "block"),
                                                   location: try location(c)))
        }
        for s in try list(root, "sweeps") {
            var positions: [Int] = []
            for p in try list(s, "runPositions") {
                guard let i = p.asInt, i >= 0 else { throw ReadError(message: "a run position is not a whole number ≥ 0") }
                positions.append(i)
            }
            plan.sweeps.append(PlanSweep(node: try node(field(s, "value")), runPositions: positions,
                                         blockIndex: try int(s, "block"), location: try location(s)))
        }
        for c in try list(root, "claims") {
            plan.claims.append(PlanClaim(claim: try string(c, "claim"), blockIndex: try int(c, "block"), location: try location(c),
                                         check: c["check"]))
        }
        return plan
    }

    // Each read is one call (its message out of line), not a copy in every reader.
    @inline(never)
    private static func field(_ v: JSONValue, _ key: String) throws(ReadError) -> JSONValue {
        guard let f = v[key] else { throw ReadError(message: "missing '\(key)'") }
        return f
    }

    @inline(never)
    private static func list(_ v: JSONValue, _ key: String) throws(ReadError) -> [JSONValue] {
        guard let a = try field(v, key).asArray else { throw ReadError(message: "'\(key)' is not an array") }
        return a
    }

    @inline(never)
    private static func string(_ v: JSONValue, _ key: String) throws(ReadError) -> String {
        guard let s = try field(v, key).asString else { throw ReadError(message: "'\(key)' is not a string") }
        return s
    }

    @inline(never)
    private static func int(_ v: JSONValue, _ key: String) throws(ReadError) -> Int {
        guard let i = try field(v, key).asInt else { throw ReadError(message: "'\(key)' is not a whole number") }
        return i
    }

    @inline(never)
    private static func location(_ v: JSONValue) throws(ReadError) -> SourceLocation {
        guard let pair = try field(v, "at").asArray, pair.count == 2, let line = pair[0].asInt, let column = pair[1].asInt else {
            throw ReadError(message: "'at' is not [line, column]")
        }
        return SourceLocation(line: line, column: column)
    }

    public static func node(_ v: JSONValue) throws(ReadError) -> PlanNode {
        let type = try string(v, "type")
        guard let kind = ValueKind(spelled: type) else { throw ReadError(message: "unknown type '\(type)'") }
        let expression: PlanNode.Expression
        if let i = v["int"] {
            guard let n = i.asInt else { throw ReadError(message: "'int' is not a whole number") }
            expression = .int(n)
        } else if let d = v["double"] {
            expression = .double(try double(d))
        } else if let s = v["string"] {
            guard let text = s.asString else { throw ReadError(message: "'string' is not a string") }
            expression = .string(text)
        } else if let b = v["bool"] {
            guard let flag = b.asBool else { throw ReadError(message: "'bool' is not true or false") }
            expression = .bool(flag)
        } else if v["nil"] != nil {
            expression = .none
        } else if v["parameter"] != nil {
            expression = .parameter(try string(v, "parameter"))
        } else if v["named"] != nil {
            expression = .named(try string(v, "named"))
        } else if let b = v["binary"] {
            expression = .binary(try string(b, "op"), operatorAt: try location(b), try node(field(b, "left")), try node(field(b, "right")))
        } else if let p = v["prefix"] {
            expression = .prefix(try string(p, "op"), try node(field(p, "operand")))
        } else if v["array"] != nil {
            expression = .array(try nodes(list(v, "array")))
        } else if v["dictionary"] != nil {
            expression = .dictionary(try nodes(list(v, "dictionary")))
        } else if v["interpolation"] != nil {
            var parts: [InterpolationPart] = []
            for part in try list(v, "interpolation") {
                if let text = part["text"]?.asString { parts.append(.text(text)) } else { parts.append(.value(try node(field(part, "value")))) }
            }
            expression = .interpolation(parts)
        } else if let c = v["call"] {
            var arguments: [PlanArgument]?
            if c["arguments"] != nil {
                var list: [PlanArgument] = []
                for a in try Self.list(c, "arguments") {
                    list.append(PlanArgument(name: try string(a, "name"), value: try node(field(a, "value")),
                                             isDefault: a["default"]?.asBool ?? false))
                }
                arguments = list
            }
            expression = .call(type: try string(c, "type"), signature: try string(c, "signature"), arguments: arguments)
        } else if let l = v["literal"] {
            expression = .literal(type: try string(l, "type"), try node(field(l, "value")))
        } else {
            throw ReadError(message: "a value of unknown form")
        }
        return PlanNode(expression, kind: kind, location: try location(v), isLiteral: v["isLiteral"]?.asBool ?? false,
                        name: v["name"]?.asString)
    }

    /// A number written by `double(_:)`: its shortest spelling reads back to the same bits.
    public static func double(_ v: JSONValue) throws(ReadError) -> Double {
        // Lesson code has no infinities or NaNs; a plan that does was not written from one.
        guard case .number(let x) = v, x.isFinite else { throw ReadError(message: "a number that is not a finite number") }
        return x
    }

    private static func nodes(_ list: [JSONValue]) throws(ReadError) -> [PlanNode] {
        var out: [PlanNode] = []
        for item in list { out.append(try node(item)) }
        return out
    }
}

extension ValueKind {
    /// The kind Swift spells `text` (`Int`, `[Double]`, `[String: String]`, `Double?`, `Loss`): the inverse of `description`.
    public init?(spelled text: String) {
        if text.hasSuffix("?") {
            guard let w = ValueKind(spelled: String(text.dropLast())) else { return nil }
            self = .optional(w)
            return
        }
        if text.hasPrefix("["), text.hasSuffix("]") {
            let inner = Array(text.dropFirst().dropLast())
            var depth = 0
            for (i, c) in inner.enumerated() {
                if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
                if c == ":", depth == 0 {
                    guard let k = ValueKind(spelled: String(inner[..<i])),
                          let v = ValueKind(spelled: String(inner[(i + 1)...]).trimmingSpaces) else { return nil }
                    self = .dictionary(k, v)
                    return
                }
            }
            guard let e = ValueKind(spelled: String(inner)) else { return nil }
            self = .array(e)
            return
        }
        switch text {
        case "Int": self = .int
        case "Double": self = .double
        case "String": self = .string
        case "Bool": self = .bool
        default:
            // An API type's name: ASCII letters and digits (Character's isLetter would pull
            // Unicode's property tables, 22 KB, into lessons.wasm).
            guard !text.isEmpty, text.utf8.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) || (48...57).contains($0) }) else { return nil }
            self = .api(text)
        }
    }
}
