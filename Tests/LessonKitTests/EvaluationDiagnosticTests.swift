@testable import LessonKit
import XCTest

/// Invalid lesson code → the exact message at the exact line:column of the .md
/// file. Each case is one experiment block whose first line is file line 8.
final class EvaluationDiagnosticTests: XCTestCase {
    static let cases: [(code: String, expected: [String])] = [
        (#"Compare("t", on: Shapes(), runs: [Run("a", epoch: 3)])"#,
         ["8:44: Run has no argument 'epoch'; did you mean 'epochs'? (arguments: model, head, loss, sampleWeight, optimizer, epochs, batchSize, schedule, clipNorm, earlyStopping, threshold, outputBias, logitShift, augmentation, seed)"]),
        (#"let r = Run("a", loss: .binaryCrossEntropi())"#,
         ["8:25: type 'Loss' has no member 'binaryCrossEntropi'; did you mean 'binaryCrossEntropy'? (members: asymmetric, binaryCrossEntropy, focal, softmaxCrossEntropy, sparseSoftmaxCrossEntropy)"]),
        (#"let r = Run("a", epochs: 2.5)"#, ["8:26: cannot convert value of type 'Double' to expected argument type 'Int'"]),
        (#"let r = Run("a", epochs: "3")"#, ["8:26: cannot convert value of type 'String' to expected argument type 'Int'"]),
        (#"let r = Run("a", epochs: 0)"#, ["8:26: epochs must be 1...1000, got 0"]),
        (#"let s = Shapes(prevalence: [0.4, 0.2, 1.5, 0.05, 0.02])"#, ["8:39: prevalence entries must be 0...1, got 1.5"]),
        (#"let s = Shapes(prevalence: [0.4, 0.2, 0.1, 0.05])"#, ["8:28: prevalence has 4 entries but labels has 5"]),
        (#"let s = Shapes(train: 100_000)"#, ["8:23: train must be 1...60000, got 100000"]),
        ("Compare(\"t\", on: Shapes(), runs: [\n    Run(\"a\"),\n    Run(\"a\", epochs: 2),\n])",
         ["10:5: duplicate run name 'a'"]),
        ("Compare(\"t\", on: Shapes(), runs: [Run(\"a\")])\nCompare(\"u\", on: Shapes(), runs: [Run(\"a\")])",
         ["9:35: duplicate run name 'a'; first used at line 8"]),
        (#"let r = Run(epochs: 3)"#, ["8:13: missing argument for parameter #1 in call"]),
        ("let f = { 3 }", ["8:9: closures are not supported in lessons"]),
        ("for i in [1, 2] {}", ["8:1: 'for' loops are not supported in lessons"]),
        ("func f() {}", ["8:1: function declarations ('func') are not supported in lessons"]),
        ("var epochs = 3", ["8:1: 'var' is not supported; lessons bind each name once with 'let'"]),
        ("import Foundation", ["8:1: imports are not supported in lessons"]),
        ("let x = [3]\nlet r = Run(\"run \\(x)\")", ["9:20: cannot interpolate a value of type '[Int]'; interpolate numbers, Booleans or strings"]),
        (#"let r = Run("a", epochs: )"#, ["8:26: expected value in function call"]),
        ("let r = Run(\"a\", epochs: [1, 2)", ["8:31: expected ',' in array element", "8:31: expected ']' to end array"]),
        ("let q = epochz", ["8:9: cannot find 'epochz' in scope"]),
        (#"let r = Run("a", head: .softmax)"#, ["8:9: .binaryCrossEntropy needs head: .sigmoid, but this run has head: .softmax"]),
        (#"Compare("t", on: Shapes(), runs: [Run("a", loss: .binaryCrossEntropy(posWeight: .fixed([1, 2])))])"#,
         ["8:50: posWeight has 2 entries but the dataset has 5 labels (circle, square, triangle, cross, ring)"]),
        (#"let s = Shape()"#, ["8:9: cannot find 'Shape' in scope; did you mean 'Shapes'?"]),
        ("let a = 3\nlet b = 0.5\nlet c = a * b", ["10:11: binary operator '*' cannot be applied to operands of type 'Int' and 'Double'"]),
        ("let a = 3\nlet a = 4", ["9:5: invalid redeclaration of 'a' (first declared at line 8)"]),
        ("let h = .sigmoid", ["8:9: cannot infer contextual base in reference to member 'sigmoid'"]),
        ("let a = 3\na = 4", ["9:3: assignments (names are bound once with 'let') are not supported in lessons"]),
        (#"let d = NumpyDataset(images: "../x.npy", labels: "y.npy")"#,
         ["8:30: images may not leave the lesson's folder ('..' in '../x.npy')"]),
        (#"let d = NumpyDataset(images: "x.npy\0", labels: "y.npy")"#,
         ["8:30: images holds a control character (such as NUL); write the file's name as it is"]),
        // NeuralCore's SGD would stop the process on this combination; the lesson gets an error instead.
        (#"let r = Run("a", optimizer: .sgd(nesterov: true))"#, ["8:44: Nesterov momentum needs momentum > 0"]),
        (#"Run("a")"#, ["8:1: a Run on its own is never trained; put it in the runs of a Compare"]),
        // Undoing a positive weight needs one: the error sits on the argument.
        (#"let r = Run("a", logitShift: .undoPosWeight)"#,
         ["8:30: logitShift: .undoPosWeight needs a loss with a posWeight, e.g. loss: .binaryCrossEntropy(posWeight: .balanced)"]),
        (#"let s = Shapes(labels: ["circle", "hexagon", "square", "cross", "ring"])"#,
         ["8:35: 'hexagon' is not a shape; choose from circle, square, triangle, cross, ring"]),
        (#"let r = Run("a", seed: 1, epochs: 3)"#, ["8:27: argument 'epochs' must precede argument 'seed' (the order is: model, head, loss, sampleWeight, optimizer, epochs, batchSize, schedule, clipNorm, earlyStopping, threshold, outputBias, logitShift, augmentation, seed)"]),
        ("let x = 9_223_372_036_854_775_807 + 1",
         ["8:35: arithmetic operation '9223372036854775807 + 1' (on type 'Int') results in an overflow"]),
        ("let x = " + String(repeating: "[", count: 40) + "1" + String(repeating: "]", count: 40),
         ["8:15: brackets '[' are nested too deeply (more than 6 levels)"]),
        // An invalid character before '=' would crash swift-syntax 602's diagnostics; it is refused first.
        ("let rarePrevalence \u{FFFD}= 0.02",
         ["8:20: character U+FFFD is not allowed here; outside strings and comments, lesson code is plain ASCII"]),
        (#"let r = Run("a", threshold: .tuned(maximizing: .f2))"#,
         ["8:49: type 'ThresholdObjective' has no member 'f2'; did you mean 'f1'? (members: f1)"]),
        (#"let r = Run("a", optimizer: .sgd(learningRate: 0))"#, ["8:48: learningRate must be > 0 and ≤ 1000000, got 0"]),
        ("let x = true ? 1 : 2", ["8:14: conditional expressions ('? :') are not supported in lessons"]),
        (#"let x = [1, "a"]"#, ["8:9: heterogeneous collection literal could only be inferred to '[Any]'; use elements of one type"]),
        (#"expect(true)"#, ["8:1: expect(...) belongs in a 'swift expect' block"]),
        (#"let r = Run("a", loss: .binaryCrossEntropy)"#,
         ["8:24: '.binaryCrossEntropy' needs an argument list: write '.binaryCrossEntropy(...)'"]),
        (#"let r = Run("a", head: .sigmoid())"#, ["8:24: '.sigmoid' takes no arguments; write '.sigmoid' without parentheses"]),
        ("let x: Float = 1", ["8:8: cannot find type 'Float' in scope"]),
        (#"let m = MLP(hidden: [64], dropout: 0.2, layers: 3)"#, ["8:41: MLP has no argument 'layers' (arguments: hidden, dropout, batchNorm)"]),
        // Every error of a block is reported, in file order.
        ("let a = Run(\"x\", epochs: -1)\nlet b = Shapes(noise: 2)\nlet c = undefined",
         ["8:26: epochs must be 1...1000, got -1", "9:23: noise must be 0...1, got 2",
          "10:9: cannot find 'undefined' in scope"]),
    ]

    func testInvalidBlocksGiveExactMessagesAndPositions() throws {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 25)
        for (code, expected) in Self.cases {
            let md = EvaluationFixture.blocks([("experiment", code)])
            XCTAssertEqual(try EvaluationFixture.diagnostics(md), expected, code)
        }
    }

    static let lessonWithParameters = EvaluationFixture.blocks([
        ("parameters", "let epochs = 12\nlet posWeight: PosWeight = .none"),
        ("experiment", #"Compare("t", on: Shapes(), runs: [Run("a", loss: .binaryCrossEntropy(posWeight: posWeight), epochs: epochs)])"#),
        ("expect", #"expect(results["a"].recall("rnig") > 0.5)"# + "\n" + #"expect(results["b"].macroF1 > 0.5)"# + "\n"
            + #"expect(results["a"].macroF2 > 0.5)"# + "\n" + #"expect(results["a"].macroF1, approximately: 0.5, tol: 0.1)"# + "\n"
            + #"expect(results["a"].macroF1)"#),
    ])

    func testExpectBlockErrors() throws {
        XCTAssertEqual(try EvaluationFixture.diagnostics(Self.lessonWithParameters), [
            "21:28: run 'a' has no label 'rnig'; did you mean 'ring'? (labels: circle, square, triangle, cross, ring)",
            "22:16: no run named 'b'; did you mean 'a'? (runs: a)",
            "23:21: run report has no member 'macroF2'; did you mean 'macroF1'? (members: diverged, finalLoss, trainSeconds, macroF1, microF1, samplesF1, subsetAccuracy, hammingLoss, meanAveragePrecision, macroROCAUC, labelRankingAveragePrecision, multiLabelRecall, multiLabelSubsetAccuracy, expectedCalibrationError, validationLoss, minValidationLoss, bestEpoch, trainMacroF1, trainMeanAveragePrecision, trainingSteps, precision, recall, f1, averagePrecision, rocAUC, trainPrecision, trainRecall, trainAveragePrecision, trainLoss)",
            "24:50: expect has no argument 'tol' (arguments: inAtLeast, approximately, tolerance)",
            "25:8: cannot convert value of type 'Double' to expected argument type 'Bool'; compare it, e.g. '> 0.5'",
        ])
    }

    func testBadOverrides() throws {
        let onlyParameters = EvaluationFixture.blocks([
            ("parameters", "let epochs = 12\nlet posWeight: PosWeight = .none"),
            ("experiment", #"Compare("t", on: Shapes(), runs: [Run("a", loss: .binaryCrossEntropy(posWeight: posWeight), epochs: epochs)])"#),
        ])
        let cases: [([String: String], [String])] = [
            (["epochs": "2.5"], ["8:5: --set epochs=2.5: cannot convert value of type 'Double' to specified type 'Int'"]),
            (["epoch": "3"], ["--set epoch: the lesson has no parameter 'epoch'; did you mean 'epochs'? (parameters: epochs, posWeight)"]),
            (["epochs": "("], ["8:5: --set epochs=(: expected value and ')' to end tuple"]),
            (["posWeight": "3"], ["9:5: --set posWeight=3: cannot convert value of type 'Int' to specified type 'PosWeight'"]),
            (["posWeight": ".balancd"], ["9:5: --set posWeight=.balancd: type 'PosWeight' has no member 'balancd'; did you mean 'balanced'? (members: balanced, fixed, none)"]),
            (["epochs": "{ 3 }"], ["8:5: --set epochs={ 3 }: closures are not supported in lessons"]),
            (["epochs": "0"], ["15:101: epochs must be 1...1000, got 0 (epochs is set by --set epochs=0)"]),
        ]
        for (overrides, expected) in cases {
            XCTAssertEqual(try EvaluationFixture.diagnostics(onlyParameters, overrides: overrides), expected, "\(overrides)")
        }
    }

    func testFormattedLikeACompiler() throws {
        let md = EvaluationFixture.blocks([("experiment", #"let r = Run("plain", epoch: 3)"#)])
        let lesson = try EvaluationFixture.lesson(md)
        guard case .failure(let list) = Evaluator.evaluate(lesson) else { return XCTFail("expected an error") }
        XCTAssertEqual(list.formatted(source: lesson.source), """
        Lessons/test.md:8:22: error: Run has no argument 'epoch'; did you mean 'epochs'? (arguments: model, head, loss, sampleWeight, optimizer, epochs, batchSize, schedule, clipNorm, earlyStopping, threshold, outputBias, logitShift, augmentation, seed)
            let r = Run("plain", epoch: 3)
                                 ^
        """)
    }
}
