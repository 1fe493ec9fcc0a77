import XCTest
@testable import LessonKit

final class PythonHighlighterTests: XCTestCase {
    func testKeywordsTypesNumbersStringsAndComments() {
        let html = PythonHighlighter.html(for: #"from keras import layers  # the "head""# + "\n"
                                              + #"loss = BinaryCrossentropy(from_logits=True, eps=1e-12, name=f"bce{k}")"#)
        XCTAssertEqual(html, #"<span class="kw">from</span> keras <span class="kw">import</span> layers  "#
                       + #"<span class="cm"># the &quot;head&quot;</span>"# + "\n"
                       + #"loss = <span class="ty">BinaryCrossentropy</span>(from_logits=<span class="kw">True</span>, "#
                       + #"eps=<span class="num">1e-12</span>, name=<span class="str">f&quot;bce{k}&quot;</span>)"#)
    }

    func testNamesWithDigitsAndBrokenStringsStayWhole() {
        // A digit inside a name is not a number; an unclosed string ends at its line.
        XCTAssertEqual(PythonHighlighter.html(for: "x1 = 'a\\'b\ny = 2"),
                       #"x1 = <span class="str">&#39;a\&#39;b</span>"# + "\ny = <span class=\"num\">2</span>")
        // A triple-quoted string spans lines; escaping keeps markup out.
        XCTAssertEqual(PythonHighlighter.html(for: "s = \"\"\"<a>\n\"\"\""),
                       "s = <span class=\"str\">&quot;&quot;&quot;&lt;a&gt;\n&quot;&quot;&quot;</span>")
    }

    func testPythonBlocksOnAPageAreColoured() throws {
        let lesson = try Lesson(path: "Lessons/02-p.md", markdown: "# T\n\n```python\nimport torch\n```\n")
        let page = LessonPage(lesson: lesson, entry: CourseEntry(id: "02-p", title: lesson.meta.title),
                              sourcePath: "Lessons/02-p.md", runCommand: "lessons run 02-p.md").render()
        XCTAssertTrue(page.contains(#"<code class="language-python"><span class="line"><span class="kw">import</span> torch</span></code>"#), page)
    }
}
