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
    /// First and second moments per parameter, at fixed addresses, so a step
    /// can update slices of them from the threads computing the gradient.
    private var moments: [ObjectIdentifier: Moments] = [:]
    /// The element update of the step begun last.
    private var current: AdamUpdate? = nil

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
        beginStep()
        finishStep(parameters, skipping: nil, finite: true)
    }
}

extension Adam: SliceStepping {
    func beginStep() {
        stepCount += 1
        let t = Double(stepCount)
        let c1 = 1 - Math.pow(Double(beta1), t), c2 = 1 - Math.pow(Double(beta2), t)
        let keras = epsilonPlacement == .keras
        // Per-step scalars in Double, then Float for the elementwise loop.
        let stepSize = Float(keras ? Double(learningRate) * c2.squareRoot() / c1 : Double(learningRate) / c1)
        let vScale = Float(keras ? 1 : 1 / c2.squareRoot())
        current = AdamUpdate(beta1: beta1, beta2: beta2, stepSize: stepSize, vScale: vScale, epsilon: epsilon,
                             learningRate: learningRate, weightDecay: weightDecay, decoupled: decoupledWeightDecay)
    }

    func sliceStep(for p: Parameter) -> SliceStep {
        let update = current!, state = moments(of: p), path = GEMMPath.current
        return { theta, g, r in
            update.apply(path: path, theta: theta + r.lowerBound, m: state.m + r.lowerBound, v: state.v + r.lowerBound,
                         g: g + r.lowerBound, count: r.count)
        }
    }

    func finishStep(_ parameters: [Parameter], skipping fused: Parameter?, finite fusedFinite: Bool) {
        let update = current!
        var finite = fusedFinite
        for p in parameters where p.value.count > 0 && p !== fused {
            let state = moments(of: p)
            p.gradient.storage.withUnsafeBufferPointer { g in
                p.value.storage.withUnsafeMutableBufferPointer { theta in
                    let (t, mm, vv, gg) = (theta.baseAddress!, state.m, state.v, g.baseAddress!)
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
        lastStepWeightsFinite = finite
    }

    /// The moments of `p`, zero on first use.
    private func moments(of p: Parameter) -> Moments {
        let id = ObjectIdentifier(p)
        if let state = moments[id], state.count == p.value.count { return state }
        let state = Moments(count: p.value.count)
        moments[id] = state
        return state
    }
}

/// Adam's m and v for one parameter, zero-initialised, at addresses that do
/// not move while slices of a step are applied.
private final class Moments {
    let count: Int
    let m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>

    init(count: Int) {
        self.count = count
        m = .allocate(capacity: max(count, 1))
        v = .allocate(capacity: max(count, 1))
        m.initialize(repeating: 0, count: max(count, 1))
        v.initialize(repeating: 0, count: max(count, 1))
    }

    deinit {
        m.deallocate()
        v.deallocate()
    }
}
