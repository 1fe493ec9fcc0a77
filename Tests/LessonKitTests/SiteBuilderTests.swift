import XCTest
@testable import LessonKit

final class SiteBuilderTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        try folder.write("Lessons/00-welcome.md", "# Welcome\n\nStart [here](01-basics.html) or see [part two](#part-two).\n\n## Part one\n\n## Part two\n")
        try folder.write("Lessons/01-basics.md", "---\ntitle: Basics\nsummary: The first steps.\n---\n\n# Basics\n\n```swift experiment\nRun(\"a\")\n```\n\nAfter.\n")
        try folder.write("Lessons/02-first-by-order.md", "---\ntitle: Ordered first\norder: -1\n---\nText.\n")
        try folder.write("Lessons/notes.txt", "not a lesson")
    }

    /// XCTest keeps every test case alive until the run ends, so the folder is
    /// released here, not by the case's deinit.
    override func tearDown() { folder = nil }

    private func builder(out: String = "site") throws -> SiteBuilder {
        SiteBuilder(library: try LessonLibrary(directory: folder.path + "/Lessons"), outputDirectory: folder.path + "/" + out)
    }

    private func siteBytes(_ out: String = "site") -> [String: String] {
        Dictionary(uniqueKeysWithValues: folder.files(under: out).filter { !$0.hasPrefix(".lessons-lock") }
            .map { ($0, folder.read(out + "/" + $0) ?? "") })
    }

    func testIndexListsEveryLessonInCourseOrder() throws {
        let output = try builder().buildAll()
        XCTAssertEqual(output.entries.map(\.id), ["02-first-by-order", "00-welcome", "01-basics"])
        let index = try XCTUnwrap(folder.read("site/index.html"))
        let positions = ["02-first-by-order.html", "00-welcome.html", "01-basics.html"].map {
            index.range(of: "href=\"\($0)\"")?.lowerBound
        }
        XCTAssertFalse(positions.contains(nil), index)
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertTrue(index.contains("The first steps."))
        XCTAssertEqual(Set(folder.files(under: "site")),
                       ["index.html", "00-welcome.html", "01-basics.html", "02-first-by-order.html",
                        "reference.html", "assets/style.css", ".lessons-manifest.json", ".lessons-lock",
                        // Each page's source link points at its lesson, published next to it.
                        "00-welcome/00-welcome.md", "01-basics/01-basics.md", "02-first-by-order/02-first-by-order.md",
                        // Search: the index, and the one script that carries it.
                        "search-index.json", "assets/search.js",
                        // The browser rerun's script (pages with published results load it).
                        "assets/rerun.js"])
        let searchIndex = try XCTUnwrap(folder.read("site/search-index.json"))
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(searchIndex.utf8)) as? [String: Any])
        let pages = try XCTUnwrap(decoded["pages"] as? [[String: Any]])
        // The lessons in course order, then the reference page.
        XCTAssertEqual(pages.compactMap { $0["page"] as? String },
                       ["02-first-by-order.html", "00-welcome.html", "01-basics.html", "reference.html"])
        let reference = try XCTUnwrap(pages.last?["sections"] as? [[String: Any]])
        XCTAssertTrue(reference.contains { $0["heading"] as? String == "Compare" && $0["id"] as? String == "type-compare" })
        XCTAssertFalse(reference.contains { ($0["text"] as? String)?.contains("`") == true }, "index text has no Markdown")
        XCTAssertTrue(pages.allSatisfy { ($0["sections"] as? [Any])?.isEmpty == false })
        let script = try XCTUnwrap(folder.read("site/assets/search.js"))
        XCTAssertTrue(script.contains("var INDEX = " + searchIndex + ";"))
        XCTAssertTrue(index.contains("href=\"reference.html\""), "the index links to the language reference")
        XCTAssertEqual(folder.read("site/reference.html"), APIReferencePage.html())
    }

    func testEveryLinkResolvesInsideTheSite() throws {
        try builder().buildAll()
        var checked = 0
        for page in folder.files(under: "site") where page.hasSuffix(".html") {
            let html = try XCTUnwrap(folder.read("site/" + page))
            for link in Self.attributeValues(in: html, names: ["href", "src"]) {
                if link.hasPrefix("https://") || link.hasPrefix("http://") || link.hasPrefix("mailto:") { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let file = parts[0].isEmpty ? page : String(parts[0])
                XCTAssertTrue(folder.exists("site/" + file), "\(page) links to missing \(link)")
                if parts.count == 2, let target = folder.read("site/" + file) {
                    XCTAssertTrue(target.contains("id=\"\(parts[1])\""), "\(page) links to missing anchor \(link)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 15)
    }

    func testRebuildIsByteIdenticalAndFreeOfAbsolutePaths() throws {
        try builder().buildAll()
        let first = siteBytes()
        try builder().buildAll()
        XCTAssertEqual(siteBytes(), first)
        try builder(out: "elsewhere/site").buildAll()
        XCTAssertEqual(siteBytes("elsewhere/site"), first)
        for (name, text) in first {
            XCTAssertFalse(text.contains(folder.path), "\(name) holds an absolute path")
        }
    }

    func testForeignFilesSurviveAndDeletedLessonsDisappear() throws {
        try folder.write("site/notes.txt", "mine")
        try folder.write("site/01-basics/own.txt", "mine too")
        try builder().buildAll(extras: ["01-basics": PageExtras(files: ["results.json": Data("{}".utf8)])])
        XCTAssertTrue(folder.exists("site/01-basics/results.json"))
        try FileManager.default.removeItem(atPath: folder.path + "/Lessons/01-basics.md")
        try builder().buildAll()
        XCTAssertFalse(folder.exists("site/01-basics.html"))
        XCTAssertFalse(folder.exists("site/01-basics/results.json"))
        XCTAssertEqual(folder.read("site/notes.txt"), "mine")
        XCTAssertEqual(folder.read("site/01-basics/own.txt"), "mine too")
        try SiteBuilder.clean(outputDirectory: folder.path + "/site")
        XCTAssertEqual(folder.files(under: "site"), ["01-basics/own.txt", "notes.txt"])
    }

    /// A reference page written by `lessons reference` (not in the manifest) is
    /// replaced by the build; a hand-written one in its place stops it.
    func testTheBuildAdoptsAReferencePageButNotAForeignOne() throws {
        try folder.write("site/reference.html", String(APIReferencePage.html().prefix(400)))
        try builder().buildAll()
        XCTAssertEqual(folder.read("site/reference.html"), APIReferencePage.html())
        try folder.write("other/reference.html", "<!DOCTYPE html><title>mine</title>")
        XCTAssertThrowsError(try builder(out: "other").buildAll())
        XCTAssertEqual(folder.read("other/reference.html"), "<!DOCTYPE html><title>mine</title>")
    }

    func testAForeignFileInTheWayStopsTheBuildUntouched() throws {
        try folder.write("site/index.html", "someone else's page")
        XCTAssertThrowsError(try builder().buildAll()) { error in
            XCTAssertTrue((error as? LessonsError)?.formatted(color: false).contains("was not written by lessons") == true)
        }
        XCTAssertEqual(folder.read("site/index.html"), "someone else's page")
        XCTAssertFalse(folder.exists("site/00-welcome.html"))
    }

    func testOneLessonWithExtrasKeepsTheOtherPages() throws {
        try builder().buildAll()
        let welcome = folder.read("site/00-welcome.html")
        let experimentIndex = 1  // blocks of 01-basics: prose, experiment, prose
        let extras = PageExtras(afterBlock: [experimentIndex: TrustedHTML("<div class=\"result\" id=\"r\">R</div>")],
                                parametersPanel: TrustedHTML("<section class=\"params-panel\">P</section>"),
                                status: LessonStatus(state: .passed, keyResult: "macro-F1 0.7"),
                                files: ["results.json": Data("{}".utf8), "img/s-0.png": Data([1, 2])])
        let output = try builder().build(lessonID: "01-basics", extras: extras)
        XCTAssertEqual(output.pagePaths.keys.sorted(), ["01-basics"])
        let page = try XCTUnwrap(folder.read("site/01-basics.html"))
        let block = try XCTUnwrap(page.range(of: "id=\"block-1\""))
        let result = try XCTUnwrap(page.range(of: "<div class=\"result\" id=\"r\">R</div>"))
        let after = try XCTUnwrap(page.range(of: "After."))
        XCTAssertTrue(block.lowerBound < result.lowerBound && result.lowerBound < after.lowerBound)
        XCTAssertTrue(page.contains("params-panel"))
        XCTAssertEqual(folder.read("site/00-welcome.html"), welcome)
        XCTAssertTrue(folder.exists("site/01-basics/img/s-0.png"))
        XCTAssertTrue(folder.read("site/index.html")?.contains("macro-F1 0.7") == true)

        // A rerun that writes fewer files removes the old ones; statuses of others persist.
        try builder().build(lessonID: "00-welcome", extras: PageExtras(files: ["results.json": Data()]))
        XCTAssertTrue(folder.read("site/index.html")?.contains("macro-F1 0.7") == true)
        try builder().build(lessonID: "01-basics", extras: PageExtras(files: ["results.json": Data("{}".utf8)]))
        XCTAssertFalse(folder.exists("site/01-basics/img/s-0.png"))
        XCTAssertFalse(folder.exists("site/01-basics/img"))
        XCTAssertTrue(folder.exists("site/00-welcome/results.json"))
    }

    func testSingleLessonBuildRendersMissingNeighbours() throws {
        try builder().build(lessonID: "01-basics")
        XCTAssertTrue(folder.exists("site/00-welcome.html"))
        XCTAssertTrue(folder.exists("site/02-first-by-order.html"))
    }

    func testPathsThatEscapeTheSiteAreRefused() throws {
        for name in ["../evil.txt", "/etc/x", "a/../../b", ".hidden", "a//b", "sp ace.png"] {
            XCTAssertThrowsError(try builder().build(lessonID: "01-basics", extras: PageExtras(files: [name: Data()])), name)
        }
        XCTAssertFalse(folder.exists("evil.txt"))
        XCTAssertFalse(folder.exists("site/index.html"), "nothing may be written when a file is refused")
    }

    func testInterruptedCommitsAreFinishedOrDropped() throws {
        try builder().buildAll()
        let before = siteBytes()
        // Interrupted before the commit point: staging without a commit record is dropped.
        try folder.write("site/.lessons-staging/index.html", "half written")
        try SiteWriter(root: folder.path + "/site").recover()
        XCTAssertFalse(folder.exists("site/.lessons-staging"))
        XCTAssertEqual(siteBytes(), before)
        // Interrupted after it: the recorded moves and deletions are completed.
        try folder.write("site/.lessons-staging/index.html", "new index")
        try folder.write("site/.lessons-staging/commit.json", "{\"moves\":[\"index.html\"],\"deletes\":[\"01-basics.html\"]}")
        try SiteWriter(root: folder.path + "/site").recover()
        XCTAssertEqual(folder.read("site/index.html"), "new index")
        XCTAssertFalse(folder.exists("site/01-basics.html"))
        XCTAssertFalse(folder.exists("site/.lessons-staging"))
    }

    func testAnEmptyCourseIsAnError() throws {
        let empty = try TemporaryFolder()
        XCTAssertThrowsError(try SiteBuilder(library: try LessonLibrary(directory: empty.path),
                                             outputDirectory: empty.path + "/site").buildAll())
        XCTAssertFalse(empty.exists("site"))
    }

    /// Values of the given attributes in `html` (double-quoted, as the renderers write them).
    static func attributeValues(in html: String, names: [String]) -> [String] {
        var values: [String] = []
        for name in names {
            var rest = html[...]
            while let range = rest.range(of: " \(name)=\"") {
                let start = range.upperBound
                guard let end = rest[start...].firstIndex(of: "\"") else { break }
                values.append(String(rest[start..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return values
    }
}
