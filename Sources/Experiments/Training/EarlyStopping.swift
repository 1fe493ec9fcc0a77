import NeuralCore
import PortableJSON

/// Early stopping on the validation loss, with Keras 3's semantics (NeuralCore's
/// `EarlyStopping`, matched against Keras there): an epoch improves when its loss +
/// minDelta is below the best so far; training stops once `patience` epochs in a row
/// have not, and with `restoreBestWeights` the best epoch's weights are measured.
public struct EarlyStopping: Hashable, Sendable {
    public var patience: Int
    public var minDelta: Double
    public var restoreBestWeights: Bool

    public init(patience: Int = 5, minDelta: Double = 0, restoreBestWeights: Bool = true) {
        self.patience = patience
        self.minDelta = minDelta
        self.restoreBestWeights = restoreBestWeights
    }

    /// NeuralCore's rule.
    var rule: NeuralCore.EarlyStopping {
        NeuralCore.EarlyStopping(patience: patience, minDelta: minDelta, restoreBestWeights: restoreBestWeights)
    }
}

extension EarlyStopping: DeclaredType {
    public static let typeName = "EarlyStopping"
    static let patience = ArgumentKey<Int>("patience", default: 5, limits: .range(0...1000),
                                           doc: "Epochs in a row without improvement before training stops.")
    static let minDelta = ArgumentKey<Double>("minDelta", default: 0, limits: .range(0...1e6),
                                              doc: "An epoch improves when its validation loss + minDelta is below the best so far.")
    static let restoreBestWeights = ArgumentKey<Bool>("restoreBestWeights", default: true,
                                                      doc: "Measure the weights of the epoch with the lowest validation loss, not the last epoch's.")

    public static let members = [
        DeclaredMember("init", [patience.facts, minDelta.facts, restoreBestWeights.facts],
                       doc: "Early stopping on the validation loss; the dataset must hold out validation images.") { a throws(JSONError) in
            EarlyStopping(patience: try a(patience), minDelta: try a(minDelta), restoreBestWeights: try a(restoreBestWeights))
        },
    ]

    static let description = APITypeDescription(
        declared: EarlyStopping.self,
        doc: "Stops training when the validation loss no longer improves (Keras `EarlyStopping(monitor=\"val_loss\")`).")
}

#if !hasFeature(Embedded)
extension EarlyStopping: Codable {}
#endif
