/// im2col / col2im for NHWC, stride 1. Each output pixel becomes one row of
/// kh·kw·cin values ordered (ky, kx, c) — the order of a Keras kernel [kh, kw, cin, cout]
/// flattened to [kh·kw·cin, cout] — so a convolution is one `gemm`. In NHWC the cin
/// values of a tap are contiguous in memory, so every row is built from memcpy-sized runs.
struct ConvGeometry: Equatable {
    var height = 0, width = 0, channels = 0
    var kernelHeight = 0, kernelWidth = 0
    var padTop = 0, padLeft = 0
    var outHeight = 0, outWidth = 0

    var patchSize: Int { kernelHeight * kernelWidth * channels }

    /// Writes cols[(n·oh + oy)·ow + ox][(ky·kw + kx)·cin + c] = input[n, oy+ky−pt, ox+kx−pl, c] (0 outside).
    /// Images are independent: large batches run on two threads, same bits.
    func im2col(_ input: UnsafePointer<Float>, batch: Int, cols: UnsafeMutablePointer<Float>) {
        parallelChunks(batch, minimumChunk: 8) { images in im2col(input, images: images, cols: cols) }
    }

    private func im2col(_ input: UnsafePointer<Float>, images: Range<Int>, cols: UnsafeMutablePointer<Float>) {
        let cin = channels, rowLength = patchSize, run = kernelWidth * cin
        // Output columns whose kernel row lies wholly inside the image: one contiguous run each.
        let inside = max(0, padLeft)..<max(max(0, padLeft), min(outWidth, width - kernelWidth + padLeft + 1))
        for n in images {
            let image = input + n * height * width * cin
            for oy in 0..<outHeight {
                let rowStart = cols + (n * outHeight + oy) * outWidth * rowLength
                for ky in 0..<kernelHeight {
                    let iy = oy + ky - padTop
                    let dst = rowStart + ky * run
                    if iy < 0 || iy >= height {
                        for ox in 0..<outWidth { (dst + ox * rowLength).update(repeating: 0, count: run) }
                        continue
                    }
                    let src = image + (iy * width - padLeft) * cin
                    for ox in inside { copy(src + ox * cin, to: dst + ox * rowLength, count: run) }
                    for ox in 0..<outWidth where !inside.contains(ox) {
                        var d = dst + ox * rowLength
                        for kx in 0..<kernelWidth {
                            let ix = ox + kx - padLeft
                            if ix < 0 || ix >= width {
                                d.update(repeating: 0, count: cin)
                            } else {
                                copy(image + (iy * width + ix) * cin, to: d, count: cin)
                            }
                            d += cin
                        }
                    }
                }
            }
        }
    }

    /// The adjoint of `im2col`: input gradient[n, iy, ix, c] = Σ over the rows that read it.
    func col2im(_ cols: UnsafePointer<Float>, batch: Int, output: UnsafeMutablePointer<Float>) {
        parallelChunks(batch, minimumChunk: 8) { images in col2im(cols, images: images, output: output) }
    }

    private func col2im(_ cols: UnsafePointer<Float>, images: Range<Int>, output: UnsafeMutablePointer<Float>) {
        let cin = channels, rowLength = patchSize, imageSize = height * width * cin
        (output + images.lowerBound * imageSize).update(repeating: 0, count: images.count * imageSize)
        for n in images {
            let image = output + n * height * width * cin
            for oy in 0..<outHeight {
                for ox in 0..<outWidth {
                    var src = cols + ((n * outHeight + oy) * outWidth + ox) * rowLength
                    for ky in 0..<kernelHeight {
                        let iy = oy + ky - padTop
                        if iy < 0 || iy >= height { src += kernelWidth * cin; continue }
                        for kx in 0..<kernelWidth {
                            let ix = ox + kx - padLeft
                            if ix >= 0 && ix < width {
                                let d = image + (iy * width + ix) * cin
                                for c in 0..<cin { d[c] += src[c] }
                            }
                            src += cin
                        }
                    }
                }
            }
        }
    }

    /// Runs are short (three floats for a one-channel image, 48 for sixteen
    /// channels): copied inline eight lanes at a time, since a `memmove`
    /// call per run cost more than the copy.
    @inline(__always)
    private func copy(_ src: UnsafePointer<Float>, to dst: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count {
            UnsafeMutableRawPointer(dst + i).storeBytes(of: UnsafeRawPointer(src + i).loadUnaligned(as: SIMD8<Float>.self),
                                                        as: SIMD8<Float>.self)
            i += 8
        }
        while i < count { dst[i] = src[i]; i += 1 }
    }
}
