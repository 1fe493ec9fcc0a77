import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
    /// `lessons run LESSON`: one lesson's page (plus index and assets), written atomically.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one lesson and write its page.",
            discussion: "LESSON is a path, or a name in the course folder: 03-weighted-loss.md, 03-weighted-loss or 03.")

        @Argument(help: ArgumentHelp("The lesson: a path or a name such as 03-weighted-loss.md, 03-weighted-loss or 03.",
                                     valueName: "lesson"))
        var lesson: String

        @Option(name: .long, help: ArgumentHelp("Course folder names are looked up in.", valueName: "dir"))
        var lessons: String = LessonLibrary.defaultDirectory

        @OptionGroup var output: OutputOptions

        mutating func run() throws {
            let (library, file) = try LessonLibrary.resolve(lesson, directory: lessons)
            Console.warnSkipped(library)
            _ = try Lesson(contentsOfFile: file.path)  // a broken lesson stops here, before the site is touched
            let builder = SiteBuilder(library: library, outputDirectory: output.out)
            let result = try builder.build(lessonID: file.id, extras: PageExtras())
            if let page = result.pagePaths[file.id] { PagePrinter.announce(page) }
        }
    }
}

/// How a written page is announced: the path on stdout, a file:// link to open.
enum PagePrinter {
    static func announce(_ path: String) {
        print(path)
        fflush(stdout)  // the path first, also when stdout is a pipe
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        Console.error("Open \(absolute) in a browser.")
    }
}
