/// Updates elements `range` of a parameter's weights from its gradient and
/// returns whether the updated weights are finite. Called from the threads
/// that compute the gradient, several at once for disjoint ranges.
typealias SliceStep = (_ weights: UnsafeMutablePointer<Float>, _ gradient: UnsafePointer<Float>,
                       _ range: Range<Int>) -> Bool

/// An optimizer whose step can run slice by slice inside the backward pass:
/// the first trainable layer (which the step never reads again) hands each
/// part of its kernel to the optimizer as soon as that part's gradient is
/// final, on the thread that computed it. The same element updates as
/// `step`, in another order; elements are independent, so the same bits.
protocol SliceStepping: GradientOptimizer {
    /// Starts a step: the per-step scalars (bias corrections) are fixed here.
    func beginStep()
    /// The slice update of the begun step for `p`.
    func sliceStep(for p: Parameter) -> SliceStep
    /// Updates every parameter but `fused` (already updated slice by slice,
    /// `finite` telling whether its weights stayed finite), ending the step.
    func finishStep(_ parameters: [Parameter], skipping fused: Parameter?, finite: Bool)
}
