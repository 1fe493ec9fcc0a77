/// Fully connected layer y = x·W + b (Keras `Dense`, no activation: use `ReLU`).
/// The kernel is stored [in, out] as in Keras, so forward and backward are three
/// `gemm` calls on the whole batch.
public final class Dense: Layer {
    public let units: Int
    public let kernelInitializer: Initializer
    public private(set) var inputSize = 0
    /// [inputSize, units]
    public private(set) var kernel = Parameter(name: "kernel", value: .empty)
    /// [units]
    public private(set) var bias = Parameter(name: "bias", value: .empty)

    private var input = Tensor.empty
    private var output = Tensor.empty
    private var inputGradient = Tensor.empty
    /// A training batch read in place (`forward(rows:of:)`): the data set and
    /// where each of the batch's rows starts in it (empty otherwise).
    private var source = Tensor.empty
    private var rowOffsets: [Int] = []
    /// 0, 1, …, inputSize − 1: the depth walk along a row read in place.
    private var inputOffsets: [Int] = []

    public init(units: Int, kernelInitializer: Initializer = .glorotUniform) {
        precondition(units > 0, "Dense needs at least one unit")
        self.units = units
        self.kernelInitializer = kernelInitializer
    }

    public func build(inputShape: [Int], rng: inout SeededRNG) -> [Int] {
        precondition(inputShape.count == 1, "Dense expects flat inputs; add Flatten() before it (got \(inputShape))")
        inputSize = inputShape[0]
        let w = kernelInitializer.values(count: inputSize * units, fanIn: inputSize, fanOut: units, rng: &rng)
        kernel = Parameter(name: "kernel", value: Tensor(shape: [inputSize, units], storage: w))
        bias = Parameter(name: "bias", value: Tensor(zeros: [units]))
        return [units]
    }

