import Foundation
@testable import LessonKit
import XCTest

/// A symbolic link inside the site folder (a lesson's results folder, `assets`,
/// a page, the lock) is refused before anything is written: nothing outside
/// the site folder is ever written or removed.
final class SiteLinkTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        try folder.write("Lessons/01-basics.md", "# Basics\n\nText.\n")
    }

    override func tearDown() { folder = nil }

    private func builder() throws -> SiteBuilder {
        SiteBuilder(library: try LessonLibrary(directory: folder.path + "/Lessons"), outputDirectory: folder.path + "/site")
    }

    /// Every file under `relative`, with its bytes (links are not followed).
    private func snapshot(_ relative: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: folder.files(under: relative).map { ($0, folder.read(relative + "/" + $0) ?? "") })
    }

    /// Moves `site/<item>` to `elsewhere/<item>` and leaves a link to it in its place.
    private func replaceWithLink(_ item: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder.url.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        let outside = folder.url.appendingPathComponent("elsewhere/" + item)
        try fm.moveItem(at: folder.url.appendingPathComponent("site/" + item), to: outside)
        try fm.createSymbolicLink(atPath: folder.path + "/site/" + item, withDestinationPath: outside.path)
    }

    func testALinkInTheSiteIsRefusedAndNothingOutsideIsWritten() throws {
        for item in ["01-basics", "assets", "01-basics.html", "index.html"] {
            try? FileManager.default.removeItem(at: folder.url.appendingPathComponent("site"))
            try? FileManager.default.removeItem(at: folder.url.appendingPathComponent("elsewhere"))
            try builder().buildAll()
            try replaceWithLink(item)
            let outside = snapshot("elsewhere"), site = snapshot("site")
            XCTAssertFalse(outside.isEmpty)
            XCTAssertThrowsError(try builder().buildAll(), item) { error in
                let error = error as? LessonsError
                XCTAssertEqual(error?.exitCode, 2)
                let message = error?.formatted(color: false) ?? ""
                XCTAssertTrue(message.contains("/site/\(item)' is a symbolic link"), message)
            }
            XCTAssertThrowsError(try builder().build(lessonID: "01-basics"), item)
            XCTAssertEqual(snapshot("elsewhere"), outside, "\(item): a file outside the site folder changed")
            XCTAssertEqual(snapshot("site"), site, "\(item): the refused build wrote into the site")
            // Clean removes our files, never through the link.
            try SiteBuilder.clean(outputDirectory: folder.path + "/site")
            XCTAssertEqual(snapshot("elsewhere"), outside, "\(item): clean removed a file outside the site folder")
        }
    }

    func testALinkedLockFileIsNotFollowed() throws {
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("site"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/site/.lessons-lock",
                                                   withDestinationPath: folder.path + "/created-outside")
        XCTAssertThrowsError(try builder().buildAll()) { error in
            XCTAssertTrue((error as? LessonsError)?.formatted(color: false).contains("symbolic link") == true, "\(error)")
        }
        XCTAssertFalse(folder.exists("created-outside"))
    }

    func testAFoundationErrorIsSaidPlainly() {
        let missing = folder.path + "/no/such/folder/file.txt"
        do {
            try Data("x".utf8).write(to: URL(fileURLWithPath: missing))
            XCTFail("the write should fail")
        } catch {
            XCTAssertTrue(FileSystemFailure.isFoundation(error))
            let message = FileSystemFailure.message("write", missing, error)
            XCTAssertEqual(message, "cannot write '\(missing)': no such file or directory")
            XCTAssertFalse(FileSystemFailure.describe(error).contains("Domain"))
        }
        XCTAssertFalse(FileSystemFailure.isFoundation(LessonsError(message: "x")))
        XCTAssertEqual(FileSystemFailure.message("write", "p", CocoaError(.fileWriteOutOfSpace)),
                       "cannot write 'p': no space left on the device")
    }
}
