/// A dense, row-major Float32 array with a shape.
///
/// Storage is one contiguous `[Float]` so every batched operation can hand a
/// pointer to `gemm` or a SIMD loop without copying. Images are NHWC.
public struct Tensor: Equatable, Sendable {
    public var shape: [Int]
    public var storage: [Float]

    public init(shape: [Int], storage: [Float]) {
        precondition(shape.reduce(1, *) == storage.count,
                     "shape \(shape) holds \(shape.reduce(1, *)) values, storage has \(storage.count)")
        self.shape = shape
        self.storage = storage
    }

    public init(zeros shape: [Int]) {
        self.init(shape: shape, storage: [Float](repeating: 0, count: shape.reduce(1, *)))
    }

    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, storage: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// Number of elements.
    public var count: Int { storage.count }
    public var rank: Int { shape.count }
}
