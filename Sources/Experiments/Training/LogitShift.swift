import NeuralCore
import PortableMath

/// A shift of each label's logit applied after training, before the head, for every
/// probability the run reports (test, validation for tuned thresholds, training).
/// `.undoPosWeight` subtracts log q, q the label's positive weight: at the optimum a
/// weighted loss moves the logit by +log q, so this is the correction lesson 3 measures.
public enum LogitShift: String, Hashable, Sendable, CaseIterable {
    case none, undoPosWeight

    /// Per-label amounts to subtract from the logits (nil: nothing to do).
    func offsets(loss: LossFunction, labelCount: Int) -> [Float]? {
        guard self == .undoPosWeight, case let .binaryCrossEntropy(posWeight?, _) = loss.kind else { return nil }
        let q = posWeight.count == 1 ? Array(repeating: posWeight[0], count: labelCount) : posWeight
        return q.map { Float(Math.log(Double($0))) }
    }

    /// `logits` [N, L] with `offsets` subtracted per label.
    static func apply(_ offsets: [Float]?, to logits: Tensor) -> Tensor {
        guard let offsets else { return logits }
        let l = logits.shape[1]
        precondition(offsets.count == l, "one offset per label")
        var out = logits
        for i in 0..<out.count { out.storage[i] -= offsets[i % l] }
        return out
    }
}

extension LogitShift: DeclaredType {
    public static let typeName = "LogitShift"
    public static let members = DeclaredMember<LogitShift>.plain([
        (LogitShift.none, "No shift."),
        (LogitShift.undoPosWeight, "Subtracts log q from each label's logit, q its positive weight "
         + "(the loss's `posWeight`): the shift a weighted loss puts in, taken out."),
    ])

    static let description = APITypeDescription(declared: LogitShift.self,
                                                doc: "A shift of each label's logit after training, before the head.")
}

#if !hasFeature(Embedded)
extension LogitShift: Codable {}
#endif
