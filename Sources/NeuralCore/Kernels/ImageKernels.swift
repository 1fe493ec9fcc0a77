import SIMDKernels
import SIMDKernelsPortable
#if arch(x86_64)
import SIMDKernelsAVX2
#endif

// The per-image loops of pooling (and of a convolution pooled in registers) run on a kernel path's vector
// instructions (NeuralCore itself is compiled for the baseline CPU, which has
// no blend). The AVX-512 path uses the AVX2 loops: channels come in 16s and 32s.
// Every path gives the same bits.

extension MaxPoolImage {
    func forward(path: GEMMPath = .current, image x: UnsafePointer<Float>, indexBase: Int,
                 output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
        switch path {
        #if arch(x86_64)
        case .avx512, .avx2: avx2MaxPool(self, image: x, indexBase: indexBase, output: y, argmax: am)
        #else
        case .avx512, .avx2: preconditionFailure("kernel path \(path) exists only on x86-64")
        #endif
        case .portable: portableMaxPool(self, image: x, indexBase: indexBase, output: y, argmax: am)
        }
    }
}

extension MaxPoolImage {
    func backward(path: GEMMPath = .current, gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>,
                  indexBase: Int, into dx: UnsafeMutablePointer<Float>) {
        switch path {
        #if arch(x86_64)
        case .avx512, .avx2: avx2MaxPoolBackward(self, gradient: dy, argmax: am, indexBase: indexBase, into: dx)
        #else
        case .avx512, .avx2: preconditionFailure("kernel path \(path) exists only on x86-64")
        #endif
        case .portable: portableMaxPoolBackward(self, gradient: dy, argmax: am, indexBase: indexBase, into: dx)
        }
    }
}

extension ConvPoolImage {
    func forward(path: GEMMPath = .current, image x: UnsafePointer<Float>, depthOffsets: UnsafePointer<Int>,
                 kernel w: UnsafePointer<Float>, bias: UnsafePointer<Float>, indexBase: Int,
                 output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
        switch path {
        #if arch(x86_64)
        case .avx512, .avx2:
            avx2ConvPool(self, image: x, depthOffsets: depthOffsets, kernel: w, bias: bias, indexBase: indexBase,
                         output: y, argmax: am)
        #else
        case .avx512, .avx2: preconditionFailure("kernel path \(path) exists only on x86-64")
        #endif
        case .portable:
            portableConvPool(self, image: x, depthOffsets: depthOffsets, kernel: w, bias: bias, indexBase: indexBase,
                             output: y, argmax: am)
        }
    }

    func kernelGradient(path: GEMMPath = .current, image: UnsafePointer<Float>, pixelOffsets: UnsafePointer<Int>,
                        rowOffsets: UnsafePointer<Int>, rows: Int, channel: Int, gradient dy: UnsafePointer<Float>,
                        argmax am: UnsafePointer<Int32>, indexBase: Int, sums: UnsafeMutablePointer<Float>, ldSums: Int,
                        rowScratch: UnsafeMutablePointer<Float>) {
        switch path {
        #if arch(x86_64)
        case .avx512, .avx2:
            avx2ConvPoolKernelGradient(self, image: image, pixelOffsets: pixelOffsets, rowOffsets: rowOffsets, rows: rows,
                                       channel: channel, gradient: dy, argmax: am, indexBase: indexBase, sums: sums, ldSums: ldSums,
                                       rowScratch: rowScratch)
        #else
        case .avx512, .avx2: preconditionFailure("kernel path \(path) exists only on x86-64")
        #endif
        case .portable:
            portableConvPoolKernelGradient(self, image: image, pixelOffsets: pixelOffsets, rowOffsets: rowOffsets, rows: rows,
                                           channel: channel, gradient: dy, argmax: am, indexBase: indexBase, sums: sums, ldSums: ldSums,
                                       rowScratch: rowScratch)
        }
    }
}
