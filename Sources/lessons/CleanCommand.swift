import ArgumentParser
import LessonKit

extension Lessons {
    /// `lessons clean`: removes what `lessons` wrote; files it did not write stay.
    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the generated site (only files lessons wrote).")

        @OptionGroup var output: OutputOptions

        mutating func run() throws {
            try SiteBuilder.clean(outputDirectory: output.out)
            Console.error("Removed the site files in '\(output.out)'.")
            // The result cache of the course in the current folder goes too: the next run retrains.
            let cache = LessonPipeline.defaultCache(forLessonAt: LessonLibrary.defaultDirectory + "/lesson.md")
            try cache.clear()
            Console.error("Removed the result cache '\(cache.directory.path)'.")
        }
    }
}
