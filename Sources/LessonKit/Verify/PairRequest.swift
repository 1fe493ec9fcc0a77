import Foundation
import Experiments

/// One (run, seed) pair as the WebAssembly module reads it (`PairRun` in
/// Sources/PortableRun): the run and its dataset as their Codable forms write them.
public struct PairRequest: Codable, Sendable {
    public var run: Run
    public var dataset: DatasetSource
    /// The other test sets (`Compare(alsoTestOn:)`), in name order; nil (left out) without any.
    public var alsoTestOn: [NamedDataset]?

    public struct NamedDataset: Codable, Sendable {
        public var name: String
        public var dataset: DatasetSource
    }

    public init(run: Run, dataset: DatasetSource, alsoTestOn: [(name: String, dataset: DatasetSource)] = []) {
        self.run = run
        self.dataset = dataset
        self.alsoTestOn = alsoTestOn.isEmpty ? nil : alsoTestOn.map { NamedDataset(name: $0.name, dataset: $0.dataset) }
    }

    /// The request's canonical JSON text.
    public func text() throws -> String { try CanonicalJSON.string(self) }
}
