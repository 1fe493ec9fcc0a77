import Foundation

/// A lesson file in a course folder: `Lessons/03-weighted-loss.md` has id `03-weighted-loss`.
public struct LessonFile: Sendable, Hashable {
    /// The file name without `.md`; also the name of its page and results folder.
    public var id: String
    public var fileName: String
    /// The path as the user would type it (relative stays relative).
    public var path: String
}

/// The `.md` files of a course folder, in file-name order, and name resolution
/// for `lessons run 03`.
public struct LessonLibrary: Sendable {
    public static let defaultDirectory = "Lessons"

    /// The folder as given, tidied (`./Lessons/` → `Lessons`).
    public var directory: String
    public var files: [LessonFile]
    /// Files skipped because their names cannot be page names (shown as warnings).
    public var skipped: [String]

    public init(directory: String) throws {
        let directory = Self.tidy(directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw LessonsError(message: "no folder '\(directory)'")
        }
        guard isDirectory.boolValue else { throw LessonsError(message: "'\(directory)' is not a folder") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw LessonsError(message: "cannot read folder '\(directory)'")
        }
        self.directory = directory
        files = []
        skipped = []
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
            guard Self.isValidID(String(name.dropLast(3))) else { skipped.append(name); continue }
            files.append(Self.file(named: name, in: directory))
        }
    }

    /// Resolves `LESSON` as `lessons run` takes it: a path (anything with a `/`, or an
    /// existing file outside the course folder), or a name in `directory`:
    /// `03-weighted-loss.md`, `03-weighted-loss` or `03`.
    public static func resolve(_ argument: String, directory: String = defaultDirectory) throws
        -> (library: LessonLibrary, file: LessonFile)
    {
        let inCourse = FileManager.default.fileExists(atPath: (tidy(directory) as NSString).appendingPathComponent(argument))
        if argument.contains("/") || (!inCourse && argument.hasSuffix(".md") && FileManager.default.fileExists(atPath: argument)) {
            return try resolvePath(argument)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: tidy(directory), isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LessonsError(message: "no lesson named '\(argument)': there is no '\(tidy(directory))' folder here; "
                               + "give the lesson's path or run from the course folder")
        }
        let library = try LessonLibrary(directory: directory)
        return (library, try library.file(named: argument))
    }

    /// The lesson called `name` (file name, id, or number prefix), or a did-you-mean error.
    public func file(named name: String) throws -> LessonFile {
        if let exact = files.first(where: { $0.fileName == name || $0.id == name }) { return exact }
        if !name.isEmpty, name.allSatisfy(\.isNumber) {
            let matches = files.filter { $0.id.hasPrefix(name + "-") }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                throw LessonsError(message: "'\(name)' matches more than one lesson: "
                                   + matches.map { "'\($0.fileName)'" }.joined(separator: ", "))
            }
        }
        var message = "no lesson named '\(name)'"
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        if let suggestion = Suggestions.closest(to: stem, in: files.map(\.id)) {
            message += "; did you mean '\(suggestion).md'?"
        } else if files.isEmpty {
            message += ": '\(directory)' holds no lessons"
        } else {
            message += " in '\(directory)' (see `lessons list`)"
        }
        throw LessonsError(message: message)
    }

    /// Every lesson parsed, in course order: front matter `order` first, then file name.
    public func loadCourse() throws -> [CourseLesson] {
        var course: [CourseLesson] = []
        for file in files {
            course.append(CourseLesson(file: file, lesson: try Lesson(contentsOfFile: file.path)))
        }
        return course.sorted { a, b in
            switch (a.lesson.meta.order, b.lesson.meta.order) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.file.fileName < b.file.fileName
            }
        }
    }

    /// How readers should refer to a lesson file (`Lessons/03-x.md`), without absolute paths.
    public func displayPath(of file: LessonFile) -> String { displayPath(ofFileNamed: file.fileName) }

    public func displayPath(ofFileNamed name: String) -> String {
        let folder = directory.hasPrefix("/") ? (directory as NSString).lastPathComponent : directory
        return folder == "." ? name : "\(folder)/\(name)"
    }

    /// The command that reruns a lesson, as shown on its page.
    public func runCommand(for file: LessonFile) -> String {
        tidy(directory) == Self.defaultDirectory ? "lessons run \(file.fileName)" : "lessons run \(displayPath(of: file))"
    }

    // MARK: Helpers

    private static func resolvePath(_ path: String) throws -> (library: LessonLibrary, file: LessonFile) {
        let name = (path as NSString).lastPathComponent
        guard name.hasSuffix(".md") else {
            throw LessonsError(Diagnostic(path: path, location: nil, message: "a lesson is a Markdown file ending in '.md'"))
        }
        guard isValidID(String(name.dropLast(3))) else {
            throw LessonsError(Diagnostic(path: path, location: nil,
                message: "lesson file names may use only letters, digits, '-', '_' and '.'"))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LessonsError(Diagnostic(path: path, location: nil, message: "no such lesson file"))
        }
        if isDirectory.boolValue {
            throw LessonsError(Diagnostic(path: path, location: nil, message: "is a folder, not a lesson file"))
        }
        let folder = (path as NSString).deletingLastPathComponent
        var library = try LessonLibrary(directory: folder.isEmpty ? "." : folder)
        let file = file(named: name, in: library.directory)
        if !library.files.contains(file) { library.files.append(file) }
        return (library, file)
    }

    private static func file(named name: String, in directory: String) -> LessonFile {
        LessonFile(id: String(name.dropLast(3)), fileName: name,
                   path: directory == "." ? name : (directory as NSString).appendingPathComponent(name))
    }

    private func tidy(_ path: String) -> String { Self.tidy(path) }

    static func tidy(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        while path.hasPrefix("./") && path.count > 2 { path.removeFirst(2) }
        return path.isEmpty ? "." : path
    }

    /// Ids become file names and links, so they stay within a safe alphabet.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix(".") && id.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
                || $0 == "-" || $0 == "_" || $0 == "."
        }
    }
}

/// A parsed lesson with the file it came from.
public struct CourseLesson: Sendable {
    public var file: LessonFile
    public var lesson: Lesson
}
