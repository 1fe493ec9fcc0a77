import ArgumentParser
import LessonKit

extension Lessons {
    /// `lessons check [DIR]`: runs every lesson (from the cache where possible) and
    /// checks every claim; writes no pages. The command CI uses to keep the course true.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every lesson and check its expectations (exit 1 on any failure).")

        @Argument(help: ArgumentHelp("The course folder.", valueName: "dir"))
        var directory: String = LessonLibrary.defaultDirectory

        @OptionGroup var runOptions: RunOptions

        mutating func run() throws {
            let library = try LessonLibrary(directory: directory)
            Console.warnSkipped(library)
            let course = try library.loadCourse()
            guard !course.isEmpty else {
                throw LessonsError(message: "no lessons in '\(library.directory)' (a lesson is a Markdown file such as '01-intro.md')")
            }
            let pipeline = runOptions.pipeline()
            var failed: [String] = []
            for item in course {
                let report = try pipeline.run(item.lesson, id: item.file.id, fileName: item.file.fileName, overrides: [:])
                FailureReport.print(report, source: item.lesson.source)
                let claims = report.results.expectations.count
                let status = report.failures.isEmpty ? "ok" : "FAILED"
                let outcome = report.outcome
                let pairs = outcome.trainedCount + outcome.cachedCount
                Console.error("\(status)  \(item.file.fileName): \(outcome.comparisons.flatMap(\.series).count) runs, "
                              + "\(pairs) (run, seed) pair\(pairs == 1 ? "" : "s") (\(outcome.trainedCount) trained), "
                              + "\(claims) claim\(claims == 1 ? "" : "s")")
                if !report.failures.isEmpty { failed.append(item.file.fileName) }
            }
            if !failed.isEmpty {
                Console.error("\(failed.count) of \(course.count) lesson\(course.count == 1 ? "" : "s") failed: \(failed.joined(separator: ", "))")
                throw ExitCode(1)
            }
            Console.error("All \(course.count) lesson\(course.count == 1 ? "" : "s") hold.")
        }
    }
}
