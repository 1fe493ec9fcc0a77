import NeuralCore

/// Images and their multi-hot labels: `images` is [N, H, W, C] in [0, 1],
/// `labels` is [N, L] with 0/1 entries.
public struct LabeledImages: Equatable, Sendable {
    public var images: Tensor
    public var labels: Tensor

    public init(images: Tensor, labels: Tensor) {
        precondition(images.shape.first == labels.shape.first, "images and labels disagree on N")
        self.images = images
        self.labels = labels
    }

    public var count: Int { images.shape.first ?? 0 }
}

/// A multi-label image dataset split three ways, with label names.
public struct Dataset: Equatable, Sendable {
    public var labelNames: [String]
    public var train: LabeledImages
    public var validation: LabeledImages
    public var test: LabeledImages

    public init(labelNames: [String], train: LabeledImages, validation: LabeledImages, test: LabeledImages) {
        self.labelNames = labelNames
        self.train = train
        self.validation = validation
        self.test = test
    }

    /// [H, W, C] of one image.
    public var imageShape: [Int] { Array(train.images.shape.dropFirst()) }
}
