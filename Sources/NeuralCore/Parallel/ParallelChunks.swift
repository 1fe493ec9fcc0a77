import SIMDKernels

/// Splits element-wise work into contiguous chunks for loops
/// whose elements are independent (Adam, ReLU, im2col per image, pooling):
/// every element is computed by the same operations whichever chunk holds it,
/// so the result is the same bits for any thread count.
///
/// Uses up to `GEMMPath.threads` threads of the kernels' `WorkerPool` (the one
/// knob for all kernels, set by `LESSONS_GEMM_THREADS`), and only when each chunk gets at least
/// `minimumChunk` elements: waking a thread costs a few microseconds, which
/// small loops never win back.
///
/// Cut into up to four chunks per thread, claimed one by one, so a helper
/// that joins late (busy with a background job) still takes its share.
@inline(__always)
func parallelChunks(_ count: Int, minimumChunk: Int, _ body: (Range<Int>) -> Void) {
    let parts = min(GEMMPath.threads * 4, count / max(minimumChunk, 1))
    if parts <= 1 || GEMMPath.threads <= 1 {
        if count > 0 { body(0..<count) }
        return
    }
    WorkerPool.shared.run(parts: parts) { t in
        body((count * t / parts)..<(count * (t + 1) / parts))
    }
}

/// `parallelChunks` in at most `threads` chunks, one per thread, that also
/// tells each chunk which slot (0 ..< `threads`) it runs in, for loops with
/// per-thread scratch.
@inline(__always)
func parallelChunksWithSlot(_ count: Int, minimumChunk: Int, threads maximum: Int,
                            _ body: (_ slot: Int, Range<Int>) -> Void) {
    let threads = min(maximum, count / max(minimumChunk, 1))
    if threads <= 1 {
        if count > 0 { body(0, 0..<count) }
        return
    }
    WorkerPool.shared.run(parts: threads) { t in
        body(t, (count * t / threads)..<(count * (t + 1) / threads))
    }
}
