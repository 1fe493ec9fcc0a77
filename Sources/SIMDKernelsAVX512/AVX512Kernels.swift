import SIMDKernels

#if arch(x86_64)
/// The AVX-512 path: the generic blocked kernel at 512-bit width (6 × 32
/// tiles), compiled by this target with `-mavx512f -mfma`. Call only when
/// the CPU reports AVX-512F; on any other CPU it faults.
@discardableResult
@inline(never) public func avx512GEMM(_ p: GEMMProblem, threads: Int = 1,
                             rowsFinished: ((Range<Int>) -> Bool)? = nil) -> Bool {
    blockedGEMM(SIMD16<Float>.self, p, threads: threads, rowsFinished: rowsFinished)
}
#endif

#if arch(x86_64)
/// Adam's update with 512-bit vectors.
@discardableResult
@inline(never) public func avx512AdamUpdate(_ u: AdamUpdate, theta: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
                             v: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, count: Int) -> Bool {
    u.apply(SIMD16<Float>.self, theta: theta, m: m, v: v, g: g, count: count)
}
#endif
