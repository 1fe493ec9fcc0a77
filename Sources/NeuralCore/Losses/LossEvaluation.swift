import PortableMath

extension LossFunction {
    /// One pass over the batch: per-row loss and derivative from `rowLoss`, weighted
    /// and divided by the reduction's denominator (known before the pass).
    func evaluate(logits: Tensor, targets: Tensor, sampleWeight: [Float]?,
                  gradient: UnsafeMutablePointer<Float>?, perSample: UnsafeMutablePointer<Double>?) -> Double {
        precondition(logits.rank == 2, "logits must be [B, C], got \(logits.shape)")
        let b = logits.shape[0], c = logits.shape[1]
        if let w = sampleWeight { precondition(w.count == b, "sampleWeight has \(w.count) values for a batch of \(b)") }
        let targetLayout = checkTargets(targets, batch: b, classes: c)
        let denominator = reductionDenominator(targets: targets, layout: targetLayout, batch: b, classes: c,
                                               sampleWeight: sampleWeight)
        let scale = denominator == 0 ? 0 : 1 / denominator
        var rowGradient = [Double](repeating: 0, count: c)
        var scratch = [Double](repeating: 0, count: c)   // per-class target weights of one row
        var total = 0.0
        logits.storage.withUnsafeBufferPointer { x in
            targets.storage.withUnsafeBufferPointer { t in
                rowGradient.withUnsafeMutableBufferPointer { rg in
                  scratch.withUnsafeMutableBufferPointer { sc in
                    for i in 0..<b {
                        let w = Double(sampleWeight?[i] ?? 1)
                        let target = targetLayout == .indices ? nil : t.baseAddress! + i * c
                        let index = targetLayout == .indices ? Int(t[i]) : nil
                        let l = rowLoss(x.baseAddress! + i * c, target: target, index: index, classes: c,
                                        gradient: gradient == nil ? nil : rg.baseAddress!, scratch: sc.baseAddress!)
                        total += w * l
                        perSample?[i] = w * l
                        if let g = gradient {
                            let s = w * scale
                            for k in 0..<c { g[i * c + k] = Float(s * rg[k]) }
                        }
                    }
                  }
                }
            }
        }
        return total * scale
    }

    enum TargetLayout { case rows, indices }

    private func checkTargets(_ targets: Tensor, batch b: Int, classes c: Int) -> TargetLayout {
        if case .sparseSoftmaxCrossEntropy = kind, targets.rank == 1 {
            precondition(targets.count == b, "sparse targets: \(targets.count) labels for a batch of \(b)")
            for v in targets.storage {
                precondition(v >= 0 && Int(v) < c && v == v.rounded(), "sparse label \(v) outside 0..<\(c)")
            }
            return .indices
        }
        precondition(targets.shape == [b, c], "targets \(targets.shape) do not match logits [\(b), \(c)]")
        return .rows
    }

    private func reductionDenominator(targets: Tensor, layout: TargetLayout, batch b: Int, classes c: Int,
                                      sampleWeight: [Float]?) -> Double {
        switch reduction {
        case .sum, .none: return 1
        case .sumOverBatchSize: return Double(b)
        case .meanWithSampleWeight:
            guard let w = sampleWeight else { return Double(b) }
            return w.reduce(0.0) { $0 + Double($1) }
        case .mean:
            guard case .sparseSoftmaxCrossEntropy(let cw?) = kind else { return Double(b) }
            var d = 0.0
            for i in 0..<b {
                let y = layout == .indices ? Int(targets.storage[i]) : Self.argmax(targets.storage, row: i, classes: c)
                d += Double(sampleWeight?[i] ?? 1) * Double(Self.broadcast(cw, y))
            }
            return d
        }
    }

    @inline(__always) static func broadcast(_ v: [Float], _ k: Int) -> Float { v.count == 1 ? v[0] : v[k] }

    static func argmax(_ s: [Float], row i: Int, classes c: Int) -> Int {
        s.withUnsafeBufferPointer { argmax($0.baseAddress! + i * c, classes: c) }
    }

    /// Index of the first maximum of a row.
    static func argmax(_ row: UnsafePointer<Float>, classes c: Int) -> Int {
        var best = 0
        for k in 1..<max(c, 1) where row[k] > row[best] { best = k }
        return best
    }

