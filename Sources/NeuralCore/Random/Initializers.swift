/// Weight initialisers (Keras names). Fan-in/fan-out follow Keras: for a Dense kernel
/// [in, out] they are in and out; for a Conv2D kernel [kh, kw, cin, cout] they are
/// kh·kw·cin and kh·kw·cout.
public enum Initializer: Sendable, Equatable {
    /// U(−l, l), l = √(6 / (fanIn + fanOut)) — Keras' default for Dense and Conv2D.
    case glorotUniform
    /// U(−l, l), l = √(6 / fanIn) — suited to ReLU networks.
    case heUniform
    case zeros

    /// Fills `count` values in storage order from `rng`.
    public func values(count: Int, fanIn: Int, fanOut: Int, rng: inout SeededRNG) -> [Float] {
        let limit: Float
        switch self {
        case .zeros: return [Float](repeating: 0, count: count)
        case .glorotUniform: limit = (6 / Float(fanIn + fanOut)).squareRoot()
        case .heUniform: limit = (6 / Float(fanIn)).squareRoot()
        }
        return (0..<count).map { _ in rng.uniform(-limit, limit) }
    }
}
