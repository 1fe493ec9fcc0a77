import XCTest
@testable import LessonKit

final class LessonParsingTests: XCTestCase {
    private let lessonWithFrontMatter = """
    ---
    title: Weighted loss
    summary: Two ways to count rare labels.
    order: 3
    ---

    # Weighted loss

    Some *prose* here.

    ```swift parameters
    let epochs = 12
    let rare = 0.02
    ```

    ## Experiment

    ```swift experiment
    Run("plain", epochs: epochs)
    ```

    ```swift expect
    expect(results["plain"].macroF1 > 0.5)
    ```

    ```python
    print("hi")
    ```

    Closing words.
    """

    /// Found by `lessons fuzz` (seed 1, mutant 55013): cmark-gfm places the table cut from the
    /// paragraph's last line past the end of the file; the parser crashed on the line range.
    func testATableCutFromTheLastLineOfAParagraphParses() throws {
        let lesson = try Lesson(path: "fuzz.md", markdown: "one line\nKeep Lesson | The question |\n|---|---|")
        XCTAssertEqual(lesson.blocks.map(\.kind), [.prose])
        XCTAssertTrue(lesson.blocks[0].text.hasPrefix("one line\n"), lesson.blocks[0].text)
        _ = LessonPage(lesson: lesson, entry: CourseEntry(id: "fuzz", title: "fuzz"), sourcePath: "fuzz.md",
                       runCommand: "lessons run fuzz.md").render()
    }

    func testBlockKindsAndExactLinesWithFrontMatter() throws {
        let lesson = try Lesson(path: "l.md", markdown: lessonWithFrontMatter)
        XCTAssertEqual(lesson.blocks.map(\.kind), [.prose, .parameters, .prose, .experiment, .expect,
                                                   .code(language: "python"), .prose])
        let parameters = lesson.blocks[1]
        XCTAssertEqual(parameters.startLine, 11)
        XCTAssertEqual(parameters.endLine, 14)
        XCTAssertEqual(parameters.contentStartLine, 12)
        XCTAssertEqual(parameters.text, "let epochs = 12\nlet rare = 0.02\n")
        XCTAssertEqual(parameters.info, "swift parameters")
        XCTAssertEqual(lesson.blocks[0].startLine, 7)
        XCTAssertEqual(lesson.blocks[0].endLine, 9)
        XCTAssertEqual(lesson.blocks[3].startLine, 18)
        XCTAssertEqual(lesson.blocks[3].endLine, 20)
        XCTAssertEqual(lesson.blocks[4].startLine, 22)
        XCTAssertEqual(lesson.blocks[6].startLine, 30)
        XCTAssertEqual(lesson.blocks[6].text, "Closing words.\n")
        XCTAssertEqual(lesson.meta, LessonMeta(title: "Weighted loss", summary: "Two ways to count rare labels.", order: 3))
        XCTAssertEqual(lesson.headings.map(\.line), [7, 16])
        XCTAssertEqual(lesson.headings.map(\.id), ["weighted-loss", "experiment"])
        // A position inside a block maps back to the .md file.
        XCTAssertEqual(parameters.fileLocation(line: 2, column: 5), SourceLocation(line: 13, column: 5))
    }

    func testSameLinesWithoutFrontMatterShiftByItsLength() throws {
        let body = lessonWithFrontMatter.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst(6).joined(separator: "\n")
        let lesson = try Lesson(path: "l.md", markdown: body)
        XCTAssertEqual(lesson.blocks[1].startLine, 5)
        XCTAssertEqual(lesson.blocks[1].contentStartLine, 6)
        XCTAssertEqual(lesson.meta.title, "Weighted loss")  // from the first # heading
        XCTAssertNil(lesson.meta.summary)
        XCTAssertNil(lesson.meta.order)
    }

