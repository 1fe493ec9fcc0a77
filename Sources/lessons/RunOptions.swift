import ArgumentParser
import Foundation
import LessonKit

/// How lessons are run: shared by `run`, `build` and `check`.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Runs trained at once (results do not depend on it; default: the core count).",
                                            valueName: "n"))
    var jobs: Int = RunScheduler.defaultJobs

    @Flag(name: .customLong("no-cache"), help: "Train every run; neither read nor write the result cache.")
    var noCache = false

    @Flag(name: .long, help: "Print no progress (errors and the page path still appear).")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    /// `site`: where the pages go; runs that match its published results but for the wall clock keep their timings.
    func pipeline(site: String? = nil) -> LessonPipeline {
        LessonPipeline(options: .init(jobs: jobs, useCache: !noCache, quiet: quiet, site: site),
                       progress: ProgressReporter.automatic(quiet: quiet))
    }
}

/// Prints what went wrong in a lesson's results, the compiler way.
enum FailureReport {
    static func print(_ report: LessonPipeline.Report, source: String) {
        let color = TerminalStyle.useColor()
        for failure in report.failures { Console.error(failure.formatted(source: source, color: color)) }
    }
}
