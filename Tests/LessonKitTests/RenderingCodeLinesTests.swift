import XCTest
@testable import LessonKit

/// Code lines wrap under their own indentation: each line is a span that knows it.
final class RenderingCodeLinesTests: XCTestCase {
    func testEachLineCarriesItsIndentAndSpansAreClosedPerLine() {
        let html = "let a = 1\n    <span class=\"kw\">run</span>(x)\n\n<span class=\"cm\">/* one\n  two */</span> b"
        XCTAssertEqual(CodeLines.wrap(html), """
        <span class="line">let a = 1
        </span><span class="line" style="--indent: 4">    <span class="kw">run</span>(x)
        </span><span class="line">
        </span><span class="line"><span class="cm">/* one</span>
        </span><span class="line" style="--indent: 2"><span class="cm">  two */</span> b</span>
        """)
        // The text a reader copies is the code, line for line.
        let stripped = CodeLines.wrap(html).replacing(/<[^>]+>/, with: "")
        XCTAssertEqual(stripped, html.replacing(/<[^>]+>/, with: ""))
    }

    func testAPageWrapsItsCodeBlocks() throws {
        let lesson = try Lesson(path: "Lessons/01-t.md", markdown: "# T\n\n```python\nif x:\n    y = 1\n```\n")
        let html = LessonPage(lesson: lesson, entry: CourseEntry(id: "01-t", title: "T"),
                              sourcePath: "Lessons/01-t.md", runCommand: "lessons run 01-t.md").render()
        XCTAssertTrue(html.contains("<span class=\"line\" style=\"--indent: 4\">    y = <span class=\"num\">1</span></span>"), html)
        XCTAssertTrue(Stylesheet.css.contains("pre .line { display: block;"))
    }
}
