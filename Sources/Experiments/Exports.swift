/// Lesson code writes `Shapes(...)` and `FashionMosaics(...)` next to `Run(...)`,
/// so the dataset specs come with this module. NeuralCore is deliberately not
/// re-exported: its `Loss`, `Head`, `PosWeight`, `OutputBias` are the numeric
/// machinery, and lesson code must name only the Experiments vocabulary.
@_exported import Datasets
/// The value kinds and source locations the descriptions and plans share.
@_exported import PlanCore
