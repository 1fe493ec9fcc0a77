/// A PNG grid of sample images with the labels of every cell.
public struct Preview: Hashable, Sendable {
    public var png: [UInt8]
    public var width: Int
    public var height: Int
    public var rows: Int
    public var columns: Int
    public var cells: [PreviewCell]
}

extension Dataset {
    /// The preview grid (`previewGrid`) as a PNG.
    public func preview(split which: DatasetSplit = .train, count: Int = 16, columns: Int = 8,
                        scale: Int = 2, padding: Int = 2) throws -> Preview {
        try Preview(previewGrid(split: which, count: count, columns: columns, scale: scale, padding: padding))
    }
}

extension Preview {
    public init(_ grid: PreviewGrid) throws {
        self.init(png: try PNGEncoder.encode(pixels: grid.pixels, width: grid.width, height: grid.height, channels: grid.channels),
                  width: grid.width, height: grid.height, rows: grid.rows, columns: grid.columns, cells: grid.cells)
    }
}
