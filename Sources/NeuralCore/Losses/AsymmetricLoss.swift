import PortableMath

/// The asymmetric loss (ASL) of Ridnik et al., "Asymmetric Loss For Multi-Label
/// Classification", ICCV 2021, as the authors' `AsymmetricLoss` (Alibaba-MIIL/ASL,
/// `src/loss_functions/losses.py`) defines it, per cell with p = σ(x):
///
///     p_m = min(1 − p + clip, 1)                       (shifted negative probability)
///     ℓ = −[ z·log(max(p, ε))·(1 − p)^γ₊ + (1 − z)·log(max(p_m, ε))·(1 − p_m)^γ₋ ]
///
/// with ε = 1e-8. Shifting drops easy negatives altogether: p ≤ clip gives p_m = 1 and
/// ℓ = 0. For soft targets the two one-sided terms are mixed linearly by z (the authors'
/// code also mixes the exponent; both agree for z ∈ {0, 1}).
///
/// Derivative: the true one of ℓ as a function of x, the focusing weight included, so
/// finite differences and autograd of the formula agree with it. (The authors'
/// `disable_torch_grad_focal_loss` switch would hold the weight constant in backprop; in
/// `AsymmetricLoss` it is commented out, so their autograd is this derivative too.) Where
/// a clamp is active its factor is constant: log ε has zero derivative, and so has the
/// whole negative term once p ≤ clip.
enum AsymmetricLoss {
    static let epsilon = 1e-8
    static let logEpsilon = Math.log(epsilon)

    /// ℓ and dℓ/dx of one cell.
    @inline(__always) static func cell(_ x: Double, _ z: Double, gammaPositive gp: Double, gammaNegative gn: Double,
                                       clip: Double) -> (Double, Double) {
        let f = ScalarMath.sigmoidPairAndLogSigmoid(x)
        let p = f.sigmoid, q = f.sigmoidNegated   // q = 1 − p without cancellation
        var l = 0.0, d = 0.0
        if z != 0 {
            // −log(max(p, ε))·q^γ₊; d/dx = −ℓ′·w + γ₊·p·log(max(p, ε))·w, with ℓ′ = q unclamped.
            let clamped = p < epsilon
            let logP = clamped ? logEpsilon : f.logSigmoid
            let w = gp == 0 ? 1 : Math.pow(q, gp)
            l += z * -logP * w
            d += z * ((clamped ? 0 : -q * w) + gp * p * logP * w)
        }
        let m = p - clip   // 1 − p_m, positive only where the negative term is not shifted away
        if z != 1 && m > 0 {
            // p_m = 1 − m, taken from whichever side keeps its digits.
            let pm = m > 0.5 ? q + clip : 1 - m
            let clamped = pm < epsilon
            let logPm = clamped ? logEpsilon : (m > 0.5 ? Math.log(pm) : Math.log1p(-m))
            let w = gn == 0 ? 1 : Math.pow(m, gn)
            // dp_m/dx = −p·q; dw/dx = γ₋·m^(γ₋−1)·p·q.
            var dn = clamped ? 0 : p * q / pm * w
            if gn != 0 { dn -= logPm * gn * Math.pow(m, gn - 1) * p * q }
            l += (1 - z) * -logPm * w
            d += (1 - z) * dn
        }
        return (l, d)
    }
}
