import SIMDKernels

#if arch(x86_64)
/// The AVX2 + FMA path: the generic blocked kernel at 256-bit width, compiled
/// by this target with `-mavx2 -mfma` so every `addingProduct` is a
/// `vfmadd…ps ymm`. Call only when the CPU reports AVX2 and FMA.
public func avx2GEMM(_ p: GEMMProblem, threads: Int = 1) {
    blockedGEMM(SIMD8<Float>.self, p, threads: threads)
}
#endif

#if arch(x86_64)
/// Adam's update with 256-bit vectors (`vsqrtps`/`vdivps ymm`).
@discardableResult
public func avx2AdamUpdate(_ u: AdamUpdate, theta: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
                           v: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, count: Int) -> Bool {
    u.apply(SIMD8<Float>.self, theta: theta, m: m, v: v, g: g, count: count)
}
#endif
