import NeuralCore
import XCTest
@testable import Experiments

/// The asymmetric loss in the lesson vocabulary: described with the Swift
/// defaults, mapped to NeuralCore's tested loss, and trainable end to end.
final class AsymmetricLossRunTests: XCTestCase {
    func testDescriptionDefaultsAreTheSwiftDefaultsAndMapToNeuralCore() throws {
        let member = try XCTUnwrap(Loss.description.members.first { $0.name == "asymmetric" })
        XCTAssertEqual(member.arguments?.map(\.defaultSource), ["1", "4", "0.05"])
        let built = member.build(APIArguments(["gammaPositive": .double(1), "gammaNegative": .double(4), "clip": .double(0.05)]))
        XCTAssertEqual(built.value(as: Loss.self), Loss.asymmetric())
        XCTAssertEqual(Loss.asymmetric().head, .sigmoid)
        XCTAssertEqual(Run.caseName(of: .asymmetric()), ".asymmetric")
        let labels = Tensor(shape: [2, 2], storage: [1, 0, 0, 1])
        XCTAssertEqual(try Loss.asymmetric(gammaPositive: 0, gammaNegative: 2, clip: 0.1).lossFunction(trainLabels: labels,
                                                                                                        labelNames: ["a", "b"]),
                       LossFunction.asymmetric(gammaPositive: 0, gammaNegative: 2, clip: 0.1))
        XCTAssertNotNil(APICatalog.standard.type(named: "Loss")?.members.first { $0.name == "asymmetric" })
    }

    func testARunTrainsWithItAndIsMeasured() throws {
        let notebook = Notebook()
        CompareExecutor.install(on: notebook)
        let shapes = Shapes(labels: ["circle", "square"], prevalence: [0.5, 0.2], size: 16, train: 96, validation: 16, test: 32, seed: 3)
        notebook.record(Compare(title: "t", dataset: shapes.source,
                                runs: [Run("asl", model: MLP(hidden: [8]), loss: .asymmetric(), epochs: 3, batchSize: 16, seed: 1)]))
        let result = try XCTUnwrap((notebook.report(named: "asl") as? RunSeries)?.results[0])
        XCTAssertEqual(result.outcome, .completed)
        XCTAssertEqual(result.history.count, 3)
        XCTAssertLessThan(result.history[2].trainLoss, result.history[0].trainLoss)
        XCTAssertTrue(result.meanAveragePrecision.isFinite)
    }
}