    public var parameters: [Parameter] { [kernel, bias] }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let b = input.batchSize
        precondition(input.itemSize == inputSize, "Dense(\(units)) built for \(inputSize) inputs, got \(input.shape)")
        output.resize(to: [b, units])
        let n = units, k = inputSize
        input.storage.withUnsafeBufferPointer { x in
            kernel.value.storage.withUnsafeBufferPointer { w in
                bias.value.storage.withUnsafeBufferPointer { bb in
                    output.storage.withUnsafeMutableBufferPointer { y in
                        _ = gemm(transposeA: false, transposeB: false, m: b, n: n, k: k,
                                 a: x.baseAddress!, lda: k, b: w.baseAddress!, ldb: n,
                                 c: y.baseAddress!, ldc: n, accumulate: false, columnBias: bb.baseAddress!,
                                 ownerSplit: ownerSplit, splitsDepth: true)
                    }
                }
            }
        }
        if training {
            self.input = input
            forgetRows()
        }
        return output
    }

    /// The training forward of the batch made of rows `rows` of `data` [N, …],
    /// read in place instead of copied out: a first layer's product reads
    /// each image where it lies (the copy of 64 scattered images cost about
    /// a fifth of this layer's products). The same chains, so the same bits.
    func forward(rows: ArraySlice<Int>, of data: Tensor) -> Tensor {
        precondition(data.itemSize == inputSize, "Dense(\(units)) built for \(inputSize) inputs, got \(data.shape)")
        let b = rows.count, n = units, k = inputSize
        rowOffsets.removeAll(keepingCapacity: true)
        for r in rows { rowOffsets.append(r * k) }
        if inputOffsets.count != k { inputOffsets = Array(0..<k) }
        output.resize(to: [b, units])
        data.storage.withUnsafeBufferPointer { x in
            rowOffsets.withUnsafeBufferPointer { rowStarts in
                inputOffsets.withUnsafeBufferPointer { depth in
                    kernel.value.storage.withUnsafeBufferPointer { w in
                        bias.value.storage.withUnsafeBufferPointer { bb in
                            output.storage.withUnsafeMutableBufferPointer { y in
                                _ = gemm(gatheredA: x.baseAddress!, rowOffsets: rowStarts.baseAddress!,
                                         depthOffsets: depth.baseAddress!, transposeB: false, m: b, n: n, k: k,
                                         b: w.baseAddress!, ldb: n, c: y.baseAddress!, ldc: n, accumulate: false,
                                         columnBias: bb.baseAddress!, ownerSplit: ownerSplit, splitsDepth: true)
                            }
                        }
                    }
                }
            }
        }
        source = data
        input = .empty
        return output
    }

    /// Where two threads divide the kernel's rows (the inputs) between them, in every
    /// product of a training step (`GEMMProblem.ownerSplit`): the kernel, its gradient
    /// and Adam's moments of each half then stay in one core's cache from step to step
    /// (1.2 MB for a 784→128 kernel, more than one core's L2; crossing between the
    /// cores, they cost an MLP step a sixth of its time). Near the middle, at a
    /// multiple of the register tile's 6 rows, and of 384 (two depth blocks) when the
    /// layer is wide enough.
    private var ownerSplit: Int? {
        let half = inputSize / 2
        let split = half >= 384 ? half / 384 * 384 : half / 6 * 6
        return split > 0 ? split : nil
    }

    private func forgetRows() {
        source = .empty
        rowOffsets.removeAll(keepingCapacity: true)
    }

    /// dW[k×n] = Xᵀ · dY over the batch of the last training forward, stored or read in place.
    private func kernelGradient(_ dy: UnsafePointer<Float>, _ dw: UnsafeMutablePointer<Float>, batch b: Int,
                                rowsFinished: ((Range<Int>) -> Bool)?) -> Bool {
        let n = units, k = inputSize
        guard !rowOffsets.isEmpty else {
            return input.storage.withUnsafeBufferPointer { x in
                gemm(transposeA: true, transposeB: false, m: k, n: n, k: b, a: x.baseAddress!, lda: k, b: dy, ldb: n,
                     c: dw, ldc: n, accumulate: false, ownerSplit: ownerSplit, rowsFinished: rowsFinished)
            }
        }
        // Xᵀ[i, p] = data[rowOffsets[p] + i]: the rows walk the input, the depth the batch.
        return source.storage.withUnsafeBufferPointer { x in
            rowOffsets.withUnsafeBufferPointer { rowStarts in
                inputOffsets.withUnsafeBufferPointer { inputs in
                    gemm(gatheredA: x.baseAddress!, rowOffsets: inputs.baseAddress!, depthOffsets: rowStarts.baseAddress!,
                         transposeB: false, m: k, n: n, k: b, b: dy, ldb: n, c: dw, ldc: n, accumulate: false,
                         ownerSplit: ownerSplit, rowsFinished: rowsFinished)
                }
            }
        }
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor {
        backward(outputGradient, needsInputGradient: needsInputGradient, kernelStep: nil).gradient
    }

    /// `backward`, and with `kernelStep` the kernel's optimizer step too, row
    /// block by row block as the kernel gradient product finishes them (only
    /// without the input gradient, which reads the kernel). `finite` tells
    /// whether the stepped kernel is finite.
    func backward(_ outputGradient: Tensor, needsInputGradient: Bool,
                  kernelStep: SliceStep?) -> (gradient: Tensor, finite: Bool) {
        let b = rowOffsets.isEmpty ? input.batchSize : rowOffsets.count, n = units, k = inputSize
        precondition(outputGradient.count == b * n, "Dense.backward without a matching training forward")
        precondition(kernelStep == nil || !needsInputGradient, "the input gradient needs the kernel before its step")
        var finite = true
        outputGradient.storage.withUnsafeBufferPointer { dy in
            StepProfile.part(kernelStep == nil ? "kernel gradient" : "kernel gradient + optimizer") {
                kernel.gradient.storage.withUnsafeMutableBufferPointer { dw in
                    guard let kernelStep else {
                        _ = kernelGradient(dy.baseAddress!, dw.baseAddress!, batch: b, rowsFinished: nil)
                        return
                    }
                    kernel.value.storage.withUnsafeMutableBufferPointer { w in
                        let (weights, gradient) = (w.baseAddress!, UnsafePointer(dw.baseAddress!))
                        finite = kernelGradient(dy.baseAddress!, dw.baseAddress!, batch: b, rowsFinished: { rows in
                            kernelStep(weights, gradient, (rows.lowerBound * n)..<(rows.upperBound * n))
                        })
                    }
                }
            }
            bias.gradient.storage.withUnsafeMutableBufferPointer { db in
                for j in 0..<n { db[j] = 0 }
                for i in 0..<b {
                    let row = dy.baseAddress! + i * n
                    for j in 0..<n { db[j] += row[j] }
                }
            }
        }
        input = .empty
        forgetRows()
        guard needsInputGradient else { return (.empty, finite) }
        inputGradient.resize(to: [b, k])
        StepProfile.part("input gradient") {
            outputGradient.storage.withUnsafeBufferPointer { dy in
                kernel.value.storage.withUnsafeBufferPointer { w in
                    inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                        // dX[b×k] = dY · Wᵀ
                        _ = gemm(transposeA: false, transposeB: true, m: b, n: k, k: n,
                                 a: dy.baseAddress!, lda: n, b: w.baseAddress!, ldb: n,
                                 c: dx.baseAddress!, ldc: k, accumulate: false)
                    }
                }
            }
        }
        return (inputGradient, finite)
    }
}
