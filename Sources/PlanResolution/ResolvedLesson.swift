import Claims
import Experiments

/// A plan resolved with parameter values: the comparisons and sweep points to
/// train, as finished values, each with the index of the block that produced
/// it and its place in the .md file.
public struct ResolvedLesson: Sendable {
    /// The plan it was resolved from.
    public var plan: LessonPlan
    /// The parameters with their effective values.
    public var parameters: [PlanParameter]
    public var datasets: [ResolvedDataset]
    public var comparisons: [ResolvedComparison]
    public var sweeps: [ResolvedSweep]
    public var expectations: [Expectation]

    /// Every run of every comparison, in lesson order.
    public var runs: [Run] { comparisons.flatMap { $0.compare.runs } }
}

/// A dataset bound to a name, resolved.
public struct ResolvedDataset: Sendable {
    public var name: String
    public var spec: DatasetSource
    public var blockIndex: Int
    public var location: SourceLocation
}

/// A `Compare(...)` statement, resolved.
public struct ResolvedComparison: Sendable {
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

/// A `Sweep(...)` statement, resolved: for each value, the plan resolved again
/// with the parameter set to it, and the swept runs as that resolution gives
/// them (their comparison's dataset and seeds included).
public struct ResolvedSweep: Sendable {
    public var sweep: Sweep
    /// Swift source of each value, as `--set` would receive it (`0.5`, `8`).
    public var valueSources: [String]
    /// One comparison per value holding just the swept runs (in `sweep.runs` order).
    public var points: [Compare]
    public var blockIndex: Int
    public var location: SourceLocation

    public var title: String { sweep.title }
}
