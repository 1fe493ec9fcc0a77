/// A dataset from the user's own NumPy `.npy` files (format versions 1–3; dtypes
/// u1, i8, f4, f8 and more; C order). Images are [N, H, W] or [N, H, W, C] (integers
/// 0...255 or floats in [0, 1]); labels are [N, L] multi-hot or [N] class ids.
/// Paths are relative to the lesson's folder and may not leave it.
public struct NumpyDataset: DatasetSpecification {
    public var images: String
    public var labels: String
    /// Label names; nil names them "label 0", "label 1", ….
    public var names: [String]?
    /// Explicit test files; without them a `testFraction` of the images is held out.
    public var testImages: String?
    public var testLabels: String?
    public var testFraction: Double
    /// Share of all images held out for validation.
    public var validationFraction: Double
    /// Seeds the split.
    public var seed: Int

    public init(images: String, labels: String, names: [String]? = nil,
                testImages: String? = nil, testLabels: String? = nil,
                testFraction: Double = 0.2, validationFraction: Double = 0.1, seed: Int = 1) {
        self.images = images
        self.labels = labels
        self.names = names
        self.testImages = testImages
        self.testLabels = testLabels
        self.testFraction = testFraction
        self.validationFraction = validationFraction
        self.seed = seed
    }

    #if !hasFeature(Embedded)
    public func load(relativeTo lessonFolder: String?) throws -> Dataset {
        try userData.load(relativeTo: lessonFolder, format: NumpyFile.self)
    }

    /// Checks the files' headers against each other, reading no data in full.
    public func inspect(relativeTo lessonFolder: String?) throws -> PlannedData? {
        try userData.inspect(relativeTo: lessonFolder, format: NumpyFile.self)
    }

    public func inputFiles(relativeTo lessonFolder: String?) throws -> [String] {
        try [images, labels, testImages, testLabels].compactMap { $0 }.map { try LessonPath.resolve($0, in: lessonFolder) }
    }
    #endif
}

/// A dataset from the user's own IDX files (the MNIST format), raw or gzip-compressed.
/// Same shapes, splits and path rules as `NumpyDataset`.
public struct IDXDataset: DatasetSpecification {
    public var images: String
    public var labels: String
    public var names: [String]?
    public var testImages: String?
    public var testLabels: String?
    public var testFraction: Double
    public var validationFraction: Double
    public var seed: Int

    public init(images: String, labels: String, names: [String]? = nil,
                testImages: String? = nil, testLabels: String? = nil,
                testFraction: Double = 0.2, validationFraction: Double = 0.1, seed: Int = 1) {
        self.images = images
        self.labels = labels
        self.names = names
        self.testImages = testImages
        self.testLabels = testLabels
        self.testFraction = testFraction
        self.validationFraction = validationFraction
        self.seed = seed
    }

    #if !hasFeature(Embedded)
    public func load(relativeTo lessonFolder: String?) throws -> Dataset {
        try userData.load(relativeTo: lessonFolder, format: IDXFile.self)
    }

    /// Checks the files' headers against each other, reading no data in full.
    public func inspect(relativeTo lessonFolder: String?) throws -> PlannedData? {
        try userData.inspect(relativeTo: lessonFolder, format: IDXFile.self)
    }

    public func inputFiles(relativeTo lessonFolder: String?) throws -> [String] {
        try [images, labels, testImages, testLabels].compactMap { $0 }.map { try LessonPath.resolve($0, in: lessonFolder) }
    }
    #endif
}

#if !hasFeature(Embedded)
extension NumpyDataset { var userData: UserData { UserData(self) } }
extension IDXDataset { var userData: UserData { UserData(self) } }

extension UserData {
    /// The files and split of either file dataset (they differ only in the format).
    init(_ d: some UserDataArguments) {
        self.init(imagesPath: d.images, labelsPath: d.labels, names: d.names, testImagesPath: d.testImages,
                  testLabelsPath: d.testLabels, testFraction: d.testFraction, validationFraction: d.validationFraction,
                  seed: d.seed)
    }
}

/// The arguments `NumpyDataset` and `IDXDataset` share.
protocol UserDataArguments {
    var images: String { get }
    var labels: String { get }
    var names: [String]? { get }
    var testImages: String? { get }
    var testLabels: String? { get }
    var testFraction: Double { get }
    var validationFraction: Double { get }
    var seed: Int { get }
}

extension NumpyDataset: UserDataArguments {}
extension IDXDataset: UserDataArguments {}
#endif
