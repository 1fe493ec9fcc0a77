import ArgumentParser
import LessonKit

extension Lessons {
    /// `lessons build [DIR]`: every lesson, the index and assets, in one commit.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render every lesson of a course folder to the site.")

        @Argument(help: ArgumentHelp("The course folder.", valueName: "dir"))
        var directory: String = LessonLibrary.defaultDirectory

        @OptionGroup var output: OutputOptions

        mutating func run() throws {
            let library = try LessonLibrary(directory: directory)
            Console.warnSkipped(library)
            let result = try SiteBuilder(library: library, outputDirectory: output.out).buildAll()
            Console.error("Rendered \(result.entries.count) lesson\(result.entries.count == 1 ? "" : "s").")
            PagePrinter.announce(result.indexPath)
        }
    }
}
