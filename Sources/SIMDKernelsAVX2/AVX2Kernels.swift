import SIMDKernels

// Every entry point here is `@inline(never)`: a release build's cross-module
// optimisation would otherwise inline these small wrappers into their callers,
// compiling the kernel bodies there without this target's instruction set.

#if arch(x86_64)
/// The AVX2 + FMA path: the generic blocked kernel at 256-bit width, compiled
/// by this target with `-mavx2 -mfma` so every `addingProduct` is a
/// `vfmadd…ps ymm`. Call only when the CPU reports AVX2 and FMA.
@discardableResult
@inline(never) public func avx2GEMM(_ p: GEMMProblem, threads: Int = 1,
                             rowsFinished: ((Range<Int>) -> Bool)? = nil) -> Bool {
    blockedGEMM(SIMD8<Float>.self, p, threads: threads, rowsFinished: rowsFinished)
}
#endif

#if arch(x86_64)
/// Adam's update with 256-bit vectors (`vsqrtps`/`vdivps ymm`).
@discardableResult
@inline(never) public func avx2AdamUpdate(_ u: AdamUpdate, theta: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
                           v: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, count: Int) -> Bool {
    u.apply(SIMD8<Float>.self, theta: theta, m: m, v: v, g: g, count: count)
}
#endif

#if arch(x86_64)
/// Max pooling of one image, compiled with AVX2 (256-bit compares and blends).
@inline(never) public func avx2MaxPool(_ s: MaxPoolImage, image x: UnsafePointer<Float>, indexBase: Int,
                        output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
    s.forwardLoop(image: x, indexBase: indexBase, output: y, argmax: am)
}

/// The input gradient of one max-pooled image, compiled with AVX2.
@inline(never) public func avx2MaxPoolBackward(_ s: MaxPoolImage, gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>,
                              indexBase: Int, into dx: UnsafeMutablePointer<Float>) {
    s.backwardLoop(gradient: dy, argmax: am, indexBase: indexBase, into: dx)
}

/// A convolution with 2×2 pooling of one image, compiled with AVX2 + FMA.
@inline(never) public func avx2ConvPool(_ s: ConvPoolImage, image x: UnsafePointer<Float>, depthOffsets: UnsafePointer<Int>,
                                        kernel w: UnsafePointer<Float>, bias: UnsafePointer<Float>, indexBase: Int,
                                        output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
    s.forwardLoop(image: x, depthOffsets: depthOffsets, kernel: w, bias: bias, indexBase: indexBase, output: y, argmax: am)
}

/// A first layer's kernel gradient from its pooled gradient, one image, compiled with AVX2 + FMA.
@inline(never) public func avx2ConvPoolKernelGradient(
    _ s: ConvPoolImage, image: UnsafePointer<Float>, pixelOffsets: UnsafePointer<Int>,
    rowOffsets: UnsafePointer<Int>, rows: Int, channel: Int, gradient dy: UnsafePointer<Float>,
    argmax am: UnsafePointer<Int32>, indexBase: Int, sums: UnsafeMutablePointer<Float>, ldSums: Int,
    rowScratch: UnsafeMutablePointer<Float>
) {
    s.kernelGradientLoop(image: image, pixelOffsets: pixelOffsets, rowOffsets: rowOffsets, rows: rows, channel: channel,
                         gradient: dy, argmax: am, indexBase: indexBase, sums: sums, ldSums: ldSums,
                         rowScratch: rowScratch)
}
/// A pooled convolution's backward tables for one image, compiled with AVX2.
@inline(never) public func avx2PooledConvTables(_ s: PooledConvGradient, gradient dy: UnsafePointer<Float>,
                                                argmax am: UnsafePointer<Int32>, indexBase: Int,
                                                offsets: UnsafeMutablePointer<Int32>, gains: UnsafeMutablePointer<Float>,
    counts: UnsafeMutablePointer<Int32>) {
    s.tablesLoop(gradient: dy, argmax: am, indexBase: indexBase, offsets: offsets, gains: gains, counts: counts)
}

/// A pooled convolution's input gradient for one image, compiled with AVX2 + FMA.
@inline(never) public func avx2PooledConvInputGradient(
    _ s: PooledConvGradient, gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>, indexBase: Int,
    kernelT: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>, lists: UnsafeMutablePointer<Int32>,
    into dx: UnsafeMutablePointer<Float>
) {
    s.inputGradientLoop(gradient: dy, argmax: am, indexBase: indexBase, kernelT: kernelT, scratch: scratch,
                        lists: lists, into: dx)
}

/// A pooled convolution's kernel-gradient chains over one image, compiled with AVX2 + FMA.
@inline(never) public func avx2PooledConvKernelGradient(
    _ s: PooledConvGradient, image x: UnsafePointer<Float>, offsets: UnsafePointer<Int32>, gains: UnsafePointer<Float>,
    counts: UnsafePointer<Int32>, filters: Range<Int>, sums: UnsafeMutablePointer<Float>, biasSums: UnsafeMutablePointer<Float>
) {
    s.kernelGradientLoop(image: x, offsets: offsets, gains: gains, counts: counts, filters: filters, sums: sums, biasSums: biasSums)
}
#endif
