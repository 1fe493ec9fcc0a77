import PortableJSON

/// What `lessons_resolve_plan` is asked: a lesson's plan.json and the values a
/// student typed, in order, each as Swift source as `--set` takes it:
/// `{"plan": <plan.json>, "set": [["posWeightScale", "2"], ...]}`.
public struct ResolveRequest: Sendable {
    public var plan: LessonPlan
    public var set: [(name: String, source: String)]

    public init(plan: LessonPlan, set: [(name: String, source: String)]) {
        self.plan = plan
        self.set = set
    }

    public init(parsing bytes: [UInt8]) throws(PlanJSON.ReadError) {
        let root: JSONValue
        do { root = try JSONValue(parsing: bytes) } catch {
            throw PlanJSON.ReadError(message: "the request is not JSON (\(error.description))")
        }
        guard let plan = root["plan"] else { throw PlanJSON.ReadError(message: "the request has no 'plan'") }
        self.plan = try PlanJSON.read(json: plan)
        do throws(JSONError) {
            set = try (root.optionalField("set", "request")?.array("request.set") ?? []).enumerated().map { i, pair throws(JSONError) in
                let both = try pair.strings("request.set[\(i)]")
                guard both.count == 2 else { throw JSONError("request.set[\(i)]: expected [name, value]") }
                return (name: both[0], source: both[1])
            }
        } catch {
            throw PlanJSON.ReadError(message: error.description)
        }
    }
}
