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
        }
    }
}
