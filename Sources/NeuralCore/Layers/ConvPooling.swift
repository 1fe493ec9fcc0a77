import SIMDKernels

/// A `MaxPool2D` (with the `ReLU` before it, if any) run inside the `Conv2D`
/// it follows; `Sequential` sets it up. The convolution's output, the largest
/// activation of a small CNN, is then never written out whole. For 2×2 pools
/// of 16·k channels it is computed and pooled in registers, window by window
/// (`ConvPoolImage`); otherwise a few images at a time are computed into
/// scratch that stays in L2 and pooled from there.
/// Backward, a layer that needs its input gradient takes all three gradients
/// straight from the pooled gradient when the pool is 2×2 and channels come in
/// eights (`backwardFromPooled`, a quarter of the products' multiply-adds);
/// a first layer (no input gradient) takes its kernel gradient from the pooled
/// gradient, rebuilding pixel gradients in L1 (`ConvPoolImage.kernelGradientLoop`),
/// or un-pools it a chunk at a time into scratch consumed by the
/// kernel-gradient product, which continues its chains from chunk to chunk
/// (`gemm(continuingChains:)`). Every value is the same FMA chain, comparison
/// or sum as through the separate layers, so the bits are the same.
final class ConvPooling {
    let kernel: MaxPoolKernel
    var argmax: [Int32] = []
    var output = Tensor.empty
    /// Per-slot chunks of the convolution's output (forward) or its gradient.
    var scratch: [Float] = []
    /// The whole output gradient, when the input gradient is needed too.
    var unpooledGradient = Tensor.empty
    /// Tables and scratch of the backward from the pooled gradient.
    let backwardBuffers = PooledBackwardBuffers()

    init(kernel: MaxPoolKernel) {
        self.kernel = kernel
    }

    /// Images per chunk: about 64 Ki floats of convolution output, which stays in L2.
    func imagesPerChunk(convolutionOutputPerImage perImage: Int) -> Int { max(1, 65536 / perImage) }

    /// The convolution and pooling in registers, window by window, for 2×2
    /// pools of 16·k channels; nil where the product and scratch are used.
    func directKernel(geometry g: ConvGeometry, filters: Int) -> ConvPoolImage? {
        guard kernel.poolSize == 2, filters % 16 == 0 else { return nil }
        return ConvPoolImage(pool: kernel.image, depth: g.patchSize,
                             paddedRowFloats: (g.outWidth + g.kernelWidth - 1) * g.channels, inputChannels: g.channels)
    }
}

