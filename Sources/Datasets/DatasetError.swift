/// Everything that can go wrong while making or loading a dataset.
///
/// Messages name the argument or the file (as the lesson wrote it) and the problem,
/// so the runner can show them next to the lesson line that asked for the data.
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A spec argument is out of range or inconsistent (`argument` is its label).
    case invalidArgument(argument: String, problem: String)
    /// A path written in a lesson would leave the lesson's folder.
    case pathOutsideLessonFolder(path: String, reason: String)
    case fileNotFound(path: String)
    case unreadableFile(path: String, reason: String)
    /// The file exists but its bytes are not what the format promises.
    case malformedFile(path: String, problem: String)
    /// Two files that must agree (images and labels) do not.
    case mismatch(path: String, problem: String)
    /// The Debian package with Fashion-MNIST is not installed (or the folder lacks a file).
    case fashionMNISTMissing(folder: String, file: String)
    /// `posWeight` is negatives/positives; a label without positives has none.
    case noPositives(label: String, split: String)

    /// The file or folder the error is about, as the lesson wrote it.
    public var path: String? {
        switch self {
        case let .pathOutsideLessonFolder(path, _), let .fileNotFound(path), let .unreadableFile(path, _),
             let .malformedFile(path, _), let .mismatch(path, _):
            return path
        case let .fashionMNISTMissing(folder, _): return folder
        case .invalidArgument, .noPositives: return nil
        }
    }

    public var description: String {
        switch self {
        case let .invalidArgument(argument, problem):
            return "invalid argument '\(argument)': \(problem)"
        case let .pathOutsideLessonFolder(path, reason):
            return "\(printable(path)): refused, \(reason); data files must lie inside the lesson's folder"
        case let .fileNotFound(path):
            return "\(path): no such file"
        case let .unreadableFile(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .malformedFile(path, problem):
            return "\(path): \(problem)"
        case let .mismatch(path, problem):
            return "\(path): \(problem)"
        case let .fashionMNISTMissing(folder, file):
            return "Fashion-MNIST not found: looked for \(file) (or its uncompressed form) in \(folder). "
                + "Install it with: sudo apt-get install dataset-fashion-mnist"
        case let .noPositives(label, split):
            return "label '\(label)' has no positive examples in the \(split) split, so its balanced posWeight "
                + "(negatives/positives) is undefined; raise its prevalence or the number of images"
        }
    }
}

/// A path with its control characters escaped (`\u{0}`), so a message never carries them raw.
func printable(_ path: String) -> String {
    String(path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }
        .joined())
}

/// A dataset error and the argument of the dataset's description it is about
/// (`images`, `labels`, `testImages`, `testLabels`).
public struct DatasetArgumentError: Error, CustomStringConvertible, Equatable, Sendable {
    public var argument: String
    public var error: DatasetError
    public var description: String { error.description }
}
