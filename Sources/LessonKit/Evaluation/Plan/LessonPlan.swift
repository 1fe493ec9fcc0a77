import Experiments

/// A lesson lowered to what it asks for, with its parameters left as slots:
/// each parameter with its declared value, and the datasets, comparisons and
/// sweeps as expressions over the parameters (`PlanNode`). Resolving it with
/// parameter values (`PlanResolver`) gives the runs to train; this is all a
/// rerun needs, with any values, and no Swift parser (see docs/plan-json.md).
public struct LessonPlan: Sendable, Equatable {
    public var parameters: [PlanParameter]
    /// The `let`s of experiment blocks, in order (`let shapes = Shapes(...)`), which later nodes read by name.
    public var bindings: [PlanBinding]
    public var comparisons: [PlanComparison]
    public var sweeps: [PlanSweep]
    /// The claims, compiled at the values the lesson was evaluated with.
    public var expectations: [Expectation]

    public init(parameters: [PlanParameter] = [], bindings: [PlanBinding] = [], comparisons: [PlanComparison] = [],
                sweeps: [PlanSweep] = [], expectations: [Expectation] = []) {
        self.parameters = parameters
        self.bindings = bindings
        self.comparisons = comparisons
        self.sweeps = sweeps
        self.expectations = expectations
    }

    public static func == (a: LessonPlan, b: LessonPlan) -> Bool {
        a.parameters == b.parameters && a.bindings == b.bindings && a.comparisons == b.comparisons && a.sweeps == b.sweeps
            && a.expectations.map(\.claim) == b.expectations.map(\.claim)
    }
}

/// One knob of a `swift parameters` block.
public struct PlanParameter: Sendable, Equatable {
    public var name: String
    /// Swift type of the value (`Int`, `Double`, `PosWeight`, ...).
    public var type: String
    public var kind: ValueKind
    /// Swift source of the effective value (the override when there is one).
    public var value: String
    /// Swift source of the value as written in the lesson.
    public var declaredValue: String
    public var overridden: Bool
    public var blockIndex: Int
    public var location: SourceLocation
    /// The declared value as an expression (it may read earlier parameters).
    public var declared: PlanNode
}

/// A name bound in an experiment block.
public struct PlanBinding: Sendable, Equatable {
    public var name: String
    public var node: PlanNode
    public var blockIndex: Int
    public var location: SourceLocation
}

/// A `Compare(...)` statement.
public struct PlanComparison: Sendable, Equatable {
    public var node: PlanNode
    public var blockIndex: Int
    public var location: SourceLocation
}

/// A `Sweep(...)` statement: the runs it sweeps are found by their place among
/// all the comparisons' runs (a name may interpolate the swept value).
public struct PlanSweep: Sendable, Equatable {
    public var node: PlanNode
    /// Each swept run's index in the lesson's runs, comparisons in order.
    public var runPositions: [Int]
    public var blockIndex: Int
    public var location: SourceLocation
}
