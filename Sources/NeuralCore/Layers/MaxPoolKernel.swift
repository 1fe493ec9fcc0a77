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
        let (inSize, outSize) = (inputSize, outputSize)
        parallelChunks(batch, minimumChunk: 8) { images in
            for n in images {
                forward(image: x + n * inSize, indexBase: n * inSize, output: y + n * outSize, argmax: am + n * outSize)
            }
        }
    }

    /// Floats in one input image and in one output image.
    var inputSize: Int { height * width * channels }
    var outputSize: Int { outHeight * outWidth * channels }

    /// Pools one image: `x`, `y` and `am` point at that image's input, output
    /// and argmax; argmax holds `indexBase` plus the index within the image.
    func forward(image x: UnsafePointer<Float>, indexBase: Int, output y: UnsafeMutablePointer<Float>,
                 argmax am: UnsafeMutablePointer<Int32>) {
        let p = poolSize, c = channels
        let lanes = I(0, 1, 2, 3, 4, 5, 6, 7)
        for oy in 0..<outHeight {
            for ox in 0..<outWidth {
                let o = (oy * outWidth + ox) * c
                let first = ((oy * p) * width + ox * p) * c
                var ch = 0
                while ch + V.scalarCount <= c {
                    var best = load(x + first + ch), index = lanes &+ Int32(indexBase + first + ch)
                    for dy in 0..<p {
                        for dx in 0..<p where dy != 0 || dx != 0 {
                            let i = first + (dy * width + dx) * c + ch
                            let v = load(x + i)
                            let better = .!(v .<= best)
                            best.replace(with: v, where: better)
                            index.replace(with: lanes &+ Int32(indexBase + i), where: better)
                        }
                    }
                    if appliesReLU { best.replace(with: 0, where: best .<= 0) }
                    UnsafeMutableRawPointer(y + o + ch).storeBytes(of: best, as: V.self)
                    UnsafeMutableRawPointer(am + o + ch).storeBytes(of: index, as: I.self)
                    ch += V.scalarCount
                }
                while ch < c {
                    var best = x[first + ch], index = Int32(indexBase + first + ch)
                    for dy in 0..<p {
                        for dx in 0..<p where dy != 0 || dx != 0 {
                            let i = first + (dy * width + dx) * c + ch
                            if !(x[i] <= best) { best = x[i]; index = Int32(indexBase + i) }
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
        let (inSize, outSize) = (inputSize, outputSize)
        parallelChunks(batch, minimumChunk: 8) { images in
            backward(dy, argmax: am, output: y, images: images,
                     inputGradient: dx + images.lowerBound * inSize, indexBase: images.lowerBound * inSize)
        }
    }

    /// The backward pass of `images` only, into `dx`, which holds their input
    /// gradient and starts at absolute input index `indexBase`.
    func backward(_ dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>, output y: UnsafePointer<Float>,
                  images: Range<Int>, inputGradient dx: UnsafeMutablePointer<Float>, indexBase: Int) {
        dx.update(repeating: 0, count: images.count * inputSize)
        let outputs = (images.lowerBound * outputSize)..<(images.upperBound * outputSize)
        if appliesReLU {
            for i in outputs where y[i] > 0 { dx[Int(am[i]) - indexBase] += dy[i] }
        } else {
            for i in outputs { dx[Int(am[i]) - indexBase] += dy[i] }
        }
    }

    @inline(__always)
    private func load(_ p: UnsafePointer<Float>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }
}
