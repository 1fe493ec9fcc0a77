import XCTest
@testable import Datasets

final class LessonPathTests: XCTestCase {
    func testPathsThatLeaveTheLessonFolderAreRefused() throws {
        let outside = try TemporaryFolder(), lesson = try TemporaryFolder()
        defer { outside.remove(); lesson.remove() }
        let npy = NpyWriter.file(descr: "|u1", shape: [1, 1, 1], data: [0])
        try outside.write("secret.npy", npy)
        try lesson.write("data/inside.npy", npy)
        try lesson.write("data/labels.npy", NpyWriter.file(descr: "|u1", shape: [1], data: [0]))
        try FileManager.default.createSymbolicLink(atPath: lesson.path + "/data/link.npy",
                                                   withDestinationPath: outside.path + "/secret.npy")
        try FileManager.default.createSymbolicLink(atPath: lesson.path + "/data/ok.npy", withDestinationPath: "inside.npy")
        try FileManager.default.createSymbolicLink(atPath: lesson.path + "/escape", withDestinationPath: outside.path)

        func load(_ path: String) throws {
            _ = try NumpyDataset(images: path, labels: "data/labels.npy", testFraction: 0, validationFraction: 0)
                .load(relativeTo: lesson.path)
        }
        assertDatasetError(["../secret.npy", "'..'"]) { try load("../secret.npy") }
        assertDatasetError(["data/../../secret.npy", "'..'"]) { try load("data/../../secret.npy") }
        assertDatasetError([outside.path + "/secret.npy", "absolute"]) { try load(outside.path + "/secret.npy") }
        assertDatasetError(["data/link.npy", "symbolic link", "outside"]) { try load("data/link.npy") }
        assertDatasetError(["escape/secret.npy", "symbolic link", "outside"]) { try load("escape/secret.npy") }
        XCTAssertNoThrow(try load("data/ok.npy"))
        XCTAssertNoThrow(try load("./data/inside.npy"))
        XCTAssertEqual(try LessonPath.resolve("data/ok.npy", in: lesson.path), lesson.path + "/data/inside.npy")
    }
}
