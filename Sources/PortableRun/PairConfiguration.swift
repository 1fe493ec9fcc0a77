import NeuralCore
import Datasets

/// One (run, seed) pair on a generated `Shapes` dataset, as plain numbers, so that a
/// WebAssembly host can pass it as one `Float64Array` and native code can build the
/// same thing. Layout of `flat` (counts come first, then that many values):
///
///     1 (layout version), L, prevalence × L, together × L (forced label index or −1),
///     size, noise, train, validation, test, dataSeed,
///     model (0 MLP, 1 CNN), F, filters × F (CNN only, F = 0 for MLP), D, widths × D,
///     dropout, kernelSize,
///     loss (0 BCE, 1 BCE with balanced posWeight × lossParameter), lossParameter,
///     optimizer (0 Adam, 1 SGD), learningRate, momentum,
///     epochs, batchSize, seed
public struct PairConfiguration: Equatable, Sendable {
    public var shapes: Shapes
    public var isConvolutional: Bool
    public var filters: [Int]
    public var widths: [Int]
    public var dropout: Double
    public var kernelSize: Int
    public var balancedPosWeightScale: Double?
    public var usesSGD: Bool
    public var learningRate: Double
    public var momentum: Double
    public var epochs: Int
    public var batchSize: Int
    public var seed: Int

    /// Reads `flat`; a value out of place is an error naming its position.
    public init(flat: [Double]) throws(PairConfigurationError) {
        var reader = FlatReader(values: flat)
        guard try reader.int("layout version") == 1 else { throw PairConfigurationError("layout version must be 1") }
        let labelCount = try reader.int("label count", in: 1...ShapeKind.allCases.count)
        let prevalence = try (0..<labelCount).map { _ throws(PairConfigurationError) -> Double in try reader.double("prevalence") }
        var together: [String: String] = [:]
        let names = Array(Shapes.defaultLabels.prefix(labelCount))
        for name in names {
            let forced = try reader.int("together", in: -1...(labelCount - 1))
            if forced >= 0 { together[name] = names[forced] }
        }
        shapes = Shapes(labels: names, prevalence: prevalence, together: together,
                        size: try reader.int("size", in: 16...256), noise: try reader.double("noise"),
                        train: try reader.int("train", in: 1...1_000_000), validation: try reader.int("validation", in: 0...1_000_000),
                        test: try reader.int("test", in: 1...1_000_000), seed: try reader.int("data seed", in: Int(Int32.min)...Int(Int32.max)))
        isConvolutional = try reader.int("model", in: 0...1) == 1
        filters = try reader.ints("filters", count: try reader.int("filter count", in: 0...4), in: 1...256)
        widths = try reader.ints("widths", count: try reader.int("width count", in: 0...8), in: 1...4096)
        dropout = try reader.double("dropout")
        kernelSize = try reader.int("kernel size", in: 1...7)
        let loss = try reader.int("loss", in: 0...1)
        let lossParameter = try reader.double("loss parameter")
        balancedPosWeightScale = loss == 1 ? lossParameter : nil
        usesSGD = try reader.int("optimizer", in: 0...1) == 1
        learningRate = try reader.double("learning rate")
        momentum = try reader.double("momentum")
        epochs = try reader.int("epochs", in: 1...1000)
        batchSize = try reader.int("batch size", in: 1...65536)
        seed = try reader.int("seed", in: Int(Int32.min)...Int(Int32.max))
        guard reader.position == flat.count else { throw PairConfigurationError("\(flat.count - reader.position) values too many") }
        guard isConvolutional || filters.isEmpty else { throw PairConfigurationError("an MLP has no filters") }
        guard (0..<1).contains(dropout), kernelSize % 2 == 1 else { throw PairConfigurationError("dropout or kernel size out of range") }
    }
}

/// A configuration that cannot be read, with the reason.
public struct PairConfigurationError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads numbers one after another, checking each.
private struct FlatReader {
    let values: [Double]
    var position = 0

    mutating func double(_ name: String) throws(PairConfigurationError) -> Double {
        guard position < values.count else { throw PairConfigurationError("missing \(name) at position \(position)") }
        let value = values[position]
        guard value.isFinite else { throw PairConfigurationError("\(name) at position \(position) is not finite") }
        position += 1
        return value
    }

    mutating func int(_ name: String, in range: ClosedRange<Int> = Int(Int32.min)...Int(Int32.max)) throws(PairConfigurationError) -> Int {
        let value = try double(name)
        guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw PairConfigurationError("\(name) at position \(position - 1) must be a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return Int(value)
    }

    mutating func ints(_ name: String, count: Int, in range: ClosedRange<Int>) throws(PairConfigurationError) -> [Int] {
        var result: [Int] = []
        for _ in 0..<count { result.append(try int(name, in: range)) }
        return result
    }
}
