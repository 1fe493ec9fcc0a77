/// Label smoothing for `binaryCrossEntropy`, as Keras defines it
/// (`BinaryCrossentropy(label_smoothing: s)`): every target z becomes z·(1−s) + s/2
/// before the loss, so a positive asks for 1 − s/2 and a negative for s/2 instead of
/// 1 and 0. It combines with `posWeight` and `classWeight` as PyTorch's
/// `BCEWithLogitsLoss` does on such soft targets: q·z′·softplus(−x) + (1−z′)·softplus(x).
/// The gradient follows from the same cell formula, (1 + (q−1)z′)·σ(x) − q·z′.
extension LossFunction {
    /// The target a cell is trained towards; z itself when smoothing is off (0).
    @inline(__always) func smoothedTarget(_ z: Double) -> Double {
        labelSmoothing == 0 ? z : z * (1 - Double(labelSmoothing)) + 0.5 * Double(labelSmoothing)
    }

    /// Smoothing is defined (by Keras) for the binary cross-entropy only, with s in [0, 1].
    func validateLabelSmoothing() throws(TrainingError) {
        guard labelSmoothing != 0 else { return }
        guard labelSmoothing >= 0 && labelSmoothing <= 1 else {
            throw TrainingError("labelSmoothing must be in [0, 1], got \(labelSmoothing)")
        }
        guard case .binaryCrossEntropy = kind else {
            throw TrainingError("labelSmoothing applies to binaryCrossEntropy only (Keras BinaryCrossentropy)")
        }
    }
}
