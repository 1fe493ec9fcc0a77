#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// Resolves a path written in a lesson against the lesson's folder.
///
/// Lessons are untrusted, so a path may not leave its folder: absolute paths, `..`
/// components and symbolic links whose target lies outside are refused, each with an
/// error naming the path as written.
enum LessonPath {
    /// The real (symlink-free) path of `path` inside `lessonFolder` (the current
    /// directory when nil). The file or folder must exist.
    static func resolve(_ path: String, in lessonFolder: String?) throws -> String {
        guard !path.isEmpty else {
            throw DatasetError.invalidArgument(argument: "path", problem: "an empty path names no file")
        }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw DatasetError.pathOutsideLessonFolder(path: path, reason: "it holds a control character (such as NUL)")
        }
        guard !path.hasPrefix("/") && !path.hasPrefix("~") else {
            throw DatasetError.pathOutsideLessonFolder(path: path, reason: "it is an absolute path")
        }
        if path.split(separator: "/", omittingEmptySubsequences: true).contains("..") {
            throw DatasetError.pathOutsideLessonFolder(path: path, reason: "it climbs out with '..'")
        }
        let folder = lessonFolder ?? FileManager.default.currentDirectoryPath
        guard let realFolder = realPath(folder) else {
            throw DatasetError.fileNotFound(path: folder)
        }
        let candidate = realFolder + "/" + path
        guard let real = realPath(candidate) else {
            throw DatasetError.fileNotFound(path: path)
        }
        let inside = realFolder == "/" ? "/" : realFolder + "/"
        guard real.hasPrefix(inside) else {
            throw DatasetError.pathOutsideLessonFolder(path: path,
                reason: "it is a symbolic link to \(real), outside the lesson's folder")
        }
        return real
    }

    /// `realpath(3)`: nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
