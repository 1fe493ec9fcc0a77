import Experiments

/// The runs the comparisons so far declared, by name: expect blocks and sweeps
/// name runs, and a misspelt name is reported before anything is trained.
final class DeclaredRuns {
    /// A run the expect blocks may name, with the labels of its dataset.
    struct Entry {
        var location: SourceLocation
        /// Nil when the dataset's labels come from its files.
        var labels: [String]?
        /// The seeds its results are listed under (paired claims need equal lists).
        var seeds: [Int]
        /// Epochs it trains; 0 for a model that does not train (the prevalence baseline).
        var epochs = 0
        /// The other test sets it is measured on (`Compare(alsoTestOn:)`), by name.
        var testSets: [String] = []
    }

    private var entries: [String: Entry] = [:]
    /// Names in declaration order, for the list in an "unknown run" message.
    private var order: [String] = []
    /// Runs named by interpolation, as Swift spells the name (`"Adam, lr \(rate)"`):
    /// a claim names such a run the same way, so it follows `--set`.
    private var spellings: [String: String] = [:]
    /// True once a block other than an expect block had an error: its runs may
    /// be missing, so unknown run names are not reported on top.
    var mayBeIncomplete = false

    subscript(name: String) -> Entry? { entries[name] }

    /// Where the run stands among all declared runs, comparisons in order: a sweep
    /// point finds its run there when the name interpolates the swept value.
    func position(of name: String) -> Int? { order.firstIndex(of: name) }

    /// Adds the runs of `compare` (written as `value`); with a name already
    /// taken, reports each such run and adds none.
    func add(_ compare: Compare, value: Evaluated, in context: EvaluationContext) -> Bool {
        var fresh = true
        for (i, run) in compare.runs.enumerated() {
            if let earlier = entries[run.name] {
                fresh = false
                context.error("duplicate run name '\(run.name)'; first used at line \(earlier.location.line)",
                              at: value.location(at: [.argument("runs"), .index(i)]))
            }
        }
        guard fresh else { return false }
        for (i, run) in compare.runs.enumerated() where entries[run.name] == nil {
            entries[run.name] = Entry(location: value.location(at: [.argument("runs"), .index(i)]),
                                      labels: compare.dataset.labelNames, seeds: compare.seedList(for: run),
                                      epochs: { if case .prevalence = run.model { return 0 }; return run.epochs }(),
                                      testSets: (compare.alsoTestOn ?? [:]).keys.sorted())
            order.append(run.name)
            if let name = value.value(at: [.argument("runs"), .index(i), .argument("name")]) {
                spellings[run.name] = Self.spelling(of: name.plan)
            }
        }
        return true
    }

    /// The message for a name no comparison declared.
    func unknownRunMessage(_ name: String) -> String {
        let list = order.isEmpty ? "no runs are declared before this block" : "runs: " + order.joined(separator: ", ")
        var message = "no run named '\(name)'\(Suggestions.didYouMean(name, in: order)) (\(list))"
        if let near = Suggestions.closest(to: name, in: order), let spelled = spellings[near] {
            message += "; '\(near)' is named by interpolation: write results[\(spelled)], and the claim follows --set"
        }
        return message
    }

    /// `"text \(parameter)"` for a name interpolating parameters only, else nil.
    private static func spelling(of node: PlanNode) -> String? {
        guard case .interpolation(let parts) = node.expression else { return nil }
        var out = "\""
        for part in parts {
            switch part {
            case .text(let text):
                for c in text { out += c == "\\" || c == "\"" ? "\\\(c)" : String(c) }
            case .value(let value):
                guard case .parameter(let parameter) = value.expression else { return nil }
                out += "\\(\(parameter))"
            }
        }
        return out + "\""
    }
}
