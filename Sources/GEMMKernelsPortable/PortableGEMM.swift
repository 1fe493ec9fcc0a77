import GEMMKernels

/// The portable path: 128-bit vectors, which every target has (NEON on arm64,
/// SSE on x86-64). Compiled without extra features, so on x86-64 its fused
/// multiply-adds are computed in software — correct bits, low speed; on
/// arm64 they are NEON `fmla`.
public func portableGEMM(_ p: GEMMProblem, threads: Int = 1) {
    blockedGEMM(SIMD4<Float>.self, p, threads: threads)
}
