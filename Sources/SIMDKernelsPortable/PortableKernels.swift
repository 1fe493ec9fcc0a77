import SIMDKernels

/// The portable path: 128-bit vectors, which every target has (NEON on arm64,
/// SSE on x86-64). Compiled without extra features, so on x86-64 its fused
/// multiply-adds are computed in software — correct bits, low speed; on
/// arm64 they are NEON `fmla`.
@discardableResult
@inline(never) public func portableGEMM(_ p: GEMMProblem, threads: Int = 1,
                             rowsFinished: ((Range<Int>) -> Bool)? = nil) -> Bool {
    blockedGEMM(SIMD4<Float>.self, p, threads: threads, rowsFinished: rowsFinished)
}

/// Adam's update with 128-bit vectors.
@discardableResult
@inline(never) public func portableAdamUpdate(_ u: AdamUpdate, theta: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
                               v: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, count: Int) -> Bool {
    u.apply(SIMD4<Float>.self, theta: theta, m: m, v: v, g: g, count: count)
}

/// Max pooling of one image, compiled for the baseline CPU.
@inline(never) public func portableMaxPool(_ s: MaxPoolImage, image x: UnsafePointer<Float>, indexBase: Int,
                            output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
    s.forwardLoop(image: x, indexBase: indexBase, output: y, argmax: am)
}

/// The input gradient of one max-pooled image, compiled for the baseline CPU.
@inline(never) public func portableMaxPoolBackward(_ s: MaxPoolImage, gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>,
                              indexBase: Int, into dx: UnsafeMutablePointer<Float>) {
    s.backwardLoop(gradient: dy, argmax: am, indexBase: indexBase, into: dx)
}

/// A convolution with 2×2 pooling of one image, compiled for the baseline CPU.
@inline(never) public func portableConvPool(_ s: ConvPoolImage, image x: UnsafePointer<Float>, depthOffsets: UnsafePointer<Int>,
                                            kernel w: UnsafePointer<Float>, bias: UnsafePointer<Float>, indexBase: Int,
                                            output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
    s.forwardLoop(image: x, depthOffsets: depthOffsets, kernel: w, bias: bias, indexBase: indexBase, output: y, argmax: am)
}

/// A first layer's kernel gradient from its pooled gradient, one image, compiled for the baseline CPU.
@inline(never) public func portableConvPoolKernelGradient(
    _ s: ConvPoolImage, image: UnsafePointer<Float>, pixelOffsets: UnsafePointer<Int>,
    rowOffsets: UnsafePointer<Int>, rows: Int, channel: Int, gradient dy: UnsafePointer<Float>,
    argmax am: UnsafePointer<Int32>, indexBase: Int, sums: UnsafeMutablePointer<Float>, ldSums: Int,
    rowScratch: UnsafeMutablePointer<Float>
) {
    s.kernelGradientLoop(image: image, pixelOffsets: pixelOffsets, rowOffsets: rowOffsets, rows: rows, channel: channel,
                         gradient: dy, argmax: am, indexBase: indexBase, sums: sums, ldSums: ldSums,
                         rowScratch: rowScratch)
}

/// A pooled convolution's backward tables for one image, compiled for the baseline CPU.
@inline(never) public func portablePooledConvTables(_ s: PooledConvGradient, gradient dy: UnsafePointer<Float>,
                                                    argmax am: UnsafePointer<Int32>, indexBase: Int,
                                                    offsets: UnsafeMutablePointer<Int32>, gains: UnsafeMutablePointer<Float>,
    counts: UnsafeMutablePointer<Int32>) {
    s.tablesLoop(gradient: dy, argmax: am, indexBase: indexBase, offsets: offsets, gains: gains, counts: counts)
}

/// A pooled convolution's input gradient for one image, compiled for the baseline CPU.
@inline(never) public func portablePooledConvInputGradient(
    _ s: PooledConvGradient, gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>, indexBase: Int,
    kernelT: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>, lists: UnsafeMutablePointer<Int32>,
    into dx: UnsafeMutablePointer<Float>
) {
    s.inputGradientLoop(gradient: dy, argmax: am, indexBase: indexBase, kernelT: kernelT, scratch: scratch,
                        lists: lists, into: dx)
}

/// A pooled convolution's kernel-gradient chains over one image, compiled for the baseline CPU.
@inline(never) public func portablePooledConvKernelGradient(
    _ s: PooledConvGradient, image x: UnsafePointer<Float>, offsets: UnsafePointer<Int32>, gains: UnsafePointer<Float>,
    counts: UnsafePointer<Int32>, filters: Range<Int>, sums: UnsafeMutablePointer<Float>, biasSums: UnsafeMutablePointer<Float>
) {
    s.kernelGradientLoop(image: x, offsets: offsets, gains: gains, counts: counts, filters: filters, sums: sums, biasSums: biasSums)
}
