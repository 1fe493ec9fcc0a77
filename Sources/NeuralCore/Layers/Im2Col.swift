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
    func im2col(_ input: UnsafePointer<Float>, batch: Int, cols: UnsafeMutablePointer<Float>) {
        let cin = channels, rowLength = patchSize
        for n in 0..<batch {
            let image = input + n * height * width * cin
            for oy in 0..<outHeight {
                for ox in 0..<outWidth {
                    var dst = cols + ((n * outHeight + oy) * outWidth + ox) * rowLength
                    for ky in 0..<kernelHeight {
                        let iy = oy + ky - padTop
                        if iy < 0 || iy >= height {
                            dst.update(repeating: 0, count: kernelWidth * cin)
                            dst += kernelWidth * cin
                            continue
                        }
                        if ox - padLeft >= 0 && ox - padLeft + kernelWidth <= width {
                            // All taps of this kernel row are inside: in NHWC they are one run.
                            dst.update(from: image + (iy * width + ox - padLeft) * cin, count: kernelWidth * cin)
                            dst += kernelWidth * cin
                            continue
                        }
                        for kx in 0..<kernelWidth {
                            let ix = ox + kx - padLeft
                            if ix < 0 || ix >= width {
                                dst.update(repeating: 0, count: cin)
                            } else {
                                dst.update(from: image + (iy * width + ix) * cin, count: cin)
                            }
                            dst += cin
                        }
                    }
                }
            }
        }
    }

    /// The adjoint of `im2col`: input gradient[n, iy, ix, c] = Σ over the rows that read it.
    func col2im(_ cols: UnsafePointer<Float>, batch: Int, output: UnsafeMutablePointer<Float>) {
        let cin = channels, rowLength = patchSize
        output.update(repeating: 0, count: batch * height * width * cin)
        for n in 0..<batch {
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
}
