import XCTest
@testable import LessonKit

/// Hostile lesson text must never reach a page as markup.
final class EscapingTests: XCTestCase {
    private let hostile = """
    ---
    title: "<script>alert('title')</script> & co"
    summary: "<img src=x onerror=alert('summary')>"
    ---

    # Heading with <b onclick="x()">html</b>

    <script>alert('raw block')</script>

    Inline <img src=x onerror=alert('inline')> and <iframe src="https://evil.example"></iframe>.

    [click](javascript:alert('link')) [again](JaVaScRiPt:alert(1)) [tab](java\tscript:alert(2))
    [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![img](javascript:alert(3))
    <javascript:alert('autolink')> [ok](https://example.org/a?b=1&c=2) [rel](02-next.html#part)

    ```swift experiment"><script>alert('info')</script>
    let s = "</code></pre><script>alert('code')</script>"
    let q = 'single' + "double"
    ```

    ```<img src=x onerror=alert('lang')>
    </code><script>alert('plain')</script>
    ```
    """

    private func renderedPage() throws -> String {
        let lesson = try Lesson(path: "Lessons/09-hostile.md", markdown: hostile)
        return LessonPage(lesson: lesson, entry: CourseEntry(id: "09-hostile", title: lesson.meta.title),
                          previous: CourseEntry(id: "08-x", title: "<script>prev</script>"),
                          sourcePath: "Lessons/09-hostile.md", runCommand: "lessons run 09-hostile.md").render()
    }

    func testNoScriptOrHandlerReachesThePage() throws {
        let page = try renderedPage()
        // The site's own search script, once in the head, is the only script.
        let ours = "<script src=\"assets/search.js\" defer></script>"
        XCTAssertEqual(page.components(separatedBy: ours).count, 2)
        let html = page.replacingOccurrences(of: ours, with: "")
        XCTAssertFalse(html.lowercased().contains("<script"), html)
        XCTAssertFalse(html.contains("<iframe"), html)
        XCTAssertFalse(html.contains("<b "), html)
        for tag in tags(in: html) {
            for (name, value) in attributes(of: tag) {
                XCTAssertFalse(name.hasPrefix("on"), "event handler in \(tag)")
                if name == "href" || name == "src" {
                    XCTAssertTrue(value.isEmpty || LinkPolicy.isSafe(value), "unsafe URL in \(tag)")
                }
            }
        }
        // The markdown image with a javascript: source keeps its alt text, loses its source.
        XCTAssertTrue(html.contains("<img src=\"\" alt=\"img\" />"), html)
    }

    func testHostileTextIsShownEscaped() throws {
        let html = try renderedPage()
        XCTAssertTrue(html.contains("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; co</title>"), html)
        XCTAssertTrue(html.contains("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;"), "code text must be escaped")
        XCTAssertTrue(html.contains("&lt;script&gt;prev&lt;/script&gt;"))
        XCTAssertTrue(html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">ok</a>"))
        XCTAssertTrue(html.contains("<a href=\"02-next.html#part\">rel</a>"))
        // The language class only keeps safe characters; the label shows the escaped name.
        XCTAssertTrue(html.contains("<span class=\"block-language\">&lt;img</span>"), html)
        XCTAssertTrue(html.contains("class=\"language-img\""), html)
    }

    func testEscapeHTMLCoversAllFiveCharacters() {
        XCTAssertEqual(escapeHTML("<a href=\"x\" title='y'>&</a>"),
                       "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
    }

    func testLinkPolicy() {
        for url in ["javascript:alert(1)", " JAVASCRIPT:x", "java\nscript:x", "vbscript:x", "data:text/html,x", "file:///etc/passwd"] {
            XCTAssertFalse(LinkPolicy.isSafe(url), url)
        }
        for url in ["https://a.org", "http://a.org", "mailto:a@b.org", "02-next.html", "#top", "a/b:c", "?q=1"] {
            XCTAssertTrue(LinkPolicy.isSafe(url), url)
        }
    }

    func testIndexEscapesTitlesAndSummaries() {
        let html = IndexPage.render(entries: [
            CourseEntry(id: "01-a", title: "<script>t</script>", summary: "\"><img onerror=x>",
                        status: LessonStatus(state: .failed, keyResult: "<b>0.5</b>")),
        ])
        XCTAssertFalse(html.contains("<script>t"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>0.5"))
        XCTAssertTrue(html.contains("&lt;b&gt;0.5&lt;/b&gt;"))
    }

    /// Attribute names and values of one tag, quotes respected (values unescaped for `&amp;`).
    private func attributes(of tag: Substring) -> [(String, String)] {
        var result: [(String, String)] = []
        var chars = Array(tag.dropFirst().dropLast())
        while let first = chars.first, first != " " { chars.removeFirst() }  // tag name
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i] == " " || chars[i] == "\n" || chars[i] == "/" { i += 1 }
            var name = ""
            while i < chars.count, chars[i] != "=", chars[i] != " " { name.append(chars[i]); i += 1 }
            var value = ""
            if i < chars.count, chars[i] == "=" {
                i += 1
                let quote = i < chars.count ? chars[i] : " "
                if quote == "\"" || quote == "'" {
                    i += 1
                    while i < chars.count, chars[i] != quote { value.append(chars[i]); i += 1 }
                    i += 1
                } else {
                    while i < chars.count, chars[i] != " " { value.append(chars[i]); i += 1 }
                }
            }
            if !name.isEmpty { result.append((name.lowercased(), value.replacingOccurrences(of: "&amp;", with: "&"))) }
        }
        return result
    }

    /// The start tags of a page (from `<` to the next `>`).
    private func tags(in html: String) -> [Substring] {
        var result: [Substring] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            result.append(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result
    }
}
