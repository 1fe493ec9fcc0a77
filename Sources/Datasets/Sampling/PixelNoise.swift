import NeuralCore
import PortableMath

/// Gaussian pixel noise, clipped to [0, 1].
///
/// Noise touches every pixel, so it must be cheap: each 64 random bits give four
/// normals by looking up 16-bit indices in a table of the normal distribution's
/// quantiles (inverse-CDF sampling on a 65,536-point grid, tails cut at ±4.3σ, which
/// pixel noise never misses), instead of a logarithm and a cosine per value.
enum PixelNoise {
    static func add(standardDeviation sigma: Float, to pixels: UnsafeMutablePointer<Float>, count: Int,
                    rng: inout SeededRNG) {
        quantiles.withUnsafeBufferPointer { table in
            var p = 0
            while p < count {
                var bits = rng.next()
                for _ in 0..<4 where p < count {
                    pixels[p] = min(1, max(0, pixels[p] + sigma * table[Int(bits & 0xFFFF)]))
                    bits >>= 16
                    p += 1
                }
            }
        }
    }

    /// quantiles[i] = Φ⁻¹((i + ½) / 65,536).
    static let quantiles: [Float] = (0..<65_536).map { Float(inverseNormalCDF((Double($0) + 0.5) / 65_536)) }

    /// Φ⁻¹(p) by Acklam's rational approximation (relative error below 1.2e-9).
    static func inverseNormalCDF(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        func tail(_ q: Double) -> Double {
            (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p < low { return tail((-2 * Math.log(p)).squareRoot()) }
        if p > 1 - low { return -tail((-2 * Math.log(1 - p)).squareRoot()) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
