import SIMDKernels

/// The shape of a stride-1 NHWC convolution, and col2im for its input gradient.
/// The patch matrix ("cols") has one row per output pixel of kh·kw·cin values ordered
/// (ky, kx, c) — the order of a Keras kernel [kh, kw, cin, cout] flattened to
/// [kh·kw·cin, cout] — so a convolution is one `gemm`. Forward, it is read in place
/// (`PaddedImages`); backward, the product dY·Kᵀ gives its gradient, which col2im
/// adds back onto the input pixels.
struct ConvGeometry: Equatable {
    var height = 0, width = 0, channels = 0
    var kernelHeight = 0, kernelWidth = 0
    var padTop = 0, padLeft = 0
    var outHeight = 0, outWidth = 0

    var patchSize: Int { kernelHeight * kernelWidth * channels }

    /// Output pixels (patch-matrix rows) per image.
    var rowsPerImage: Int { outHeight * outWidth }

    /// The adjoint of im2col for `images`: input gradient[n, iy, ix, c] = Σ over the
    /// patch rows that read it; `cols` holds just those images' patch rows.
    func col2im(_ cols: UnsafePointer<Float>, images: Range<Int>, output: UnsafeMutablePointer<Float>) {
        let image = Col2ImImage(height: height, width: width, channels: channels, kernelHeight: kernelHeight,
                                kernelWidth: kernelWidth, padTop: padTop, padLeft: padLeft,
                                outHeight: outHeight, outWidth: outWidth)
        let imageSize = height * width * channels, colsPerImage = rowsPerImage * patchSize
        for n in images {
            image.apply(cols: cols + (n - images.lowerBound) * colsPerImage, image: output + n * imageSize)
        }
    }
}
