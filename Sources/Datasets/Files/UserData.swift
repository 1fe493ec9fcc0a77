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

    /// Reads each file with `parse(bytes, shownAs:)` after resolving it inside the lesson folder.
    func load(relativeTo folder: String?,
              parse: ([UInt8], String) throws -> NumericArray) throws -> Dataset {
        guard (testImagesPath == nil) == (testLabelsPath == nil) else {
            throw DatasetError.invalidArgument(argument: testImagesPath == nil ? "testImages" : "testLabels",
                problem: "testImages and testLabels go together; give both or neither")
        }
        let explicitTest = testImagesPath != nil
        guard validationFraction >= 0, validationFraction < 1,
              explicitTest || (testFraction >= 0 && testFraction < 1 && testFraction + validationFraction < 1) else {
            throw DatasetError.invalidArgument(argument: "testFraction",
                problem: "testFraction (\(testFraction)) and validationFraction (\(validationFraction)) must each lie in [0, 1) and leave images for training")
        }
        func read(_ path: String) throws -> NumericArray {
            try parse(FileBytes.read(try LessonPath.resolve(path, in: folder), shownAs: path), path)
        }
        let images = try Self.images(read(imagesPath), path: imagesPath)
        let rawLabels = try read(labelsPath)
        var testImages: Tensor?
        var rawTestLabels: NumericArray?
        if let testImagesPath, let testLabelsPath {
            let t = try Self.images(read(testImagesPath), path: testImagesPath)
            guard Array(t.shape.dropFirst()) == Array(images.shape.dropFirst()) else {
                throw DatasetError.mismatch(path: testImagesPath, problem: "test images are \(Array(t.shape.dropFirst())) "
                    + "but the training images in \(imagesPath) are \(Array(images.shape.dropFirst())) (H, W, C)")
            }
            testImages = t
            rawTestLabels = try read(testLabelsPath)
        }
        let labelNames = try Self.labelNames(names, labels: [(rawLabels, labelsPath)]
            + (rawTestLabels.map { [($0, testLabelsPath!)] } ?? []))
        let labels = try Self.multiHot(rawLabels, path: labelsPath, count: images.shape[0],
                                       imagesPath: imagesPath, labelCount: labelNames.count)
        let all = LabeledImages(images: images, labels: labels)
        var rng = SeededRNG(seed: UInt64(bitPattern: Int64(seed)))
        let order = rng.permutation(all.count)
        let testCount = explicitTest ? 0 : Int((testFraction * Double(all.count)).rounded())
        let validationCount = Int((validationFraction * Double(all.count)).rounded())
        guard all.count - testCount - validationCount >= 1 else {
            throw DatasetError.mismatch(path: imagesPath, problem: "\(all.count) images leave none for training "
                + "after the test and validation shares")
        }
        let test: LabeledImages
        if let testImages, let rawTestLabels, let testLabelsPath, let testImagesPath {
            test = LabeledImages(images: testImages, labels: try Self.multiHot(
                rawTestLabels, path: testLabelsPath, count: testImages.shape[0],
                imagesPath: testImagesPath, labelCount: labelNames.count))
        } else {
            test = all.gathering(order[0..<testCount].sorted())
        }
        return Dataset(labelNames: labelNames,
                       train: all.gathering(order[(testCount + validationCount)...].sorted()),
                       validation: all.gathering(order[testCount..<(testCount + validationCount)].sorted()),
                       test: test)
    }

    /// [N, H, W] or [N, H, W, C] → [N, H, W, C] in [0, 1]; integers are read as 0...255.
    static func images(_ array: NumericArray, path: String) throws -> Tensor {
        guard array.shape.count == 3 || array.shape.count == 4, !array.shape.contains(0) else {
            throw DatasetError.mismatch(path: path,
                problem: "shape mismatch: images must be [N, H, W] or [N, H, W, C] and non-empty, got \(array.shape)")
        }
        let shape = array.shape.count == 3 ? array.shape + [1] : array.shape
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
    static func labelNames(_ names: [String]?, labels: [(NumericArray, String)]) throws -> [String] {
        if let names {
            guard !names.isEmpty, Set(names).count == names.count else {
                throw DatasetError.invalidArgument(argument: "names", problem: "give distinct, non-empty label names")
            }
            return names
        }
        var count = 0
        for (array, _) in labels {
            count = max(count, array.shape.count == 2 ? array.shape[1] : Int(array.values.max() ?? -1) + 1)
        }
        return (0..<max(count, 1)).map { "label \($0)" }
    }

    /// [N, L] multi-hot or [N] class ids → [N, L] of 0/1.
    static func multiHot(_ array: NumericArray, path: String, count: Int, imagesPath: String,
                         labelCount: Int) throws -> Tensor {
        guard array.shape.first == count else {
            throw DatasetError.mismatch(path: path, problem: "shape mismatch: \(array.shape.first ?? 0) labels "
                + "for \(count) images in \(imagesPath)")
        }
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
