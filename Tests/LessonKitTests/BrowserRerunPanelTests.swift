import Foundation
import XCTest
@testable import LessonKit

/// The "Rerun in your browser" panel: on every page with a plan and published results,
/// hidden until its script runs (the page reads whole without JavaScript), typed inputs
/// with hostile values escaped, stable ids around the results it swaps, the site's
/// Content-Security-Policy, and the rerun data as exact string literals.
final class BrowserRerunPanelTests: XCTestCase {
    private let markdown = """
    ---
    title: Tiny
    ---

    # Tiny

    ```swift parameters
    let epochs = 8
    let scale = 2.5
    let label = "ring"
    let sizes = [64, 32]
    ```

    ```swift experiment
    let x = 1
    ```
    """

    private let parameters = [
        ResultsDocument.Parameter(name: "epochs", type: "Int", value: "8", declaredValue: "8", overridden: false),
        ResultsDocument.Parameter(name: "scale", type: "Double", value: "2.5", declaredValue: "2.5", overridden: false),
        ResultsDocument.Parameter(name: "label", type: "String", value: #""<b>\"x""#, declaredValue: #""ring""#, overridden: true),
        ResultsDocument.Parameter(name: "sizes", type: "[Int]", value: "[64, 32]", declaredValue: "[64, 32]", overridden: false),
    ]

    private func page(files: [String]) throws -> String {
        let lesson = try Lesson(path: "Lessons/01-tiny.md", markdown: markdown)
        var extras = PageExtras(afterBlock: [1: TrustedHTML("<section class=\"results\" id=\"results-1\">R</section>\n")],
                                parameters: parameters)
        for name in files { extras.files[name] = Data("{}".utf8) }
        return LessonPage(lesson: lesson, entry: CourseEntry(id: "01-tiny", title: "Tiny"), sourcePath: "Lessons/01-tiny.md",
                          runCommand: "lessons run 01-tiny.md", extras: extras).render()
    }

    func testPanelIsOnPagesWithAPlanAndResults() throws {
        let html = try page(files: ["plan.json", "results.json", BrowserRerunPanel.dataFileName])
        XCTAssertTrue(html.contains("<details class=\"run-box rerun-browser\" id=\"rerun-browser\" data-state=\"idle\" "
            + "data-lesson=\"01-tiny\" data-file=\"01-tiny.md\" data-module=\"assets/lessons-wasm.js\" data-data=\"01-tiny/rerun-data.js\" data-fashion=\"assets/fashion-mnist.js\" hidden>"), html)
        XCTAssertTrue(html.contains("<script src=\"assets/rerun.js\" defer></script>\n</head>"), html)
        // Typed inputs as the preview's, marked for the script; a string edited without its quotes, escaped.
        XCTAssertTrue(html.contains("<input id=\"rerun-p-epochs\" name=\"epochs\" data-kind=\"swift\" type=\"number\" step=\"1\""), html)
        XCTAssertTrue(html.contains("<input id=\"rerun-p-scale\" name=\"scale\" data-kind=\"swift\" type=\"number\" step=\"any\""), html)
        XCTAssertTrue(html.contains("name=\"label\" data-kind=\"text\" type=\"text\" spellcheck=\"false\" autocomplete=\"off\" "
            + "value=\"&lt;b&gt;&quot;x\">"), html)
        XCTAssertTrue(html.contains("name=\"sizes\" data-kind=\"swift\" type=\"text\""), html)
        for id in ["rerun-form", "rerun-start", "rerun-cancel", "rerun-back", "rerun-status", "rerun-error", "rerun-pairs", "rerun-changes"] {
            XCTAssertEqual(html.components(separatedBy: "id=\"\(id)\"").count, 2, id)
        }
        XCTAssertTrue(html.contains("<ol class=\"rerun-pairs\" id=\"rerun-pairs\" tabindex=\"0\""), "a scrolling list a keyboard reaches")
        // The results after block 1 in a wrapper with a stable id, the fragment's bytes untouched.
        XCTAssertTrue(html.contains("<div class=\"block-results\" id=\"block-1-results\"><section class=\"results\" id=\"results-1\">R</section>\n</div>\n"), html)
    }

    func testNoPanelWithoutPublishedResults() throws {
        for files in [[], ["plan.json"], ["plan.json", "results.json"]] {
            let html = try page(files: files)
            XCTAssertFalse(html.contains("rerun-browser"), "\(files)")
            XCTAssertFalse(html.contains(BrowserRerunPanel.scriptPath), "\(files)")
            // Every page carries the policy: no inline script, no eval, workers only from the page's own blobs.
            XCTAssertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "script-src 'self' 'wasm-unsafe-eval'; worker-src blob:;"), html)
            XCTAssertFalse(PageTemplate.contentSecurityPolicy.contains("'unsafe-eval'"))
        }
    }

    func testRerunDataCarriesTheFilesByteForByte() throws {
        let texts = ["{\"a\": \"q\\\"\\\\\", \"b\": [1e-05, 0.1]}\n", "line\u{2028}sep\u{2029}\u{01}\t</script>é🦀", ""]
        for text in texts {
            let literal = RerunData.literal(text)
            let decoded = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
            XCTAssertEqual(decoded, text)
            XCTAssertFalse(literal.contains("\u{2028}") || literal.contains("\n") || literal.contains("\u{01}"), literal)
        }
        let script = RerunData.script(plan: "{\"p\": 1}", results: "{\"r\": 2}", context: "{}")
        XCTAssertTrue(script.contains("self.lessonsRerunData = {\n\"plan\": \"{\\\"p\\\": 1}\",\n\"results\": \"{\\\"r\\\": 2}\",\n\"context\": \"{}\"\n};\n"), script)
    }

    /// The script writes text, never markup: no innerHTML, eval or Function, and rendered
    /// HTML only through the inert DOMParser.
    func testScriptInsertsNoMarkupFromInput() {
        let source = RerunScript.source
        for banned in ["innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function", "document.write", "createContextualFragment"] {
            XCTAssertFalse(source.contains(banned), banned)
        }
        XCTAssertTrue(source.contains("new DOMParser()"))
    }

    /// The script and its worker's code parse as JavaScript (node --check; skipped without node
    /// unless LESSONS_REQUIRE_WASM=1, as scripts/check-wasm runs it).
    func testScriptParses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-rerun-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rerun.js")
        try Data(RerunScript.source.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "--check", file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 && ProcessInfo.processInfo.environment["LESSONS_REQUIRE_WASM"] != "1" {
            throw XCTSkip("node is not installed")
        }
        XCTAssertEqual(process.terminationStatus, 0, message)
    }
}
