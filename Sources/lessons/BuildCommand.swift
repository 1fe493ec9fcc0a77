import ArgumentParser
import LessonKit

extension Lessons {
    /// `lessons build [DIR]`: every lesson, the index and assets, in one commit.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render every lesson of a course folder to the site.")

        @Argument(help: ArgumentHelp("The course folder.", valueName: "dir"))
        var directory: String = LessonLibrary.defaultDirectory

        @OptionGroup var runOptions: RunOptions
        @OptionGroup var output: OutputOptions

        mutating func run() throws {
            let library = try LessonLibrary(directory: directory)
            Console.warnSkipped(library)
            // Every lesson runs (from the cache where it can) so the site shows real results;
            // bad input anywhere stops the build before the site is touched.
            let pipeline = runOptions.pipeline(site: output.out)
            var extras: [String: PageExtras] = [:]
            var failed = false
            for item in try library.loadCourse() {
                let report = try pipeline.run(item.lesson, id: item.file.id, fileName: item.file.fileName, overrides: [:])
                FailureReport.print(report, source: item.lesson.source)
                failed = failed || !report.failures.isEmpty
                extras[item.file.id] = try report.results.pageExtras()
            }
            let result = try SiteBuilder(library: library, outputDirectory: output.out).buildAll(extras: extras)
            Console.error("Rendered \(result.entries.count) lesson\(result.entries.count == 1 ? "" : "s").")
            PagePrinter.announce(result.indexPath)
            if failed { throw ExitCode(1) }
        }
    }
}
