/// The one matrix product every layer uses. Row-major, BLAS-like:
///
///     C[m×n]  (=  or  +=)  op(A)[m×k] · op(B)[k×n]
///
/// `op(A)` is A (stored m×k, leading dimension `lda`) or, with `transposeA`, Aᵀ
/// (A stored k×m). Likewise for B.
///
/// Numerics contract (all kernel paths must honour it, so results are
/// bit-identical whatever the CPU): each output element is
/// `acc = 0; for p in 0..<k { acc = fma(a[i,p], b[p,j], acc) }` in increasing p,
/// then `C = acc` or, with `accumulate`, `C = C + acc`.
public func gemm(
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool
) {
    for i in 0..<m {
        for j in 0..<n {
            var acc: Float = 0
            for p in 0..<k {
                let av = transposeA ? a[p * lda + i] : a[i * lda + p]
                let bv = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                acc = acc.addingProduct(av, bv)
            }
            c[i * ldc + j] = accumulate ? c[i * ldc + j] + acc : acc
        }
    }
}
