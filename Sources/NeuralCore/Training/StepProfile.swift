import Synchronization
import SIMDKernels  // Mutex of the Embedded (wasm32) build

/// Wall-clock time per phase of training steps — each layer's forward and
/// backward, the batch gather, the loss, the optimizer and the divergence check —
/// so `lessons bench --profile` can say what a step spends its time on.
/// Attach one to a `Trainer`; timing costs two clock reads per phase.
public final class StepProfile {
    public struct Phase: Equatable, Sendable {
        public var name: String
        public var seconds: Double
    }

    private var order: [String] = []
    private var totals: [String: UInt64] = [:]
    public private(set) var steps = 0

    public init() {}

    /// Phases in the order first seen, with their total seconds.
    public var phases: [Phase] {
        order.map { Phase(name: $0, seconds: Double(totals[$0] ?? 0) / 1e9) }
    }

    /// Runs `body`, adding its wall-clock time to phase `name`.
    @inline(__always)
    func measure<R>(_ name: @autoclosure () -> String, _ body: () -> R) -> R {
        let start = monotonicNanoseconds()
        let result = body()
        let elapsed = monotonicNanoseconds() - start
        let key = name()
        if totals[key] == nil { order.append(key) }
        totals[key, default: 0] += elapsed
        return result
    }

    func countStep() { steps += 1 }

    /// The profile timing the layer pass running now, and that pass's phase,
    /// so a layer can time its own parts (`part`). Set only by `Sequential`
    /// around a profiled layer (the benchmark profiles one run at a time);
    /// guarded, so runs training beside it read it safely.
    private static let active = Mutex<Active?>(nil)

    private struct Active: @unchecked Sendable {
        /// Touched only by the thread of the profiled run.
        var profile: StepProfile
        var phase: String
    }

    /// Runs `body`; inside a profiled layer pass, its time also goes to the
    /// sub-phase "<layer phase> · name" (so parts add up to at most their layer).
    @inline(__always)
    static func part<R>(_ name: String, _ body: () -> R) -> R {
        guard let current = active.withLock({ $0 }) else { return body() }
        return current.profile.measure(current.phase + " · " + name, body)
    }

    /// Times `body` as the layer pass `phase`, letting the layer time its parts.
    func measureLayer<R>(_ phase: String, _ body: () -> R) -> R {
        let saved = Self.active.withLock { value in
            defer { value = Active(profile: self, phase: phase) }
            return value
        }
        defer { Self.active.withLock { $0 = saved } }
        return measure(phase, body)
    }

    /// Forgets everything measured so far (e.g. after a warm-up epoch).
    public func reset() {
        order = []
        totals = [:]
        steps = 0
    }
}

extension Sequential {
    /// The name of layer `i` in a profile: its position, type and fused partner.
    func phaseName(_ i: Int, _ direction: String) -> String {
        var name = "\(i) \(type(of: layers[i]))"
        if let pool = layers[i] as? MaxPool2D, pool.absorbsPrecedingReLU { name += "+ReLU" }
        if let conv = layers[i] as? Conv2D, let pooling = conv.pooling {
            name += pooling.kernel.appliesReLU ? "+ReLU+MaxPool2D" : "+MaxPool2D"
        }
        return name + " " + direction
    }
}

#if !hasFeature(Embedded)
extension StepProfile.Phase: Codable {}
#endif
