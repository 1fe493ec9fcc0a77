/// A stack of layers applied in order (Keras `Sequential`). The model outputs logits;
/// heads (sigmoid/softmax) are applied by losses and predictions, never as a layer.
///
/// `build` fuses a `ReLU` directly followed by a `MaxPool2D` into the pool's one
/// pass, and a `Conv2D` followed by that pool (or by a `MaxPool2D` directly) into
/// the convolution (`ConvPooling`): same bits, and the largest activations are
/// never written out whole.
public final class Sequential {
    public let layers: [Layer]
    public private(set) var inputShape: [Int]? = nil
    public private(set) var outputShape: [Int]? = nil
    /// Layers whose work another layer does (a ReLU fused into the MaxPool2D after it).
    private var absorbed = Set<Int>()
    /// When set, training forward and backward passes time each layer into it.
    public var profile: StepProfile?

    /// Whether `build` fuses layers (same bits either way; off only to test that).
    public let fusesLayers: Bool

    public init(_ layers: [Layer], fusesLayers: Bool = true) {
        self.layers = layers
        self.fusesLayers = fusesLayers
    }

    public var isBuilt: Bool { inputShape != nil }

    /// Creates every layer's parameters for per-sample inputs of `inputShape`
    /// (e.g. [28, 28, 1]); the same seed gives the same weights, bit for bit.
    @discardableResult
    public func build(inputShape: [Int], seed: UInt64) -> [Int] {
        var rng = SeededRNG(seed: seed)
        var shape = inputShape
        for layer in layers { shape = layer.build(inputShape: shape, rng: &rng) }
        absorbed = []
        for (i, layer) in layers.enumerated().dropFirst() where fusesLayers {
            if let pool = layer as? MaxPool2D, layers[i - 1] is ReLU, !absorbed.contains(i - 1) {
                pool.absorbsPrecedingReLU = true
                absorbed.insert(i - 1)
            }
        }
        for (i, layer) in layers.enumerated() {
            (layer as? Conv2D)?.pooling = nil
            guard fusesLayers, let pool = layer as? MaxPool2D else { continue }
            let before = pool.absorbsPrecedingReLU ? i - 2 : i - 1
            if before >= 0, let conv = layers[before] as? Conv2D, conv.pooling == nil {
                conv.pooling = ConvPooling(kernel: pool.kernel)
                absorbed.insert(i)
            }
        }
        self.inputShape = inputShape
        self.outputShape = shape
        return shape
    }

    /// All trainable parameters, layer by layer.
    public var parameters: [Parameter] { layers.flatMap { $0.parameters } }

    /// Number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        precondition(isBuilt, "build(inputShape:seed:) the model before using it")
        return forward(input, from: 0, training: training)
    }

    /// The layer that can read a training batch in place from the data set's
    /// rows: a first `Dense` after nothing but `Flatten`s (an MLP's), or nil.
    var inPlaceBatchReader: Int? {
        guard let i = layers.firstIndex(where: { !($0 is Flatten) }), layers[i] is Dense else { return nil }
        return i
    }

    /// The training forward of the batch made of rows `rows` of `data`, which
    /// the first `Dense` reads in place (`inPlaceBatchReader` must exist):
    /// the same bits as `forward` on the gathered batch, without the copy.
    func forward(rows: ArraySlice<Int>, of data: Tensor) -> Tensor {
        precondition(isBuilt, "build(inputShape:seed:) the model before using it")
        guard let first = inPlaceBatchReader, let dense = layers[first] as? Dense else {
            preconditionFailure("this model cannot read its batch in place")
        }
        let x: Tensor
        if let profile {
            x = profile.measureLayer(phaseName(first, "forward")) { dense.forward(rows: rows, of: data) }
        } else {
            x = dense.forward(rows: rows, of: data)
        }
        return forward(x, from: first + 1, training: true)
    }

    private func forward(_ input: Tensor, from start: Int, training: Bool) -> Tensor {
        var x = input
        for (i, layer) in layers.enumerated().dropFirst(start) where !absorbed.contains(i) {
            if training, let profile {
                x = profile.measureLayer(phaseName(i, "forward")) { layer.forward(x, training: true) }
            } else {
                x = layer.forward(x, training: training)
            }
        }
        return x
    }

    /// Back-propagates d(loss)/d(logits) of the last training forward, filling every
    /// parameter's gradient. Layers before the first trainable one are not visited, and
    /// that layer does not compute its input gradient (for an MLP that saves the
    /// 784-wide product of the first Dense layer).
    public func backward(_ logitsGradient: Tensor) {
        _ = backward(logitsGradient, stepping: nil)
    }

    /// `backward`; with `optimizer` (its step begun), a first trainable `Dense`
    /// layer hands its kernel to the optimizer part by part as the kernel
    /// gradient is computed (see `SliceStepping`). Returns that kernel and
    /// whether it stayed finite, or nil when no parameter was stepped.
    func backward(_ logitsGradient: Tensor, stepping optimizer: SliceStepping?) -> (fused: Parameter, finite: Bool)? {
        let firstTrainable = layers.firstIndex { !$0.parameters.isEmpty } ?? layers.count
        var g = logitsGradient
        var stepped: (fused: Parameter, finite: Bool)? = nil
        for i in stride(from: layers.count - 1, through: firstTrainable, by: -1) where !absorbed.contains(i) {
            func pass() -> Tensor {
                guard i == firstTrainable, let optimizer, let dense = layers[i] as? Dense else {
                    return layers[i].backward(g, needsInputGradient: i > firstTrainable)
                }
                let result = dense.backward(g, needsInputGradient: false, kernelStep: optimizer.sliceStep(for: dense.kernel))
                stepped = (dense.kernel, result.finite)
                return result.gradient
            }
            if let profile {
                g = profile.measureLayer(phaseName(i, "backward"), pass)
            } else {
                g = pass()
            }
        }
        return stepped
    }

    /// Logits for a whole data set, computed in inference mode in batches.
    public func predictLogits(_ inputs: Tensor, batchSize: Int = 256) -> Tensor {
        let n = inputs.batchSize
        let width = outputShape?.reduce(1, *) ?? 0
        var result = [Float](repeating: 0, count: n * width)
        var batch = Tensor.empty
        var start = 0
        while start < n {
            let end = min(n, start + batchSize)
            inputs.gatherItems(start..<end, into: &batch)
            let y = forward(batch, training: false)
            result.withUnsafeMutableBufferPointer { r in
                y.storage.withUnsafeBufferPointer { ys in
                    (r.baseAddress! + start * width).update(from: ys.baseAddress!, count: ys.count)
                }
            }
            start = end
        }
        return Tensor(shape: [n] + (outputShape ?? []), storage: result)
    }
}
