import Experiments
import PlanCore
import PortableJSON

/// What lessons.wasm's `lessons_resolve_plan` answers: a published plan.json and
/// `--set` values (`{"plan": {...}, "set": [["epochs", "12"], ...]}`) resolved by
/// `PlanResolver`, as `lessons run --set` resolves them. The answer is
/// `{"errors": [{"message": "line:col: text", "parameter": name}]}`, each message as
/// native prints it, or the parameters' values and the number of comparisons.
/// Values are plain literals for now (`SetLiteral`).
public enum ResolveRequest {
    public static func answer(_ request: [UInt8]) -> String {
        let plan: LessonPlan
        var given: [(name: String, source: String)] = []
        do throws(PlanJSON.ReadError) {
            let root: JSONValue
            do { root = try JSONValue(parsing: request) } catch { throw PlanJSON.ReadError(message: "request: \(error.description)") }
            guard let planJSON = root["plan"] else { throw PlanJSON.ReadError(message: "request: no plan") }
            plan = try PlanJSON.read(planJSON.text)
            guard case .array(let pairs)? = root["set"] ?? .array([]) else { throw PlanJSON.ReadError(message: "request: set is not a list") }
            for pair in pairs {
                guard case .array(let two) = pair, two.count == 2, case .string(let name) = two[0], case .string(let source) = two[1] else {
                    throw PlanJSON.ReadError(message: "request: each set value is [name, Swift source]")
                }
                given.append((name, source))
            }
        } catch {
            return errors([(message: error.message, parameter: nil)])
        }
        var settings: [String: ParameterSetting] = [:]
        var refused: [(message: String, parameter: String?)] = []
        for (name, source) in given {
            // An unknown name is the resolver's to report, with its did-you-mean.
            guard let parameter = plan.parameters.first(where: { $0.name == name }) else {
                settings[name] = ParameterSetting(value: PlanNode(.none, kind: .int, location: SourceLocation(line: 1, column: 1)), source: source)
                continue
            }
            switch SetLiteral.node(source, kind: parameter.kind, at: parameter.location) {
            case .success(let node): settings[name] = ParameterSetting(value: node, source: source)
            case .failure(let error):
                refused.append((message: located(ParameterSetting.messagePrefix(name, source) + error.message, parameter.location), parameter: name))
            }
        }
        guard refused.isEmpty else { return errors(refused) }
        switch PlanResolver.resolve(plan, settings: settings, path: "") {
        case .failure(let list):
            return errors(list.diagnostics.map { d -> (message: String, parameter: String?) in
                (message: located(d.message, d.location), parameter: given.first { d.message.hasPrefix("--set \($0.name)")
                    || d.message.hasSuffix(" is set by --set \($0.name)=\($0.source))") }?.name)
            })
        case .success(let resolved):
            let parameters = resolved.parameters.map { p in
                JSONValue.object(["name": .string(p.name), "value": .string(p.value), "overridden": .bool(p.overridden)])
            }
            return JSONValue.object(["parameters": .array(parameters), "comparisons": .number(Double(resolved.comparisons.count))]).text
        }
    }

    /// `line:col: message`, or the message alone when it is about no place.
    private static func located(_ message: String, _ location: SourceLocation?) -> String {
        guard let location else { return message }
        return String(location.line) + ":" + String(location.column) + ": " + message
    }

    private static func errors(_ list: [(message: String, parameter: String?)]) -> String {
        JSONValue.object(["errors": .array(list.map { e in
            var fields: [String: JSONValue] = ["message": .string(e.message)]
            if let parameter = e.parameter { fields["parameter"] = .string(parameter) }
            return .object(fields)
        })]).text
    }
}
