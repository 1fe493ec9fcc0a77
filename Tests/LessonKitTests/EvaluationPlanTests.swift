import Experiments
@testable import LessonKit
import XCTest

/// Valid lesson code → the plan values the runner will execute.
final class EvaluationPlanTests: XCTestCase {
    static let weightedLoss = EvaluationFixture.blocks([
        ("parameters", "let epochs = 12\nlet rarePrevalence = 0.02\nlet posWeight: PosWeight = .balanced"),
        ("experiment", """
        let shapes = Shapes(labels: ["circle", "square", "triangle", "cross", "ring"],
                            prevalence: [0.40, 0.20, 0.10, 0.05, rarePrevalence],
                            train: 4_000, test: 1000, seed: 1)

        Compare("Making the rare labels count", on: shapes, runs: [
            Run("plain BCE", head: .sigmoid, loss: .binaryCrossEntropy(), epochs: epochs),
            Run("pos_weight", head: .sigmoid, loss: .binaryCrossEntropy(posWeight: posWeight), epochs: epochs),
            Run("sample_weight", loss: .binaryCrossEntropy(), sampleWeight: .rarestLabel, epochs: epochs * 2 - 4),
        ])
        """),
        ("expect", #"expect(results["pos_weight"].recall("ring") > results["plain BCE"].recall("ring") + 0.05)"#),
    ])

    func testDesignLesson() throws {
        let plan = try EvaluationFixture.plan(Self.weightedLoss)
        XCTAssertEqual(plan.parameters.map(\.name), ["epochs", "rarePrevalence", "posWeight"])
        XCTAssertEqual(plan.parameters.map(\.type), ["Int", "Double", "PosWeight"])
        XCTAssertEqual(plan.parameters.map(\.overridden), [false, false, false])
        XCTAssertEqual(plan.parameters[0].location, SourceLocation(line: 8, column: 5))
        let shapes = Shapes(prevalence: [0.40, 0.20, 0.10, 0.05, 0.02], train: 4000, test: 1000, seed: 1)
        XCTAssertEqual(plan.datasets.map(\.name), ["shapes"])
        XCTAssertEqual(plan.datasets.first?.spec, .shapes(shapes))
        XCTAssertEqual(plan.comparisons.count, 1)
        let comparison = plan.comparisons[0]
        XCTAssertEqual(comparison.title, "Making the rare labels count")
        XCTAssertEqual(comparison.datasetName, "shapes")
        XCTAssertEqual(comparison.dataset, .shapes(shapes))
        XCTAssertEqual(comparison.blockIndex, plan.datasets[0].blockIndex)
        XCTAssertEqual(comparison.location, SourceLocation(line: 20, column: 1))
        XCTAssertEqual(comparison.runs, [
            Run("plain BCE", head: .sigmoid, loss: .binaryCrossEntropy(), epochs: 12),
            Run("pos_weight", head: .sigmoid, loss: .binaryCrossEntropy(posWeight: .balanced), epochs: 12),
            Run("sample_weight", loss: .binaryCrossEntropy(), sampleWeight: .rarestLabel, epochs: 20),
        ])
        XCTAssertEqual(plan.expectations.count, 1)
        XCTAssertEqual(plan.expectations[0].claim,
                       #"results["pos_weight"].recall("ring") > results["plain BCE"].recall("ring") + 0.05"#)
        XCTAssertEqual(plan.expectations[0].location, SourceLocation(line: 30, column: 1))
    }

    func testOverridesReplaceDeclaredValues() throws {
        let plan = try EvaluationFixture.plan(Self.weightedLoss, overrides: [
            "epochs": "20", "rarePrevalence": "0.05", "posWeight": ".balanced(scale: 0.5)",
        ])
        XCTAssertEqual(plan.parameters.map(\.overridden), [true, true, true])
        XCTAssertEqual(plan.parameters.map(\.value), ["20", "0.05", ".balanced(scale: 0.5)"])
        XCTAssertEqual(plan.parameters.map(\.declaredValue), ["12", "0.02", ".balanced"])
        XCTAssertEqual(plan.comparisons[0].runs.map(\.epochs), [20, 20, 36])
        XCTAssertEqual(plan.comparisons[0].runs[1].loss, .binaryCrossEntropy(posWeight: .scaledBalanced(scale: 0.5)))
        XCTAssertEqual(plan.datasets[0].spec,
                       .shapes(Shapes(prevalence: [0.40, 0.20, 0.10, 0.05, 0.05], train: 4000, test: 1000, seed: 1)))
        // An Int literal may override a Double parameter, as `let x: Double = 1` is valid Swift.
        let intForDouble = try EvaluationFixture.plan(Self.weightedLoss, overrides: ["rarePrevalence": "0"])
        XCTAssertEqual(intForDouble.parameters[1].value, "0")
    }

    /// Each row: an expression in `Run("r", <argument>)`, and the Run it must make.
    static let runTable: [(String, Run)] = [
        ("model: MLP(hidden: [128, 64], dropout: 0.2)", Run("r", model: MLP(hidden: [128, 64], dropout: 0.2))),
        ("model: CNN(filters: [8], dense: [])", Run("r", model: CNN(filters: [8], dense: []))),
        ("head: .softmax, loss: .softmaxCrossEntropy()", Run("r", head: .softmax, loss: .softmaxCrossEntropy())),
        ("head: .softmax, loss: .sparseSoftmaxCrossEntropy(classWeight: .balanced)",
         Run("r", head: .softmax, loss: .sparseSoftmaxCrossEntropy(classWeight: .balanced))),
        ("loss: .focal(alpha: nil, gamma: 1)", Run("r", loss: .focal(alpha: nil, gamma: 1))),
        ("loss: Loss.focal()", Run("r", loss: .focal())),
        ("loss: .binaryCrossEntropy(posWeight: .fixed([1, 2, 4, 8, 16]))",
         Run("r", loss: .binaryCrossEntropy(posWeight: .fixed([1, 2, 4, 8, 16])))),
        ("sampleWeight: .kerasClassWeight([1, 1, 2, 5, 20])", Run("r", sampleWeight: .kerasClassWeight([1, 1, 2, 5, 20]))),
        ("sampleWeight: .inverseFrequency", Run("r", sampleWeight: .inverseFrequency)),
        ("optimizer: .sgd(learningRate: 0.1, momentum: 0.9, nesterov: true)",
         Run("r", optimizer: .sgd(learningRate: 0.1, momentum: 0.9, nesterov: true))),
        ("optimizer: .adamW(learningRate: 3e-4)", Run("r", optimizer: .adamW(learningRate: 3e-4))),
        ("optimizer: .adam(learningRate: 1 / 1_000)", Run("r", optimizer: .adam(learningRate: 0.001))),
        ("threshold: .perLabel([0.5, 0.5, 0.4, 0.3, 0.2])", Run("r", threshold: .perLabel([0.5, 0.5, 0.4, 0.3, 0.2]))),
        ("threshold: .tuned(maximizing: .f1)", Run("r", threshold: .tuned(maximizing: .f1))),
        ("head: .softmax, loss: .softmaxCrossEntropy(), threshold: .topK(2)",
         Run("r", head: .softmax, loss: .softmaxCrossEntropy(), threshold: .topK(2))),
        ("outputBias: .prior, seed: 0x10", Run("r", outputBias: .prior, seed: 16)),
        ("epochs: (3 + 4) * 2, batchSize: 64 % 50", Run("r", epochs: 14, batchSize: 14)),
    ]

    func testRunTable() throws {
        for (argument, run) in Self.runTable {
            let md = EvaluationFixture.blocks([("experiment", "Compare(\"t\", on: Shapes(), runs: [Run(\"r\", \(argument))])")])
            XCTAssertEqual(try EvaluationFixture.plan(md).runs, [run], argument)
        }
    }

    /// The descriptions' defaults are the Swift API's defaults: one source of truth checked both ways.
    func testDescribedDefaultsEqualSwiftDefaults() throws {
        let md = EvaluationFixture.blocks([("experiment", """
        let fashion = FashionMosaics()
        Compare("t", on: Shapes(), runs: [Run("r"), Run("a", loss: .asymmetric(), optimizer: .adam())])
        Compare("u", on: fashion, runs: [Run("s", model: CNN(), loss: .focal(), optimizer: .sgd())])
        Compare("v", on: NumpyDataset(images: "x.npy", labels: "y.npy"), runs: [Run("w", model: MLP(), optimizer: .adamW())])
        """)])
        let plan = try EvaluationFixture.plan(md)
        XCTAssertEqual(plan.comparisons.map(\.dataset), [.shapes(Shapes()), .fashionMosaics(FashionMosaics()),
                                                         .numpy(NumpyDataset(images: "x.npy", labels: "y.npy"))])
        XCTAssertEqual(plan.runs, [Run("r"), Run("a", loss: .asymmetric(), optimizer: .adam()), Run("s", model: CNN(), loss: .focal(), optimizer: .sgd()),
                                   Run("w", model: MLP(), optimizer: .adamW())])
    }

    func testLiteralsAndNames() throws {
        let md = EvaluationFixture.blocks([
            ("parameters", "let big = 1_000\nlet rate: Double = 1\nlet half = 0.5\nlet labels = [\"ring\", \"circle\"]"),
            ("experiment", """
            let data = Shapes(labels: labels, prevalence: [half * 0.1, 2 * half - 0.5], together: ["ring": "circle"],
                              train: big, validation: 0, test: big / 2, seed: -(-3))
            let runs = [Run("a", epochs: 1), Run("b", optimizer: .sgd(learningRate: rate), epochs: 1)]
            Compare("t", on: data, runs: runs)
            """),
            ("expect", """
            expect(results["a"].macroF1 >= 0.5 && !results["b"].diverged || results["a"].finalLoss < 1e9)
            expect(results["a"].averagePrecision("ring"), approximately: half, tolerance: 0.25)
            expect(results["b"].diverged == false)
            """),
        ])
        let plan = try EvaluationFixture.plan(md)
        XCTAssertEqual(plan.datasets[0].spec, .shapes(Shapes(labels: ["ring", "circle"], prevalence: [0.05, 0.5],
                                                             together: ["ring": "circle"], train: 1000, validation: 0,
                                                             test: 500, seed: 3)))
        XCTAssertEqual(plan.runs.map(\.optimizer), [.adam(), .sgd(learningRate: 1)])
        XCTAssertEqual(plan.expectations.count, 3)
        guard case .approximately(let v, let t, let tol) = plan.expectations[1].check else { return XCTFail() }
        XCTAssertEqual(v, .metric(run: "a", metric: "averagePrecision", label: "ring"))
        XCTAssertEqual(t, .constant(0.5))
        XCTAssertEqual(tol, .constant(0.25))
    }
}
