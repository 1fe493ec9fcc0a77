/// ReLU's forward and backward loops eight lanes at a time, lane for lane the
/// scalar definitions: `max(x, 0)` (NaN stays NaN, −0 becomes +0) and
/// `y > 0 ? dy : 0`. Elements are independent, so large tensors are split
/// between two threads with the same bits.
enum ReLUKernel {
    typealias V = SIMD8<Float>

    static func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
        parallelChunks(count, minimumChunk: 65536) { r in
            forwardSerial(x + r.lowerBound, y + r.lowerBound, count: r.count)
        }
    }

    static func backward(_ dy: UnsafePointer<Float>, output y: UnsafePointer<Float>,
                         _ dx: UnsafeMutablePointer<Float>, count: Int) {
        parallelChunks(count, minimumChunk: 65536) { r in
            backwardSerial(dy + r.lowerBound, output: y + r.lowerBound, dx + r.lowerBound, count: r.count)
        }
    }

    private static func forwardSerial(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + V.scalarCount <= count {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: v.replacing(with: 0, where: v .<= 0), as: V.self)
            i += V.scalarCount
        }
        while i < count { y[i] = max(x[i], 0); i += 1 }
    }

    private static func backwardSerial(_ dy: UnsafePointer<Float>, output y: UnsafePointer<Float>,
                                       _ dx: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + V.scalarCount <= count {
            let g = UnsafeRawPointer(dy + i).loadUnaligned(as: V.self)
            let out = UnsafeRawPointer(y + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(dx + i).storeBytes(of: g.replacing(with: 0, where: .!(out .> 0)), as: V.self)
            i += V.scalarCount
        }
        while i < count { dx[i] = y[i] > 0 ? dy[i] : 0; i += 1 }
    }
}
