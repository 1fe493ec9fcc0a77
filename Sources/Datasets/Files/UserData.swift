import NeuralCore

/// Turns the arrays of a user's files into a `Dataset`: checks shapes and value
/// ranges, scales pixels to [0, 1], expands class ids to multi-hot rows, and splits.
///
/// Shared by `NumpyDataset` and `IDXDataset`, which differ only in how they read a file.
struct UserData {
    var imagesPath: String
    var labelsPath: String
    var names: [String]?
    var testImagesPath: String?
    var testLabelsPath: String?
    var testFraction: Double
    var validationFraction: Double
    var seed: Int

    /// Reads each file with `format` after resolving it inside the lesson folder.
    func load(relativeTo folder: String?, format: any ArrayFileFormat.Type) throws -> Dataset {
        try checkArguments()
        func read(_ path: String) throws -> NumericArray {
            try format.read(path: try LessonPath.resolve(path, in: folder), shownAs: path)
        }
        let images = try blame("images") { try Self.images(read(imagesPath), path: imagesPath) }
        let rawLabels = try blame("labels") { try read(labelsPath) }
        var testImages: Tensor?
        var rawTestLabels: NumericArray?
        if let testImagesPath, let testLabelsPath {
            let t = try blame("testImages") { () throws -> Tensor in
                let t = try Self.images(read(testImagesPath), path: testImagesPath)
                try Self.checkTestImages(Array(t.shape.dropFirst()), against: Array(images.shape.dropFirst()),
                                         testPath: testImagesPath, trainPath: imagesPath)
                return t
            }
            testImages = t
            rawTestLabels = try blame("testLabels") { try read(testLabelsPath) }
        }
        let labelNames = try Self.labelNames(names, labels: [(rawLabels, labelsPath)]
            + (rawTestLabels.map { [($0, testLabelsPath!)] } ?? []))
        let labels = try blame("labels") {
            try Self.multiHot(rawLabels, path: labelsPath, count: images.shape[0], imagesPath: imagesPath,
                              labelCount: labelNames.count)
        }
        let all = LabeledImages(images: images, labels: labels)
        var rng = SeededRNG(seed: UInt64(bitPattern: Int64(seed)))
        let order = rng.permutation(all.count)
        let (testCount, validationCount) = try split(all.count)
        let test: LabeledImages
        if let testImages, let rawTestLabels, let testLabelsPath, let testImagesPath {
            test = LabeledImages(images: testImages, labels: try blame("testLabels") {
                try Self.multiHot(rawTestLabels, path: testLabelsPath, count: testImages.shape[0],
                                  imagesPath: testImagesPath, labelCount: labelNames.count)
            })
        } else {
            test = all.gathering(order[0..<testCount].sorted())
        }
        return Dataset(labelNames: labelNames,
                       train: all.gathering(order[(testCount + validationCount)...].sorted()),
                       validation: all.gathering(order[testCount..<(testCount + validationCount)].sorted()),
                       test: test)
    }

    /// What the files' headers say, checked against each other before any data is
    /// read in full: paths, formats, shapes and counts. A compressed file is inflated
    /// once, into nothing, since only its stream knows its length.
    func inspect(relativeTo folder: String?, format: any ArrayFileFormat.Type) throws -> PlannedData {
        try checkArguments()
        func header(_ path: String) throws -> ArrayHeader {
            try format.checkedHeader(path: try LessonPath.resolve(path, in: folder), shownAs: path)
        }
        let images = try blame("images") { try header(imagesPath) }
        let shape = try blame("images") { try Self.imageShape(images.shape, path: imagesPath) }
        let labels = try blame("labels") { () throws -> ArrayHeader in
            let labels = try header(labelsPath)
            try Self.checkLabels(labels.shape, path: labelsPath, count: images.shape[0], imagesPath: imagesPath, names: names)
            return labels
        }
        var testCount = 0
        if let testImagesPath, let testLabelsPath {
            let testImages = try blame("testImages") { () throws -> ArrayHeader in
                let testImages = try header(testImagesPath)
                try Self.checkTestImages(try Self.imageShape(testImages.shape, path: testImagesPath), against: shape,
                                         testPath: testImagesPath, trainPath: imagesPath)
                return testImages
            }
            try blame("testLabels") {
                let testLabels = try header(testLabelsPath)
                try Self.checkLabels(testLabels.shape, path: testLabelsPath, count: testImages.shape[0],
                                     imagesPath: testImagesPath, names: names)
                if labels.shape.count == 2, testLabels.shape.count == 2, labels.shape[1] != testLabels.shape[1] {
                    throw DatasetError.mismatch(path: testLabelsPath, problem: "shape mismatch: \(testLabels.shape[1]) label "
                        + "columns, but \(labelsPath) has \(labels.shape[1])")
                }
            }
            testCount = testImages.shape[0]
        }
        let n = images.shape[0]
        let (heldOut, validation) = try blame("images") { try split(n) }
        return PlannedData(train: n - heldOut - validation, evaluated: validation + max(heldOut, testCount),
                           height: shape[0], width: shape[1], channels: shape[2],
                           labels: names?.count ?? (labels.shape.count == 2 ? labels.shape[1] : nil))
    }

