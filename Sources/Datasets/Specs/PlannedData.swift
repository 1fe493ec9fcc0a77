/// A dataset's sizes as known before its data is made or read in full: from the
/// description for generated data, from the files' headers for the lesson's own files.
public struct PlannedData: Sendable, Equatable {
    public var train: Int
    /// Validation and test images.
    public var evaluated: Int
    public var height: Int
    public var width: Int
    public var channels: Int
    /// nil when only the label values say (class ids without names).
    public var labels: Int?

    public init(train: Int, evaluated: Int, height: Int, width: Int, channels: Int, labels: Int?) {
        self.train = train
        self.evaluated = evaluated
        self.height = height
        self.width = width
        self.channels = channels
        self.labels = labels
    }
}
