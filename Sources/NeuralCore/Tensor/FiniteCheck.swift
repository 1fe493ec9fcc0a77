/// Whether every value is finite, eight lanes at a time: x·0 is 0 for finite
/// x and NaN for ±∞ or NaN, so one pass of adds answers it. The trainer asks
/// this about every weight after every step, so it has to be cheap.
func allFinite(_ values: UnsafeBufferPointer<Float>) -> Bool {
    if values.isEmpty { return true }
    if values.count >= 65536 {
        // Large tensors in two halves on two threads; the answer is the same.
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: 2) { answers in
            let mid = values.count / 2
            answers.initialize(repeating: true)
            parallelChunks(2, minimumChunk: 1) { halves in
                for h in halves {
                    answers[h] = allFiniteSerial(UnsafeBufferPointer(
                        rebasing: h == 0 ? values[0..<mid] : values[mid..<values.count]))
                }
            }
            return answers[0] && answers[1]
        }
    }
    return allFiniteSerial(values)
}

private func allFiniteSerial(_ values: UnsafeBufferPointer<Float>) -> Bool {
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
