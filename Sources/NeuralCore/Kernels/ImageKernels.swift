import SIMDKernels
import SIMDKernelsPortable
#if arch(x86_64)
import SIMDKernelsAVX2
#endif

// The per-image loops of pooling and of a convolution pooled in registers run
// on a kernel path's vector instructions (NeuralCore itself is compiled for the
// baseline CPU, which has no blend). The AVX-512 path uses the AVX2 loops:
// channels come in 16s and 32s. Every path gives the same bits.

extension GEMMPath {
    /// Whether this path runs the AVX2 image loops (the AVX2 and AVX-512
    /// paths, which exist only on x86-64); the portable path runs its own.
    var usesAVX2ImageLoops: Bool {
        precondition(isSupported, "kernel path \(self) is not supported by this CPU")
        return self != .portable
    }
}

extension MaxPoolImage {
    func forward(path: GEMMPath = .current, image x: UnsafePointer<Float>, indexBase: Int,
                 output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
        #if arch(x86_64)
        if path.usesAVX2ImageLoops { return avx2MaxPool(self, image: x, indexBase: indexBase, output: y, argmax: am) }
        #endif
        portableMaxPool(self, image: x, indexBase: indexBase, output: y, argmax: am)
    }

    func backward(path: GEMMPath = .current, gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>,
                  indexBase: Int, into dx: UnsafeMutablePointer<Float>) {
        #if arch(x86_64)
        if path.usesAVX2ImageLoops {
            return avx2MaxPoolBackward(self, gradient: dy, argmax: am, indexBase: indexBase, into: dx)
        }
        #endif
        portableMaxPoolBackward(self, gradient: dy, argmax: am, indexBase: indexBase, into: dx)
    }
}

extension ConvPoolImage {
    func forward(path: GEMMPath = .current, image x: UnsafePointer<Float>, depthOffsets: UnsafePointer<Int>,
                 kernel w: UnsafePointer<Float>, bias: UnsafePointer<Float>, indexBase: Int,
                 output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
        #if arch(x86_64)
        if path.usesAVX2ImageLoops {
            return avx2ConvPool(self, image: x, depthOffsets: depthOffsets, kernel: w, bias: bias,
                                indexBase: indexBase, output: y, argmax: am)
        }
        #endif
        portableConvPool(self, image: x, depthOffsets: depthOffsets, kernel: w, bias: bias,
                         indexBase: indexBase, output: y, argmax: am)
    }

    func kernelGradient(path: GEMMPath = .current, image: UnsafePointer<Float>, pixelOffsets: UnsafePointer<Int>,
                        rowOffsets: UnsafePointer<Int>, rows: Int, channel: Int, gradient dy: UnsafePointer<Float>,
                        argmax am: UnsafePointer<Int32>, indexBase: Int, sums: UnsafeMutablePointer<Float>, ldSums: Int,
                        rowScratch: UnsafeMutablePointer<Float>) {
        #if arch(x86_64)
        if path.usesAVX2ImageLoops {
            return avx2ConvPoolKernelGradient(self, image: image, pixelOffsets: pixelOffsets, rowOffsets: rowOffsets,
                                              rows: rows, channel: channel, gradient: dy, argmax: am, indexBase: indexBase,
                                              sums: sums, ldSums: ldSums, rowScratch: rowScratch)
        }
        #endif
        portableConvPoolKernelGradient(self, image: image, pixelOffsets: pixelOffsets, rowOffsets: rowOffsets,
                                       rows: rows, channel: channel, gradient: dy, argmax: am, indexBase: indexBase,
                                       sums: sums, ldSums: ldSums, rowScratch: rowScratch)
    }
}

extension PooledConvGradient {
    func tables(path: GEMMPath = .current, gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>,
                indexBase: Int, offsets: UnsafeMutablePointer<Int32>, gains: UnsafeMutablePointer<Float>,
    counts: UnsafeMutablePointer<Int32>) {
        #if arch(x86_64)
        if path.usesAVX2ImageLoops {
            return avx2PooledConvTables(self, gradient: dy, argmax: am, indexBase: indexBase, offsets: offsets, gains: gains, counts: counts)
        }
        #endif
        portablePooledConvTables(self, gradient: dy, argmax: am, indexBase: indexBase, offsets: offsets, gains: gains, counts: counts)
    }

    func inputGradient(path: GEMMPath = .current, gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>,
                       indexBase: Int, kernelT: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>,
                       lists: UnsafeMutablePointer<Int32>, into dx: UnsafeMutablePointer<Float>) {
        #if arch(x86_64)
        if path.usesAVX2ImageLoops {
            return avx2PooledConvInputGradient(self, gradient: dy, argmax: am, indexBase: indexBase, kernelT: kernelT,
                                               scratch: scratch, lists: lists, into: dx)
        }
        #endif
        portablePooledConvInputGradient(self, gradient: dy, argmax: am, indexBase: indexBase, kernelT: kernelT,
                                        scratch: scratch, lists: lists, into: dx)
    }

    func kernelGradient(path: GEMMPath = .current, image x: UnsafePointer<Float>, offsets: UnsafePointer<Int32>,
                        gains: UnsafePointer<Float>, counts: UnsafePointer<Int32>, filters: Range<Int>, sums: UnsafeMutablePointer<Float>,
                        biasSums: UnsafeMutablePointer<Float>) {
        #if arch(x86_64)
        if path.usesAVX2ImageLoops {
            return avx2PooledConvKernelGradient(self, image: x, offsets: offsets, gains: gains, counts: counts, filters: filters,
                                                sums: sums, biasSums: biasSums)
        }
        #endif
        portablePooledConvKernelGradient(self, image: x, offsets: offsets, gains: gains, counts: counts, filters: filters,
                                         sums: sums, biasSums: biasSums)
    }
}
