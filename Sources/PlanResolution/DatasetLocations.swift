import Experiments

/// Where a dataset and its file arguments are written in the lesson, so that an
/// error in its data (found when it is declared, or when it is read in full)
/// points at the path the lesson wrote, not at the run that needed it.
public struct DatasetLocations: Sendable, Equatable {
    package struct PathArgument: Sendable, Equatable {
        var argument: String
        var path: String
        var location: SourceLocation
    }

    /// Where the dataset value is written (or named).
    public var dataset: SourceLocation
    package var arguments: [PathArgument]

    package static let pathArguments = ["images", "labels", "testImages", "testLabels", "folder"]

    package init(_ value: Evaluated) {
        dataset = value.location
        arguments = Self.pathArguments.compactMap { name in
            guard let child = value.children[name], case .string(let path) = child.value else { return nil }
            return PathArgument(argument: name, path: path, location: child.location)
        }
        for (name, child) in value.children where !Self.pathArguments.contains(name) {
            arguments.append(PathArgument(argument: name, path: "", location: child.location))
        }
    }

    #if !hasFeature(Embedded)
    /// The argument the error is about (the file's path, as written), else the dataset.
    public func location(of error: any Error) -> SourceLocation {
        if let tagged = error as? DatasetArgumentError {
            return arguments.first { $0.argument == tagged.argument }?.location ?? location(of: tagged.error)
        }
        guard let error = error as? DatasetError else { return dataset }
        return location(of: error)
    }
    #endif

    package func location(of error: DatasetError) -> SourceLocation {
        if case let .invalidArgument(argument, _) = error, let found = arguments.first(where: { $0.argument == argument }) {
            return found.location
        }
        guard let path = error.path else { return dataset }
        let match = arguments.first { !$0.path.isEmpty && (path == $0.path || path.hasPrefix($0.path + "/")) }
        return match?.location ?? dataset
    }
}
