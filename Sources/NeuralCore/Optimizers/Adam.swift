#if canImport(Foundation)
import Foundation
#endif
import SIMDKernels
import PortableMath

/// Adam (Kingma & Ba) and AdamW (Loshchilov & Hutter, `decoupledWeightDecay`).
///
/// Epsilon placement differs between libraries:
/// - `.pytorch` (default; also optax): θ ← θ − lr·m̂ / (√v̂ + ε), ε added to √v̂.
/// - `.keras`: θ ← θ − lr_t·m / (√v + ε) with lr_t = lr·√(1−β₂ᵗ)/(1−β₁ᵗ), i.e. ε added
///   to the un-corrected √v (an effective ε of ε·√(1−β₂ᵗ) on the corrected scale).
/// Default ε is PyTorch's 1e-8 (Keras uses 1e-7). Weight decay without decoupling adds
/// λ·θ to the gradient (PyTorch `Adam(weight_decay:)`); decoupled it shrinks
/// θ ← θ·(1 − lr·λ) before the update (PyTorch `AdamW`).
public final class Adam: GradientOptimizer {
    public enum EpsilonPlacement: String, Sendable, Equatable { case pytorch, keras }

    public var learningRate: Float
    public let beta1: Float, beta2: Float, epsilon: Float
    public let weightDecay: Float
    public let decoupledWeightDecay: Bool
    public let epsilonPlacement: EpsilonPlacement
    public private(set) var stepCount = 0
    public private(set) var lastStepWeightsFinite: Bool? = nil
    private var moments: [ObjectIdentifier: (m: [Float], v: [Float])] = [:]

    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
                weightDecay: Float = 0, decoupledWeightDecay: Bool = false,
                epsilonPlacement: EpsilonPlacement = .pytorch) {
        self.learningRate = learningRate
        self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        self.epsilonPlacement = epsilonPlacement
    }

    /// PyTorch `AdamW` defaults (weight decay 0.01, decoupled).
    public static func adamW(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999,
                             epsilon: Float = 1e-8, weightDecay: Float = 0.01) -> Adam {
        Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
             weightDecay: weightDecay, decoupledWeightDecay: true)
    }

    public func step(_ parameters: [Parameter]) {
        stepCount += 1
        let t = Double(stepCount)
        let c1 = 1 - Math.pow(Double(beta1), t), c2 = 1 - Math.pow(Double(beta2), t)
        let b1 = beta1, b2 = beta2, eps = epsilon, lr = learningRate, wd = weightDecay
        let decoupled = decoupledWeightDecay, keras = epsilonPlacement == .keras
        // Per-step scalars in Double, then Float for the elementwise loop.
        let stepSize = Float(keras ? Double(lr) * c2.squareRoot() / c1 : Double(lr) / c1)
        let vScale = Float(keras ? 1 : 1 / c2.squareRoot())
        let update = AdamUpdate(beta1: b1, beta2: b2, stepSize: stepSize, vScale: vScale, epsilon: eps,
                                learningRate: lr, weightDecay: wd, decoupled: decoupled)
        var finite = true
        for p in parameters where p.value.count > 0 {
            let id = ObjectIdentifier(p)
            var state = moments.removeValue(forKey: id)
                ?? ([Float](repeating: 0, count: p.value.count), [Float](repeating: 0, count: p.value.count))
            p.gradient.storage.withUnsafeBufferPointer { g in
                p.value.storage.withUnsafeMutableBufferPointer { theta in
                    state.m.withUnsafeMutableBufferPointer { m in
                        state.v.withUnsafeMutableBufferPointer { v in
                            let (t, mm, vv, gg) = (theta.baseAddress!, m.baseAddress!, v.baseAddress!, g.baseAddress!)
                            // Chunks start at multiples of 8, so every element takes the same
                            // vector lanes whatever the thread count.
                            let path = GEMMPath.current
                            if theta.count < 8 {
                                finite = update.apply(path: path, theta: t, m: mm, v: vv, g: gg, count: theta.count) && finite
                                return
                            }
                            // Up to four chunks per thread, so a helper that joins late takes its share.
                            let chunks = GEMMPath.threads > 1 ? GEMMPath.threads * 4 : 1
                            withUnsafeTemporaryAllocation(of: Bool.self, capacity: chunks) { chunkFinite in
                                chunkFinite.initialize(repeating: true)
                                parallelChunksWithSlot(theta.count / 8, minimumChunk: 2048, threads: chunks) { slot, r in
                                    let lo = r.lowerBound * 8
                                    let hi = r.upperBound == theta.count / 8 ? theta.count : r.upperBound * 8
                                    chunkFinite[slot] = update.apply(path: path, theta: t + lo, m: mm + lo, v: vv + lo,
                                                                     g: gg + lo, count: hi - lo)
                                }
                                finite = chunkFinite.allSatisfy { $0 } && finite
                            }
                        }
                    }
                }
            }
            moments[id] = state
        }
        lastStepWeightsFinite = finite
    }
}
