import Synchronization
import Foundation

/// The Fashion-MNIST files as Debian's `dataset-fashion-mnist` installs them: four IDX
/// files, gzip-compressed, read into `FashionImages`.
///
/// Pixels stay bytes (47 MB for the training split) and each folder is read once per
/// process, since every mosaic dataset of a lesson draws from the same files.
enum FashionMNIST {
    static let systemFolder = "/usr/share/datasets/fashion-mnist"
    static let side = FashionImages.side
    static let classNames = FashionImages.classNames

    /// Reads (or returns the cached) files in `folder`; `shownAs` names the folder in errors.
    static func load(folder: String, shownAs: String) throws -> FashionImages {
        try cache.value(for: folder) {
            FashionImages(train: try split("train", folder: folder, shownAs: shownAs),
                         test: try split("t10k", folder: folder, shownAs: shownAs))
        }
    }

    private static func split(_ prefix: String, folder: String, shownAs: String) throws -> FashionImages.Split {
        let images = try file("\(prefix)-images-idx3-ubyte", folder: folder, shownAs: shownAs)
        let labels = try file("\(prefix)-labels-idx1-ubyte", folder: folder, shownAs: shownAs)
        let imageHeader = try IDXFile.header(of: images), labelHeader = try IDXFile.header(of: labels)
        let imageShape = imageHeader.shape, labelShape = labelHeader.shape
        guard imageHeader.type == .uint8, imageShape.count == 3, imageShape[1] == side, imageShape[2] == side else {
            throw DatasetError.malformedFile(path: images.shownAs, problem: "expected u8 images of shape [N, 28, 28], got \(imageShape)")
        }
        guard labelHeader.type == .uint8, labelShape == [imageShape[0]] else {
            throw DatasetError.mismatch(path: labels.shownAs, problem: "expected \(imageShape[0]) u8 labels, got shape \(labelShape)")
        }
        let labelBytes = try labelHeader.readBytes(from: labels)
        if let bad = labelBytes.first(where: { $0 >= classNames.count }) {
            throw DatasetError.malformedFile(path: labels.shownAs, problem: "class id \(bad) is not one of 0...9")
        }
        return FashionImages.Split(pixels: try imageHeader.readBytes(from: images), labels: labelBytes)
    }

    static let fileNames = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// Paths of the four files in `folder`, each `name.gz` or `name` uncompressed.
    static func files(folder: String, shownAs: String) throws -> [String] {
        try fileNames.map { try locate($0, folder: folder, shownAs: shownAs).path }
    }

    private static func locate(_ name: String, folder: String, shownAs: String) throws -> (path: String, shownAs: String) {
        for candidate in [name + ".gz", name] where FileManager.default.fileExists(atPath: folder + "/" + candidate) {
            return (folder + "/" + candidate, shownAs + "/" + candidate)
        }
        throw DatasetError.fashionMNISTMissing(folder: shownAs, file: name + ".gz")
    }

    private static func file(_ name: String, folder: String, shownAs: String) throws -> DataFile {
        let (path, shown) = try locate(name, folder: folder, shownAs: shownAs)
        return try DataFile(path: path, shownAs: shown)
    }

    private static let cache = LoadCache<FashionImages>()
}

/// A process-wide memo of loaded files, safe to use from parallel runs (a
/// load holds the lock, so parallel runs wait for one read of a file).
final class LoadCache<Value: Sendable>: Sendable {
    private let values = Mutex<[String: Value]>([:])

    func value(for key: String, load: () throws -> Value) throws -> Value {
        try values.withLock { values in
            if let value = values[key] { return value }
            let value = try load()
            values[key] = value
            return value
        }
    }
}
