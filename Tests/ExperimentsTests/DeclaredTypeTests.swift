import Foundation
@testable import Experiments
import PortableJSON
import XCTest

/// Declared types: one declaration gives the evaluator's description (defaults spelled
/// from typed values), the typed builder, and the reader of the type's Codable JSON.
final class DeclaredTypeTests: XCTestCase {
    private func codableJSON<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONValue(parsing: String(decoding: JSONEncoder().encode(value), as: UTF8.self))
    }

    /// What lessons.wasm reads is what native Codable writes, for every member.
    func testDeclaredReadersReadWhatCodableWrites() throws {
        for optimizer: Optimizer in [.adam(), .adamW(learningRate: 0.01, weightDecay: 0.1), .sgd(learningRate: 0.5, momentum: 0.9, nesterov: true)] {
            XCTAssertEqual(try Optimizer.read(json: codableJSON(optimizer), "optimizer"), optimizer)
        }
        let schedules: [Schedule] = [.constant, .warmup(epochs: 3), .step(everyEpochs: 2, factor: 0.5, warmupEpochs: 1),
                                     .cosine(epochs: 7, alpha: 0.25, warmupEpochs: 0)]
        for schedule in schedules {
            XCTAssertEqual(try Schedule.read(json: codableJSON(schedule), "schedule"), schedule)
        }
        // A case's unlabelled value is stored as `_0`; a String enum's case by its name.
        for threshold: Threshold in [.fixed(0.3), .perLabel([0.2, 0.7]), .tuned(maximizing: .f1), .tunedOnTest(maximizing: .f1), .topK(2)] {
            XCTAssertEqual(try Threshold.read(json: codableJSON(threshold), "threshold"), threshold)
        }
        XCTAssertEqual(try Head.read(json: codableJSON(Head.softmax), "head"), .softmax)
        XCTAssertEqual(try OutputBias.read(json: codableJSON(OutputBias.prior), "outputBias"), .prior)
        XCTAssertEqual(try LogitShift.read(json: codableJSON(LogitShift.undoPosWeight), "logitShift"), .undoPosWeight)
        XCTAssertThrowsError(try Head.read(json: .string("tanh"), "run.head")) {
            XCTAssertEqual(($0 as? JSONError)?.description, "run.head: unknown Head 'tanh'")
        }
        let stopping = EarlyStopping(patience: 3, minDelta: 0.01, restoreBestWeights: false)
        XCTAssertEqual(try EarlyStopping.read(json: codableJSON(stopping), "earlyStopping"), stopping)
        XCTAssertEqual(try EarlyStopping?.read(json: nil, "earlyStopping"), nil)
    }

    func testDeclaredReadersNameWhatIsWrong() throws {
        XCTAssertThrowsError(try Schedule.read(json: JSONValue(parsing: #"{"step": {"factor": 0.5}}"#), "run.schedule")) {
            XCTAssertEqual(($0 as? JSONError)?.description, "run.schedule.step.everyEpochs: missing")
        }
        // A field a type leaves out when it holds its default (`batchNorm: false` is stored as nil) reads as the default.
        XCTAssertEqual(try MLP.read(json: JSONValue(parsing: #"{"hidden": [8], "dropout": 0.5}"#), "mlp"), MLP(hidden: [8], dropout: 0.5))
        XCTAssertEqual(try CNN.read(json: codableJSON(CNN(filters: [4], kernelSize: 5, batchNorm: true)), "cnn"),
                       CNN(filters: [4], kernelSize: 5, batchNorm: true))
        // An optional's absent field is its nil, whatever its default.
        XCTAssertEqual(try Optimizer.read(json: codableJSON(Optimizer.sgd(momentum: 0.9, nesterov: true)), "o"),
                       .sgd(momentum: 0.9, nesterov: true))
        XCTAssertThrowsError(try Schedule.read(json: JSONValue(parsing: #"{"step": {"everyEpochs": 1.5}}"#), "s")) {
            XCTAssertEqual(($0 as? JSONError)?.description, "s.step.everyEpochs: expected a whole number")
        }
        XCTAssertThrowsError(try Schedule.read(json: JSONValue(parsing: #"{"linear": {}}"#), "s")) {
            XCTAssertEqual(($0 as? JSONError)?.description, "s: unknown Schedule 'linear'")
        }
    }

    /// A default's Swift spelling comes from its typed value; a declared type's value
    /// is spelled by the member that makes it from its defaults.
    func testDefaultsAreSpelledFromTheirValues() {
        XCTAssertEqual(Schedule.constant.swiftSource, ".constant")
        XCTAssertEqual(EarlyStopping().swiftSource, "EarlyStopping()")
        XCTAssertEqual((nil as EarlyStopping?).swiftSource, "nil")
        XCTAssertEqual(0.1.swiftSource, "0.1")
        XCTAssertEqual(1e-8.swiftSource, "1e-8")
        XCTAssertEqual(2.5e20.swiftSource, "2.5e20")
        XCTAssertEqual(MLP().swiftSource, "MLP()")
        XCTAssertEqual(Optimizer.adam().swiftSource, ".adam()")
        XCTAssertEqual(2.0.swiftSource, "2")
        XCTAssertEqual(["a\"b", "c"].swiftSource, #"["a\"b", "c"]"#)
        let step = APICatalog.standard.type(named: "Schedule")?.members.first { $0.name == "step" }
        XCTAssertEqual(step?.arguments?.map(\.defaultSource), [nil, "0.1", "0"])
        XCTAssertEqual(step?.arguments?.first?.kind, .int)
        let early = APICatalog.standard.type(named: "EarlyStopping")?.initializers.first
        XCTAssertEqual(early?.arguments?.map(\.defaultSource), ["5", "0", "true"])
    }

    /// Run is declared: its defaults are spelled from their values as they were written by hand,
    /// an enum case with values by its member (`.fixed(0.5)`), the model by its own declaration.
    func testRunIsDescribedByItsDeclaration() throws {
        XCTAssertEqual(Threshold.fixed(0.5).swiftSource, ".fixed(0.5)")
        XCTAssertEqual(Threshold.tuned(maximizing: .f1).swiftSource, ".tuned(maximizing: .f1)")
        XCTAssertEqual(Model.cnn(CNN()).swiftSource, "CNN()")
        let run = try XCTUnwrap(APICatalog.standard.type(named: "Run")?.initializers.first)
        XCTAssertEqual(run.signature(typeName: "Run"), "Run(_:model:head:loss:sampleWeight:optimizer:epochs:batchSize:schedule:"
                       + "clipNorm:earlyStopping:threshold:outputBias:logitShift:augmentation:seed:)")
        XCTAssertEqual(run.arguments?.map(\.defaultSource), [nil, "MLP()", ".sigmoid", ".binaryCrossEntropy()", ".none", ".adam()", "10", "32",
                                                             ".constant", "nil", "nil", ".fixed(0.5)", ".zero", ".none", "nil", "0"])
        XCTAssertEqual(run.arguments?[1].kind, .api("ModelSpecification"))
        XCTAssertEqual(run.arguments?[10].kind, .optional(.api("EarlyStopping")))
        // A field Run leaves out at its default (`schedule: .constant` is stored as nil) reads as the default.
        XCTAssertEqual(try Run.read(json: codableJSON(Run("r")), "run"), Run("r"))
        XCTAssertThrowsError(try Run.read(json: JSONValue(parsing: #"{"name": "r", "model": {"rnn": {}}}"#), "run")) {
            XCTAssertEqual(($0 as? JSONError)?.description, "run.model: unknown model 'rnn'")
        }
    }

    /// Seeds is declared with its literals: each is read as its typed value and made into seeds.
    func testSeedsAndTheirLiteralsAreDeclared() throws {
        let seeds = try XCTUnwrap(APICatalog.standard.type(named: "Seeds"))
        XCTAssertEqual(seeds.literals.map(\.kind), [.int, .array(.int)])
        XCTAssertEqual(seeds.literals.map(\.limits.summary), ["1...32", "0...2147483647, 1...32 entries"])
        XCTAssertEqual(seeds.literals[0].build(.int(3)).value(as: Seeds.self), [1, 2, 3])
        XCTAssertEqual(seeds.literals[1].build(.array([.int(3), .int(7)])).value(as: Seeds.self), [3, 7])
        let from = try XCTUnwrap(seeds.staticMembers.first)
        XCTAssertEqual(from.signature(typeName: "Seeds"), ".from(_:count:)")
        XCTAssertEqual(from.build(APIArguments(["first": .int(4), "count": .int(2)])).value(as: Seeds.self), [4, 5])
        XCTAssertEqual(from.check(APIArguments(["first": .int(Int(Int32.max)), "count": .int(2)])).map(\.message),
                       ["seed 2147483648 is outside 0...2147483647"])
        XCTAssertEqual(try Seeds.read(json: codableJSON(Seeds([3, 7])), "seeds"), [3, 7])
    }

    /// Sweep, SweepMetric and ResultView are declared: each reads back as Codable wrote it, and
    /// the one-label view is spelled `.perLabel("ring")` though stored as the case `label`.
    func testSweepsAndViewsAreDeclared() throws {
        let sweep = Sweep("lr", parameter: "rate", values: [0.1, 0.2], runs: ["a"],
                          metrics: [SweepMetric(\.macroF1), SweepMetric(\.recall, label: "ring"), SweepMetric(name: "validationLoss", label: nil, epoch: 3)],
                          label: "rate")
        XCTAssertEqual(try Sweep.read(json: codableJSON(sweep), "sweep"), sweep)
        XCTAssertEqual(try Sweep.read(json: codableJSON(Sweep("t", parameter: "p", values: [1, 2], runs: ["a"])), "sweep").metrics, nil)
        for view in ResultView.all + [.label("ring")] {
            XCTAssertEqual(try ResultView.read(json: codableJSON(view), "view"), view)
        }
        let perLabel = try XCTUnwrap(APICatalog.standard.type(named: "ResultView")?.members.first { $0.arguments != nil })
        XCTAssertEqual(perLabel.signature(typeName: "ResultView"), ".perLabel(_:)")
        XCTAssertEqual(perLabel.build(APIArguments(["label": .string("ring")])).value(as: ResultView.self), .label("ring"))
        let atEpoch = try XCTUnwrap(APICatalog.standard.type(named: "SweepMetric")?.members.first { $0.name == "validationLoss" && $0.arguments != nil })
        XCTAssertEqual(atEpoch.build(APIArguments(["atEpoch": .int(4)])).value(as: SweepMetric.self), SweepMetric(name: "validationLoss", label: nil, epoch: 4))
        XCTAssertThrowsError(try SweepMetric.read(json: JSONValue(parsing: #"{"label": "ring"}"#), "metric")) {
            XCTAssertEqual(($0 as? JSONError)?.description, "metric.name: missing")
        }
    }

    /// Compare is declared: its arguments' kinds come from their typed keys (a dataset is any
    /// `DatasetSpecification`, `alsoTestOn:` a dictionary of them), and it reads back as Codable wrote it.
    func testCompareIsDeclared() throws {
        let compare = Compare(title: "c", dataset: .shapes(Shapes()), seeds: 3, runs: [Run("a"), Run("b", epochs: 2)],
                              show: [.table, .label("ring")], alsoTestOn: ["noisy": .shapes(Shapes(noise: 0.2))])
        XCTAssertEqual(try Compare.read(json: codableJSON(compare), "compare"), compare)
        let plain = Compare(title: "c", dataset: .shapes(Shapes()), runs: [Run("a")])
        XCTAssertEqual(try Compare.read(json: codableJSON(plain), "compare"), plain)
        let initialiser = try XCTUnwrap(APICatalog.standard.type(named: "Compare")?.initializers.first)
        XCTAssertEqual(initialiser.signature(typeName: "Compare"), "Compare(_:on:seeds:runs:show:alsoTestOn:)")
        XCTAssertEqual(initialiser.arguments?.map(\.kind), [.string, .api("DatasetSpecification"), .optional(.api("Seeds")), .array(.api("Run")),
                                                             .optional(.array(.api("ResultView"))),
                                                             .optional(.dictionary(.string, .api("DatasetSpecification")))])
        XCTAssertEqual(initialiser.arguments?.map(\.defaultSource), [nil, nil, "nil", nil, "nil", "nil"])
        XCTAssertEqual(["b": 2, "a": 1].swiftSource, #"["a": 1, "b": 2]"#)
    }

    /// The four datasets are declared: each reads back as Codable wrote it, their defaults are spelled
    /// from their values, and their checks read typed arguments.
    func testDatasetsAreDeclared() throws {
        let shapes = Shapes(labels: ["ring", "cross"], prevalence: [0.3, 0.5], together: ["ring": "cross"], size: 32, seed: 4)
        XCTAssertEqual(try Shapes.read(json: codableJSON(shapes), "shapes"), shapes)
        let mosaics = FashionMosaics(categories: ["bag"], prevalence: [0.2], size: 28, folder: "fashion")
        XCTAssertEqual(try FashionMosaics.read(json: codableJSON(mosaics), "mosaics"), mosaics)
        let numpy = NumpyDataset(images: "x.npy", labels: "y.npy", names: ["a"], testImages: "tx.npy", testLabels: "ty.npy")
        XCTAssertEqual(try NumpyDataset.read(json: codableJSON(numpy), "numpy"), numpy)
        XCTAssertEqual(try IDXDataset.read(json: codableJSON(IDXDataset(images: "i", labels: "l")), "idx"), IDXDataset(images: "i", labels: "l"))
        for source: DatasetSource in [.shapes(shapes), .fashionMosaics(mosaics), .numpy(numpy), .idx(IDXDataset(images: "i", labels: "l"))] {
            XCTAssertEqual(try DatasetSource.read(json: codableJSON(source), "dataset"), source)
        }
        let initialiser = try XCTUnwrap(APICatalog.standard.type(named: "Shapes")?.initializers.first)
        XCTAssertEqual(initialiser.arguments?.map(\.defaultSource), [#"["circle", "square", "triangle", "cross", "ring"]"#,
                                                                     "[0.4, 0.2, 0.1, 0.05, 0.02]", "[:]", "28", "0.05", "4000", "500", "1000", "1"])
        let idx = try XCTUnwrap(APICatalog.standard.type(named: "IDXDataset")?.initializers.first)
        let arguments: [String: APIValue] = ["images": .string("/etc/x"), "labels": .string("l"), "names": .none, "testImages": .string("t"),
                                             "testLabels": .none, "testFraction": .double(0.2), "validationFraction": .double(0.1), "seed": .int(1)]
        XCTAssertEqual(idx.check(APIArguments(arguments)).map(\.message),
                       ["images must be a path inside the lesson's folder, not '/etc/x'", "give both testImages and testLabels, or neither"])
    }

    /// A case written without parentheses is named as Swift spells it, in every declared enum.
    func testPlainMembersAreNamedAsTheirCases() {
        let enums = ["Head", "OutputBias", "LogitShift", "ThresholdObjective", "SampleWeight", "ClassWeight", "PosWeight", "Flips", "Schedule", "ResultView"]
        for type in enums.compactMap(APICatalog.standard.type(named:)) {
            for member in type.members where member.arguments == nil {
                XCTAssertEqual(String(describing: member.build(APIArguments([:]))), member.name, type.name)
            }
        }
        XCTAssertEqual(try PosWeight.read(json: codableJSON(PosWeight.balanced(scale: 0.5)), "posWeight"), .scaledBalanced(scale: 0.5))
        XCTAssertEqual(try Loss.read(json: codableJSON(Loss.focal(alpha: nil)), "loss"), .focal(alpha: nil), "nil stays nil, not the default")
        XCTAssertEqual(try Loss.read(json: codableJSON(Loss.binaryCrossEntropy()), "loss"), .binaryCrossEntropy(), "0 smoothing is stored as nil")
        XCTAssertEqual(Loss.binaryCrossEntropy().swiftSource, ".binaryCrossEntropy()")
        XCTAssertEqual(PrevalenceBaseline().swiftSource, "PrevalenceBaseline()")
    }

    /// The builder reads typed values: the evaluator's checked arguments make the value.
    func testBuildersReadTypedArguments() throws {
        let member = try XCTUnwrap(APICatalog.standard.type(named: "Schedule")?.members.first { $0.name == "cosine" })
        let built = member.build(APIArguments(["epochs": .int(4), "alpha": .double(0.5), "warmupEpochs": .int(1)]))
        XCTAssertEqual(built.value(as: Schedule.self), .cosine(epochs: 4, alpha: 0.5, warmupEpochs: 1))
        XCTAssertEqual(try EarlyStopping.members[0].make(.defaults), EarlyStopping())
        // A member's own check reads typed arguments too.
        let sgd = try XCTUnwrap(APICatalog.standard.type(named: "Optimizer")?.members.first { $0.name == "sgd" })
        let plain: [String: APIValue] = ["learningRate": .double(0.1), "momentum": .double(0), "nesterov": .bool(true), "weightDecay": .double(0)]
        XCTAssertEqual(sgd.check(APIArguments(plain)).map(\.message), ["Nesterov momentum needs momentum > 0"])
    }
}
