import PortableJSON

/// plan.json: a lesson's plan as JSON (docs/plan-json.md). Everything a rerun
/// needs with any parameter values — every argument of every call, defaults
/// applied, so every field of each dataset spec and every seed — and where
/// each value was written, so a bad value is reported at its line and column.
public enum PlanJSON {
    public static let format = "lessons-plan"
    public static let version = 1

    /// The canonical text of `plan` for the lesson file `lessonFile`.
    public static func text(_ plan: LessonPlan, lessonFile: String) -> String {
        value(plan, lessonFile: lessonFile).indentedText
    }

    static func value(_ plan: LessonPlan, lessonFile: String) -> JSONValue {
        .object([
            "format": .string(format),
            "version": JSONValue.exactInt(version),
            "lesson": .string(lessonFile),
            "parameters": .array(plan.parameters.map { p in
                .object(["name": .string(p.name), "type": .string(p.type), "source": .string(p.declaredValue),
                         "value": node(p.declared), "at": at(p.location), "block": JSONValue.exactInt(p.blockIndex)])
            }),
            "bindings": .array(plan.bindings.map { b in
                .object(["name": .string(b.name), "value": node(b.node), "at": at(b.location), "block": JSONValue.exactInt(b.blockIndex)])
            }),
            "comparisons": .array(plan.comparisons.map { c in
                .object(["value": node(c.node), "at": at(c.location), "block": JSONValue.exactInt(c.blockIndex)])
            }),
            "sweeps": .array(plan.sweeps.map { s in
                .object(["value": node(s.node), "runPositions": .array(s.runPositions.map(JSONValue.exactInt)), "at": at(s.location),
                         "block": JSONValue.exactInt(s.blockIndex)])
            }),
            "claims": .array(plan.claims.map { c in
                var o: [String: JSONValue] = ["claim": .string(c.claim), "at": at(c.location), "block": JSONValue.exactInt(c.blockIndex)]
                if let check = c.check { o["check"] = check }
                return .object(o)
            }),
        ])
    }

    static func at(_ location: SourceLocation) -> JSONValue { .array([JSONValue.exactInt(location.line), JSONValue.exactInt(location.column)]) }

    /// A number (finite: lesson code has no others) in its shortest round-trip spelling, which reads back to its bits.
    public static func double(_ v: Double) -> JSONValue { .number(v) }

    public static func node(_ n: PlanNode) -> JSONValue {
        var fields: [String: JSONValue] = ["at": at(n.location), "type": .string(n.kind.description)]
        if n.isLiteral { fields["isLiteral"] = .bool(true) }
        if let name = n.name { fields["name"] = .string(name) }
        switch n.expression {
        case .int(let v): fields["int"] = JSONValue.exactInt(v)
        case .double(let v): fields["double"] = double(v)
        case .string(let v): fields["string"] = .string(v)
        case .bool(let v): fields["bool"] = .bool(v)
        case .none: fields["nil"] = .bool(true)
        case .parameter(let p): fields["parameter"] = .string(p)
        case .named(let p): fields["named"] = .string(p)
        case .binary(let op, let opAt, let l, let r):
            fields["binary"] = .object(["op": .string(op), "at": at(opAt), "left": node(l), "right": node(r)])
        case .prefix(let op, let x): fields["prefix"] = .object(["op": .string(op), "operand": node(x)])
        case .array(let items): fields["array"] = .array(items.map(node))
        case .dictionary(let items): fields["dictionary"] = .array(items.map(node))
        case .interpolation(let parts):
            fields["interpolation"] = .array(parts.map { part in
                switch part {
                case .text(let s): return .object(["text": .string(s)])
                case .value(let v): return .object(["value": node(v)])
                }
            })
        case .call(let type, let signature, let arguments):
            var call: [String: JSONValue] = ["type": .string(type), "signature": .string(signature)]
            if let arguments {
                call["arguments"] = .array(arguments.map { a in
                    var o: [String: JSONValue] = ["name": .string(a.name), "value": node(a.value)]
                    if a.isDefault { o["default"] = .bool(true) }
                    return .object(o)
                })
            }
            fields["call"] = .object(call)
        case .literal(let type, let inner): fields["literal"] = .object(["type": .string(type), "value": node(inner)])
        }
        return .object(fields)
    }
}
