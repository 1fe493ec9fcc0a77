import SIMDKernels

/// Tables and scratch for a pooled convolution's backward straight from the
/// pooled gradient (`PooledConvGradient`): owned memory at fixed addresses,
/// grown to the largest batch seen and reused from step to step.
final class PooledBackwardBuffers {
    /// Per image and filter, the pixels that take its gradient, in raster
    /// order: their patches' offsets in the zero-bordered input, their
    /// gradients, and how many there are.
    private(set) var offsets = Storage<Int32>(), gains = Storage<Float>(), counts = Storage<Int32>()
    /// The kernel with filters outermost, [cout][kh][kw][cin].
    private(set) var kernelByFilter = Storage<Float>()
    /// Kernel-gradient chains with filters outermost, [cout][kh·kw·cin], and the bias chains.
    private(set) var sums = Storage<Float>(), biasSums = Storage<Float>()

    func reserve(batch: Int, entriesPerImage entries: Int, filters: Int, patch: Int) {
        offsets.reserve(batch * entries); gains.reserve(batch * entries); counts.reserve(batch * filters)
        kernelByFilter.reserve(filters * patch); sums.reserve(filters * patch); biasSums.reserve(filters)
    }

    /// Memory for `capacity` values that stays put until it must grow.
    struct Storage<T> {
        private(set) var pointer = UnsafeMutablePointer<T>.allocate(capacity: 0)
        private var capacity = 0

        mutating func reserve(_ count: Int) {
            guard count > capacity else { return }
            pointer.deallocate()
            pointer = UnsafeMutablePointer<T>.allocate(capacity: count)
            capacity = count
        }

        func free() { pointer.deallocate() }
    }

    deinit {
        offsets.free(); gains.free(); counts.free()
        kernelByFilter.free(); sums.free(); biasSums.free()
    }
}

extension ConvPooling {
    /// The backward from the pooled gradient, for 2×2 pools when both the
    /// filters and the input channels come in eights; nil where the gradient
    /// is un-pooled and run through the products.
    func pooledGradient(geometry g: ConvGeometry, filters: Int) -> PooledConvGradient? {
        guard kernel.poolSize == 2, filters % 8 == 0, g.channels % 8 == 0 else { return nil }
        return PooledConvGradient(pool: kernel.image, kernelHeight: g.kernelHeight, kernelWidth: g.kernelWidth,
                                  inputChannels: g.channels, paddedWidth: g.outWidth + g.kernelWidth - 1,
                                  inputHeight: g.height, inputWidth: g.width, padTop: g.padTop, padLeft: g.padLeft)
    }
}

extension Conv2D {
    /// dX, dK and db straight from the pooled gradient, the same bits as
    /// un-pooling it and running the two products (see `PooledConvGradient`)
    /// with about a quarter of their multiply-adds: the un-pooled gradient is
    /// zero except at each window's argmax.
    ///
    /// First, images split between threads, each image's tables are built and
    /// its input gradient is added up from its pixels' filter lists. Then the
    /// filters split between threads, eight at a time, and each walks every
    /// image in order, so each kernel-gradient chain runs on one thread over
    /// the pixels in order, whatever the thread count.
    func backwardFromPooled(_ pooledGradient: Tensor, _ pooling: ConvPooling, _ sparse: PooledConvGradient) -> Tensor {
        let g = geometry, n = filters, batch = self.batch
        inputGradient.resize(to: [batch, g.height, g.width, g.channels])
        let buffers = pooling.backwardBuffers
        buffers.reserve(batch: batch, entriesPerImage: sparse.entriesPerImage, filters: n, patch: g.patchSize)
        updateKernelByFilter(buffers.kernelByFilter.pointer)
        StepProfile.part("input gradient") { tablesAndInputGradient(pooledGradient, pooling, sparse, buffers) }
        StepProfile.part("kernel gradient") { kernelGradientFromTables(sparse, buffers) }
        return inputGradient
    }

