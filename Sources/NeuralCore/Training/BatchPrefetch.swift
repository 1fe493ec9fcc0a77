import SIMDKernels

/// Gathers the next mini-batch on a kernel helper thread while the current
/// step's serial part (the loss, the small last layers) runs on the caller, so
/// the copy of scattered rows costs no step time. Only the timing changes:
/// the batch holds the same rows either way.
///
/// The buffers belong to the background job from `start` until `take` or
/// `finish`; the trainer touches them only after that.
final class BatchPrefetch {
    private let source: LabeledTensors
    private var images = Tensor.empty, labels = Tensor.empty
    /// The step whose batch was started, if any.
    private var started: Int?

    init(source: LabeledTensors) {
        self.source = source
    }

    /// Starts gathering rows `indices` as the batch of global step `step`, when
    /// kernels run on more than one thread and a helper is free.
    func start(_ indices: ArraySlice<Int>, step: Int) {
        guard GEMMPath.threads > 1, !WorkerPool.shared.callerRunsAlone, started == nil else { return }
        let rows = Array(indices)
        if WorkerPool.shared.startBackground({ [self] in
            source.images.gatherItems(rows, into: &images)
            source.labels.gatherItems(rows, into: &labels)
        }) {
            started = step
        }
    }

    /// Swaps the batch of `step` into `x` and `y` if it was prefetched.
    func take(step: Int, images x: inout Tensor, labels y: inout Tensor) -> Bool {
        guard let s = started else { return false }
        finish()
        guard s == step else { return false }
        swap(&x, &images)
        swap(&y, &labels)
        return true
    }

    /// Waits for a started gather (before the trainer returns or evaluates).
    func finish() {
        guard started != nil else { return }
        WorkerPool.shared.finishBackground()
        started = nil
    }
}
