import Foundation
import LessonKit

/// Where `export -o FILE` may write: never over the lesson it exports, nor into
/// the course folder (a lesson or anything beside it), nor onto a folder.
enum ExportTarget {
    static func check(_ output: String, lesson: LessonFile, library: LessonLibrary) throws {
        let target = realPath(output)
        if target == realPath(lesson.path) {
            throw LessonsError(message: "refusing to write '\(output)': it is the lesson itself; write the program elsewhere")
        }
        let folders = [library.directory, (lesson.path as NSString).deletingLastPathComponent].map { $0.isEmpty ? "." : $0 }
        if let folder = folders.first(where: { target.hasPrefix(realPath($0) + "/") }) {
            throw LessonsError(message: "refusing to write '\(output)': it is inside the lessons folder '\(folder)', "
                               + "which holds lesson sources; write the program outside it")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw LessonsError(message: "cannot write '\(output)': it is a folder; name a file, e.g. -o \(output)/main.swift")
        }
        let parent = (output as NSString).deletingLastPathComponent
        if !parent.isEmpty, !(FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw LessonsError(message: "cannot write '\(output)': folder '\(parent)' does not exist; create it first (mkdir -p \(parent))")
        }
    }

    /// The path with its folder's links resolved (the file itself need not exist yet), and a link at the file followed.
    private static func realPath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath()
        let file = folder.appendingPathComponent(url.lastPathComponent)
        if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: file.path) {
            return realPath(destination.hasPrefix("/") ? destination : folder.appendingPathComponent(destination).path)
        }
        return file.path
    }
}
