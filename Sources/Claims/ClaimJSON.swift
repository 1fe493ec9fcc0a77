import Experiments
import PlanCore
import PortableJSON

/// A compiled claim as plan.json writes it (`claims[].check`): conditions and
/// numbers, each number read from parameters as the plan value it was read from,
/// so a rerun resolves it with other values and checks it (docs/plan-json.md).
extension Expectation {
    public var planJSON: JSONValue {
        var o: [String: JSONValue] = [:]
        switch check {
        case .condition(let c): o["condition"] = c.planJSON
        case .approximately(let v, let t, let tol):
            o["approximately"] = .object(["value": v.planJSON, "target": t.planJSON, "tolerance": tol.planJSON])
        }
        if let k = inAtLeast { o["inAtLeast"] = .number(Double(k)) }
        if sanityCheck { o["sanityCheck"] = .bool(true) }
        return .object(o)
    }

    /// The claim plan.json describes.
    public init(_ claim: PlanClaim) throws(PlanJSON.ReadError) {
        guard let o = claim.check else { throw PlanJSON.ReadError(message: "claim at line \(claim.location.line) has no 'check'") }
        let check: Check
        if let c = o["condition"] {
            check = .condition(try Condition(planJSON: c))
        } else if let a = o["approximately"], let v = a["value"], let t = a["target"], let tol = a["tolerance"] {
            check = .approximately(try Quantity(planJSON: v), target: try Quantity(planJSON: t), tolerance: try Quantity(planJSON: tol))
        } else {
            throw PlanJSON.ReadError(message: "claim at line \(claim.location.line) has no condition")
        }
        self.init(blockIndex: claim.blockIndex, location: claim.location, claim: claim.claim, check: check,
                  inAtLeast: o["inAtLeast"]?.asInt)
        sanityCheck = o["sanityCheck"] == .bool(true)
    }
}

extension Condition {
    public var planJSON: JSONValue {
        switch self {
        case .comparison(let op, let a, let b):
            return .object(["comparison": .object(["op": .string(op.rawValue), "left": a.planJSON, "right": b.planJSON])])
        case .flag(let q): return .object(["flag": q.planJSON])
        case .constant(let b): return .object(["constant": .bool(b)])
        case .not(let c): return .object(["not": c.planJSON])
        case .and(let a, let b): return .object(["and": .array([a.planJSON, b.planJSON])])
        case .or(let a, let b): return .object(["or": .array([a.planJSON, b.planJSON])])
        }
    }

    public init(planJSON v: JSONValue) throws(PlanJSON.ReadError) {
        if let c = v["comparison"] {
            guard let op = c["op"]?.asString.flatMap(ComparisonOperator.init), let l = c["left"], let r = c["right"] else {
                throw PlanJSON.ReadError(message: "a comparison needs 'op', 'left' and 'right'")
            }
            self = .comparison(op, try Quantity(planJSON: l), try Quantity(planJSON: r))
        } else if let q = v["flag"] {
            self = .flag(try Quantity(planJSON: q))
        } else if case .bool(let b)? = v["constant"] {
            self = .constant(b)
        } else if let c = v["not"] {
            self = .not(try Condition(planJSON: c))
        } else if let pair = (v["and"] ?? v["or"])?.asArray, pair.count == 2 {
            let a = try Condition(planJSON: pair[0]), b = try Condition(planJSON: pair[1])
            self = v["and"] != nil ? .and(a, b) : .or(a, b)
        } else {
            throw PlanJSON.ReadError(message: "a condition of unknown form")
        }
    }
}

extension Quantity {
    public var planJSON: JSONValue {
        switch self {
        case .constant(let x): return .object(["constant": PlanJSON.double(x)])
        case .parameter(let node, let x):
            return .object(["parameter": .object(["value": PlanJSON.node(node), "was": PlanJSON.double(x)])])
        case .metric(let run, let metric, let label):
            var o: [String: JSONValue] = ["run": .string(run), "metric": .string(metric)]
            if let label { o["label"] = .string(label) }
            return .object(["metric": .object(o)])
        case .epochMetric(let run, let metric, let epoch):
            return .object(["epochMetric": .object(["run": .string(run), "metric": .string(metric), "epoch": epoch.planJSON])])
        case .binary(let op, let a, let b):
            return .object(["binary": .object(["op": .string(op.rawValue), "left": a.planJSON, "right": b.planJSON])])
        case .negated(let a): return .object(["negated": a.planJSON])
        case .function(let f, let arguments):
            return .object(["function": .object(["name": .string(f.rawValue), "arguments": .array(arguments.map { $0.planJSON })])])
        }
    }

    public init(planJSON v: JSONValue) throws(PlanJSON.ReadError) {
        if let c = v["constant"] {
            self = .constant(try PlanJSON.double(c))
        } else if let p = v["parameter"], let node = p["value"], let was = p["was"] {
            self = .parameter(try PlanJSON.node(node), try PlanJSON.double(was))
        } else if let m = v["metric"], let run = m["run"]?.asString, let metric = m["metric"]?.asString {
            self = .metric(run: run, metric: metric, label: m["label"]?.asString)
        } else if let m = v["epochMetric"], let run = m["run"]?.asString, let metric = m["metric"]?.asString,
                  EpochMetricCatalog.named(metric) != nil, let epoch = m["epoch"] {
            self = .epochMetric(run: run, metric: metric, epoch: try Quantity(planJSON: epoch))
        } else if let b = v["binary"], let op = b["op"]?.asString.flatMap(ArithmeticOperator.init), let l = b["left"], let r = b["right"] {
            self = .binary(op, try Quantity(planJSON: l), try Quantity(planJSON: r))
        } else if let a = v["negated"] {
            self = .negated(try Quantity(planJSON: a))
        } else if let f = v["function"], let name = f["name"]?.asString.flatMap(ClaimFunction.init), let list = f["arguments"]?.asArray {
            var arguments: [Quantity] = []
            for a in list { arguments.append(try Quantity(planJSON: a)) }
            guard name.arity.contains(arguments.count) else { throw PlanJSON.ReadError(message: "\(name.rawValue) given \(arguments.count) numbers") }
            self = .function(name, arguments)
        } else {
            throw PlanJSON.ReadError(message: "a number of unknown form")
        }
    }
}
