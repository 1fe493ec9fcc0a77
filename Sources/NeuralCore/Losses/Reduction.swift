/// How per-sample losses become one number. Per-sample loss ℓᵢ already includes the
/// sample weight wᵢ (1 when none is given); B is the batch size, zero-weight rows included.
public enum Reduction: String, Sendable, Equatable, CaseIterable {
    /// Σᵢ wᵢℓᵢ / B — Keras' default. Doubling every weight doubles the loss.
    case sumOverBatchSize
    /// PyTorch's `mean`: Σ / (B·C) over cells for the binary losses (equal to
    /// `sumOverBatchSize`, since their per-sample loss is a class mean), Σ / B for softmax
    /// cross-entropy with soft targets, and the weighted mean Σ wᵢ·cw[yᵢ]·ℓᵢ / Σ wᵢ·cw[yᵢ]
    /// for sparse cross-entropy with class weights (PyTorch's divisor for hard targets).
    case mean
    /// Σᵢ wᵢℓᵢ (Keras `sum`).
    case sum
    /// The vector wᵢℓᵢ (length B). Its gradient is that of the sum.
    case none
    /// Σᵢ wᵢℓᵢ / Σᵢ wᵢ (0 when Σw = 0) — Keras' non-default weighted mean.
    case meanWithSampleWeight
}
