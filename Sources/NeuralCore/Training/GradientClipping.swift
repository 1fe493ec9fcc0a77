/// Clipping by global norm: when ‖g‖ = √(Σ over every parameter's gradient of g²) exceeds
/// `maxNorm`, every gradient is scaled by the same factor, so the update keeps its
/// direction. Applied between backward and the optimizer step.
///
/// The libraries differ by an epsilon, and both are offered:
/// - `.pytorch` (default): `torch.nn.utils.clip_grad_norm_`, factor maxNorm/(‖g‖ + 1e-6),
///   applied when below 1 (so a norm just under maxNorm is already scaled a little);
/// - `.none`: optax `clip_by_global_norm` (and Keras `global_clipnorm`), factor maxNorm/‖g‖
///   when ‖g‖ ≥ maxNorm.
/// They differ by a relative 1e-6/‖g‖: invisible at ordinary norms, large at ‖g‖ ~ 1e-6.
public struct GradientClipping: Sendable, Equatable {
    public enum Epsilon: String, Sendable, Equatable { case pytorch, none }

    public var maxNorm: Double
    public var epsilon: Epsilon

    public init(maxNorm: Double, epsilon: Epsilon = .pytorch) {
        self.maxNorm = maxNorm
        self.epsilon = epsilon
    }

    /// √(Σ g²) over every element of every gradient, summed in Double in parameter order.
    public static func globalNorm(_ parameters: [Parameter]) -> Double {
        var sum = 0.0
        for p in parameters {
            p.gradient.storage.withUnsafeBufferPointer { g in
                for v in g { sum += Double(v) * Double(v) }
            }
        }
        return sum.squareRoot()
    }

    /// The factor the gradients are multiplied by for a global norm `norm` (1: unchanged).
    public func factor(norm: Double) -> Double {
        guard norm.isFinite else { return 1 }   // leave non-finite gradients for the divergence check
        switch epsilon {
        case .pytorch: return min(1, maxNorm / (norm + 1e-6))
        case .none: return norm >= maxNorm && norm > 0 ? maxNorm / norm : 1
        }
    }

    /// Clips the gradients in place; returns the global norm before clipping.
    @discardableResult
    public func apply(to parameters: [Parameter]) -> Double {
        let norm = Self.globalNorm(parameters)
        let f = factor(norm: norm)
        guard f < 1 else { return norm }
        let scale = Float(f)
        for p in parameters {
            p.gradient.storage.withUnsafeMutableBufferPointer { g in
                for i in g.indices { g[i] *= scale }
            }
        }
        return norm
    }

    func validate() throws(TrainingError) {
        guard maxNorm > 0 && maxNorm.isFinite else {
            throw TrainingError("the gradient clipping norm must be finite and > 0, got \(maxNorm)")
        }
    }
}
