import Experiments

/// What a lesson asks for, as the evaluator found it: the effective
/// parameters, the comparisons to run and the claims to check, each with the
/// index of the block that produced it and its place in the .md file.
public struct LessonPlan: Sendable {
    public var parameters: [PlanParameter]
    /// `let name = Shapes(...)` declarations, for a dataset card where they are declared.
    public var datasets: [PlanDataset]
    public var comparisons: [PlanComparison]
    public var sweeps: [PlanSweep]
    public var expectations: [Expectation]

    public init(parameters: [PlanParameter] = [], datasets: [PlanDataset] = [], comparisons: [PlanComparison] = [],
                sweeps: [PlanSweep] = [], expectations: [Expectation] = []) {
        self.parameters = parameters
        self.datasets = datasets
        self.comparisons = comparisons
        self.sweeps = sweeps
        self.expectations = expectations
    }

    /// Every run of every comparison, in lesson order.
    public var runs: [Run] { comparisons.flatMap(\.compare.runs) }
}

/// One knob of a `swift parameters` block.
public struct PlanParameter: Sendable, Equatable {
    public var name: String
    /// Swift type of the value (`Int`, `Double`, `PosWeight`, ...).
    public var type: String
    /// Swift source of the effective value (the override when there is one).
    public var value: String
    /// Swift source of the value as written in the lesson.
    public var declaredValue: String
    public var overridden: Bool
    public var blockIndex: Int
    public var location: SourceLocation
}

/// A dataset bound to a name in an experiment block.
public struct PlanDataset: Sendable {
    public var name: String
    public var spec: DatasetSource
    public var blockIndex: Int
    public var location: SourceLocation
}

/// A `Compare(...)` statement.
public struct PlanComparison: Sendable {
    public var compare: Compare
    /// The name the dataset was bound to (`shapes`), when it was given by name.
    public var datasetName: String?
    /// Where the dataset and its paths are written, for errors in its data.
    public var datasetLocations: DatasetLocations
    public var blockIndex: Int
    public var location: SourceLocation
    /// Where each run was written (its element of `runs:`, or the nearest known place).
    public var runLocations: [SourceLocation]

    public var title: String { compare.title }
    public var dataset: DatasetSource { compare.dataset }
    public var runs: [Run] { compare.runs }
}

/// A `Sweep(...)` statement, resolved: for each value, the lesson evaluated
/// again with the parameter set to it, and the swept runs as that evaluation
/// declares them (their comparison's dataset and seeds included).
public struct PlanSweep: Sendable {
    public var sweep: Sweep
    /// Swift source of each value, as `--set` would receive it (`0.5`, `8`).
    public var valueSources: [String]
    /// One comparison per value holding just the swept runs (in `sweep.runs` order).
    public var points: [Compare]
    public var blockIndex: Int
    public var location: SourceLocation

    public var title: String { sweep.title }
}
