import XCTest
@testable import LessonKit

/// TeX-subset formulas to MathML, and where prose math is (and is not) found.
final class RenderingMathTests: XCTestCase {
    private func ml(_ tex: String) throws -> String {
        let out = try TeXMath.mathML(tex)
        XCTAssertTrue(out.hasPrefix("<math><mrow>") && out.hasSuffix("</mrow></math>"), out)
        return String(out.dropFirst("<math><mrow>".count).dropLast("</mrow></math>".count))
    }

    func testAtomsOperatorsAndScripts() throws {
        XCTAssertEqual(try ml("x + 12.5"), "<mi>x</mi><mo>+</mo><mn>12.5</mn>")
        XCTAssertEqual(try ml("a - b"), "<mi>a</mi><mo>−</mo><mi>b</mi>")
        XCTAssertEqual(try ml("x_i^2"), "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
        XCTAssertEqual(try ml("e^{-x}"), "<msup><mi>e</mi><mrow><mo form=\"prefix\" lspace=\"0\" rspace=\"0\">−</mo><mi>x</mi></mrow></msup>")
        XCTAssertEqual(try ml("(-x) - 1"), "<mo>(</mo><mo form=\"prefix\" lspace=\"0\" rspace=\"0\">−</mo><mi>x</mi><mo>)</mo><mo>−</mo><mn>1</mn>")
        XCTAssertEqual(try ml("w_{ij}"), "<msub><mi>w</mi><mrow><mi>i</mi><mi>j</mi></mrow></msub>")
        XCTAssertEqual(try ml("x < y"), "<mi>x</mi><mo>&lt;</mo><mi>y</mi>")
    }

    func testCommands() throws {
        XCTAssertEqual(try ml("\\frac{1}{1 + e^{-x}}"),
                       "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo form=\"prefix\" lspace=\"0\" rspace=\"0\">−</mo><mi>x</mi></mrow></msup></mrow></mfrac>")
        XCTAssertEqual(try ml("\\sigma(x)"), "<mi>σ</mi><mo>(</mo><mi>x</mi><mo>)</mo>")
        XCTAssertEqual(try ml("\\log q"), "<mi>log</mi><mo>&#x2061;</mo><mi>q</mi>")
        XCTAssertEqual(try ml("q \\cdot z \\le 1"), "<mi>q</mi><mo>⋅</mo><mi>z</mi><mo>≤</mo><mn>1</mn>")
        XCTAssertEqual(try ml("\\sqrt{n}"), "<msqrt><mrow><mi>n</mi></mrow></msqrt>")
        XCTAssertEqual(try ml("\\sqrt[3]{n}"), "<mroot><mrow><mi>n</mi></mrow><mrow><mn>3</mn></mrow></mroot>")
        XCTAssertEqual(try ml("\\text{if } x"), "<mtext>if </mtext><mi>x</mi>")
        XCTAssertEqual(try ml("\\mathrm{F1}"), "<mi mathvariant=\"normal\">F1</mi>")
        XCTAssertEqual(try ml("\\hat{p}"), "<mover accent=\"true\"><mrow><mi>p</mi></mrow><mo>^</mo></mover>")
        XCTAssertEqual(try ml("\\left( x \\right)"), "<mrow><mo>(</mo><mi>x</mi><mo>)</mo></mrow>")
        XCTAssertEqual(try ml("\\sum_{i=1}^{n} x_i"),
                       "<msubsup><mo largeop=\"true\">∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mrow><mi>n</mi></mrow></msubsup>"
                       + "<msub><mi>x</mi><mi>i</mi></msub>")
        XCTAssertEqual(try ml("a\\,b"), "<mi>a</mi><mspace width=\"0.1667em\"/><mi>b</mi>")
        XCTAssertEqual(try TeXMath.mathML("x", display: true), "<math display=\"block\"><mrow><mi>x</mi></mrow></math>")
    }

    func testTextIsEscaped() throws {
        XCTAssertEqual(try ml("\\text{<b>&}"), "<mtext>&lt;b&gt;&amp;</mtext>")
    }

    func testErrorsNameTheProblem() {
        func message(_ tex: String) -> String {
            do { _ = try TeXMath.mathML(tex); return "" } catch { return String(describing: error) }
        }
        XCTAssertEqual(message("\\foo x"), "unknown math command '\\foo'")
        XCTAssertEqual(message("\\frac{1}"), "expected '{'")
        XCTAssertEqual(message("{x"), "missing '}'")
        XCTAssertEqual(message("x}"), "unexpected '}'")
        XCTAssertEqual(message("x^"), "'^' needs something after it")
        XCTAssertEqual(message("x_1_2"), "double subscript")
        XCTAssertEqual(message("\\left( x"), "\\left without \\right")
        XCTAssertEqual(message("x \\right)"), "\\right without \\left")
        XCTAssertEqual(message("a # b"), "'#' is not supported in math")
    }

    private func page(_ markdown: String) throws -> String {
        let lesson = try Lesson(path: "Lessons/01-m.md", markdown: markdown)
        let html = LessonPage(lesson: lesson, entry: CourseEntry(id: "01-m", title: lesson.meta.title),
                              sourcePath: "Lessons/01-m.md", runCommand: "lessons run 01-m.md").render()
        let body = try XCTUnwrap(html.range(of: "<div class=\"lesson-body\">"))
        return String(html[body.upperBound...])
    }

    func testProseMathIsFoundInTextOnly() throws {
        let html = try page("""
        # M

        Inline $\\sigma(x)$ and $x_i$, but $5 and $10 are prices, `$code$` stays code, and [a $q$ link](https://example.org).

        $$
        \\frac{2PR}{P + R}
        $$

        ```sh
        echo "$HOME$"
        ```
        """)
        XCTAssertTrue(html.contains("Inline <math><mrow><mi>σ</mi>"), html)
        XCTAssertTrue(html.contains("<math><mrow><msub><mi>x</mi><mi>i</mi></msub></mrow></math>"))
        XCTAssertTrue(html.contains("but $5 and $10 are prices"))
        XCTAssertTrue(html.contains("<code>$code$</code>"))
        XCTAssertTrue(html.contains("<a href=\"https://example.org\">a <math><mrow><mi>q</mi></mrow></math> link</a>"))
        XCTAssertTrue(html.contains("<p><span class=\"math-block\" tabindex=\"0\" role=\"region\" aria-label=\"Formula 4\"><math display=\"block\"><mrow><mfrac>"), html)
        XCTAssertTrue(html.contains("echo &quot;$HOME$&quot;"))
    }

    func testPlaceholdersCannotBeForged() throws {
        let html = try page("# M\n\nForged \u{E000}0\u{E001} and $x$.\n")
        XCTAssertFalse(html.contains("\u{E000}"))
        XCTAssertTrue(html.contains("Forged 0 and <math><mrow><mi>x</mi></mrow></math>."), html)
        // Should a formula outside the subset ever reach the page, it is shown as code with the reason.
        XCTAssertEqual(ProseMath.markup(.init(tex: "\\nope", display: false)),
                       "<code class=\"math-error\" title=\"unknown math command &#39;\\nope&#39;\">\\nope</code>")
    }

    func testMathOutsideTheSubsetIsAnErrorAtItsPlace() {
        func diagnostic(_ markdown: String) -> Diagnostic? {
            do { _ = try Lesson(path: "Lessons/01-m.md", markdown: markdown); return nil } catch {
                return (error as? LessonsError)?.diagnostics.first
            }
        }
        // The column is that of the backslash of the unknown command.
        let inline = diagnostic("# M\n\nFine $x$, bad $a + \\nope{x}$.\n")
        XCTAssertEqual(inline?.location, SourceLocation(line: 3, column: 20))
        XCTAssertEqual(inline?.message, "math: unknown math command '\\nope' in 'a + \\nope{x}'")
        let display = diagnostic("# M\n\n$$\n\\frac{1}\n$$\n")
        XCTAssertEqual(display?.location, SourceLocation(line: 3, column: 1))
        XCTAssertEqual(display?.message, "math: expected '{' in '\\frac{1}'")
    }

    func testDeepNestingIsAnErrorNotACrash() {
        func diagnostic(_ markdown: String) -> Diagnostic? {
            do { _ = try Lesson(path: "Lessons/01-m.md", markdown: markdown); return nil } catch {
                return (error as? LessonsError)?.diagnostics.first
            }
        }
        let deep = [
            String(repeating: "\\frac{", count: 1000) + "1" + String(repeating: "}{2}", count: 1000),
            String(repeating: "\\sqrt{", count: 1000) + "1" + String(repeating: "}", count: 1000),
            String(repeating: "\\left(", count: 1000) + "1" + String(repeating: "\\right)", count: 1000),
            String(repeating: "{", count: 3000) + "1" + String(repeating: "}", count: 3000),
            String(repeating: "\\hat", count: 3000) + " x",
        ]
        for tex in deep {
            let d = diagnostic("# M\n\nSee $" + tex + "$.\n")
            XCTAssertEqual(d?.location?.line, 3)
            XCTAssertTrue(d?.message.hasPrefix("math: math is nested too deeply (more than 32 levels)") == true, d?.message ?? "none")
        }
        // The 33rd '{' is where the bound is crossed: column 6 + 32.
        XCTAssertEqual(diagnostic("# M\n\nSee $" + deep[3] + "$.\n")?.location?.column, 6 + 32)
        let limit = String(repeating: "{", count: 31) + "1" + String(repeating: "}", count: 31)
        XCTAssertNoThrow(try TeXMath.mathML(limit))
    }

    func testProseNestedDeeperThanTheStackIsWalkedWithoutRecursion() throws {
        // cmark nests 20,000 quotes; the math walk and heading text follow them with their own stacks.
        let html = try page("# M\n\n" + String(repeating: "> ", count: 20_000) + "deep $x$\n\n# "
                            + String(repeating: "*a ", count: 5_000) + "b" + String(repeating: "*", count: 5_000) + "\n")
        XCTAssertTrue(html.contains("deep <math><mrow><mi>x</mi></mrow></math>"))
        let lesson = try Lesson(path: "Lessons/01-m.md", markdown: "# M\n\n## " + String(repeating: "*a ", count: 5_000) + "b"
                                + String(repeating: "*", count: 5_000) + "\n")
        XCTAssertTrue(lesson.headings[1].text.hasSuffix("a a b"), lesson.headings[1].text)
        // 20,000 nested lists: the search index reads them in linear time (cmark's text renderer is quadratic).
        let list = try Lesson(path: "Lessons/01-m.md", markdown: "# M\n\n" + String(repeating: "- ", count: 20_000) + "deep\n")
        let clock = ContinuousClock.now
        XCTAssertEqual(SearchIndex.sections(of: list).last?.text, "deep")
        XCTAssertLessThan(ContinuousClock.now - clock, .seconds(5))
        let nested = MarkdownDocument(markdown: "- a\n  - b\n")
        withExtendedLifetime(nested) {
            // document > list > item > (paragraph "a") list > item > paragraph "b"
            XCTAssertEqual(MarkdownNode.depth(of: nested.root), 6)
        }
    }
}
