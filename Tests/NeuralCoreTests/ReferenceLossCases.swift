import XCTest
@testable import NeuralCore

/// LossFunction and loss-gradient families of the reference file, each mapped onto the public
/// `LossFunction` API. Tolerance: the README's Float32-port rule (inputs are Float32 here; the
/// arithmetic is Double): |a − b| ≤ 1e-5·|b| + atol, atol = 1e-7·max(1, |x|) per element
/// and 1e-7·max(1, max|x|) for reductions.
extension ReferenceTests {
    func checkLossCase(_ c: ReferenceData.Case, _ ref: ReferenceData, _ ledger: CaseLedger) -> Bool {
        let family = String(c.id.split(separator: "/").first!)
        guard let logits = ref.tensor(c, "logits") else { return false }
        let x = logits.storage.map { Double($0) }
        let maxAbs = x.map(abs).max() ?? 0
        let expected = c.output.values
        let elementAtol: (Int) -> Double = { i in expected.count == x.count ? 1e-7 * max(1, abs(x[i])) : 1e-7 * max(1, maxAbs) }
        let labels = ref.tensor(c, "labels")
        let soft = ref.tensor(c, "soft_targets")
        let sparse = ref.tensor(c, "sparse_labels")
        let sampleWeight = ref.floats(c, "sample_weight")
        let posWeight: [Float]? = ref.floats(c, "pos_weight") ?? c.scalars["pos_weight"].map { [Float($0)] }
        let reduction = c.options["reduction"].map(Self.reduction)

        func check(_ actual: [Double], skip: Set<Int> = []) {
            assertClose(actual, expected, rtol: 1e-5, atol: elementAtol, c.id, skip: skip)
            ledger.cover(c.id)
        }
        func gradient(_ loss: LossFunction, _ targets: Tensor, _ w: [Float]?) -> [Double] {
            var g = Tensor.empty
            _ = loss.valueAndGradient(logits: logits, targets: targets, sampleWeight: w, gradient: &g)
            XCTAssertEqual(g.shape, logits.shape, c.id)
            return g.storage.map(Double.init)
        }
        func reduced(_ loss: LossFunction, _ targets: Tensor, _ w: [Float]?) -> [Double] {
            loss.reduction == .none ? loss.perSample(logits: logits, targets: targets, sampleWeight: w)
                                    : [loss.value(logits: logits, targets: targets, sampleWeight: w)]
        }

        switch family {
        case "tf.sigmoid_ce", "optax.sigmoid_bce":
            check(LossFunction.binaryCrossEntropy().elementwise(logits: logits, targets: labels!)!.values)
        case "tf.weighted_ce", "exact.weighted_ce":
            check(LossFunction.binaryCrossEntropy(posWeight: posWeight).elementwise(logits: logits, targets: labels!)!.values)
        case "grad.jax.weighted_ce_sum":
            check(LossFunction.binaryCrossEntropy(posWeight: posWeight).elementwise(logits: logits, targets: labels!)!.gradient)
        case "grad.tf.weighted_ce_sum":
            // We return the true derivative everywhere; TF's differs at x = 0 exactly.
            // Those elements are compared with the jax.grad twin instead.
            let g = LossFunction.binaryCrossEntropy(posWeight: posWeight).elementwise(logits: logits, targets: labels!)!.gradient
            let zeros = Set(x.indices.filter { x[$0] == 0 })
            check(g, skip: zeros)
            if !zeros.isEmpty {
                let twinID = c.id.replacingOccurrences(of: "grad.tf.", with: "grad.jax.")
                    .replacingOccurrences(of: "/float32", with: "/float64")
                guard let twin = ref.cases.first(where: { $0.id == twinID }) else {
                    XCTFail("\(c.id): no jax twin \(twinID) for the x = 0 elements"); return true
                }
                for i in zeros {
                    XCTAssertEqual(g[i], twin.output.values[i], accuracy: 1e-12, "\(c.id)[\(i)] vs \(twinID)")
                }
                ledger.deviate("\(c.id): \(zeros.count) element(s) at x = 0 follow the true derivative (jax), not TF's (1−z)")
            }
        case "keras.BCE":
            check(reduced(LossFunction.binaryCrossEntropy(reduction: reduction!), labels!, sampleWeight))
        case "grad.keras.BCE":
            check(gradient(LossFunction.binaryCrossEntropy(reduction: reduction!), labels!, sampleWeight))
        case "keras.CCE_soft":
            check(reduced(LossFunction.softmaxCrossEntropy(reduction: reduction!), soft!, sampleWeight))
        case "grad.keras.CCE_soft":
            // TF's fused gradient assumes rows sum to 1; on all-zero target rows we keep the
            // true derivative (0) and assert exactly that instead.
            let g = gradient(LossFunction.softmaxCrossEntropy(reduction: reduction!), soft!, sampleWeight)
            let classes = logits.shape[1]
            let emptyRows = (0..<logits.shape[0]).filter { i in soft!.row(i).allSatisfy { $0 == 0 } }
            let skip = Set(emptyRows.flatMap { i in (i * classes)..<((i + 1) * classes) })
            check(g, skip: skip)
            for i in skip { XCTAssertEqual(g[i], 0, "\(c.id)[\(i)]: all-zero target row must have zero gradient") }
            if !emptyRows.isEmpty { ledger.deviate("\(c.id): rows \(emptyRows) (all-zero targets) use the true derivative 0, not TF's softmax/B") }
        case "keras.SCCE":
            check(reduced(LossFunction.sparseSoftmaxCrossEntropy(reduction: reduction!), sparse!, sampleWeight))
        case "grad.keras.SCCE":
            check(gradient(LossFunction.sparseSoftmaxCrossEntropy(reduction: reduction!), sparse!, sampleWeight))
        case "keras.BinaryFocalCE":
            let balance = c.options["apply_class_balancing"] == "True"
            let loss = LossFunction.sigmoidFocal(alpha: balance ? Float(c.scalars["alpha"]!) : nil,
                                         gamma: Float(c.scalars["gamma"]!), reduction: reduction!)
            check(reduced(loss, labels!, nil))
        case "optax.softmax_ce_soft":
            check(LossFunction.softmaxCrossEntropy(reduction: .none).perSample(logits: logits, targets: soft!))
        case "grad.jax.mean_softmax_ce_soft":
            check(gradient(LossFunction.softmaxCrossEntropy(reduction: .mean), soft!, nil))
        case "grad.jax.mean_weighted_bce":
            check(gradient(LossFunction.binaryCrossEntropy(posWeight: posWeight, reduction: .mean), labels!, nil))
        case "focal.sigmoid", "grad.focal.sigmoid":
            let loss = LossFunction.sigmoidFocal(alpha: Float(c.scalars["alpha"]!), gamma: Float(c.scalars["gamma"]!),
                                         reduction: .mean)
            if family == "grad.focal.sigmoid" { check(gradient(loss, labels!, nil)); break }
            let elementwise = loss.elementwise(logits: logits, targets: labels!)!.values
            switch c.options["reduction"] {
            case "none": check(elementwise)
            case "sum": check([elementwise.reduce(0, +)])
            default: check([loss.value(logits: logits, targets: labels!)])
            }
        case "torch.BCEWithLogitsLoss", "grad.torch.BCEWithLogitsLoss":
            // torch `weight`: [C] → classWeight, [B, 1] → per-sample weight.
            let weight = ref.tensor(c, "weight")
            let perSample = weight.flatMap { $0.rank == 2 ? $0.storage : nil }
            let perClass = weight.flatMap { $0.rank == 1 ? $0.storage : nil }
            let loss = LossFunction.binaryCrossEntropy(posWeight: posWeight, classWeight: perClass, reduction: .mean)
            let elementwise = loss.elementwise(logits: logits, targets: labels!, sampleWeight: perSample)!
            switch (family.hasPrefix("grad."), c.options["reduction"]!) {
            case (false, "none"): check(elementwise.values)
            case (false, "sum"): check([elementwise.values.reduce(0, +)])
            case (false, _): check([loss.value(logits: logits, targets: labels!, sampleWeight: perSample)])
            case (true, "sum"): check(elementwise.gradient)
            case (true, _): check(gradient(loss, labels!, perSample))
            }
        case "torch.CrossEntropyLoss":
            let cw = ref.floats(c, "weight")!
            if c.options["targets"] == "hard" {
                check([LossFunction.sparseSoftmaxCrossEntropy(classWeight: cw, reduction: .mean).value(logits: logits, targets: sparse!)])
            } else {
                check([LossFunction.softmaxCrossEntropy(classWeight: cw, reduction: .mean).value(logits: logits, targets: soft!)])
            }
        default:
            return false
        }
        return true
    }

    static func reduction(_ name: String) -> Reduction {
        switch name {
        case "sum_over_batch_size": return .sumOverBatchSize
        case "mean": return .mean
        case "sum": return .sum
        case "none": return .none
        case "mean_with_sample_weight": return .meanWithSampleWeight
        default: fatalError("unknown reduction \(name)")
        }
    }
}