    func testInfoStringsWithExtraWordsAndIndentedFences() throws {
        let lesson = try Lesson(path: "l.md", markdown: """
        ```swift experiment title="first"
        let a = 1
        ```

          ```swift expect   strict
          expect(true)
          ```

        ```swift
        let plain = 1
        ```

        ```swift experiments
        x
        ```

        ```
        no language
        ```

            indented code
        """)
        XCTAssertEqual(lesson.blocks.map(\.kind), [.experiment, .expect, .code(language: "swift"),
                                                   .code(language: "swift"), .code(language: ""), .code(language: "")])
        XCTAssertEqual(lesson.blocks[0].info, "swift experiment title=\"first\"")
        XCTAssertEqual(lesson.blocks[1].contentIndent, 2)
        XCTAssertEqual(lesson.blocks[1].text, "expect(true)\n")
        XCTAssertEqual(lesson.blocks[1].fileLocation(line: 1, column: 1), SourceLocation(line: 6, column: 3))
        XCTAssertEqual(lesson.blocks[5].startLine, 21)
        XCTAssertEqual(lesson.blocks[5].text, "indented code\n")
        XCTAssertFalse(lesson.blocks[2].kind.isRunnable)
    }

    func testTablesStayProse() throws {
        let lesson = try Lesson(path: "l.md", markdown: """
        | label | share |
        |---|---:|
        | ring | 2% |

        ~~old~~ and https://example.org
        """)
        XCTAssertEqual(lesson.blocks.count, 1)
        XCTAssertEqual(lesson.blocks[0].kind, .prose)
        XCTAssertEqual(lesson.blocks[0].startLine, 1)
        XCTAssertEqual(lesson.blocks[0].endLine, 5)
        let html = LessonPage(lesson: lesson, entry: CourseEntry(id: "t", title: "t"), sourcePath: "t.md",
                              runCommand: "lessons run t.md").render()
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<del>old</del>"))
        XCTAssertTrue(html.contains("<a href=\"https://example.org\">"))
    }

    func testCRLFFilesReportTheSameLines() throws {
        let unix = "---\ntitle: T\n---\n\nText.\n\n```swift experiment\nlet a = 1\n```\n"
        let windows = unix.replacingOccurrences(of: "\n", with: "\r\n")
        let a = try Lesson(path: "a.md", markdown: unix)
        let b = try Lesson(path: "b.md", markdown: windows)
        XCTAssertEqual(a.blocks, b.blocks)
        XCTAssertEqual(b.blocks[1].startLine, 7)
        XCTAssertEqual(b.blocks[1].text, "let a = 1\n")
        XCTAssertEqual(b.meta.title, "T")
        XCTAssertFalse(b.source.contains("\r"))
    }

    func testEmptyFileAndOnlyFrontMatter() throws {
        let empty = try Lesson(path: "Lessons/07-empty.md", markdown: "")
        XCTAssertEqual(empty.blocks, [])
        XCTAssertEqual(empty.meta.title, "07-empty")

        let onlyFront = try Lesson(path: "x.md", markdown: "---\ntitle: Just a title\nsummary: s\n---\n")
        XCTAssertEqual(onlyFront.blocks, [])
        XCTAssertEqual(onlyFront.meta.title, "Just a title")
        XCTAssertEqual(onlyFront.meta.summary, "s")
    }

    func testFrontMatterChoosesTheIndexHeadline() throws {
        XCTAssertNil(try Lesson(path: "f.md", markdown: "---\ntitle: A\n---\n").meta.headline)
        XCTAssertEqual(try Lesson(path: "f.md", markdown: "---\nheadline: meanAveragePrecision\n---\n").meta.headline,
                       .best(metric: "meanAveragePrecision"))
        XCTAssertEqual(try Lesson(path: "f.md", markdown: "---\nheadline: none\n---\n").meta.headline, Headline.none)
        XCTAssertThrowsError(try Lesson(path: "f.md", markdown: "---\ntitle: A\nheadline: macroF2\n---\n")) { error in
            let diagnostic = (error as? LessonsError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.location, SourceLocation(line: 3, column: 11))
            XCTAssertTrue(diagnostic?.message.hasPrefix("front matter 'headline' must be a run metric or 'none', not 'macroF2'; "
                                                        + "did you mean 'macroF1'? (metrics: macroF1, microF1,") ?? false,
                          diagnostic?.message ?? "")
        }
    }

