import SIMDKernels
import SIMDKernelsPortable
#if arch(x86_64)
import SIMDKernelsAVX2
import SIMDKernelsAVX512
#endif

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
/// then `C = acc` or, with `accumulate`, `C = C + acc`; with `columnBias` (n values,
/// no `accumulate`) `C = acc + bias[j]`, the bias added after the chain.
///
/// Runs on `GEMMPath.current` with up to `GEMMPath.threads` threads unless told
/// otherwise (tests and benchmarks pick both; the path must be supported by this CPU).
///
/// With two or more threads, `ownerSplit` divides the work between the caller and one
/// helper at that depth (`splitsDepth`: a layer's forward product, whose B is the
/// kernel) or row of C (its kernel gradient), so each keeps its half of the kernel
/// (`GEMMProblem.ownerSplit`); the same chains, so the same bits.
///
/// `rowsFinished` is called for ranges of C's rows as they become final,
/// covering every row once, possibly from several threads at once (see
/// `blockedGEMM`); the result says whether every call returned true.
@discardableResult
public func gemm(
    path: GEMMPath = GEMMPath.current, threads: Int = GEMMPath.threads,
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool, columnBias: UnsafePointer<Float>? = nil,
    ownerSplit: Int? = nil, splitsDepth: Bool = false,
    rowsFinished: ((Range<Int>) -> Bool)? = nil
) -> Bool {
    precondition(m >= 0 && n >= 0 && k >= 0, "gemm: negative size m=\(m) n=\(n) k=\(k)")
    var problem = GEMMProblem(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                              a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
    problem.columnBias = columnBias
    problem.ownerSplit = ownerSplit
    problem.splitsDepth = splitsDepth
    return run(problem, path: path, threads: threads, rowsFinished: rowsFinished)
}

/// `gemm` with a gathered A (implicit im2col): op(A)[i, p] = `a[rowOffsets[i] + depthOffsets[p]]`,
/// so a convolution reads its patches straight from the (padded) image. Same
/// numerics contract. With `continuingChains`, every element's chain starts
/// from C's value instead of zero: a product over depth cut into consecutive
/// pieces then gives the bits of the whole product. `rowsFinished` as in
/// the plain `gemm`.
@discardableResult
public func gemm(
    path: GEMMPath = GEMMPath.current, threads: Int = GEMMPath.threads,
    gatheredA a: UnsafePointer<Float>, rowOffsets: UnsafePointer<Int>, depthOffsets: UnsafePointer<Int>,
    transposeB: Bool, m: Int, n: Int, k: Int,
    b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool, columnBias: UnsafePointer<Float>? = nil, continuingChains: Bool = false,
    ownerSplit: Int? = nil, splitsDepth: Bool = false,
    rowsFinished: ((Range<Int>) -> Bool)? = nil
) -> Bool {
    precondition(m >= 0 && n >= 0 && k >= 0, "gemm: negative size m=\(m) n=\(n) k=\(k)")
    var problem = GEMMProblem(transposeA: false, transposeB: transposeB, m: m, n: n, k: k,
                              a: a, lda: 0, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
    problem.aRowOffsets = rowOffsets
    problem.aDepthOffsets = depthOffsets
    problem.columnBias = columnBias
    problem.continuesChains = continuingChains
    problem.ownerSplit = ownerSplit
    problem.splitsDepth = splitsDepth
    return run(problem, path: path, threads: threads, rowsFinished: rowsFinished)
}

@discardableResult
private func run(_ problem: GEMMProblem, path: GEMMPath, threads: Int,
                 rowsFinished: ((Range<Int>) -> Bool)? = nil) -> Bool {
    precondition(problem.columnBias == nil || !problem.accumulate, "gemm: columnBias only without accumulate")
    precondition(!problem.continuesChains || (!problem.accumulate && problem.columnBias == nil),
                 "gemm: continuing chains only without accumulate or columnBias")
    precondition(path.isSupported, "GEMM path \(path) is not supported by this CPU")
    switch path.kernel(columns: problem.n) {
    #if arch(x86_64)
    case .avx512: return avx512GEMM(problem, threads: threads, rowsFinished: rowsFinished)
    case .avx2: return avx2GEMM(problem, threads: threads, rowsFinished: rowsFinished)
    #else
    case .avx512, .avx2: preconditionFailure("GEMM path \(path) exists only on x86-64")
    #endif
    case .portable: return portableGEMM(problem, threads: threads, rowsFinished: rowsFinished)
    }
}

extension GEMMPath {
    /// The kernel that runs a product `columns` wide on this path. AVX-512
    /// hands products at most 8 wide (an output layer's) to the AVX2 kernel:
    /// its 6×16 tiles waste less of them than 6×32 ones (64×5×128 takes 3.5 µs
    /// instead of 6 here). Same bits: every kernel computes the same chains.
    func kernel(columns: Int) -> GEMMPath {
        self == .avx512 && columns <= 8 && GEMMPath.avx2.isSupported ? .avx2 : self
    }
}
