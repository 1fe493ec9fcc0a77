import PortableMath

/// A learning rate that changes with the optimizer step t = 0, 1, 2, … (the step about to
/// be taken), as a factor of the optimizer's own rate r: an optional linear warmup, then
/// a decay whose clock starts when the warmup ends (optax `join_schedules`).
///
/// - warmup over W steps from start·r: r·(start + (1 − start)·t/W) for t < W — optax
///   `linear_schedule`, PyTorch `LinearLR(start_factor:)` (which refuses start 0), Keras
///   `CosineDecay(warmup_target:)`;
/// - `.step(every: k, factor: γ)`: r·γ^⌊t/k⌋ — PyTorch `StepLR` stepped per batch, optax
///   `exponential_decay(staircase: true)`, Keras `ExponentialDecay(staircase=True)`;
/// - `.cosine(steps: T, alpha: α)`: r·((1−α)·½(1 + cos(π·min(t, T)/T)) + α) — optax
///   `cosine_decay_schedule` and Keras `CosineDecay`, which hold α·r after T steps. PyTorch's
///   `CosineAnnealingLR(T_max: T, eta_min: α·r)` gives the same rates up to T but then climbs
///   back towards r (its cosine keeps going); a run longer than its schedule should not speed
///   up again, so we follow optax.
///
/// `unit: .epochs` counts W, k and T in epochs; the trainer turns them into steps.
public struct LearningRateSchedule: Sendable, Equatable {
    public enum Decay: Sendable, Equatable {
        case constant
        case step(every: Int, factor: Double)
        case cosine(steps: Int, alpha: Double)
    }

    public enum Unit: String, Sendable, Equatable { case steps, epochs }

    public var decay: Decay
    public var warmup: Int
    /// The warmup's first rate as a fraction of the optimizer's rate (optax/Keras: 0).
    public var warmupStart: Double
    public var unit: Unit

    public init(decay: Decay = .constant, warmup: Int = 0, warmupStart: Double = 0, unit: Unit = .steps) {
        self.decay = decay
        self.warmup = warmup
        self.warmupStart = warmupStart
        self.unit = unit
    }

    public static func step(every: Int, factor: Double, warmup: Int = 0, unit: Unit = .steps) -> LearningRateSchedule {
        LearningRateSchedule(decay: .step(every: every, factor: factor), warmup: warmup, unit: unit)
    }

    public static func cosine(steps: Int, alpha: Double = 0, warmup: Int = 0, unit: Unit = .steps) -> LearningRateSchedule {
        LearningRateSchedule(decay: .cosine(steps: steps, alpha: alpha), warmup: warmup, unit: unit)
    }

    /// The multiplier of the optimizer's rate at step t (0-based).
    public func factor(atStep t: Int) -> Double {
        if t < warmup { return warmupStart + (1 - warmupStart) * Double(t) / Double(warmup) }
        let s = t - warmup
        switch decay {
        case .constant: return 1
        case .step(let every, let factor): return Math.pow(factor, Double(s / every))
        case .cosine(let steps, let alpha):
            let cosine = 0.5 * (1 + Math.cos(Double.pi * Double(min(s, steps)) / Double(steps)))
            return (1 - alpha) * cosine + alpha
        }
    }

    /// The rate for step t of an optimizer configured with `base`.
    public func rate(base: Float, step t: Int) -> Float { Float(Double(base) * factor(atStep: t)) }

    /// The same schedule counted in optimizer steps.
    public func inSteps(stepsPerEpoch: Int) -> LearningRateSchedule {
        guard unit == .epochs else { return self }
        let k = stepsPerEpoch
        var s = self
        s.unit = .steps
        s.warmup = warmup * k
        switch decay {
        case .constant: break
        case .step(let every, let factor): s.decay = .step(every: every * k, factor: factor)
        case .cosine(let steps, let alpha): s.decay = .cosine(steps: steps * k, alpha: alpha)
        }
        return s
    }

    func validate() throws(TrainingError) {
        guard warmup >= 0 else { throw TrainingError("the warmup must be at least 0 \(unit.rawValue)") }
        guard warmupStart >= 0 && warmupStart <= 1 else { throw TrainingError("warmupStart must be in [0, 1]") }
        switch decay {
        case .constant: break
        case .step(let every, let factor):
            guard every >= 1 else { throw TrainingError("a step schedule decays every 1 or more \(unit.rawValue)") }
            guard factor > 0 && factor <= 1 else { throw TrainingError("a step schedule's factor must be in (0, 1]") }
        case .cosine(let steps, let alpha):
            guard steps >= 1 else { throw TrainingError("a cosine schedule needs at least 1 \(unit.rawValue)") }
            guard alpha >= 0 && alpha <= 1 else { throw TrainingError("a cosine schedule's alpha must be in [0, 1]") }
        }
    }
}
