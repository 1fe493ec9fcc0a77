import SIMDKernels

/// The shape of a stride-1 NHWC convolution.
/// The patch matrix ("cols") has one row per output pixel of kh·kw·cin values ordered
/// (ky, kx, c) — the order of a Keras kernel [kh, kw, cin, cout] flattened to
/// [kh·kw·cin, cout] — so a convolution is one `gemm`, read in place (`PaddedImages`).
struct ConvGeometry: Equatable {
    var height = 0, width = 0, channels = 0
    var kernelHeight = 0, kernelWidth = 0
    var padTop = 0, padLeft = 0
    var outHeight = 0, outWidth = 0

    var patchSize: Int { kernelHeight * kernelWidth * channels }

    /// Output pixels (patch-matrix rows) per image.
    var rowsPerImage: Int { outHeight * outWidth }

    /// The convolution that gives the input gradient: over the output gradient
    /// (`filters` channels), bordered so that input pixel (iy, ix) reads, at tap
    /// (ky, kx), the output gradient of the output pixel whose patch saw that pixel
    /// through kernel tap (kh−1−ky, kw−1−kx); its output has the input's shape.
    func transposed(filters: Int) -> ConvGeometry {
        var t = ConvGeometry()
        t.height = outHeight; t.width = outWidth; t.channels = filters
        t.kernelHeight = kernelHeight; t.kernelWidth = kernelWidth
        t.padTop = kernelHeight - 1 - padTop; t.padLeft = kernelWidth - 1 - padLeft
        t.outHeight = height; t.outWidth = width
        return t
    }
}
