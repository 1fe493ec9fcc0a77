/// Copies columns `j0 ..< j0 + cols` of op(B) into a contiguous k × `width`
/// panel (row p at `dst + p * width`), zero-filling columns past `cols`.
/// Zero columns only feed tile columns that are never stored.
@inlinable
func packPanel(_ p: GEMMProblem, from j0: Int, cols: Int, width: Int,
               into dst: UnsafeMutablePointer<Float>) {
    let k = p.k
    if p.transposeB {
        // op(B)[q, j] = b[j * ldb + q]: walk each stored row contiguously.
        for c in 0..<width {
            if c < cols {
                let src = p.b + (j0 + c) * p.ldb
                for q in 0..<k { dst[q * width + c] = src[q] }
            } else {
                for q in 0..<k { dst[q * width + c] = 0 }
            }
        }
    } else {
        for q in 0..<k {
            let src = p.b + q * p.ldb + j0
            let row = dst + q * width
            for c in 0..<cols { row[c] = src[c] }
            for c in cols..<width { row[c] = 0 }
        }
    }
}
