@testable import LessonKit
import PlanCore
import XCTest

/// The portable reader of typed parameter values: every construct it accepts,
/// every way it refuses, and no input that traps it.
final class SetValueParserTests: XCTestCase {
    func parsed(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> SetValueSyntax? {
        switch SetValueParser.parse(text) {
        case .success(let s): return s
        case .failure(let e): XCTFail("\(text): \(e.message)", file: file, line: line); return nil
        }
    }

    func refusal(_ text: String) -> String? {
        if case .failure(let e) = SetValueParser.parse(text) { return e.message }
        return nil
    }

    func testLiterals() {
        XCTAssertEqual(parsed("4_000"), .integer("4_000"))
        XCTAssertEqual(parsed(" 0x1F "), .integer("0x1F"))
        XCTAssertEqual(parsed("1e-5"), .float("1e-5"))
        XCTAssertEqual(parsed("2.5E+3"), .float("2.5E+3"))
        XCTAssertEqual(parsed("0.000_1"), .float("0.000_1"))
        XCTAssertEqual(parsed("-3"), .prefix("-", .integer("3")))
        XCTAssertEqual(parsed(#""a \"b\"\n\t\\ \u{e9}""#), .string("a \"b\"\n\t\\ é"))
        XCTAssertEqual(parsed("true"), .bool(true))
        XCTAssertEqual(parsed("false"), .bool(false))
        XCTAssertEqual(parsed("nil"), .nilLiteral)
        XCTAssertEqual(parsed("abc"), .name("abc"))
    }

    func testCollectionsAndArithmetic() {
        XCTAssertEqual(parsed("[1.0, 2, 3,]"), .array([.float("1.0"), .integer("2"), .integer("3")]))
        XCTAssertEqual(parsed("[]"), .array([]))
        XCTAssertEqual(parsed("[:]"), .dictionary([]))
        XCTAssertEqual(parsed(#"["a": 1, "b": 2]"#), .dictionary([.string("a"), .integer("1"), .string("b"), .integer("2")]))
        XCTAssertEqual(parsed("1 + 2 * 3"), .binary("+", .integer("1"), .binary("*", .integer("2"), .integer("3"))))
        XCTAssertEqual(parsed("(1 + 2) * 3"), .binary("*", .binary("+", .integer("1"), .integer("2")), .integer("3")))
        XCTAssertEqual(parsed("8 / 2 - 1"), .binary("-", .binary("/", .integer("8"), .integer("2")), .integer("1")))
        XCTAssertEqual(parsed("-(0.5)"), .prefix("-", .float("0.5")))
        XCTAssertEqual(parsed("1 < 2 && !false"), .binary("&&", .binary("<", .integer("1"), .integer("2")), .prefix("!", .bool(false))))
    }

    func testAPIValues() {
        XCTAssertEqual(parsed(".balanced"), .member(base: nil, name: "balanced"))
        XCTAssertEqual(parsed(".balanced(scale: 0.5)"),
                       .call(.member(base: nil, name: "balanced"), [SetValueArgument(label: "scale", value: .float("0.5"))]))
        XCTAssertEqual(parsed("Seeds.from(3, count: 5)"),
                       .call(.member(base: "Seeds", name: "from"),
                             [SetValueArgument(label: nil, value: .integer("3")), SetValueArgument(label: "count", value: .integer("5"))]))
        XCTAssertEqual(parsed("MLP(hidden: [64])"), .call(.name("MLP"), [SetValueArgument(label: "hidden", value: .array([.integer("64")]))]))
        XCTAssertEqual(parsed("MLP()"), .call(.name("MLP"), []))
        XCTAssertEqual(parsed(".binaryCrossEntropy(posWeight: .balanced(scale: 2))"),
                       .call(.member(base: nil, name: "binaryCrossEntropy"),
                             [SetValueArgument(label: "posWeight", value: .call(.member(base: nil, name: "balanced"),
                                                                               [SetValueArgument(label: "scale", value: .integer("2"))]))]))
    }

    func testRefusals() {
        XCTAssertEqual(refusal(""), "expected a value")
        XCTAssertEqual(refusal("   "), "expected a value")
        XCTAssertEqual(refusal("("), "expected value and ')' to end tuple")
        XCTAssertEqual(refusal("(1"), "expected value and ')' to end tuple")
        XCTAssertEqual(refusal("{ 3 }"), "closures are not supported in lessons")
        XCTAssertEqual(refusal("3 4"), "expected a single value")
        XCTAssertEqual(refusal("1 ** 2"), "operator '**' is not supported in lessons")
        XCTAssertEqual(refusal("~1"), "prefix operator '~' is not supported in lessons")
        XCTAssertEqual(refusal("1 < 2 < 3"), "adjacent operators are in non-associative precedence group 'ComparisonPrecedence'")
        XCTAssertEqual(refusal("\"abc"), "unterminated string literal")
        XCTAssertEqual(refusal(#""a\(b)""#), "string interpolation is not supported in a parameter value; write the text")
        XCTAssertEqual(refusal(#""\q""#), "invalid escape sequence in literal")
        XCTAssertEqual(refusal(#""\u{110000}""#), "invalid \\u{...} escape sequence")
        XCTAssertEqual(refusal("\"\"\"\na\n\"\"\""), "multi-line string literals are not supported in a parameter value")
        XCTAssertEqual(refusal("1e"), "expected a digit in floating point exponent")
        XCTAssertEqual(refusal("12abc"), "'abc' is not a valid digit in integer literal '12abc'")
        XCTAssertEqual(refusal("[1, 2"), "expected ']' in an array literal")
        XCTAssertEqual(refusal(#"["a": 1, 2]"#), "expected ':' and a value in a dictionary literal")
        XCTAssertEqual(refusal("[1, \"a\": 2]"), "expected ',' or ']' in an array literal")
        XCTAssertEqual(refusal("(1, 2)"), "tuples are not supported in lessons")
        XCTAssertEqual(refusal("()"), "expected a value between '(' and ')'")
        XCTAssertEqual(refusal(".balanced(scale: 0.5"), "expected ')' to end the argument list")
        XCTAssertEqual(refusal("."), "expected a name after '.'")
        XCTAssertEqual(refusal("a.b.c"), "properties of values are not supported in lessons; only API members like '.name'")
        XCTAssertEqual(refusal("[1](2)"), "only a type or a member of the lesson API can be called")
        XCTAssertEqual(refusal("- 3"), "unary operator cannot be separated from its operand")
        XCTAssertEqual(refusal("#"), "unexpected character '#' in the value")
        XCTAssertEqual(refusal(String(repeating: "[", count: 200)), "expression is nested too deeply (more than 32 levels)")
        XCTAssertEqual(refusal(Array(repeating: "1", count: 300).joined(separator: "+")),
                       "statement has more than 256 operators; split it into several 'let's")
        XCTAssertEqual(refusal("MLP().hidden"), SetValueParser.callMessage("MLP"))
        let dashes = String(repeating: "-", count: 100)
        XCTAssertEqual(refusal(dashes + "1"), "prefix operator '\(dashes)' is not supported in lessons")
    }

    /// Random text near the grammar: the reader answers every input, a value or a message, and never traps;
    /// nothing it accepts fails to be typed or refused by the evaluation either.
    func testRandomInputNeverTraps() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["1", "0x", "2.5", "e", "-", "+", "*", "/", "(", ")", "[", "]", ":", ",", ".", "\"", "\\", "balanced",
                      "scale", " ", "MLP", "nil", "true", "_", "{", "é", "\n", "0", "9", "u{", "}", "Seeds", "from", "<", "&&"]
        let kinds: [ValueKind] = [.int, .double, .array(.double), .api("PosWeight"), .api("Loss"), .optional(.double), .string]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let diagnostics = Diagnostics(path: "fuzz.md")
            let value = SetValueEvaluation.value(text, of: "x", kind: kinds.randomElement(using: &rng)!, at: SourceLocation(line: 3, column: 5),
                                                 catalog: .standard, diagnostics: diagnostics, overrides: [:])
            XCTAssertEqual(value == nil, !diagnostics.isEmpty, text)
            XCTAssertTrue(diagnostics.all.allSatisfy { $0.message.hasPrefix("--set x=") && $0.location?.line == 3 }, text)
        }
    }
}
