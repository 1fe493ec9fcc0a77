/// 2-D convolution (cross-correlation, as in Keras/PyTorch), stride 1, odd or even kernels,
/// `valid` or `same` padding, on NHWC batches. Kernel [kh, kw, cin, cout] (Keras layout),
/// bias [cout].
///
/// Why NHWC: the product's images and Keras are NHWC, and the gemm output
/// [N·H·W, cout] *is* the NHWC output, so no transposes are needed either way.
///
/// The patch matrix (im2col) is never written out: the input is copied once into
/// a zero-bordered image and the forward product and the kernel gradient read
/// their patches from it through offset tables (`gemm(gatheredA:)`). Each element
/// is the same FMA chain over the same values as with an explicit im2col, so the
/// bits are the same; only the memory traffic is gone. The input gradient is
/// the same kind of product: the output gradient, zero-bordered, convolved with
/// the flipped kernel.
public final class Conv2D: Layer {
    public let filters: Int
    public let kernelSize: (height: Int, width: Int)
    public let padding: Padding
    public let kernelInitializer: Initializer
    public private(set) var kernel = Parameter(name: "kernel", value: .empty)
    public private(set) var bias = Parameter(name: "bias", value: .empty)

    var geometry = ConvGeometry()
    var padded = PaddedImages()
    /// The output gradient, zero-bordered for the input gradient's convolution.
    var paddedGradient = PaddedImages()
    var kernelAndBiasGradient: [Float] = []
    /// The kernel flipped in both spatial axes, [kh·kw·cout, cin]: the input
    /// gradient's kernel.
    var kernelFlipped: [Float] = []
    var batch = 0
    private var output = Tensor.empty
    var inputGradient = Tensor.empty
    /// The max-pooling (and ReLU) after this layer, when `Sequential` fused it in.
    var pooling: ConvPooling?

    public convenience init(filters: Int, kernelSize: Int = 3, padding: Padding = .valid,
                kernelInitializer: Initializer = .glorotUniform) {
        self.init(filters: filters, kernelSize: (kernelSize, kernelSize), padding: padding,
                  kernelInitializer: kernelInitializer)
    }

    public init(filters: Int, kernelSize: (height: Int, width: Int), padding: Padding = .valid,
                kernelInitializer: Initializer = .glorotUniform) {
        precondition(filters > 0 && kernelSize.height > 0 && kernelSize.width > 0)
        self.filters = filters
        self.kernelSize = kernelSize
        self.padding = padding
        self.kernelInitializer = kernelInitializer
    }

    public func build(inputShape: [Int], rng: inout SeededRNG) -> [Int] {
        precondition(inputShape.count == 3, "Conv2D expects [H, W, C] inputs, got \(inputShape)")
        var g = ConvGeometry()
        g.height = inputShape[0]; g.width = inputShape[1]; g.channels = inputShape[2]
        g.kernelHeight = kernelSize.height; g.kernelWidth = kernelSize.width
        switch padding {
        case .valid:
            g.outHeight = g.height - g.kernelHeight + 1
            g.outWidth = g.width - g.kernelWidth + 1
        case .same:
            // TF's rule: total padding k−1, the extra one (even kernels) at the bottom/right.
            g.padTop = (g.kernelHeight - 1) / 2
            g.padLeft = (g.kernelWidth - 1) / 2
            g.outHeight = g.height
            g.outWidth = g.width
        }
        precondition(g.outHeight > 0 && g.outWidth > 0, "Conv2D kernel larger than its input \(inputShape)")
        geometry = g
        padded = PaddedImages(geometry: g)
        paddedGradient = PaddedImages(geometry: g.transposed(filters: filters), hasOnes: false)
        let fanIn = g.patchSize, fanOut = g.kernelHeight * g.kernelWidth * filters
        let w = kernelInitializer.values(count: fanIn * filters, fanIn: fanIn, fanOut: fanOut, rng: &rng)
        kernel = Parameter(name: "kernel", value: Tensor(shape: [g.kernelHeight, g.kernelWidth, g.channels, filters], storage: w))
        bias = Parameter(name: "bias", value: Tensor(zeros: [filters]))
        return [g.outHeight, g.outWidth, filters]
    }

    public var parameters: [Parameter] { [kernel, bias] }

    /// The convolution's shape after `build` (for tests).
    var geometryForTesting: ConvGeometry { geometry }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let g = geometry
        precondition(input.itemSize == g.height * g.width * g.channels, "Conv2D built for [\(g.height), \(g.width), \(g.channels)], got \(input.shape)")
        batch = input.batchSize
        StepProfile.part("padded copy") {
            input.storage.withUnsafeBufferPointer { x in padded.fill(from: x.baseAddress!, batch: batch) }
        }
        if let pooling { return forwardPooled(pooling) }
        let rows = batch * g.outHeight * g.outWidth, k = g.patchSize, n = filters
        output.resize(to: [batch, g.outHeight, g.outWidth, n])
        padded.withPatches { image, rowOffsets, depthOffsets in
            kernel.value.storage.withUnsafeBufferPointer { w in
                bias.value.storage.withUnsafeBufferPointer { bb in
                    output.storage.withUnsafeMutableBufferPointer { y in
                        _ = gemm(gatheredA: image, rowOffsets: rowOffsets, depthOffsets: depthOffsets,
                                 transposeB: false, m: rows, n: n, k: k, b: w.baseAddress!, ldb: n,
                                 c: y.baseAddress!, ldc: n, accumulate: false, columnBias: bb.baseAddress!)
                    }
                }
            }
        }
        return output
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor {
        if let pooling { return backwardPooled(outputGradient, pooling, needsInputGradient: needsInputGradient) }
        return backwardUnpooled(outputGradient, needsInputGradient: needsInputGradient)
    }

