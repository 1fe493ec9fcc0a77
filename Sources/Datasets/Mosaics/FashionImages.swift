/// The Fashion-MNIST items mosaics are drawn from (Xiao, Rasul & Vollgraf 2017): pixel
/// bytes and class ids of the training and test files. The native reader fills it from
/// the IDX files; lessons.wasm from the packed site asset (`init(packed:)`), so both
/// build mosaics through the same code.
public struct FashionImages: Sendable {
    /// Class names in label order (0 = t-shirt/top … 9 = ankle boot).
    public static let classNames = ["t-shirt", "trouser", "pullover", "dress", "coat",
                                    "sandal", "shirt", "sneaker", "bag", "ankle boot"]
    public static let side = 28

    public struct Split: Sendable {
        /// `count` items of 28×28 bytes, row by row.
        public var pixels: [UInt8]
        public var labels: [UInt8]
        public var count: Int { labels.count }

        public init(pixels: [UInt8], labels: [UInt8]) {
            self.pixels = pixels
            self.labels = labels
        }

        /// Item indices of each class, in file order.
        func itemsByClass() -> [[Int]] {
            var items = [[Int]](repeating: [], count: FashionImages.classNames.count)
            for (i, c) in labels.enumerated() { items[Int(c)].append(i) }
            return items
        }
    }

    public var train: Split
    public var test: Split

    public init(train: Split, test: Split) {
        self.train = train
        self.test = test
    }

    /// The packed form (the site asset, before gzip): "LFM1", the train and test item
    /// counts (UInt32, little-endian), then train pixels, train labels, test pixels, test labels.
    public var packed: [UInt8] {
        var bytes = Array("LFM1".utf8)
        for count in [train.count, test.count] {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: count >> shift)) }
        }
        for split in [train, test] { bytes += split.pixels + split.labels }
        return bytes
    }

    /// Reads the packed form; `shownAs` names its source in errors.
    public init(packed bytes: [UInt8], shownAs: String) throws(DatasetError) {
        guard bytes.count >= 12, Array(bytes[0..<4]) == Array("LFM1".utf8) else {
            throw DatasetError.malformedFile(path: shownAs, problem: "not packed Fashion-MNIST images (no LFM1 header)")
        }
        func count(at offset: Int) -> Int {
            (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        let trainCount = count(at: 4), testCount = count(at: 8), item = Self.side * Self.side
        guard bytes.count == 12 + (trainCount + testCount) * (item + 1) else {
            throw DatasetError.malformedFile(path: shownAs, problem: "\(bytes.count) bytes, expected "
                + "\(12 + (trainCount + testCount) * (item + 1)) for \(trainCount) + \(testCount) items")
        }
        var offset = 12
        func split(_ count: Int) throws(DatasetError) -> Split {
            let pixels = Array(bytes[offset..<(offset + count * item)])
            let labels = Array(bytes[(offset + count * item)..<(offset + count * (item + 1))])
            offset += count * (item + 1)
            if let bad = labels.first(where: { Int($0) >= Self.classNames.count }) {
                throw DatasetError.malformedFile(path: shownAs, problem: "class id \(bad) is not one of 0...9")
            }
            return Split(pixels: pixels, labels: labels)
        }
        train = try split(trainCount)
        test = try split(testCount)
    }
}
