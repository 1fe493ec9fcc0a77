/// The NHWC max-pool forward loop, channels innermost: for each output pixel
/// the window is walked in row-major order and each tap updates a contiguous
/// run of channels, so the compiler vectorises it and no index arithmetic
/// runs per channel. Same rule as before: the first maximum wins a tie and
/// `!(v <= best)` lets a NaN through so it propagates.
struct MaxPoolKernel {
    var height: Int, width: Int, channels: Int
    var outHeight: Int, outWidth: Int, poolSize: Int

    func forward(_ x: UnsafePointer<Float>, batch: Int, output y: UnsafeMutablePointer<Float>,
                 argmax am: UnsafeMutablePointer<Int32>) {
        let p = poolSize, c = channels
        for n in 0..<batch {
            for oy in 0..<outHeight {
                for ox in 0..<outWidth {
                    let o = ((n * outHeight + oy) * outWidth + ox) * c
                    let best = y + o, index = am + o
                    for dy in 0..<p {
                        for dx in 0..<p {
                            let i = ((n * height + oy * p + dy) * width + ox * p + dx) * c
                            let tap = x + i
                            if dy == 0 && dx == 0 {
                                for ch in 0..<c { best[ch] = tap[ch]; index[ch] = Int32(i + ch) }
                            } else {
                                var ch = 0
                                while ch + 4 <= c {
                                    let v = load(SIMD4<Float>.self, tap + ch), b = load(SIMD4<Float>.self, best + ch)
                                    let better = .!(v .<= b)
                                    if any(better) {
                                        store(b.replacing(with: v, where: better), best + ch)
                                        let lanes = SIMD4<Int32>(0, 1, 2, 3) &+ Int32(i + ch)
                                        store(load(SIMD4<Int32>.self, index + ch).replacing(with: lanes, where: better), index + ch)
                                    }
                                    ch += 4
                                }
                                while ch < c {
                                    if !(tap[ch] <= best[ch]) { best[ch] = tap[ch]; index[ch] = Int32(i + ch) }
                                    ch += 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private func load<V: SIMD>(_: V.Type, _ p: UnsafeMutablePointer<V.Scalar>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inline(__always)
    private func load<V: SIMD>(_: V.Type, _ p: UnsafePointer<V.Scalar>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inline(__always)
    private func store<V: SIMD>(_ v: V, _ p: UnsafeMutablePointer<V.Scalar>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }
}
