import Foundation
import XCTest
@testable import LessonKit

/// What the page adds around cmark-gfm's prose: references to numbered results,
/// named checkboxes, focusable table regions, and the rerun panel's command.
final class RenderingProseTests: XCTestCase {
    private func render(_ markdown: String, extras: PageExtras = PageExtras()) throws -> String {
        let lesson = try Lesson(path: "Lessons/02-p.md", markdown: markdown)
        return LessonPage(lesson: lesson, entry: CourseEntry(id: "02-p", title: lesson.meta.title),
                          sourcePath: "Lessons/02-p.md", runCommand: "lessons run 02-p.md", extras: extras).render()
    }

    func testEmptyLinksToNumberedResultsAreNamedForThem() throws {
        var extras = PageExtras()
        extras.references = ["results-1-loss": "Figure 2", "results-1-table": "Table 1"]
        let html = try render("# P\n\nSee [](#results-1-loss) and [](#results-1-table); [this](#results-1-loss) keeps its words.\n",
                              extras: extras)
        XCTAssertTrue(html.contains("See <a href=\"#results-1-loss\" class=\"xref\">Figure 2</a> and "
                                    + "<a href=\"#results-1-table\" class=\"xref\">Table 1</a>;"), html)
        XCTAssertTrue(html.contains("<a href=\"#results-1-loss\">this</a> keeps its words"))
        let unknown = try render("# P\n\nSee [](#results-9-pr).\n", extras: extras)
        XCTAssertTrue(unknown.contains("See <a href=\"#results-9-pr\" class=\"xref unresolved\">#results-9-pr</a>."), unknown)
    }

    func testTaskListsAndTablesAreAccessible() throws {
        let html = try render("# P\n\n- [x] read\n- [ ] run\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        XCTAssertTrue(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" />"), html)
        XCTAssertTrue(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"not done\" />"))
        XCTAssertTrue(html.contains("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>"))
    }

    func testRerunPanelSpellsOutEveryParameter() throws {
        let extras = PageExtras(files: ["results.json": Data()], parameters: [
            .init(name: "epochs", type: "Int", value: "8", declaredValue: "8", overridden: false),
            .init(name: "name", type: "String", value: "\"it's\"", declaredValue: "\"a\"", overridden: true),
        ])
        let html = try render("# P\n\nText.\n", extras: extras)
        XCTAssertTrue(html.contains("lessons run 02-p.md \\\n    --set epochs=8 \\\n    --set &#39;name=&quot;it&#39;\\&#39;&#39;s&quot;&#39;"), html)
        XCTAssertTrue(html.contains("<a href=\"02-p/02-p.md\">lesson source (.md)</a>"))
        XCTAssertTrue(html.contains("<a href=\"02-p/results.json\">results.json</a>"))
        XCTAssertEqual(RerunPanel.shellQuoted("rare=0.02"), "rare=0.02")
        XCTAssertEqual(RerunPanel.shellQuoted("w=[1, 2]"), "'w=[1, 2]'")
    }
}
