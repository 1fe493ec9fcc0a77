import NeuralCore
import PortableSort

/// The three splits of a `Dataset`, by name.
public enum DatasetSplit: String, Hashable, Sendable, CaseIterable {
    case train, validation, test
}

extension Dataset {
    public func split(_ which: DatasetSplit) -> LabeledImages {
        switch which {
        case .train: return train
        case .validation: return validation
        case .test: return test
        }
    }
}

/// One cell of a preview grid: which image it shows and that image's labels, so the
/// page can caption the grid in text (no text is drawn into the pixels).
public struct PreviewCell: Hashable, Sendable {
    public var row: Int
    public var column: Int
    /// Index of the image in its split.
    public var index: Int
    public var labels: [String]

    public init(row: Int, column: Int, index: Int, labels: [String]) {
        self.row = row
        self.column = column
        self.index = index
        self.labels = labels
    }
}

#if !hasFeature(Embedded)
extension DatasetSplit: Codable {}
extension PreviewCell: Codable {}
#endif

/// The pixels of a preview grid, 8-bit, row-major, `channels` (1 gray or 3 RGB) per pixel,
/// with the labels of every cell: what the PNG preview encodes natively, and what
/// lessons.wasm hands a page to draw into a canvas (it writes no PNG).
public struct PreviewGrid: Hashable, Sendable {
    public var pixels: [UInt8]
    public var width: Int
    public var height: Int
    public var channels: Int
    public var rows: Int
    public var columns: Int
    public var cells: [PreviewCell]
}

extension Dataset {
    /// A grid of up to `count` images of `split`, each upscaled `scale` times, separated
    /// by `padding` gray pixels. Samples are chosen so every label appears at least once
    /// when the split allows (rarest label first), then filled in split order.
    public func previewGrid(split which: DatasetSplit = .train, count: Int = 16, columns: Int = 8,
                            scale: Int = 2, padding: Int = 2) throws(DatasetError) -> PreviewGrid {
        let data = split(which)
        guard count >= 1, columns >= 1, scale >= 1, scale <= 16, padding >= 0 else {
            throw DatasetError.invalidArgument(argument: "preview",
                problem: "count and columns must be ≥ 1, scale 1...16 and padding ≥ 0")
        }
        let shape = data.images.shape
        let channels = shape.count == 4 ? shape[3] : 0
        guard channels == 1 || channels == 3 else {
            throw DatasetError.invalidArgument(argument: "preview", problem: "images with \(channels) channels have no PNG preview")
        }
        let chosen = previewSamples(data, count: count)
        let height = shape[1], width = shape[2]
        let columns = max(1, min(columns, chosen.count))
        let rows = chosen.isEmpty ? 0 : (chosen.count + columns - 1) / columns
        let cellWidth = width * scale, cellHeight = height * scale
        let gridWidth = columns * cellWidth + (columns + 1) * padding
        let gridHeight = max(1, rows * cellHeight + (rows + 1) * padding)
        var pixels = [UInt8](repeating: 128, count: gridWidth * gridHeight * channels)
        let labelCount = labelNames.count
        var cells: [PreviewCell] = []
        for (n, index) in chosen.enumerated() {
            let row = n / columns, column = n % columns
            let top = padding + row * (cellHeight + padding), left = padding + column * (cellWidth + padding)
            let imageBase = index * height * width * channels
            for y in 0..<cellHeight {
                for x in 0..<cellWidth {
                    for c in 0..<channels {
                        let v = data.images.storage[imageBase + ((y / scale) * width + x / scale) * channels + c]
                        pixels[((top + y) * gridWidth + left + x) * channels + c] = Self.byte(v)
                    }
                }
            }
            let labels = (0..<labelCount).filter { data.labels.storage[index * labelCount + $0] > 0.5 }.map { labelNames[$0] }
            cells.append(PreviewCell(row: row, column: column, index: index, labels: labels))
        }
        return PreviewGrid(pixels: pixels, width: gridWidth, height: gridHeight, channels: channels, rows: rows, columns: columns,
                           cells: cells)
    }

    /// [0, 1] → 0...255, rounded to nearest.
    static func byte(_ v: Float) -> UInt8 {
        UInt8(min(255, max(0, (v * 255).rounded())))
    }

    private func previewSamples(_ data: LabeledImages, count: Int) -> [Int] {
        let n = data.count, l = labelNames.count
        let hot = data.labels.storage
        var chosen = Set<Int>()
        let positives = (0..<l).map { j in (0..<n).reduce(0) { $0 + (hot[$1 * l + j] > 0.5 ? 1 : 0) } }
        for j in stableOrder(count: l, by: { positives[$0] < positives[$1] }) where chosen.count < count {
            if chosen.contains(where: { hot[$0 * l + j] > 0.5 }) { continue }
            if let i = (0..<n).first(where: { hot[$0 * l + j] > 0.5 && !chosen.contains($0) }) { chosen.insert(i) }
        }
        var i = 0
        while chosen.count < min(count, n) {
            chosen.insert(i)
            i += 1
        }
        return chosen.stablySorted()
    }
}
