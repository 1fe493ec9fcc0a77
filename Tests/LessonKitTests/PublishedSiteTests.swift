import Foundation
import XCTest
@testable import LessonKit

/// The committed `site/` must be what the current `Lessons/` produce: every
/// lesson has a page, each page records the SHA-256 of the source it was
/// rendered from, and no page was rendered with `--set` overrides.
/// When this fails, run `make site` and commit `site/`.
final class PublishedSiteTests: XCTestCase {
    private var repository: URL { RepositoryRoot.url }

    func testEveryPublishedPageComesFromTheCurrentLessonSource() throws {
        let lessons = repository.appendingPathComponent("Lessons")
        let site = repository.appendingPathComponent("site")
        let files = try FileManager.default.contentsOfDirectory(atPath: lessons.path)
            .filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertFalse(files.isEmpty, "no lessons found in \(lessons.path)")
        for file in files {
            let id = String(file.dropLast(3))
            let lesson = try Lesson(contentsOfFile: lessons.appendingPathComponent(file).path)
            let pagePath = site.appendingPathComponent(id + ".html").path
            guard let page = FileManager.default.contents(atPath: pagePath).flatMap({ String(decoding: $0, as: UTF8.self) })
            else { XCTFail("site/\(id).html is missing: run `make site` and commit site/"); continue }
            let expected = "<meta name=\"\(PageTemplate.sourceDigestMetaName)\" content=\"sha256:\(SHA256.hex(lesson.source))\">"
            XCTAssertTrue(page.contains(expected),
                          "site/\(id).html was not rendered from the current Lessons/\(file): run `make site` and commit site/")

            let resultsPath = site.appendingPathComponent(id).appendingPathComponent("results.json").path
            guard let data = FileManager.default.contents(atPath: resultsPath) else { continue }
            let results = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let parameters = results?["parameters"] as? [[String: Any]] ?? []
            for parameter in parameters where parameter["overridden"] as? Bool == true {
                XCTFail("site/\(id) was rendered with --set \(parameter["name"] ?? "?"): publish the lesson's own values")
            }
            XCTAssertEqual(results?["status"] as? String, "passed",
                           "site/\(id)/results.json does not record a passing run")
        }
    }
}
