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
                        gemm(transposeA: false, transposeB: false, m: b, n: n, k: k,
                             a: x.baseAddress!, lda: k, b: w.baseAddress!, ldb: n,
                             c: y.baseAddress!, ldc: n, accumulate: false, columnBias: bb.baseAddress!)
                    }
                }
            }
        }
        if training { self.input = input }
        return output
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
        let b = input.batchSize, n = units, k = inputSize
        precondition(outputGradient.count == b * n, "Dense.backward without a matching training forward")
        precondition(kernelStep == nil || !needsInputGradient, "the input gradient needs the kernel before its step")
        var finite = true
        outputGradient.storage.withUnsafeBufferPointer { dy in
            StepProfile.part(kernelStep == nil ? "kernel gradient" : "kernel gradient + optimizer") {
                input.storage.withUnsafeBufferPointer { x in
                    kernel.gradient.storage.withUnsafeMutableBufferPointer { dw in
                        // dW[k×n] = Xᵀ · dY
                        guard let kernelStep else {
                            gemm(transposeA: true, transposeB: false, m: k, n: n, k: b,
                                 a: x.baseAddress!, lda: k, b: dy.baseAddress!, ldb: n,
                                 c: dw.baseAddress!, ldc: n, accumulate: false)
                            return
                        }
                        kernel.value.storage.withUnsafeMutableBufferPointer { w in
                            let (weights, gradient) = (w.baseAddress!, UnsafePointer(dw.baseAddress!))
                            finite = gemm(transposeA: true, transposeB: false, m: k, n: n, k: b,
                                          a: x.baseAddress!, lda: k, b: dy.baseAddress!, ldb: n,
                                          c: dw.baseAddress!, ldc: n, accumulate: false,
                                          rowsFinished: { rows in
                                              kernelStep(weights, gradient, (rows.lowerBound * n)..<(rows.upperBound * n))
                                          })
                        }
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
        guard needsInputGradient else { return (.empty, finite) }
        inputGradient.resize(to: [b, k])
        StepProfile.part("input gradient") {
            outputGradient.storage.withUnsafeBufferPointer { dy in
                kernel.value.storage.withUnsafeBufferPointer { w in
                    inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                        // dX[b×k] = dY · Wᵀ
                        gemm(transposeA: false, transposeB: true, m: b, n: k, k: n,
                             a: dy.baseAddress!, lda: n, b: w.baseAddress!, ldb: n,
                             c: dx.baseAddress!, ldc: k, accumulate: false)
                    }
                }
            }
        }
        return (inputGradient, finite)
    }
}
