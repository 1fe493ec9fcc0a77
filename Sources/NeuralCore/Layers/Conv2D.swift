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
/// bits are the same; only the memory traffic is gone.
public final class Conv2D: Layer {
    public let filters: Int
    public let kernelSize: (height: Int, width: Int)
    public let padding: Padding
    public let kernelInitializer: Initializer
    public private(set) var kernel = Parameter(name: "kernel", value: .empty)
    public private(set) var bias = Parameter(name: "bias", value: .empty)

    var geometry = ConvGeometry()
    var padded = PaddedImages()
    var colsGradient: [Float] = []
    var kernelAndBiasGradient: [Float] = []
    var kernelTransposed: [Float] = []
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
                        gemm(gatheredA: image, rowOffsets: rowOffsets, depthOffsets: depthOffsets,
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
        StepProfile.part("input gradient") { inputGradientProducts(outputGradient) }
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
                    gemm(gatheredA: image, rowOffsets: patchRows, depthOffsets: rowOffsets,
                         transposeB: false, m: k + 1, n: n, k: rows, b: dy.baseAddress!, ldb: n,
                         c: dwb.baseAddress!, ldc: n, accumulate: false)
                }
            }
        }
        storeKernelAndBiasGradient()
    }

    /// dCols = dY · Kᵀ, then col2im, a few images at a time so each chunk of
    /// dCols is consumed from L2 instead of making a round trip through memory.
    /// Rows and images are independent, so chunking leaves the bits unchanged.
    private func inputGradientProducts(_ outputGradient: Tensor) {
        let g = geometry, k = g.patchSize, n = filters
        inputGradient.resize(to: [batch, g.height, g.width, g.channels])
        let perImage = g.rowsPerImage * k
        let imagesPerChunk = max(1, 65536 / perImage)
        let chunks = (batch + imagesPerChunk - 1) / imagesPerChunk
        let slots = max(1, min(GEMMPath.threads, chunks))
        if colsGradient.count < slots * imagesPerChunk * perImage {
            colsGradient = [Float](repeating: 0, count: slots * imagesPerChunk * perImage)
        }
        let (path, batch) = (GEMMPath.current, batch)
        updateTransposedKernel()
        outputGradient.storage.withUnsafeBufferPointer { dy in
            kernelTransposed.withUnsafeBufferPointer { w in
                colsGradient.withUnsafeMutableBufferPointer { scratch in
                    inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                        let (dyBase, wBase, dxBase) = (dy.baseAddress!, w.baseAddress!, dx.baseAddress!)
                        let scratchBase = scratch.baseAddress!
                        parallelChunksWithSlot(chunks, minimumChunk: 1, threads: slots) { slot, part in
                            let dc = scratchBase + slot * imagesPerChunk * perImage
                            for chunk in part {
                                let images = (chunk * imagesPerChunk)..<min(batch, (chunk + 1) * imagesPerChunk)
                                let firstRow = images.lowerBound * g.rowsPerImage
                                gemm(path: path, threads: 1, transposeA: false, transposeB: false,
                                     m: images.count * g.rowsPerImage, n: k, k: n,
                                     a: dyBase + firstRow * n, lda: n, b: wBase, ldb: k,
                                     c: dc, ldc: k, accumulate: false)
                                g.col2im(dc, images: images, output: dxBase)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Kᵀ once per step, so the chunks' input-gradient products read it in
    /// place instead of each packing the transposed kernel again.
    func updateTransposedKernel() {
        let k = geometry.patchSize, n = filters
        if kernelTransposed.count != k * n { kernelTransposed = [Float](repeating: 0, count: k * n) }
        for p in 0..<k { for j in 0..<n { kernelTransposed[j * k + p] = kernel.value.storage[p * n + j] } }
    }

    /// Copies [dK; db] from the product's result into the parameters' gradients.
    func storeKernelAndBiasGradient() {
        let k = geometry.patchSize, n = filters
        kernel.gradient.storage.replaceSubrange(0..<(k * n), with: kernelAndBiasGradient[0..<(k * n)])
        bias.gradient.storage.replaceSubrange(0..<n, with: kernelAndBiasGradient[(k * n)...])
    }
}
