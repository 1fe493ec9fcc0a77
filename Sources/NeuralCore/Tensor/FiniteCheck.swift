/// Whether every value is finite, eight lanes at a time: x·0 is 0 for finite
/// x and NaN for ±∞ or NaN, so one pass of adds answers it. The trainer asks
/// this about every weight after every step, so it has to be cheap.
func allFinite(_ values: UnsafeBufferPointer<Float>) -> Bool {
    guard let base = values.baseAddress else { return true }
    typealias V = SIMD8<Float>
    var acc = V()
    var i = 0
    while i + V.scalarCount <= values.count {
        acc += UnsafeRawPointer(base + i).loadUnaligned(as: V.self) * 0
        i += V.scalarCount
    }
    var tail: Float = 0
    while i < values.count {
        tail += base[i] * 0
        i += 1
    }
    return acc.sum() + tail == 0
}
