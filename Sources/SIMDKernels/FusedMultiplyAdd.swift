#if hasFeature(Embedded) && arch(wasm32)
import WasmSIMD
#endif

extension SIMD where Scalar == Float {
    /// `self + a · b` rounded once, lane by lane: the FMA of the kernels' numerics
    /// contract. Natively that is `addingProduct` (vector FMA instructions); on wasm32,
    /// where `addingProduct` becomes slow lane-wise `fmaf` calls, it is
    /// `f32x4.relaxed_madd`, which the module checks fuses before it trains.
    @inlinable @inline(__always)
    public func addingFusedProduct(_ a: Self, _ b: Self) -> Self {
        #if hasFeature(Embedded) && arch(wasm32)
        if Self.scalarCount == 4 {
            return unsafeBitCast(lessons_relaxed_madd(unsafeBitCast(a, to: SIMD4<Float>.self),
                                                      unsafeBitCast(b, to: SIMD4<Float>.self),
                                                      unsafeBitCast(self, to: SIMD4<Float>.self)), to: Self.self)
        }
        if Self.scalarCount == 8 {
            let a8 = unsafeBitCast(a, to: SIMD8<Float>.self), b8 = unsafeBitCast(b, to: SIMD8<Float>.self)
            let c8 = unsafeBitCast(self, to: SIMD8<Float>.self)
            let low = lessons_relaxed_madd(a8.lowHalf, b8.lowHalf, c8.lowHalf)
            let high = lessons_relaxed_madd(a8.highHalf, b8.highHalf, c8.highHalf)
            return unsafeBitCast(SIMD8<Float>(lowHalf: low, highHalf: high), to: Self.self)
        }
        #endif
        return addingProduct(a, b)
    }
}
