import Foundation
import LessonKit
import Synchronization

/// The lessons a preview serves and the last outcome of each. Every rerun goes
/// through one serial queue (a rebuild after a save, a rerun from the panel):
/// it runs the lesson exactly as `lessons run --set …` would, writes its page to
/// the site folder (the cache retrains only what a change reaches), and then
/// tells open pages to reload.
final class PreviewSession: Sendable {
    struct LessonState: Sendable {
        var file: LessonFile
        /// The lesson's title as of its last good run (its id before one).
        var title: String
        /// Parameters of the last good run: the panel's fields.
        var parameters: [ResultsDocument.Parameter] = []
        /// The `--set` arguments of the last good run.
        var setArguments: [String] = []
        /// The last attempt's located error (compiler format); nil after a good run.
        var failure: String?
        /// Values of a submission that failed, shown again so they can be fixed.
        var submitted: [String: String] = [:]
        /// What the last good rerun changed, against the page's results before it.
        var diff: ResultsDiff?
    }

    let library: LessonLibrary
    let outputDirectory: String
    let events: EventHub
    /// The panel's form token: only pages this preview served can rerun a lesson.
    let formToken = RequestTrust.newToken()
    private let options: LessonPipeline.Options
    private let quiet: Bool
    private let order: [String]
    /// Each lesson's state, and the lessons with a rebuild queued and not yet started.
    private let shared: Mutex<(states: [String: LessonState], pending: Set<String>)>
    private let queue = DispatchQueue(label: "lessons.preview.runs")

    init(library: LessonLibrary, lessons: [LessonFile], outputDirectory: String, options: LessonPipeline.Options,
         events: EventHub) {
        self.library = library
        self.outputDirectory = outputDirectory
        self.options = options
        self.quiet = options.quiet
        self.events = events
        order = lessons.map(\.id)
        var states: [String: LessonState] = [:]
        for file in lessons { states[file.id] = LessonState(file: file, title: file.id) }
        shared = Mutex((states: states, pending: []))
    }

    var lessonIDs: [String] { order }

    func state(_ id: String) -> LessonState? {
        shared.withLock { $0.states[id] }
    }

    /// Builds every lesson once, in course order, before the server answers.
    func buildAll() {
        queue.sync { for id in order { rebuild(id, arguments: nil, submitted: [:]) } }
    }

    /// A saved lesson: rebuilt with the parameters it had (one pending rebuild per lesson at most).
    func lessonChanged(_ id: String) {
        let fresh = shared.withLock { $0.pending.insert(id).inserted }
        guard fresh else { return }
        queue.async {
            _ = self.shared.withLock { $0.pending.remove(id) }
            self.rebuild(id, arguments: nil, submitted: [:])
        }
    }

    /// A submitted panel: reruns with these `--set` arguments, then calls `done`.
    func rerun(_ id: String, arguments: [String], submitted: [String: String], done: @escaping @Sendable () -> Void) {
        queue.async {
            self.rebuild(id, arguments: arguments, submitted: submitted)
            done()
        }
    }

    /// Runs on `queue` only. `arguments` nil keeps the last good run's.
    private func rebuild(_ id: String, arguments: [String]?, submitted: [String: String]) {
        guard var state = state(id) else { return }
        let arguments = arguments ?? state.setArguments
        let progress = ProgressReporter(style: .plain, write: progressWriter(for: id))
        progress.message("running \(state.file.fileName)" + arguments.map { " --set \($0)" }.joined() + "…")
        // The page's results before this run: what "what changed" compares with.
        let previous = ResultsDiff.previousResults(site: outputDirectory, lessonID: id)
        do {
            let overrides = try ParameterOverrides.parse(arguments)
            let lesson = try Lesson(contentsOfFile: state.file.path)
            let report = try LessonPipeline(options: options, progress: progress)
                .run(lesson, id: id, fileName: state.file.fileName, overrides: overrides)
            var extras = try report.results.pageExtras()
            if !arguments.isEmpty {
                extras.runCommand = "lessons run \(state.file.fileName)" + arguments.map { " --set '\($0)'" }.joined()
            }
            try SiteBuilder(library: library, outputDirectory: outputDirectory).build(lessonID: id, extras: extras)
            for failure in report.failures { progress.message(failure.formatted(source: lesson.source)) }
            progress.message(SummaryTable.text(report.outcome))
            state.title = report.results.title
            state.parameters = report.results.parameters
            state.setArguments = arguments
            state.failure = nil
            state.submitted = [:]
            state.diff = previous.map { ResultsDiff(before: $0, after: report.results.document) }
        } catch let error as LessonsError {
            state.failure = error.formatted(color: false)
            state.submitted = submitted
            progress.message(state.failure ?? "")
        } catch {
            state.failure = "error: " + FileSystemFailure.message("rebuild the lesson from", state.file.path, error)
            state.submitted = submitted
            progress.message(state.failure ?? "")
        }
        shared.withLock { $0.states[id] = state }
        events.send("reload", id)
    }

    /// Progress lines go to every open page and, unless quiet, to stderr.
    private func progressWriter(for id: String) -> @Sendable (String) -> Void {
        let events = self.events, quiet = self.quiet
        return { text in
            if !quiet { ProgressReporter.standardError(text) }
            for line in text.split(separator: "\n") { events.send("progress", "\(id)\t\(line)") }
        }
    }
}
