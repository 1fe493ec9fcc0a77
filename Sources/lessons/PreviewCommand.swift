import ArgumentParser
import Foundation
import LessonKit
import LessonPreview

extension Lessons {
    /// `lessons preview [LESSON|DIR]`: serve the site on 127.0.0.1, rebuild on save,
    /// reload the open page, and rerun with values set on the page.
    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve lessons on 127.0.0.1: rebuild on save, reload the page, rerun with values set on it.",
            discussion: "Stop with Ctrl-C. Pages on disk stay as `lessons run` writes them; "
                + "the panel and the reload script exist only in the preview's responses.")

        @Argument(help: ArgumentHelp("A lesson (path or name such as 03) or a course folder (default: the course folder).",
                                     valueName: "lesson-or-dir"))
        var target: String?

        @Option(name: .long, help: ArgumentHelp("Port on 127.0.0.1 (0: any free port; the address is printed).", valueName: "n"))
        var port: Int = 8040

        @Option(name: .long, help: ArgumentHelp("Course folder names are looked up in.", valueName: "dir"))
        var lessons: String = LessonLibrary.defaultDirectory

        @OptionGroup var runOptions: RunOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        }

        mutating func run() throws {
            let library: LessonLibrary
            let files: [LessonFile]
            var isDirectory: ObjCBool = false
            let folder = target ?? lessons
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
                library = try LessonLibrary(directory: folder)
                files = try library.loadCourse().map(\.file)
                guard !files.isEmpty else {
                    throw LessonsError(message: "no lessons in '\(folder)' (a lesson is a Markdown file such as '01-intro.md')")
                }
            } else {
                let resolved = try LessonLibrary.resolve(folder, directory: lessons)
                library = resolved.library
                files = [resolved.file]
            }
            Console.warnSkipped(library)
            let server = PreviewServer(library: library, lessons: files, outputDirectory: output.out,
                                       options: .init(jobs: runOptions.jobs, useCache: !runOptions.noCache, quiet: runOptions.quiet),
                                       port: port, firstPage: files.count == 1 ? files[0].id : nil)
            try server.run { address in
                // Unbuffered, so a script waiting for the address sees it at once.
                FileHandle.standardOutput.write(Data((address + "\n").utf8))
                Console.error("Previewing at \(address) (Ctrl-C stops).")
            }
            Console.error("Preview stopped.")
        }
    }
}
