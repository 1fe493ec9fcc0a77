import XCTest
@testable import LessonKit

/// Input that would recurse past the stack is refused with a located error:
/// long operator chains, nesting without brackets, in blocks and `--set` values.
final class EvaluationBoundsTests: XCTestCase {
    private func parameters(_ text: String) -> String { EvaluationFixture.blocks([("parameters", text)]) }

    func testALongOperatorChainIsAnErrorAtTheFirstOperatorPastTheLimit() throws {
        // Block content starts at line 8 (front matter, heading, fence); `let x = ` is 8 columns.
        let chain = Array(repeating: "1", count: 8_000).joined(separator: " + ")
        let found = try EvaluationFixture.diagnostics(parameters("let x = " + chain))
        // Operator n sits after n terms of "1 + ": column 8 + 4n - 1.
        XCTAssertEqual(found, ["8:\(8 + 4 * 257 - 1): statement has more than 256 operators; split it into several 'let's"])
        let claims = EvaluationFixture.blocks([("expect", "expect(" + Array(repeating: "true", count: 8_000).joined(separator: " && ") + ")")])
        XCTAssertEqual(try EvaluationFixture.diagnostics(claims).first?.hasSuffix("statement has more than 256 operators; split it into several 'let's"), true)
        // At the limit the chain still evaluates.
        let plan = try EvaluationFixture.plan(parameters("let x = " + Array(repeating: "1", count: 257).joined(separator: " + ")))
        XCTAssertEqual(plan.parameters.first?.value.count, 257 * 4 - 3)
    }

    func testALongChainThroughSetIsAnErrorAtTheParameter() throws {
        let chain = Array(repeating: "1", count: 8_000).joined(separator: "+")
        let found = try EvaluationFixture.diagnostics(parameters("let epochs = 2"), overrides: ["epochs": chain])
        XCTAssertEqual(found.count, 1)
        // The value is quoted by its first 80 characters.
        XCTAssertTrue(found[0].hasPrefix("8:5: --set epochs=" + String(chain.prefix(80)) + "…: "), found[0])
        XCTAssertTrue(found[0].hasSuffix(": statement has more than 256 operators; split it into several 'let's"), found[0])
    }

    func testNestingWithoutBracketsIsAnError() throws {
        let cases = [
            "let x = a" + String(repeating: ".b", count: 10_000),   // member chain
            "let x = f" + String(repeating: "()", count: 10_000),   // call chain
            "let x = " + String(repeating: "try ", count: 10_000) + "1",  // SwiftParser recursion
            "let x = " + String(repeating: "a ? ", count: 8_000) + "1" + String(repeating: " : 2", count: 8_000),
            "let x: Int" + String(repeating: "?", count: 8_000) + " = 1",
        ]
        for text in cases {
            let found = try EvaluationFixture.diagnostics(parameters(text))
            XCTAssertEqual(found.count, 1, found.joined(separator: "\n"))
            XCTAssertTrue(found.first?.hasPrefix("8:") == true, found.first ?? "")
            XCTAssertTrue(found.first?.hasSuffix("expression is nested too deeply (more than 256 syntax levels)") == true, found.first ?? "")
        }
    }

    func testSlowSwiftParserInputIsRefusedQuickly() throws {
        // Generic arguments nested past the bracket limit; a long line of broken code.
        let generic = try EvaluationFixture.diagnostics(parameters("let x: " + String(repeating: "A<", count: 8_000) + "Int"
                                                                   + String(repeating: ">", count: 8_000) + " = 1"))
        XCTAssertEqual(generic, ["8:73: generic arguments '<' are nested too deeply (more than 32 levels)"])
        let broken = try EvaluationFixture.diagnostics(parameters("let epochs = 2\nlet x: " + String(repeating: "some ", count: 8_000) + "P = 1"))
        XCTAssertEqual(broken, ["9:1: this line has a syntax error and is too long (40012 bytes; at most 1000) to say where; "
                                + "break it into several lines"])
        // Comparisons on one line are not generic arguments.
        XCTAssertNoThrow(try EvaluationFixture.plan(parameters("let x = " + Array(repeating: "1 < 2", count: 40).joined(separator: " && "))))
    }

    func testShownCodeTooDeepOrTooLargeIsShownWithoutColours() {
        let deep = "let x = a" + String(repeating: ".b", count: 20_000)
        XCTAssertEqual(SwiftHighlighter.html(for: deep), escapeHTML(deep))
        let squares = "let x = " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        XCTAssertEqual(SwiftHighlighter.html(for: squares), escapeHTML(squares), "nested '[' would take minutes to parse")
        XCTAssertEqual(SwiftHighlighter.html(for: "let x = 1"), "<span class=\"kw\">let</span> x = <span class=\"num\">1</span>")
    }

    func testAParameterIsAValueNotACall() throws {
        let found = try EvaluationFixture.diagnostics(parameters("let epochs = 2\nlet data = [Shapes(train: 10)]"))
        XCTAssertEqual(found, ["9:13: a parameter is a value a student can change (a number, text, an array, a case such as "
                               + "'.balanced'), not a call; make 'Shapes(...)' in a 'swift experiment' block"])
        // A case with arguments is a value.
        XCTAssertNoThrow(try EvaluationFixture.plan(parameters("let w: PosWeight = .balanced(scale: 0.5)")))
        let set = try EvaluationFixture.diagnostics(parameters("let hidden = [64]"), overrides: ["hidden": "MLP().hidden"])
        XCTAssertEqual(set.count, 1)
        XCTAssertTrue(set[0].hasPrefix("8:5: --set hidden=MLP().hidden: a parameter is a value"), set[0])
    }

    func testALetInAnExpectBlockIsAnError() throws {
        let markdown = EvaluationFixture.blocks([("parameters", "let epochs = 2"), ("expect", "let margin = 0.1\nexpect(margin > 0)")])
        let found = try EvaluationFixture.diagnostics(markdown)
        // The expect block's content starts on line 14; later uses of the name add nothing.
        XCTAssertEqual(found, ["14:1: an expect block states claims as 'expect(...)' statements; declare names in a "
                               + "'swift parameters' or 'swift experiment' block"])
    }
}
