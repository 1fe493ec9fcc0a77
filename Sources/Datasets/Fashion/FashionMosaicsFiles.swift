/// Native `FashionMosaics`: the items come from the Fashion-MNIST IDX files (the system
/// copy, or `folder` in the lesson's folder), then go through the portable generator.
extension FashionMosaics {
    public func load(relativeTo lessonFolder: String?) throws -> Dataset {
        try generate(relativeTo: lessonFolder).dataset
    }

    /// The dataset with the provenance of every tile.
    public func generate(relativeTo lessonFolder: String?) throws -> GeneratedMosaics {
        _ = try checkedArguments()
        return try generate(from: images(relativeTo: lessonFolder))
    }

    /// The items this spec draws from, as read from its files.
    public func images(relativeTo lessonFolder: String?) throws -> FashionImages {
        let (real, shown) = try resolvedFolder(relativeTo: lessonFolder)
        return try FashionMNIST.load(folder: real, shownAs: shown)
    }

    /// The four Fashion-MNIST files this spec reads.
    public func inputFiles(relativeTo lessonFolder: String?) throws -> [String] {
        let (real, shown) = try resolvedFolder(relativeTo: lessonFolder)
        return try FashionMNIST.files(folder: real, shownAs: shown)
    }

    /// The system folder, or `folder` inside the lesson's folder.
    private func resolvedFolder(relativeTo lessonFolder: String?) throws -> (String, String) {
        guard let folder else { return (FashionMNIST.systemFolder, FashionMNIST.systemFolder) }
        do { return (try LessonPath.resolve(folder, in: lessonFolder), folder) } catch DatasetError.fileNotFound {
            throw DatasetError.fashionMNISTMissing(folder: folder, file: "train-images-idx3-ubyte.gz")
        }
    }
}
