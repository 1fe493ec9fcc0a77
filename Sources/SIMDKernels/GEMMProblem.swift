/// The operands of one row-major matrix product, exactly as `NeuralCore.gemm`
/// receives them: `C[m×n] (= or +=) op(A)[m×k] · op(B)[k×n]`.
///
/// Every kernel path computes each C element as
/// `acc = 0; for p in 0..<k { acc = fma(A[i,p], B[p,j], acc) }` in increasing p
/// (`acc = C` first when `continuesChains`),
/// then stores `acc` or `C + acc`, so all paths give the same bits.
public struct GEMMProblem {
    public var transposeA: Bool
    public var transposeB: Bool
    public var m: Int
    public var n: Int
    public var k: Int
    public var a: UnsafePointer<Float>
    public var lda: Int
    public var b: UnsafePointer<Float>
    public var ldb: Int
    public var c: UnsafeMutablePointer<Float>
    public var ldc: Int
    public var accumulate: Bool
    /// A gathered A operand (implicit im2col): when set, op(A)[i, p] is
    /// `a[aRowOffsets[i] + aDepthOffsets[p]]` (m and k offsets), and
    /// `transposeA`/`lda` are not used. A convolution's patch matrix is read
    /// this way straight from the image, never written out.
    public var aRowOffsets: UnsafePointer<Int>? = nil
    /// A bias added to every row of the result after its chain, `C = acc + bias[j]`
    /// (n values; only without `accumulate`): a layer's bias without a second pass.
    public var columnBias: UnsafePointer<Float>? = nil
    public var aDepthOffsets: UnsafePointer<Int>? = nil
    /// C holds partial sums of chains that this product continues: every
    /// element's chain starts from C's value instead of zero, so a product
    /// over depth cut into consecutive pieces gives the bits of one product
    /// over the whole depth (only without `accumulate` and `columnBias`).
    public var continuesChains = false
    /// Where a two-thread product divides the work so that each thread keeps
    /// its own half of a layer's kernel: the depth (with `splitsDepth`) or the
    /// rows of C at which the caller's half ends (nil: the usual split).
    /// The forward product then runs each row tile's chains on the caller
    /// up to this depth and on the helper from there (a pipeline, the same
    /// chains), and the kernel gradient gives the caller the rows before it.
    public var ownerSplit: Int? = nil
    public var splitsDepth = false

    @inlinable
    public init(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        self.transposeA = transposeA
        self.transposeB = transposeB
        self.m = m
        self.n = n
        self.k = k
        self.a = a
        self.lda = lda
        self.b = b
        self.ldb = ldb
        self.c = c
        self.ldc = ldc
        self.accumulate = accumulate
    }

    /// Distance between consecutive rows of op(A), and between consecutive
    /// depth steps p, in A's storage.
    @inlinable public var aRowStride: Int { transposeA ? 1 : lda }
    @inlinable public var aDepthStride: Int { transposeA ? lda : 1 }

    /// Multiply-adds in the product, for GFLOP/s figures (2 flops each).
    @inlinable public var multiplyAdds: Int { m * n * k }
}
