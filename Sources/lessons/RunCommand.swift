import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
    /// `lessons run LESSON`: evaluate the lesson's blocks, train (or take from the
    /// cache) every run, check its claims, and write its page (plus index and assets)
    /// atomically. Exit 1 when a run or claim failed — the page still shows it;
    /// exit 2 on bad input, with the site untouched.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one lesson and write its page.",
            discussion: "LESSON is a path, or a name in the course folder: 03-weighted-loss.md, 03-weighted-loss or 03.")

        @Argument(help: ArgumentHelp("The lesson: a path or a name such as 03-weighted-loss.md, 03-weighted-loss or 03.",
                                     valueName: "lesson"))
        var lesson: String

        @Option(name: .long, help: ArgumentHelp("Course folder names are looked up in.", valueName: "dir"))
        var lessons: String = LessonLibrary.defaultDirectory

        @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter of the lesson, e.g. --set epochs=20 (repeatable).",
                                                             valueName: "name=value"))
        var overrides: [String] = []

        @Flag(name: .long, help: "Print the metrics and claims that changed, compared with the page's previous results.json.")
        var diff = false

        @Option(name: .customLong("diff-metrics"),
                help: ArgumentHelp("With --diff, list only these metrics (parameters and claims always), e.g. macroF1,recall; "
                                   + "recall is every label's, recall(ring) one label's, none no metric.", valueName: "names"))
        var diffMetrics: String?

        mutating func validate() throws {
            if let diffMetrics {
                guard diff else { throw ValidationError("--diff-metrics needs --diff") }
                _ = try DiffMetricFilter(parsing: diffMetrics)
            }
        }

        @OptionGroup var runOptions: RunOptions
        @OptionGroup var output: OutputOptions

        mutating func run() throws {
            let (library, file) = try LessonLibrary.resolve(lesson, directory: lessons)
            Console.warnSkipped(library)
            let parsed = try Lesson(contentsOfFile: file.path)  // a broken lesson stops here, before the site is touched
            let pipeline = runOptions.pipeline(site: output.out)
            let report = try pipeline.run(parsed, id: file.id, fileName: file.fileName,
                                          overrides: try ParameterOverrides.parse(overrides))
            // Read before the build replaces it: the page's results as they were.
            let previous = diff ? ResultsDiff.previousResults(site: output.out, lessonID: file.id) : nil
            var extras = try report.results.pageExtras()
            if !overrides.isEmpty {
                extras.runCommand = "lessons run \(file.fileName)" + overrides.map { " --set '\($0)'" }.joined()
            }
            let builder = SiteBuilder(library: library, outputDirectory: output.out)
            let result = try builder.build(lessonID: file.id, extras: extras)
            if !runOptions.quiet { pipeline.progress.message(SummaryTable.text(report.outcome)) }
            FailureReport.print(report, source: parsed.source)
            if let page = result.pagePaths[file.id] { PagePrinter.announce(page) }
            if diff { printDiff(from: previous, to: report.results.document, lessonID: file.id) }
            if !report.failures.isEmpty { throw ExitCode(1) }
        }

        private func printDiff(from previous: ResultsDocument?, to current: ResultsDocument, lessonID: String) {
            let path = ((output.out as NSString).appendingPathComponent(lessonID) as NSString)
                .appendingPathComponent("results.json")
            guard let previous else {
                Console.error("--diff: no previous results in \(path); nothing to compare with")
                return
            }
            var changes = ResultsDiff(before: previous, after: current)
            if let diffMetrics, let filter = try? DiffMetricFilter(parsing: diffMetrics) { changes = filter.apply(to: changes) }
            print(changes.text(comparedWith: path), terminator: "")
        }
    }
}

/// How a written page is announced: the path on stdout, a file:// link to open.
enum PagePrinter {
    static func announce(_ path: String) {
        print(path)
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        Console.error("Open \(absolute) in a browser.")
    }
}