    /// Backward from the gradient of this convolution's own output.
    func backwardUnpooled(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor {
        let g = geometry
        precondition(outputGradient.count == batch * g.rowsPerImage * filters && padded.batch == batch,
                     "Conv2D.backward without a matching training forward")
        StepProfile.part("kernel gradient") { kernelGradientProduct(outputGradient) }
        guard needsInputGradient else { return .empty }
        inputGradientProduct(outputGradient)
        return inputGradient
    }

    /// [dK; db] = [colsᵀ; 1ᵀ] · dY in one product, colsᵀ gathered from the
    /// padded images (its rows are patch positions) and 1ᵀ from their ones.
    private func kernelGradientProduct(_ outputGradient: Tensor) {
        let g = geometry
        let rows = batch * g.rowsPerImage, k = g.patchSize, n = filters
        if kernelAndBiasGradient.count != (k + 1) * n { kernelAndBiasGradient = [Float](repeating: 0, count: (k + 1) * n) }
        outputGradient.storage.withUnsafeBufferPointer { dy in
            padded.withPatches(onesRow: true) { image, rowOffsets, patchRows in
                kernelAndBiasGradient.withUnsafeMutableBufferPointer { dwb in
                    _ = gemm(gatheredA: image, rowOffsets: patchRows, depthOffsets: rowOffsets,
                             transposeB: false, m: k + 1, n: n, k: rows, b: dy.baseAddress!, ldb: n,
                             c: dwb.baseAddress!, ldc: n, accumulate: false)
                }
            }
        }
        storeKernelAndBiasGradient()
    }

    /// dX as one convolution of the zero-bordered output gradient with the
    /// flipped kernel, the same gathered product as forward:
    ///
    ///     dX[n, iy, ix, c] = Σ over (ky, kx, f) of dYpad[n, iy + ky, ix + kx, f] · K[kh−1−ky, kw−1−kx, c, f]
    ///
    /// one FMA chain per element in that order. Each chain is kh·kw·cout long,
    /// with no patch-matrix gradient written out and added back (col2im).
    private func inputGradientProduct(_ outputGradient: Tensor) {
        let g = geometry, cin = g.channels, k = g.kernelHeight * g.kernelWidth * filters
        inputGradient.resize(to: [batch, g.height, g.width, cin])
        updateFlippedKernel()
        StepProfile.part("padded copy") {
            outputGradient.storage.withUnsafeBufferPointer { dy in paddedGradient.fill(from: dy.baseAddress!, batch: batch) }
        }
        StepProfile.part("input gradient") {
            paddedGradient.withPatches { image, rowOffsets, depthOffsets in
                kernelFlipped.withUnsafeBufferPointer { w in
                    inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                        _ = gemm(gatheredA: image, rowOffsets: rowOffsets, depthOffsets: depthOffsets, transposeB: false,
                                 m: batch * g.height * g.width, n: cin, k: k, b: w.baseAddress!, ldb: cin,
                                 c: dx.baseAddress!, ldc: cin, accumulate: false)
                    }
                }
            }
        }
    }

    /// The input gradient's kernel, once per step: B[(ky, kx, f), c] = K[kh−1−ky, kw−1−kx, c, f].
    func updateFlippedKernel() {
        let (kh, kw, cin, cout) = (kernelSize.height, kernelSize.width, geometry.channels, filters)
        if kernelFlipped.count != kh * kw * cin * cout { kernelFlipped = [Float](repeating: 0, count: kh * kw * cin * cout) }
        kernel.value.storage.withUnsafeBufferPointer { w in
            kernelFlipped.withUnsafeMutableBufferPointer { b in
                for ky in 0..<kh {
                    for kx in 0..<kw {
                        let source = ((kh - 1 - ky) * kw + (kw - 1 - kx)) * cin * cout
                        let target = (ky * kw + kx) * cout * cin
                        for f in 0..<cout {
                            for c in 0..<cin { b[target + f * cin + c] = w[source + c * cout + f] }
                        }
                    }
                }
            }
        }
    }

    /// Copies [dK; db] from the product's result into the parameters' gradients.
    func storeKernelAndBiasGradient() {
        let k = geometry.patchSize, n = filters
        kernel.gradient.storage.replaceSubrange(0..<(k * n), with: kernelAndBiasGradient[0..<(k * n)])
        bias.gradient.storage.replaceSubrange(0..<n, with: kernelAndBiasGradient[(k * n)...])
    }
}