    /// Runs `body`, naming the argument a dataset error in it is about (so the lesson
    /// can point there even when two arguments name the same file).
    private func blame<T>(_ argument: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatasetError {
            throw DatasetArgumentError(argument: argument, error: error)
        }
    }

    private func checkArguments() throws {
        guard (testImagesPath == nil) == (testLabelsPath == nil) else {
            throw DatasetError.invalidArgument(argument: testImagesPath == nil ? "testImages" : "testLabels",
                problem: "testImages and testLabels go together; give both or neither")
        }
        guard validationFraction >= 0, validationFraction < 1,
              testImagesPath != nil || (testFraction >= 0 && testFraction < 1 && testFraction + validationFraction < 1) else {
            throw DatasetError.invalidArgument(argument: "testFraction",
                problem: "testFraction (\(testFraction)) and validationFraction (\(validationFraction)) must each lie in [0, 1) and leave images for training")
        }
    }

    /// Images held out for testing (none with explicit test files) and for validation.
    private func split(_ count: Int) throws -> (test: Int, validation: Int) {
        let testCount = testImagesPath != nil ? 0 : Int((testFraction * Double(count)).rounded())
        let validationCount = Int((validationFraction * Double(count)).rounded())
        guard count - testCount - validationCount >= 1 else {
            throw DatasetError.mismatch(path: imagesPath, problem: "\(count) images leave none for training "
                + "after the test and validation shares")
        }
        return (testCount, validationCount)
    }

    private static func checkTestImages(_ test: [Int], against train: [Int], testPath: String, trainPath: String) throws {
        guard test == train else {
            throw DatasetError.mismatch(path: testPath, problem: "test images are \(test) "
                + "but the training images in \(trainPath) are \(train) (H, W, C)")
        }
    }

    /// [N, H, W] or [N, H, W, C] → [H, W, C]; channels-first images (PyTorch's
    /// [N, C, H, W]) would read as one-pixel-high strips, so they are refused with the fix.
    static func imageShape(_ shape: [Int], path: String) throws -> [Int] {
        guard shape.count == 3 || shape.count == 4, !shape.contains(0) else {
            throw DatasetError.mismatch(path: path,
                problem: "shape mismatch: images must be [N, H, W] or [N, H, W, C] and non-empty, got \(shape)")
        }
        // Channels-last would be H ≤ 4 pixels with many channels, or one-pixel-high strips.
        if shape.count == 4, [1, 3, 4].contains(shape[1]), ![1, 3, 4].contains(shape[3]) || (shape[1] == 1 && shape[2] > 1) {
            throw DatasetError.mismatch(path: path, problem: "images of shape \(shape) look channels-first "
                + "([N, C, H, W], PyTorch's layout); lessons read [N, H, W, C]: save np.moveaxis(x, 1, -1) "
                + "(\([shape[0], shape[2], shape[3], shape[1]]))")
        }
        return shape.count == 3 ? Array(shape.dropFirst()) + [1] : Array(shape.dropFirst())
    }

    /// Labels [N] or [N, L], one row per image, L matching the names when given.
    static func checkLabels(_ shape: [Int], path: String, count: Int, imagesPath: String, names: [String]?) throws {
        guard shape.count == 1 || shape.count == 2 else {
            throw DatasetError.mismatch(path: path,
                problem: "shape mismatch: labels must be [N, L] multi-hot or [N] class ids, got \(shape)")
        }
        guard shape[0] == count else {
            throw DatasetError.mismatch(path: path, problem: "shape mismatch: \(shape[0]) labels for \(count) images in \(imagesPath)")
        }
        if shape.count == 2 {
            guard shape[1] >= 1, shape[1] <= maxLabels else {
                throw DatasetError.mismatch(path: path, problem: "shape mismatch: labels \(shape) need 1 to \(maxLabels) label columns")
            }
            if let names, names.count != shape[1] {
                throw DatasetError.mismatch(path: path,
                    problem: "shape mismatch: \(shape[1]) label columns for \(names.count) label names")
            }
        }
    }

