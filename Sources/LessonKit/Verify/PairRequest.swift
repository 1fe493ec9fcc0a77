import Foundation
import Experiments

/// One (run, seed) pair as the WebAssembly module reads it (`PairRun` in
/// Sources/PortableRun): the run and its dataset as their Codable forms write them.
public struct PairRequest: Codable, Sendable {
    public var run: Run
    public var dataset: DatasetSource

    public init(run: Run, dataset: DatasetSource) {
        self.run = run
        self.dataset = dataset
    }

    /// The request's canonical JSON text.
    public func text() throws -> String { try CanonicalJSON.string(self) }
}