    /// Per image, images split between threads: the tables, then the input gradient.
    private func tablesAndInputGradient(_ pooledGradient: Tensor, _ pooling: ConvPooling, _ sparse: PooledConvGradient,
                                        _ buffers: PooledBackwardBuffers) {
        let (inSize, outSize, entries) = (pooling.kernel.inputSize, pooling.kernel.outputSize, sparse.entriesPerImage)
        let (n, imageSize, path) = (filters, geometry.height * geometry.width * geometry.channels, GEMMPath.current)
        let (ob, gb, cb) = (buffers.offsets.pointer, buffers.gains.pointer, buffers.counts.pointer)
        let ktb = UnsafePointer(buffers.kernelByFilter.pointer)
        pooledGradient.storage.withUnsafeBufferPointer { dp in
            pooling.argmax.withUnsafeBufferPointer { am in
                inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                    let (dpb, ab, dxb) = (dp.baseAddress!, am.baseAddress!, dx.baseAddress!)
                    parallelChunks(batch, minimumChunk: 1) { images in
                        withUnsafeTemporaryAllocation(of: Float.self, capacity: sparse.paddedImageFloats) { scratch in
                            withUnsafeTemporaryAllocation(of: Int32.self, capacity: sparse.listScratchCount) { lists in
                                for i in images {
                                    sparse.tables(path: path, gradient: dpb + i * outSize, argmax: ab + i * outSize,
                                                  indexBase: i * inSize, offsets: ob + i * entries,
                                                  gains: gb + i * entries, counts: cb + i * n)
                                    sparse.inputGradient(path: path, gradient: dpb + i * outSize, argmax: ab + i * outSize,
                                                         indexBase: i * inSize, kernelT: ktb, scratch: scratch.baseAddress!,
                                                         lists: lists.baseAddress!, into: dxb + i * imageSize)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// dK and db from the tables, filters split between threads, then written
    /// to the parameters' gradients (dK as [kh·kw·cin][cout]).
    private func kernelGradientFromTables(_ sparse: PooledConvGradient, _ buffers: PooledBackwardBuffers) {
        let (n, k, batch, path) = (filters, geometry.patchSize, self.batch, GEMMPath.current)
        let (entries, rowsPerImage) = (sparse.entriesPerImage, geometry.rowsPerImage)
        let (ob, gb, cb) = (UnsafePointer(buffers.offsets.pointer), UnsafePointer(buffers.gains.pointer),
                            UnsafePointer(buffers.counts.pointer))
        let (sb, bb) = (buffers.sums.pointer, buffers.biasSums.pointer)
        sb.update(repeating: 0, count: n * k)
        bb.update(repeating: 0, count: n)
        padded.withPatches { image, rowOffsets, _ in
            parallelChunks(n / 8, minimumChunk: 1) { units in
                for i in 0..<batch {
                    for unit in units {
                        sparse.kernelGradient(path: path, image: image + rowOffsets[i * rowsPerImage],
                                              offsets: ob + i * entries, gains: gb + i * entries, counts: cb + i * n,
                                              filters: (8 * unit)..<(8 * unit + 8), sums: sb, biasSums: bb)
                    }
                }
            }
        }
        kernel.gradient.storage.withUnsafeMutableBufferPointer { dk in
            for p in 0..<k {
                for f in 0..<n { dk[p * n + f] = sb[f * k + p] }
            }
        }
        bias.gradient.storage.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: bb, count: n) }
    }

    /// K[ky, kx, c, f] rearranged to [f][ky][kx][c], once per step: a filter's
    /// patch is then contiguous for the input gradient.
    private func updateKernelByFilter(_ t: UnsafeMutablePointer<Float>) {
        let (patch, n) = (geometry.patchSize, filters)
        kernel.value.storage.withUnsafeBufferPointer { w in
            for p in 0..<patch {
                for f in 0..<n { t[f * patch + p] = w[p * n + f] }
            }
        }
    }
}