    func testFrontMatterErrorsAreLocated() {
        XCTAssertThrowsError(try Lesson(path: "f.md", markdown: "---\ntitle: A\ntitel: B\n---\n")) { error in
            let diagnostic = (error as? LessonsError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.location, SourceLocation(line: 3, column: 1))
            XCTAssertEqual(diagnostic?.message, "unknown front matter key 'titel'; did you mean 'title'?")
        }
        XCTAssertThrowsError(try Lesson(path: "f.md", markdown: "---\ntitle: A\norder: first\n---\n")) { error in
            let diagnostic = (error as? LessonsError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.location?.line, 3)
            XCTAssertEqual(diagnostic?.message, "front matter 'order' must be a whole number, not 'first'")
        }
        XCTAssertThrowsError(try Lesson(path: "f.md", markdown: "---\ntitle: A\n\n# no end\n")) { error in
            XCTAssertEqual((error as? LessonsError)?.diagnostics.first?.location?.line, 1)
        }
        XCTAssertThrowsError(try Lesson(path: "f.md", markdown: "---\ntitle: [unclosed\n---\n")) { error in
            let diagnostic = (error as? LessonsError)?.diagnostics.first
            XCTAssertNotNil(diagnostic?.location)
            XCTAssertTrue(diagnostic?.message.hasPrefix("invalid front matter") == true)
        }
    }

    func testRunnableBlocksInsideListsAreRejected() {
        XCTAssertThrowsError(try Lesson(path: "n.md", markdown: "Intro\n\n- step\n\n  ```swift experiment\n  Run(\"a\")\n  ```\n")) { error in
            let diagnostic = (error as? LessonsError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.location, SourceLocation(line: 5, column: 3))
            XCTAssertEqual(diagnostic?.message,
                           "a 'swift experiment' block inside a list or quote is not run; move it to the top level")
        }
        XCTAssertNoThrow(try Lesson(path: "n.md", markdown: "> ```swift\n> let shown = 1\n> ```\n"))
    }

    func testSwiftHighlightingClassifiesTokens() {
        let html = SwiftHighlighter.html(for: "let n = 12 // knob\nRun(\"a<b\", epochs: 1.5, on: true)")
        XCTAssertTrue(html.contains("<span class=\"kw\">let</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"num\">12</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"cm\">// knob</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"ty\">Run</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"str\">&quot;a&lt;b&quot;</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"num\">1.5</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"kw\">true</span>"), html)
        // Nothing is lost: the text content is the code, escaped.
        var text = "", inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        XCTAssertEqual(text, escapeHTML("let n = 12 // knob\nRun(\"a<b\", epochs: 1.5, on: true)"))
    }

    func testHeadingIdsAreStableAndUnique() throws {
        let lesson = try Lesson(path: "h.md", markdown: """
        # Title
        ## Why *logits*?
        ## Why logits?
        ## Block 3
        ## Contents
        ## ¿Qué tal?
        """)
        XCTAssertEqual(lesson.headings.map(\.id),
                       ["title", "why-logits", "why-logits-2", "block-3-2", "contents-2", "qué-tal"])
        XCTAssertEqual(lesson.headings[1].text, "Why logits?")
    }

    func testDiagnosticFormatting() {
        let source = "line one\n\tlet epoch = 3\n"
        let diagnostic = Diagnostic(path: "L.md", location: SourceLocation(line: 2, column: 6), message: "bad")
        XCTAssertEqual(diagnostic.formatted(source: source), "L.md:2:6: error: bad\n     let epoch = 3\n         ^")
        XCTAssertEqual(Diagnostic(path: "", location: nil, message: "plain").formatted(source: nil), "error: plain")
        XCTAssertTrue(diagnostic.formatted(source: source, color: true).contains("\u{1B}[1;31merror"))
        XCTAssertFalse(TerminalStyle.useColor(fileDescriptor: 2, environment: ["NO_COLOR": "1"]))
    }
}
