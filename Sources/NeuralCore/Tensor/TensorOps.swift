/// The few tensor operations training needs, written for reuse of storage:
/// `resize` keeps the buffer when the element count is unchanged, so per-layer
/// buffers are allocated once and then overwritten step after step.
extension Tensor {
    /// An empty tensor (used to release cached activations after backward).
    public static var empty: Tensor { Tensor(shape: [0], storage: []) }

    /// Changes the shape in place, reallocating only when the element count changes.
    /// Contents are unspecified afterwards unless the count was unchanged.
    public mutating func resize(to newShape: [Int]) {
        let n = newShape.reduce(1, *)
        if n != storage.count { storage = [Float](repeating: 0, count: n) }
        shape = newShape
    }

    /// The same values with another shape of equal element count (shares storage).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, storage: storage)
    }

    /// Size of the first axis (the batch).
    public var batchSize: Int { shape.first ?? 0 }

    /// Elements per item along the first axis (e.g. H·W·C for an NHWC batch).
    public var itemSize: Int { shape.count <= 1 ? 1 : shape.dropFirst().reduce(1, *) }

    /// Copies the given items (indices along the first axis) into `destination`,
    /// resizing it as needed; used to gather a shuffled mini-batch without allocating.
    public func gatherItems<C: Collection>(_ indices: C, into destination: inout Tensor) where C.Element == Int {
        let size = itemSize
        destination.resize(to: [indices.count] + Array(shape.dropFirst()))
        let rows = Array(indices)
        storage.withUnsafeBufferPointer { src in
            destination.storage.withUnsafeMutableBufferPointer { dst in
                let (s, d) = (src.baseAddress!, dst.baseAddress!)
                // Rows are independent copies: large batches on two threads.
                parallelChunks(rows.count, minimumChunk: max(1, 8192 / max(size, 1))) { part in
                    for row in part { (d + row * size).update(from: s + rows[row] * size, count: size) }
                }
            }
        }
    }

    /// The items `range` along the first axis, as a new tensor.
    public func items(_ range: Range<Int>) -> Tensor {
        let size = itemSize
        return Tensor(shape: [range.count] + Array(shape.dropFirst()),
                      storage: Array(storage[(range.lowerBound * size)..<(range.upperBound * size)]))
    }

    /// True when no element is NaN or infinite.
    public var isFinite: Bool { storage.withUnsafeBufferPointer(allFinite) }

    /// Row `i` of a rank-2 tensor.
    public func row(_ i: Int) -> ArraySlice<Float> {
        let n = shape[1]
        return storage[(i * n)..<((i + 1) * n)]
    }
}
