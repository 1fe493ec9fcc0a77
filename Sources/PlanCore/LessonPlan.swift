import PortableJSON

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
    /// The `expect` claims as written, for reference: they are compiled where the lesson is evaluated.
    public var claims: [PlanClaim]

    public init(parameters: [PlanParameter] = [], bindings: [PlanBinding] = [], comparisons: [PlanComparison] = [],
                sweeps: [PlanSweep] = [], claims: [PlanClaim] = []) {
        self.parameters = parameters
        self.bindings = bindings
        self.comparisons = comparisons
        self.sweeps = sweeps
        self.claims = claims
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

    public init(name: String, type: String, kind: ValueKind, value: String, declaredValue: String, overridden: Bool,
                blockIndex: Int, location: SourceLocation, declared: PlanNode) {
        self.name = name
        self.type = type
        self.kind = kind
        self.value = value
        self.declaredValue = declaredValue
        self.overridden = overridden
        self.blockIndex = blockIndex
        self.location = location
        self.declared = declared
    }
}

/// A name bound in an experiment block.
public struct PlanBinding: Sendable, Equatable {
    public var name: String
    public var node: PlanNode
    public var blockIndex: Int
    public var location: SourceLocation

    public init(name: String, node: PlanNode, blockIndex: Int, location: SourceLocation) {
        self.name = name
        self.node = node
        self.blockIndex = blockIndex
        self.location = location
    }
}

/// A `Compare(...)` statement.
public struct PlanComparison: Sendable, Equatable {
    public var node: PlanNode
    public var blockIndex: Int
    public var location: SourceLocation

    public init(node: PlanNode, blockIndex: Int, location: SourceLocation) {
        self.node = node
        self.blockIndex = blockIndex
        self.location = location
    }
}

/// A `Sweep(...)` statement: the runs it sweeps are found by their place among
/// all the comparisons' runs (a name may interpolate the swept value).
public struct PlanSweep: Sendable, Equatable {
    public var node: PlanNode
    /// Each swept run's index in the lesson's runs, comparisons in order.
    public var runPositions: [Int]
    public var blockIndex: Int
    public var location: SourceLocation

    public init(node: PlanNode, runPositions: [Int], blockIndex: Int, location: SourceLocation) {
        self.node = node
        self.runPositions = runPositions
        self.blockIndex = blockIndex
        self.location = location
    }
}

/// An `expect(...)` claim as written.
public struct PlanClaim: Sendable, Equatable {
    /// The arguments of `expect`, as written.
    public var claim: String
    public var blockIndex: Int
    public var location: SourceLocation
    /// The claim compiled: its conditions and numbers, the numbers read from parameters
    /// as plan values (written and read by whoever checks claims; see docs/plan-json.md).
    public var check: JSONValue?

    public init(claim: String, blockIndex: Int, location: SourceLocation, check: JSONValue? = nil) {
        self.claim = claim
        self.blockIndex = blockIndex
        self.location = location
        self.check = check
    }
}
