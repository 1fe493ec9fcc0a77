import NeuralCore
import PortableJSON

/// How the learning rate changes over a run, counted in epochs: NeuralCore's
/// `LearningRateSchedule` (optax/Keras semantics, matched against them there) with
/// `unit: .epochs`, applied as a factor of the optimizer's own rate r before every step.
/// A warmup rises linearly from 0 to r over its epochs; the decay's clock starts after it.
public enum Schedule: Hashable, Sendable {
    /// The optimizer's rate throughout (`Run` stores it as nil, so its cache key is unchanged).
    case constant
    case warmup(epochs: Int)
    case step(everyEpochs: Int, factor: Double = 0.1, warmupEpochs: Int = 0)
    case cosine(epochs: Int, alpha: Double = 0, warmupEpochs: Int = 0)

    /// NeuralCore's schedule, nil for `.constant`.
    var learningRateSchedule: LearningRateSchedule? {
        switch self {
        case .constant: return nil
        case .warmup(let epochs): return LearningRateSchedule(decay: .constant, warmup: epochs, unit: .epochs)
        case .step(let every, let factor, let warmup): return .step(every: every, factor: factor, warmup: warmup, unit: .epochs)
        case .cosine(let epochs, let alpha, let warmup): return .cosine(steps: epochs, alpha: alpha, warmup: warmup, unit: .epochs)
        }
    }
}

extension Schedule: DeclaredType {
    public static let typeName = "Schedule"
    static let epochLimits = Limits.range(1...1000)
    static let warmupEpochs = ArgumentKey<Int>("warmupEpochs", default: 0, limits: .range(0...1000),
                                               doc: "Epochs of linear warmup from 0 to the optimizer's rate before the decay starts.")
    static let warmupLength = ArgumentKey<Int>("epochs", limits: epochLimits, doc: "Epochs of the warmup.")
    static let everyEpochs = ArgumentKey<Int>("everyEpochs", limits: epochLimits, doc: "Epochs between two decays.")
    static let factor = ArgumentKey<Double>("factor", default: 0.1, limits: Limits(min: 0, max: 1, exclusiveMin: true),
                                            doc: "Multiplies the rate at each decay.")
    static let decayEpochs = ArgumentKey<Int>("epochs", limits: epochLimits, doc: "Epochs from the full rate down to alpha·r.")
    static let alpha = ArgumentKey<Double>("alpha", default: 0, limits: .range(0...1),
                                           doc: "The final rate as a share of r, held after `epochs`.")

    public static let members: [DeclaredMember<Schedule>] = [
        .plain("constant", .constant, doc: "The optimizer's rate throughout."),
        DeclaredMember("warmup", [warmupLength.facts],
                       doc: "Rises linearly from 0 to the optimizer's rate, then holds it (optax `linear_schedule`).") { a throws(JSONError) in
            .warmup(epochs: try a(warmupLength))
        },
        DeclaredMember("step", [everyEpochs.facts, factor.facts, warmupEpochs.facts],
                       doc: "r·factor^⌊epoch/everyEpochs⌋, stepped per batch (PyTorch `StepLR`, Keras `ExponentialDecay(staircase=True)`).") {
            a throws(JSONError) in
            .step(everyEpochs: try a(everyEpochs), factor: try a(factor), warmupEpochs: try a(warmupEpochs))
        },
        DeclaredMember("cosine", [decayEpochs.facts, alpha.facts, warmupEpochs.facts],
                       doc: "Cosine decay from r to alpha·r (optax `cosine_decay_schedule`, Keras `CosineDecay`; held after, "
                       + "unlike PyTorch's `CosineAnnealingLR`, which climbs back).") { a throws(JSONError) in
            .cosine(epochs: try a(decayEpochs), alpha: try a(alpha), warmupEpochs: try a(warmupEpochs))
        },
    ]

    static let description = APITypeDescription(
        declared: Schedule.self,
        doc: "How the learning rate changes over the epochs, as a factor of the optimizer's rate "
        + "(set before every step; optax `join_schedules` of a linear warmup and the decay).")
}

#if !hasFeature(Embedded)
extension Schedule: Codable {}
#endif