    /// Unweighted per-sample loss ℓ of one row and, if asked, dℓ/dx into `gradient`.
    /// `scratch` holds C Doubles of working space.
    func rowLoss(_ x: UnsafePointer<Float>, target: UnsafePointer<Float>?, index: Int?, classes c: Int,
                 gradient: UnsafeMutablePointer<Double>?, scratch a: UnsafeMutablePointer<Double>) -> Double {
        switch kind {
        case .binaryCrossEntropy, .sigmoidFocal, .asymmetric:
            var sum = 0.0
            for k in 0..<c {
                let (l, d) = cellLoss(Double(x[k]), Double(target![k]), classIndex: k)
                sum += l
                gradient?[k] = d / Double(c)
            }
            return sum / Double(c)
        case .softmaxCrossEntropy(let cw):
            var rowSum = 0.0
            for k in 0..<c { rowSum += Double(target![k]) }
            let norm = max(rowSum, 1)
            var aSum = 0.0   // a_k = cw_k · t_k
            for k in 0..<c {
                a[k] = Double(target![k]) / norm * Double(cw.map { Self.broadcast($0, k) } ?? 1)
                aSum += a[k]
            }
            return softmaxRow(x, weights: a, weightSum: aSum, classes: c, gradient: gradient)
        case .sparseSoftmaxCrossEntropy(let cw):
            let y = index ?? Self.argmax(target!, classes: c)
            a.update(repeating: 0, count: c)
            a[y] = Double(cw.map { Self.broadcast($0, y) } ?? 1)
            return softmaxRow(x, weights: a, weightSum: a[y], classes: c, gradient: gradient)
        }
    }

    /// −Σ a_k·log softmax(x)_k and its true derivative softmax(x)·Σa − a.
    private func softmaxRow(_ x: UnsafePointer<Float>, weights a: UnsafeMutablePointer<Double>, weightSum: Double, classes c: Int,
                            gradient: UnsafeMutablePointer<Double>?) -> Double {
        let lse = ScalarMath.logSumExp(x, count: c)
        var l = 0.0
        for k in 0..<c where a[k] != 0 { l -= a[k] * (Double(x[k]) - lse) }
        if let g = gradient {
            for k in 0..<c { g[k] = Math.exp(Double(x[k]) - lse) * weightSum - a[k] }
        }
        return l
    }

    /// Per-cell loss and derivative for the binary losses (before the class mean).
    @inline(__always) func cellLoss(_ x: Double, _ z: Double, classIndex k: Int) -> (Double, Double) {
        switch kind {
        case .binaryCrossEntropy(let pw, let cw):
            let z = smoothedTarget(z)
            let q = Double(pw.map { Self.broadcast($0, k) } ?? 1)
            let w = Double(cw.map { Self.broadcast($0, k) } ?? 1)
            // Non-cancelling value and a gradient that is exact at x = 0.
            let f = ScalarMath.softplusPairAndSigmoid(x)
            let l = (1 - z) * f.softplus + q * z * f.softplusNegated
            let d = (1 + (q - 1) * z) * f.sigmoid - q * z
            return (w * l, w * d)
        case .sigmoidFocal(let alpha, let gamma):
            let f = ScalarMath.softplusPairAndSigmoid(x)
            let p = f.sigmoid
            let ce = (1 - z) * f.softplus + z * f.softplusNegated
            // 1 − p_t without cancellation: σ(−x) where z = 1, σ(x) where z = 0.
            let oneMinusPt = z * ScalarMath.sigmoid(-x) + (1 - z) * p
            let g = Double(gamma)
            let alphaT = alpha.map { Double($0) * z + (1 - Double($0)) * (1 - z) } ?? 1
            let modulator = g == 0 ? 1 : Math.pow(oneMinusPt, g)
            let l = alphaT * ce * modulator
            // d/dx: (σ − z)(1−p_t)^γ + ce·γ(1−p_t)^(γ−1)·(−(2z−1)σ(1−σ))
            var d = (p - z) * modulator
            if g != 0 && oneMinusPt > 0 {
                d -= ce * g * Math.pow(oneMinusPt, g - 1) * (2 * z - 1) * p * (1 - p)
            }
            return (l, alphaT * d)
        case .asymmetric(let gammaPositive, let gammaNegative, let clip):
            return AsymmetricLoss.cell(x, z, gammaPositive: Double(gammaPositive), gammaNegative: Double(gammaNegative),
                                       clip: Double(clip))
        default:
            preconditionFailure("cellLoss is only for the binary losses")
        }
    }

    /// The unreduced [B, C] matrix of a binary loss (PyTorch `reduction="none"`):
    /// wᵢ·ℓ_ic and its elementwise derivative wᵢ·dℓ_ic/dx_ic (the gradient of its sum).
    /// Returns nil for the softmax losses, whose natural unreduced form is per sample.
    public func elementwise(logits: Tensor, targets: Tensor, sampleWeight: [Float]? = nil)
        -> (values: [Double], gradient: [Double])? {
        switch kind {
        case .binaryCrossEntropy, .sigmoidFocal, .asymmetric: break
        default: return nil
        }
        let b = logits.shape[0], c = logits.shape[1]
        precondition(targets.shape == logits.shape, "targets \(targets.shape) do not match logits \(logits.shape)")
        var values = [Double](repeating: 0, count: b * c), grads = values
        for i in 0..<b {
            let w = Double(sampleWeight?[i] ?? 1)
            for k in 0..<c {
                let (l, d) = cellLoss(Double(logits.storage[i * c + k]), Double(targets.storage[i * c + k]), classIndex: k)
                values[i * c + k] = w * l
                grads[i * c + k] = w * d
            }
        }
        return (values, grads)
    }
}
