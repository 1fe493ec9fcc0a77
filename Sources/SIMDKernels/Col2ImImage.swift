/// col2im for one image of a stride-1 NHWC convolution: the input gradient
/// pixel (iy, ix) gets, in a fixed order, every patch-matrix value that read
/// it, eight channels at a time. Always inlined, so each kernel target
/// compiles it with its own instructions; every element gets the same
/// additions in the same order, so every target gives the same bits.
/// NeuralCore calls `apply`, which dispatches to a kernel target; `applyLoop`
/// is the body those targets compile.
public struct Col2ImImage: Sendable {
    public var height: Int, width: Int, channels: Int
    public var kernelHeight: Int, kernelWidth: Int
    public var padTop: Int, padLeft: Int
    public var outHeight: Int, outWidth: Int

    @inlinable
    public init(height: Int, width: Int, channels: Int, kernelHeight: Int, kernelWidth: Int,
                padTop: Int, padLeft: Int, outHeight: Int, outWidth: Int) {
        self.height = height; self.width = width; self.channels = channels
        self.kernelHeight = kernelHeight; self.kernelWidth = kernelWidth
        self.padTop = padTop; self.padLeft = padLeft
        self.outHeight = outHeight; self.outWidth = outWidth
    }

    /// Zeroes the image gradient at `image`, then adds the patch rows at `cols`
    /// (one row of kh·kw·cin values per output pixel) onto it.
    @inlinable @inline(__always)
    public func applyLoop(cols: UnsafePointer<Float>, image: UnsafeMutablePointer<Float>) {
        typealias V = SIMD8<Float>
        let cin = channels, w = V.scalarCount
        image.update(repeating: 0, count: height * width * cin)
        var src = cols
        for oy in 0..<outHeight {
            for ox in 0..<outWidth {
                for ky in 0..<kernelHeight {
                    let iy = oy + ky - padTop
                    if iy < 0 || iy >= height { src += kernelWidth * cin; continue }
                    for kx in 0..<kernelWidth {
                        let ix = ox + kx - padLeft
                        if ix >= 0 && ix < width {
                            let d = image + (iy * width + ix) * cin
                            var c = 0
                            while c + w <= cin {
                                let sum = UnsafeRawPointer(d + c).loadUnaligned(as: V.self)
                                    + UnsafeRawPointer(src + c).loadUnaligned(as: V.self)
                                UnsafeMutableRawPointer(d + c).storeBytes(of: sum, as: V.self)
                                c += w
                            }
                            while c < cin { d[c] += src[c]; c += 1 }
                        }
                        src += cin
                    }
                }
            }
        }
    }
}
