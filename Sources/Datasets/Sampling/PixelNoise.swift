#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import NeuralCore

/// Gaussian pixel noise, clipped to [0, 1].
///
/// Box–Muller in Float with two normals per 64 random bits: noise touches every pixel,
/// so drawing it through `SeededRNG.normal()` (Double, one value per call) would cost
/// more than drawing all the shapes.
enum PixelNoise {
    static func add(standardDeviation sigma: Float, to pixels: UnsafeMutablePointer<Float>, count: Int,
                    rng: inout SeededRNG) {
        var p = 0
        while p < count {
            let bits = rng.next()
            // u1 in (0, 1] so the logarithm is finite; u2 in [0, 1).
            let u1 = Float((bits >> 40) + 1) * (1.0 / 16_777_216.0)
            let u2 = Float((bits >> 16) & 0xFF_FFFF) * (1.0 / 16_777_216.0)
            let radius = sigma * (-2 * logf(u1)).squareRoot()
            let angle = 2 * Float.pi * u2
            pixels[p] = min(1, max(0, pixels[p] + radius * cosf(angle)))
            if p + 1 < count { pixels[p + 1] = min(1, max(0, pixels[p + 1] + radius * sinf(angle))) }
            p += 2
        }
    }
}
