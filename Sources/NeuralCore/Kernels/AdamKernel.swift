import SIMDKernels
import SIMDKernelsPortable
#if arch(x86_64)
import SIMDKernelsAVX2
import SIMDKernelsAVX512
#endif

extension AdamUpdate {
    /// Runs the update on a kernel path (default: the one `gemm` uses). Every
    /// path gives the same bits; the wider ones are faster.
    /// Returns whether every updated weight is finite.
    @discardableResult
    func apply(path: GEMMPath = .current, theta: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
               v: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, count: Int) -> Bool {
        switch path {
        #if arch(x86_64)
        case .avx512: return avx512AdamUpdate(self, theta: theta, m: m, v: v, g: g, count: count)
        case .avx2: return avx2AdamUpdate(self, theta: theta, m: m, v: v, g: g, count: count)
        #else
        case .avx512, .avx2: preconditionFailure("kernel path \(path) exists only on x86-64")
        #endif
        case .portable: return portableAdamUpdate(self, theta: theta, m: m, v: v, g: g, count: count)
        }
    }
}
