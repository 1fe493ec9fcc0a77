/// A convolution's input batch copied into zero-bordered images, with the two
/// offset tables through which `gemm(gatheredA:)` reads the patch matrix
/// without writing it out:
///
///     cols[r][p] = image[rowOffsets[r] + depthOffsets[p]]
///
/// for output pixel r = (n·oh + oy)·ow + ox and patch position
/// p = (ky·kw + kx)·cin + c — the order of a Keras kernel [kh, kw, cin, cout].
/// The border is `same` padding's zeros (TF's rule: the extra row and column
/// of an even kernel at the bottom and right); `valid` has none.
///
/// Buffers grow to the largest batch seen and are reused; a smaller batch uses
/// a prefix of each, and the border, never written, stays zero.
///
/// After the images the buffer holds as many ones, and `patchRowsWithOnes` is
/// the patch-position table plus one row that reads only ones: as the rows of
/// colsᵀ in the kernel-gradient product it adds a last row Σ_p 1·dY[p, j] — the
/// bias gradient, the same FMA chain (fma(1, y, s) = s + y) as summing dY's
/// rows in order, with no pass of its own.
struct PaddedImages {
    private(set) var batch = 0
    private var geometry = ConvGeometry()
    private var height = 0, width = 0
    private var images: [Float] = []
    private var rowOffsets: [Int] = []
    private var depthOffsets: [Int] = []
    private var patchRowsWithOnes: [Int] = []
    /// Whether the buffer carries the ones after the images (`onesRow`).
    private var hasOnes = true

    init() {}

    /// `hasOnes: false` leaves out the ones, for images never read with `onesRow`.
    init(geometry g: ConvGeometry, hasOnes: Bool = true) {
        geometry = g
        self.hasOnes = hasOnes
        height = g.outHeight + g.kernelHeight - 1
        width = g.outWidth + g.kernelWidth - 1
        depthOffsets.reserveCapacity(g.patchSize)
        for ky in 0..<g.kernelHeight {
            for kx in 0..<g.kernelWidth {
                for c in 0..<g.channels { depthOffsets.append((ky * width + kx) * g.channels + c) }
            }
        }
    }

    /// Copies a batch of [height, width, channels] images into the padded buffer.
    mutating func fill(from x: UnsafePointer<Float>, batch: Int) {
        let g = geometry, cin = g.channels
        let imageSize = height * width * cin
        if batch * imageSize > images.count / (hasOnes ? 2 : 1) {
            images = [Float](repeating: 0, count: batch * imageSize)
                + [Float](repeating: 1, count: hasOnes ? batch * imageSize : 0)
            patchRowsWithOnes = depthOffsets + [batch * imageSize]
            rowOffsets.removeAll(keepingCapacity: true)
            for n in 0..<batch {
                for oy in 0..<g.outHeight {
                    for ox in 0..<g.outWidth { rowOffsets.append(((n * height + oy) * width + ox) * cin) }
                }
            }
        }
        self.batch = batch
        let (rowLength, inputImage) = (g.width * cin, g.height * g.width * cin)
        let (h, w, top, left) = (height, width, g.padTop, g.padLeft)
        images.withUnsafeMutableBufferPointer { buffer in
            let out = buffer.baseAddress!
            parallelChunks(batch, minimumChunk: 8) { part in
                for n in part {
                    for y in 0..<g.height {
                        (out + ((n * h + y + top) * w + left) * cin)
                            .update(from: x + n * inputImage + y * rowLength, count: rowLength)
                    }
                }
            }
        }
    }

    /// The padded images and the offset tables (`rowOffsets` covers the last batch
    /// filled); with `onesRow`, the patch table has the extra all-ones row.
    func withPatches<R>(onesRow: Bool = false,
                        _ body: (UnsafePointer<Float>, UnsafePointer<Int>, UnsafePointer<Int>) -> R) -> R {
        precondition(!onesRow || hasOnes, "PaddedImages built without ones")
        return images.withUnsafeBufferPointer { image in
            rowOffsets.withUnsafeBufferPointer { rows in
                (onesRow ? patchRowsWithOnes : depthOffsets).withUnsafeBufferPointer { depth in
                    body(image.baseAddress!, rows.baseAddress!, depth.baseAddress!)
                }
            }
        }
    }
}
