import PortableMath
import PortableSort

/// How logits become label probabilities. Applied by losses and predictions, never as a
/// layer, so the model always outputs logits.
public enum OutputHead: String, Sendable, Equatable, CaseIterable {
    /// Independent σ per label (multi-label).
    case sigmoid
    /// One softmax distribution over all labels (the labels compete).
    case softmax

    /// Probabilities [N, L] from logits [N, L] (computed in Double, stored as Float).
    public func probabilities(_ logits: Tensor) -> Tensor {
        precondition(logits.rank == 2, "logits must be [N, L]")
        let n = logits.shape[0], l = logits.shape[1]
        var out = [Float](repeating: 0, count: n * l)
        logits.storage.withUnsafeBufferPointer { x in
            for i in 0..<n {
                let row = x.baseAddress! + i * l
                switch self {
                case .sigmoid:
                    for c in 0..<l { out[i * l + c] = Float(ScalarMath.sigmoid(Double(row[c]))) }
                case .softmax:
                    let lse = ScalarMath.logSumExp(row, count: l)
                    for c in 0..<l { out[i * l + c] = Float(Math.exp(Double(row[c]) - lse)) }
                }
            }
        }
        return Tensor(shape: logits.shape, storage: out)
    }

    /// Multi-hot predictions: probability > threshold (strict, as Keras and torchmetrics).
    public func predict(logits: Tensor, threshold: Float = 0.5) -> Tensor {
        OutputHead.threshold(probabilities(logits), thresholds: [threshold])
    }

    /// Multi-hot predictions with one threshold per label.
    public func predict(logits: Tensor, thresholds: [Float]) -> Tensor {
        OutputHead.threshold(probabilities(logits), thresholds: thresholds)
    }

    /// Multi-hot predictions of the k highest-scoring labels per row (ties: lower index first).
    public func predictTopK(logits: Tensor, k: Int) -> Tensor {
        OutputHead.topK(logits, k: k)  // order-preserving, so logits rank like probabilities
    }

    /// `scores > t` elementwise; `thresholds` has one value (all labels) or one per label.
    public static func threshold(_ scores: Tensor, thresholds: [Float]) -> Tensor {
        let l = scores.shape[1]
        precondition(thresholds.count == 1 || thresholds.count == l, "need 1 or \(l) thresholds")
        var out = scores
        for i in 0..<out.count {
            let t = thresholds.count == 1 ? thresholds[0] : thresholds[i % l]
            out.storage[i] = scores.storage[i] > t ? 1 : 0
        }
        return out
    }

    /// Multi-hot matrix marking the k largest scores of each row (ties: lower index first).
    public static func topK(_ scores: Tensor, k: Int) -> Tensor {
        let n = scores.shape[0], l = scores.shape[1]
        let kk = max(0, min(k, l))
        var out = Tensor(zeros: scores.shape)
        for i in 0..<n {
            let row = scores.row(i)
            // Stable: equal scores keep their labels' order.
            let order = stableOrder(count: l) { row[row.startIndex + $0] > row[row.startIndex + $1] }
            for c in order.prefix(kk) { out.storage[i * l + c] = 1 }
        }
        return out
    }
}