    /// [N, H, W] or [N, H, W, C] → [N, H, W, C] in [0, 1]; integers are read as 0...255.
    static func images(_ array: NumericArray, path: String) throws -> Tensor {
        let shape = [array.shape[0]] + (try imageShape(array.shape, path: path))
        let low = array.values.min() ?? 0, high = array.values.max() ?? 0
        if array.isInteger {
            guard low >= 0, high <= 255 else {
                throw DatasetError.mismatch(path: path, problem: "integer pixels must lie in 0...255, found \(low)...\(high)")
            }
            return Tensor(shape: shape, storage: array.values.map { $0 / 255 })
        }
        guard low >= 0, high <= 1, !array.values.contains(where: \.isNaN) else {
            throw DatasetError.mismatch(path: path,
                problem: "float pixels must lie in [0, 1], found \(low)...\(high); divide by 255 before saving")
        }
        return Tensor(shape: shape, storage: array.values)
    }

    /// The lesson's names, or "label 0", "label 1", … as many as the label files need.
    /// Most labels a data file may have.
    static let maxLabels = 256

    static func labelNames(_ names: [String]?, labels: [(NumericArray, String)]) throws -> [String] {
        if let names {
            guard !names.isEmpty, Set(names).count == names.count else {
                throw DatasetError.invalidArgument(argument: "names", problem: "give distinct, non-empty label names")
            }
            return names
        }
        var count = 0
        for (array, path) in labels {
            if array.shape.count == 2 {
                count = max(count, array.shape[1])
                continue
            }
            for (i, v) in array.values.enumerated() where !(v >= 0 && v < Float(maxLabels) && v == v.rounded()) {
                throw DatasetError.mismatch(path: path, problem: "class id \(v) of item \(i) is not one of 0..<\(maxLabels); "
                    + "class ids are whole numbers from 0")
            }
            count = max(count, Int(array.values.max() ?? -1) + 1)
        }
        return (0..<max(count, 1)).map { "label \($0)" }
    }

    /// [N, L] multi-hot or [N] class ids → [N, L] of 0/1.
    static func multiHot(_ array: NumericArray, path: String, count: Int, imagesPath: String,
                         labelCount: Int) throws -> Tensor {
        try checkLabels(array.shape, path: path, count: count, imagesPath: imagesPath, names: nil)
        switch array.shape.count {
        case 1:
            var hot = [Float](repeating: 0, count: count * labelCount)
            for (i, v) in array.values.enumerated() {
                guard v >= 0, v < Float(labelCount), v == v.rounded() else {
                    throw DatasetError.mismatch(path: path, problem: "class id \(v.magnitude < 1e9 && v == v.rounded() ? String(Int(v)) : String(v)) of item \(i) is not one of 0..<\(labelCount)")
                }
                hot[i * labelCount + Int(v)] = 1
            }
            return Tensor(shape: [count, labelCount], storage: hot)
        case 2:
            guard array.shape[1] == labelCount else {
                throw DatasetError.mismatch(path: path,
                    problem: "shape mismatch: \(array.shape[1]) label columns for \(labelCount) label names")
            }
            if let bad = array.values.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                throw DatasetError.mismatch(path: path, problem: "multi-hot labels must be 0 or 1, found "
                    + "\(array.values[bad]) at item \(bad / labelCount), label \(bad % labelCount)")
            }
            return Tensor(shape: array.shape, storage: array.values)
        default:
            throw DatasetError.mismatch(path: path,
                problem: "shape mismatch: labels must be [N, L] multi-hot or [N] class ids, got \(array.shape)")
        }
    }
}

extension LabeledImages {
    /// The items at `indices`, in that order.
    func gathering<C: Collection>(_ indices: C) -> LabeledImages where C.Element == Int {
        let imageSize = images.count / Swift.max(count, 1), labelSize = labels.count / Swift.max(count, 1)
        var pixels: [Float] = [], hot: [Float] = []
        pixels.reserveCapacity(indices.count * imageSize)
        hot.reserveCapacity(indices.count * labelSize)
        for i in indices {
            pixels.append(contentsOf: images.storage[(i * imageSize)..<((i + 1) * imageSize)])
            hot.append(contentsOf: labels.storage[(i * labelSize)..<((i + 1) * labelSize)])
        }
        return LabeledImages(images: Tensor(shape: [indices.count] + images.shape.dropFirst(), storage: pixels),
                             labels: Tensor(shape: [indices.count] + labels.shape.dropFirst(), storage: hot))
    }
}
