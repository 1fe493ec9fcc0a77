import Foundation
@testable import LessonKit
import NeuralCore
import SwiftParser
import SwiftSyntax
import XCTest

/// Thousands of seeded mutations of real lesson blocks: every one must end in a
/// plan or in located diagnostics — no crash, no hang, no diagnostic outside the file.
final class EvaluationFuzzTests: XCTestCase {
    static let blocks: [(BlockKind, String)] = [
        (.parameters, "let epochs = 12\nlet rarePrevalence = 0.02\nlet posWeight: PosWeight = .balanced(scale: 0.5)"),
        (.experiment, """
        let shapes = Shapes(labels: ["circle", "square", "triangle", "cross", "ring"],
                            prevalence: [0.40, 0.20, 0.10, 0.05, rarePrevalence], together: ["ring": "circle"],
                            train: 4_000, test: 1000, seed: 1)
        Compare("Making the rare labels count", on: shapes, runs: [
            Run("plain", model: MLP(hidden: [128], dropout: 0.2), loss: .binaryCrossEntropy(), epochs: epochs),
            Run("weighted", loss: .binaryCrossEntropy(posWeight: posWeight), optimizer: .sgd(learningRate: 0.1), epochs: epochs * 2),
            Run("softmax", model: CNN(filters: [8], dense: []), head: .softmax, loss: .softmaxCrossEntropy(), threshold: .topK(1)),
        ])
        """),
        (.expect, """
        expect(results["weighted"].recall("ring") > results["plain"].recall("ring") + 0.05)
        expect(results["plain"].macroF1, approximately: 0.5, tolerance: 0.2)
        expect(!results["softmax"].diverged && results["softmax"].multiLabelRecall < 0.6 || false)
        """),
    ]

    /// Tokens worth inserting: API words, punctuation, unsupported constructs, edge numbers.
    static let vocabulary = [
        "(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "let", "var", "for", "in", "func", "import", "\"", "\"\\(x)\"",
        "nil", "true", "0", "-1", "1e999", "9223372036854775807", "0.5", "+", "*", "/", "%", "&&", "||", "!", "?", "->",
        "results", "expect", "Run", "Compare", "Shapes", ".balanced", ".sigmoid", "epochs:", "loss:", "#if", "@main",
        "$0", "\\.x", "_", "try", "await", "as", "is", "\n", "//", "/*", "'", "é", "\u{0}", "```",
    ]

    func lesson(replacing index: Int, with text: String) -> Lesson {
        var line = 1
        var blocks: [LessonBlock] = []
        for (i, (kind, original)) in Self.blocks.enumerated() {
            let body = i == index ? text : original
            let count = body.split(separator: "\n", omittingEmptySubsequences: false).count
            blocks.append(LessonBlock(kind: kind, text: body + "\n", info: "swift", startLine: line, endLine: line + count + 1,
                                      contentStartLine: line + 1))
            line += count + 3
        }
        let source = blocks.map { "```swift\n" + $0.text + "```\n" }.joined(separator: "\n")
        return Lesson(path: "fuzz.md", source: source, meta: LessonMeta(title: "fuzz"), blocks: blocks, headings: [])
    }

    /// Each block's tokens (with their trivia), parsed once.
    static let tokens: [[String]] = blocks.map { Parser.parse(source: $0.1).tokens(viewMode: .sourceAccurate).map(\.description) }

    func mutate(_ index: Int, rng: inout SeededRNG) -> String {
        var parts = Self.tokens[index]
        let edits = 1 + rng.nextInt(below: 3)
        for _ in 0..<edits {
            guard !parts.isEmpty else { break }
            let i = rng.nextInt(below: parts.count)
            switch rng.nextInt(below: 6) {
            case 0: parts.remove(at: i)
            case 1: if i + 1 < parts.count { parts.swapAt(i, i + 1) }
            case 2: parts.insert(" " + Self.vocabulary[rng.nextInt(below: Self.vocabulary.count)] + " ", at: i)
            case 3: parts[i] = Self.vocabulary[rng.nextInt(below: Self.vocabulary.count)]
            case 4:
                var bytes = Array(parts.joined().utf8)
                bytes = Array(bytes.prefix(rng.nextInt(below: bytes.count + 1)))
                parts = [String(decoding: bytes, as: UTF8.self)]
            default:
                var bytes = Array(parts.joined().utf8)
                for _ in 0..<(1 + rng.nextInt(below: 4)) {
                    bytes.insert(UInt8(truncatingIfNeeded: rng.nextInt(below: 256)), at: rng.nextInt(below: bytes.count + 1))
                }
                parts = [String(decoding: bytes, as: UTF8.self)]
            }
        }
        return parts.joined()
    }

    func testMutationsEndInAPlanOrLocatedDiagnostics() {
        var rng = SeededRNG(seed: 2026)
        var plans = 0, failures = 0, slowest = 0.0
        let mutations = 2000
        for n in 0..<mutations {
            let index = n % Self.blocks.count
            let text = mutate(index, rng: &rng)
            let lesson = lesson(replacing: index, with: text)
            let lineCount = lesson.source.split(separator: "\n", omittingEmptySubsequences: false).count
            if let trace = ProcessInfo.processInfo.environment["LESSONS_FUZZ_TRACE"] {
                try? Data(text.utf8).write(to: URL(fileURLWithPath: trace))
            }
            let start = Date()
            switch Evaluator.evaluate(lesson, overrides: n % 7 == 0 ? ["epochs": "3"] : [:]) {
            case .success: plans += 1
            case .failure(let list):
                failures += 1
                XCTAssertFalse(list.diagnostics.isEmpty)
                for d in list.diagnostics {
                    XCTAssertFalse(d.message.isEmpty)
                    guard let loc = d.location else {
                        // Only an override naming no parameter (the mutation broke its declaration) has no place.
                        XCTAssertTrue(d.message.hasPrefix("--set epochs: "), d.message)
                        continue
                    }
                    XCTAssertTrue((1...lineCount).contains(loc.line) && loc.column >= 1, "\(loc) outside the file: \(d.message)")
                }
            }
            slowest = max(slowest, Date().timeIntervalSince(start))
        }
        XCTAssertEqual(plans + failures, mutations)
        XCTAssertGreaterThan(failures, mutations / 2)  // the mutations really break things
        XCTAssertGreaterThan(plans, 0)  // and some still evaluate (e.g. swaps of commutative tokens)
        XCTAssertLessThan(slowest, 5, "one evaluation took \(slowest) s")
        print("fuzz: \(mutations) mutations, \(plans) plans, \(failures) rejected, slowest \(slowest) s")
    }
}
