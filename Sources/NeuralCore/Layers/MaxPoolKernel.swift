/// The NHWC max-pool loops, channels innermost and eight channels a vector:
/// every window tap is one vector compare-and-select, with no branch per tap.
/// Rule: the first maximum in row-major window order wins a tie, and
/// `!(v <= best)` lets a NaN through so it propagates (PyTorch's CPU rules).
/// `argmax` holds each output's absolute input index, for the backward scatter.
/// Images are independent, so batches run on two threads with the same bits.
///
/// With `appliesReLU` the kernel is ReLU followed by max-pooling in one pass
/// (`Sequential` fuses the pair): max commutes with ReLU, so it pools the raw
/// values and clamps the maximum, which is the same bits as pooling the clamped
/// values. Backward, a window's gradient goes to its maximum only when that
/// maximum was positive (ReLU's derivative there); otherwise the whole window
/// gets zero, as it would through the unfused pair.
struct MaxPoolKernel {
    var height: Int, width: Int, channels: Int
    var outHeight: Int, outWidth: Int, poolSize: Int
    var appliesReLU = false

    typealias V = SIMD8<Float>
    typealias I = SIMD8<Int32>

    func forward(_ x: UnsafePointer<Float>, batch: Int, output y: UnsafeMutablePointer<Float>,
                 argmax am: UnsafeMutablePointer<Int32>) {
        parallelChunks(batch, minimumChunk: 8) { images in
            for n in images { forward(x, image: n, output: y, argmax: am) }
        }
    }

    private func forward(_ x: UnsafePointer<Float>, image n: Int, output y: UnsafeMutablePointer<Float>,
                         argmax am: UnsafeMutablePointer<Int32>) {
        let p = poolSize, c = channels
        let lanes = I(0, 1, 2, 3, 4, 5, 6, 7)
        for oy in 0..<outHeight {
            for ox in 0..<outWidth {
                let o = ((n * outHeight + oy) * outWidth + ox) * c
                let first = ((n * height + oy * p) * width + ox * p) * c
                var ch = 0
                while ch + V.scalarCount <= c {
                    var best = load(x + first + ch), index = lanes &+ Int32(first + ch)
                    for dy in 0..<p {
                        for dx in 0..<p where dy != 0 || dx != 0 {
                            let i = first + (dy * width + dx) * c + ch
                            let v = load(x + i)
                            let better = .!(v .<= best)
                            best.replace(with: v, where: better)
                            index.replace(with: lanes &+ Int32(i), where: better)
                        }
                    }
                    if appliesReLU { best.replace(with: 0, where: best .<= 0) }
                    UnsafeMutableRawPointer(y + o + ch).storeBytes(of: best, as: V.self)
                    UnsafeMutableRawPointer(am + o + ch).storeBytes(of: index, as: I.self)
                    ch += V.scalarCount
                }
                while ch < c {
                    var best = x[first + ch], index = Int32(first + ch)
                    for dy in 0..<p {
                        for dx in 0..<p where dy != 0 || dx != 0 {
                            let i = first + (dy * width + dx) * c + ch
                            if !(x[i] <= best) { best = x[i]; index = Int32(i) }
                        }
                    }
                    y[o + ch] = appliesReLU && best <= 0 ? 0 : best
                    am[o + ch] = index
                    ch += 1
                }
            }
        }
    }

    /// dx = 0, then each output's gradient added at its argmax; image by image,
    /// since an image's argmaxes all lie inside that image.
    /// `output` is the forward output, read only with `appliesReLU`.
    func backward(_ dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>, output y: UnsafePointer<Float>,
                  batch: Int, inputGradient dx: UnsafeMutablePointer<Float>) {
        let inSize = height * width * channels, outSize = outHeight * outWidth * channels
        parallelChunks(batch, minimumChunk: 8) { images in
            (dx + images.lowerBound * inSize).update(repeating: 0, count: images.count * inSize)
            let outputs = (images.lowerBound * outSize)..<(images.upperBound * outSize)
            if appliesReLU {
                for i in outputs where y[i] > 0 { dx[Int(am[i])] += dy[i] }
            } else {
                for i in outputs { dx[Int(am[i])] += dy[i] }
            }
        }
    }

    @inline(__always)
    private func load(_ p: UnsafePointer<Float>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }
}
