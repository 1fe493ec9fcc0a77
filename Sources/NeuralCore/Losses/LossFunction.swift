/// A loss on logits, with its value and analytic gradient w.r.t. the logits.
///
/// Precision: logits arrive as Float32 (the model's output); every per-element term,
/// per-sample value and reduction is computed in Double (cheap: B·C values per step),
/// and the gradient is written back as Float32 for backprop.
///
/// Targets: [B, C] multi-hot (or soft) labels. For `.softmaxCrossEntropy` each row is
/// divided by max(row sum, 1), so multi-hot rows become distributions and all-zero rows
/// stay zero. For `.sparseSoftmaxCrossEntropy` targets are either [B] class indices or
/// [B, C] rows whose argmax (first maximum) is the class.
public struct LossFunction: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Sigmoid cross-entropy from logits, per cell
        /// ℓ = (1−z)·softplus(x) + q·z·softplus(−x), q = `posWeight` (TF
        /// `weighted_cross_entropy_with_logits`, PyTorch `BCEWithLogitsLoss(pos_weight:)`),
        /// times PyTorch's per-class `weight` when given. Per-sample value: the class mean
        /// (Keras). `posWeight`/`classWeight` hold 1 value (all classes) or C values.
        case binaryCrossEntropy(posWeight: [Float]?, classWeight: [Float]?)
        /// Softmax cross-entropy with soft targets, −Σ_c cw_c·t_c·log softmax(x)_c per sample.
        case softmaxCrossEntropy(classWeight: [Float]?)
        /// −cw[y]·log softmax(x)_y per sample, for one integer label y.
        case sparseSoftmaxCrossEntropy(classWeight: [Float]?)
        /// torchvision `sigmoid_focal_loss`: α_t·sigmoidCE·(1−p_t)^γ per cell, class mean per
        /// sample. `alpha: nil` gives Keras' `BinaryFocalCrossentropy` default
        /// (`apply_class_balancing=False`: α ignored); `alpha: 0.25` gives torchvision's and
        /// Keras' `apply_class_balancing=True`.
        case sigmoidFocal(alpha: Float?, gamma: Float)
        /// The asymmetric loss of Ridnik et al. (ICCV 2021; see `AsymmetricLoss`): focusing
        /// γ₊ on positives, γ₋ on negatives, and negatives' probability shifted by `clip`
        /// (p ≤ clip costs nothing). The authors' defaults are γ₊ = 1, γ₋ = 4, clip = 0.05.
        /// Like the other sigmoid losses the per-sample value is the mean over labels, then
        /// the usual `Reduction`: the authors' `-loss.sum()` is `.sum` times C (labels).
        case asymmetric(gammaPositive: Float, gammaNegative: Float, clip: Float)
    }

    public var kind: Kind
    public var reduction: Reduction
    /// Keras' label smoothing s for `binaryCrossEntropy` (see `LabelSmoothing`); 0 is off.
    public var labelSmoothing: Float

    public init(_ kind: Kind, reduction: Reduction = .sumOverBatchSize, labelSmoothing: Float = 0) {
        self.kind = kind
        self.reduction = reduction
        self.labelSmoothing = labelSmoothing
    }

    public static func binaryCrossEntropy(posWeight: [Float]? = nil, classWeight: [Float]? = nil,
                                          labelSmoothing: Float = 0,
                                          reduction: Reduction = .sumOverBatchSize) -> LossFunction {
        LossFunction(.binaryCrossEntropy(posWeight: posWeight, classWeight: classWeight), reduction: reduction,
                     labelSmoothing: labelSmoothing)
    }

    public static func softmaxCrossEntropy(classWeight: [Float]? = nil,
                                           reduction: Reduction = .sumOverBatchSize) -> LossFunction {
        LossFunction(.softmaxCrossEntropy(classWeight: classWeight), reduction: reduction)
    }

    public static func sparseSoftmaxCrossEntropy(classWeight: [Float]? = nil,
                                                 reduction: Reduction = .sumOverBatchSize) -> LossFunction {
        LossFunction(.sparseSoftmaxCrossEntropy(classWeight: classWeight), reduction: reduction)
    }

    public static func sigmoidFocal(alpha: Float? = 0.25, gamma: Float = 2,
                                    reduction: Reduction = .sumOverBatchSize) -> LossFunction {
        LossFunction(.sigmoidFocal(alpha: alpha, gamma: gamma), reduction: reduction)
    }

    public static func asymmetric(gammaPositive: Float = 1, gammaNegative: Float = 4, clip: Float = 0.05,
                                  reduction: Reduction = .sumOverBatchSize) -> LossFunction {
        LossFunction(.asymmetric(gammaPositive: gammaPositive, gammaNegative: gammaNegative, clip: clip), reduction: reduction)
    }

    /// The head whose probabilities this loss models.
    public var head: OutputHead {
        switch kind {
        case .binaryCrossEntropy, .sigmoidFocal, .asymmetric: return .sigmoid
        case .softmaxCrossEntropy, .sparseSoftmaxCrossEntropy: return .softmax
        }
    }

    /// Throws `TrainingError` when a weight vector does not fit `classes` labels, or a
    /// parameter is out of range, so a bad configuration is an error instead of a trap.
    public func validate(classes: Int) throws(TrainingError) {
        func check(_ v: [Float]?, _ name: String) throws(TrainingError) {
            guard let v else { return }
            guard v.count == 1 || v.count == classes else {
                throw TrainingError("\(name) has \(v.count) values; expected 1 or \(classes) (one per label)")
            }
            guard v.allSatisfy({ $0.isFinite && $0 >= 0 }) else { throw TrainingError("\(name) must be finite and ≥ 0") }
        }
        try validateLabelSmoothing()
        switch kind {
        case .binaryCrossEntropy(let pw, let cw): try check(pw, "posWeight"); try check(cw, "classWeight")
        case .softmaxCrossEntropy(let cw), .sparseSoftmaxCrossEntropy(let cw): try check(cw, "classWeight")
        case .sigmoidFocal(let alpha, let gamma):
            if let a = alpha, !(a >= 0 && a <= 1) { throw TrainingError("focal alpha must be in [0, 1]") }
            if !(gamma >= 0 && gamma.isFinite) { throw TrainingError("focal gamma must be ≥ 0") }
        case .asymmetric(let gammaPositive, let gammaNegative, let clip):
            if !(gammaPositive >= 0 && gammaPositive.isFinite) { throw TrainingError("asymmetric gammaPositive must be ≥ 0") }
            if !(gammaNegative >= 0 && gammaNegative.isFinite) { throw TrainingError("asymmetric gammaNegative must be ≥ 0") }
            if !(clip >= 0 && clip < 1) { throw TrainingError("asymmetric clip must be in [0, 1)") }
        }
    }

    /// The reduced loss (for `.none`: the sum of the per-sample vector).
    public func value(logits: Tensor, targets: Tensor, sampleWeight: [Float]? = nil) -> Double {
        evaluate(logits: logits, targets: targets, sampleWeight: sampleWeight, gradient: nil, perSample: nil)
    }

    /// The reduced loss, writing d(loss)/d(logits) into `gradient` (resized to the logits' shape).
    public func valueAndGradient(logits: Tensor, targets: Tensor, sampleWeight: [Float]? = nil,
                                 gradient: inout Tensor) -> Double {
        gradient.resize(to: logits.shape)
        return gradient.storage.withUnsafeMutableBufferPointer { g in
            evaluate(logits: logits, targets: targets, sampleWeight: sampleWeight,
                     gradient: g.baseAddress!, perSample: nil)
        }
    }

    /// The per-sample vector wᵢ·ℓᵢ (Keras `reduction="none"`), whatever `reduction` is.
    public func perSample(logits: Tensor, targets: Tensor, sampleWeight: [Float]? = nil) -> [Double] {
        var out = [Double](repeating: 0, count: logits.batchSize)
        out.withUnsafeMutableBufferPointer { p in
            _ = evaluate(logits: logits, targets: targets, sampleWeight: sampleWeight,
                         gradient: nil, perSample: p.baseAddress!)
        }
        return out
    }
}