extension Conv2D {
    /// Forward through the convolution and the pooling it absorbed.
    /// Runs after `forward` has filled the padded images.
    func forwardPooled(_ pooling: ConvPooling) -> Tensor {
        let g = geometry, n = filters, k = g.patchSize, pool = pooling.kernel
        let rowsPerImage = g.outHeight * g.outWidth, perImage = rowsPerImage * n
        let batch = self.batch
        pooling.output.resize(to: [batch, pool.outHeight, pool.outWidth, n])
        if pooling.argmax.count != pooling.output.count { pooling.argmax = [Int32](repeating: 0, count: pooling.output.count) }
        if let direct = pooling.directKernel(geometry: g, filters: n) {
            forwardInRegisters(direct, pooling)
            return pooling.output
        }
        let imagesPerChunk = pooling.imagesPerChunk(convolutionOutputPerImage: perImage)
        let chunks = (batch + imagesPerChunk - 1) / imagesPerChunk
        let slots = max(1, min(GEMMPath.threads, chunks))
        if pooling.scratch.count < slots * imagesPerChunk * perImage {
            pooling.scratch = [Float](repeating: 0, count: slots * imagesPerChunk * perImage)
        }
        let path = GEMMPath.current, (inSize, outSize) = (pool.inputSize, pool.outputSize)
        padded.withPatches { image, rowOffsets, depthOffsets in
            kernel.value.storage.withUnsafeBufferPointer { w in
                bias.value.storage.withUnsafeBufferPointer { bb in
                    pooling.scratch.withUnsafeMutableBufferPointer { scratch in
                        pooling.output.storage.withUnsafeMutableBufferPointer { y in
                            pooling.argmax.withUnsafeMutableBufferPointer { am in
                                let (sb, yb, ab) = (scratch.baseAddress!, y.baseAddress!, am.baseAddress!)
                                parallelChunksWithSlot(chunks, minimumChunk: 1, threads: slots) { slot, part in
                                    let conv = sb + slot * imagesPerChunk * perImage
                                    for chunk in part {
                                        let images = (chunk * imagesPerChunk)..<min(batch, (chunk + 1) * imagesPerChunk)
                                        gemm(path: path, threads: 1, gatheredA: image,
                                             rowOffsets: rowOffsets + images.lowerBound * rowsPerImage,
                                             depthOffsets: depthOffsets, transposeB: false,
                                             m: images.count * rowsPerImage, n: n, k: k, b: w.baseAddress!, ldb: n,
                                             c: conv, ldc: n, accumulate: false, columnBias: bb.baseAddress!)
                                        for i in images {
                                            pool.forward(image: conv + (i - images.lowerBound) * inSize, indexBase: i * inSize,
                                                         output: yb + i * outSize, argmax: ab + i * outSize)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return pooling.output
    }

    /// Forward with `ConvPoolImage`: each image's windows computed and pooled
    /// in registers, images split between threads.
    private func forwardInRegisters(_ direct: ConvPoolImage, _ pooling: ConvPooling) {
        let rowsPerImage = geometry.rowsPerImage, (inSize, outSize) = (pooling.kernel.inputSize, pooling.kernel.outputSize)
        let path = GEMMPath.current
        padded.withPatches { image, rowOffsets, depthOffsets in
            kernel.value.storage.withUnsafeBufferPointer { w in
                bias.value.storage.withUnsafeBufferPointer { bb in
                    pooling.output.storage.withUnsafeMutableBufferPointer { y in
                        pooling.argmax.withUnsafeMutableBufferPointer { am in
                            let (wb, biasBase, yb, ab) = (w.baseAddress!, bb.baseAddress!, y.baseAddress!, am.baseAddress!)
                            parallelChunks(batch, minimumChunk: 1) { images in
                                for i in images {
                                    direct.forward(path: path, image: image + rowOffsets[i * rowsPerImage],
                                                   depthOffsets: depthOffsets, kernel: wb, bias: biasBase,
                                                   indexBase: i * inSize, output: yb + i * outSize, argmax: ab + i * outSize)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Backward from the gradient of the pooled output; sets the kernel and
    /// bias gradients and returns the input gradient if asked.
    ///
    /// Without an input gradient (a first layer) only the kernel gradient is
    /// needed, taken from the pooled gradient directly or chunk by chunk. With
    /// one, `backwardFromPooled` runs where it applies; otherwise the whole
    /// output gradient is un-pooled first and `backwardUnpooled` runs the
    /// products, which measured faster than a chunk at a time.
    func backwardPooled(_ pooledGradient: Tensor, _ pooling: ConvPooling, needsInputGradient: Bool) -> Tensor {
        precondition(pooledGradient.count == pooling.output.count && padded.batch == batch,
                     "Conv2D.backward without a matching training forward")
        guard needsInputGradient else {
            if let direct = pooling.directKernel(geometry: geometry, filters: filters) {
                StepProfile.part("kernel gradient") { kernelGradientFromPooled(pooledGradient, pooling, direct) }
            } else {
                kernelGradientChunkByChunk(pooledGradient, pooling)
            }
            return .empty
        }
        if let sparse = pooling.pooledGradient(geometry: geometry, filters: filters) {
            return backwardFromPooled(pooledGradient, pooling, sparse)
        }
        let g = geometry, pool = pooling.kernel, batch = self.batch
        pooling.unpooledGradient.resize(to: [batch, g.outHeight, g.outWidth, filters])
        StepProfile.part("un-pool") {
            pooledGradient.storage.withUnsafeBufferPointer { dp in
                pooling.argmax.withUnsafeBufferPointer { am in
                    pooling.unpooledGradient.storage.withUnsafeMutableBufferPointer { dy in
                        pool.backward(dp.baseAddress!, argmax: am.baseAddress!, batch: batch, inputGradient: dy.baseAddress!)
                    }
                }
            }
        }
        return backwardUnpooled(pooling.unpooledGradient, needsInputGradient: true)
    }

    /// [dK; db] straight from the pooled gradient (`ConvPoolImage`): each unit
    /// of six rows × sixteen channels walks every image in order, rebuilding
    /// two pixel rows' gradients at a time in L1, so nothing is un-pooled into
    /// memory and the threads never wait for each other. Same chains as the product.
    private func kernelGradientFromPooled(_ pooledGradient: Tensor, _ pooling: ConvPooling, _ direct: ConvPoolImage) {
        let g = geometry, n = filters, k = g.patchSize, batch = self.batch, path = GEMMPath.current
        let (rowsPerImage, inSize, outSize) = (g.rowsPerImage, pooling.kernel.inputSize, pooling.kernel.outputSize)
        let tiles = (k + 1 + gemmTileRows - 1) / gemmTileRows, groups = n / 16
        if kernelAndBiasGradient.count != (k + 1) * n { kernelAndBiasGradient = [Float](repeating: 0, count: (k + 1) * n) }
        pooledGradient.storage.withUnsafeBufferPointer { dp in
            pooling.argmax.withUnsafeBufferPointer { am in
                kernelAndBiasGradient.withUnsafeMutableBufferPointer { dwb in
                    dwb.update(repeating: 0)
                    let (dpb, ab, sums) = (dp.baseAddress!, am.baseAddress!, dwb.baseAddress!)
                    padded.withPatches(onesRow: true) { image, pixelOffsets, patchRows in
                        parallelChunks(tiles * groups, minimumChunk: 1) { units in
                            var rowScratch = [Float](repeating: 0, count: 32 * g.outWidth)
                            for unit in units {
                                let (tile, group) = (unit / groups, unit % groups)
                                let row = tile * gemmTileRows, rows = min(gemmTileRows, k + 1 - row)
                                for i in 0..<batch {
                                    direct.kernelGradient(path: path, image: image, pixelOffsets: pixelOffsets + i * rowsPerImage,
                                                          rowOffsets: patchRows + row, rows: rows, channel: 16 * group,
                                                          gradient: dpb + i * outSize, argmax: ab + i * outSize,
                                                          indexBase: i * inSize, sums: sums + row * n + 16 * group, ldSums: n,
                                                          rowScratch: &rowScratch)
                                }
                            }
                        }
                    }
                }
            }
        }
        storeKernelAndBiasGradient()
    }

    /// [dK; db] a chunk of images at a time: each chunk's output gradient is
    /// un-pooled into L2 scratch and consumed there, the product continuing
    /// its chains from the chunk before, so the bits are those of one product.
    private func kernelGradientChunkByChunk(_ pooledGradient: Tensor, _ pooling: ConvPooling) {
        let g = geometry, n = filters, k = g.patchSize, pool = pooling.kernel, batch = self.batch
        let rowsPerImage = g.rowsPerImage, inSize = pool.inputSize
        let imagesPerChunk = pooling.imagesPerChunk(convolutionOutputPerImage: rowsPerImage * n)
        let chunks = (batch + imagesPerChunk - 1) / imagesPerChunk
        if pooling.scratch.count < imagesPerChunk * inSize {
            pooling.scratch = [Float](repeating: 0, count: imagesPerChunk * inSize)
        }
        if kernelAndBiasGradient.count != (k + 1) * n { kernelAndBiasGradient = [Float](repeating: 0, count: (k + 1) * n) }
        pooledGradient.storage.withUnsafeBufferPointer { dp in
            pooling.argmax.withUnsafeBufferPointer { am in
                pooling.scratch.withUnsafeMutableBufferPointer { scratch in
                    kernelAndBiasGradient.withUnsafeMutableBufferPointer { dwb in
                        let (dpb, ab, dy) = (dp.baseAddress!, am.baseAddress!, scratch.baseAddress!)
                        for chunk in 0..<chunks {
                            let i0 = chunk * imagesPerChunk, count = min(batch, i0 + imagesPerChunk) - i0
                            StepProfile.part("un-pool") {
                                parallelChunks(count, minimumChunk: 1) { part in
                                    let images = (i0 + part.lowerBound)..<(i0 + part.upperBound)
                                    pool.backward(dpb, argmax: ab, images: images,
                                                  inputGradient: dy + part.lowerBound * inSize,
                                                  indexBase: images.lowerBound * inSize)
                                }
                            }
                            StepProfile.part("kernel gradient") {
                                padded.withPatches(onesRow: true) { image, rowOffsets, patchRows in
                                    _ = gemm(gatheredA: image, rowOffsets: patchRows,
                                             depthOffsets: rowOffsets + i0 * rowsPerImage, transposeB: false,
                                             m: k + 1, n: n, k: count * rowsPerImage, b: dy, ldb: n,
                                             c: dwb.baseAddress!, ldc: n, accumulate: false, continuingChains: chunk > 0)
                                }
                            }
                        }
                    }
                }
            }
        }
        storeKernelAndBiasGradient()
    }
}
