import Foundation

/// Renders a course folder into a static site: `index.html`, one `NN-name.html`
/// per lesson, `NN-name/` for its extra files, `reference.html` (the lesson
/// language, linked from the index) and `assets/style.css`.
///
/// Rendering happens in memory first; the files then go to disk in one commit
/// (`SiteWriter`), so a failure at any point leaves the previous site whole.
public struct SiteBuilder {
    public static let defaultOutput = "site"

    public var library: LessonLibrary
    public var outputDirectory: String

    public init(library: LessonLibrary, outputDirectory: String = defaultOutput) {
        self.library = library
        self.outputDirectory = LessonLibrary.tidy(outputDirectory)
    }

    /// What a build wrote, as paths the user can open.
    public struct Output: Sendable {
        public var indexPath: String
        /// Page path by lesson id, for the pages written by this build.
        public var pagePaths: [String: String]
        /// Every lesson of the course, in order.
        public var entries: [CourseEntry]
    }

    /// Every lesson rendered afresh (with its extras, by lesson id); pages of
    /// lessons that no longer exist are removed.
    @discardableResult
    public func buildAll(extras: [String: PageExtras] = [:]) throws -> Output {
        let course = try loadCourse()
        let statuses = extras.compactMapValues(\.status)
        return try write(course: course, fresh: Set(course.map(\.file.id)), extras: extras,
                         statuses: statuses, keeping: [])
    }

    /// One lesson rendered with `extras`; the index and assets are rewritten, other
    /// lessons' pages are kept as they are (or rendered plainly when missing).
    @discardableResult
    public func build(lessonID: String, extras: PageExtras = PageExtras()) throws -> Output {
        let course = try loadCourse()
        let manifest = try SiteManifest.read(from: URL(fileURLWithPath: outputDirectory)) ?? SiteManifest()
        let owned = Set(manifest.files)
        var fresh: Set<String> = [lessonID]
        var keeping: Set<String> = []
        for item in course where item.file.id != lessonID {
            let page = item.file.id + ".html"
            if owned.contains(page) && FileManager.default.fileExists(atPath: path(page)) {
                keeping.insert(page)
                keeping.formUnion(manifest.files.filter { $0.hasPrefix(item.file.id + "/") })
            } else {
                fresh.insert(item.file.id)
            }
        }
        let ids = Set(course.map(\.file.id))
        var statuses = manifest.statuses.filter { ids.contains($0.key) && !fresh.contains($0.key) }
        statuses[lessonID] = extras.status
        return try write(course: course, fresh: fresh, extras: [lessonID: extras],
                         statuses: statuses, keeping: keeping)
    }

    /// Removes every file a build wrote into `outputDirectory`; other files stay.
    public static func clean(outputDirectory: String = defaultOutput) throws {
        try SiteWriter(root: LessonLibrary.tidy(outputDirectory)).removeAll()
    }

    // MARK: Rendering

    private func loadCourse() throws -> [CourseLesson] {
        let course = try library.loadCourse()
        guard !course.isEmpty else {
            throw LessonsError(message: "no lessons in '\(library.directory)' (a lesson is a Markdown file such as '01-intro.md')")
        }
        return course
    }

    private func write(course: [CourseLesson], fresh: Set<String>, extras: [String: PageExtras],
                       statuses: [String: LessonStatus], keeping: Set<String>) throws -> Output {
        let entries = course.map {
            CourseEntry(id: $0.file.id, title: $0.lesson.meta.title, summary: $0.lesson.meta.summary,
                        status: statuses[$0.file.id])
        }
        var files: [String: Data] = [
            Stylesheet.path: Data(Stylesheet.css.utf8),
            "index.html": Data(IndexPage.render(entries: entries).utf8),
            APIReferencePage.fileName: Data(APIReferencePage.html().utf8),
        ]
        let index = try SearchIndex(course: course, entries: entries).json()
        files[SearchIndex.fileName] = index
        files[SearchScript.path] = Data(SearchScript.source(indexJSON: String(decoding: index, as: UTF8.self)).utf8)
        files[BrowserRerunPanel.scriptPath] = Data(RerunScript.source.utf8)
        var pagePaths: [String: String] = [:]
        for (i, item) in course.enumerated() where fresh.contains(item.file.id) {
            let pageExtras = extras[item.file.id] ?? PageExtras()
            let page = LessonPage(lesson: item.lesson, entry: entries[i],
                                  previous: i > 0 ? entries[i - 1] : nil,
                                  next: i + 1 < entries.count ? entries[i + 1] : nil,
                                  sourcePath: library.displayPath(of: item.file),
                                  runCommand: library.runCommand(for: item.file), extras: pageExtras)
            files[entries[i].pageName] = Data(page.render().utf8)
            // The lesson's own source next to its page, for the page's source link.
            files[item.file.id + "/" + item.file.fileName] = Data(item.lesson.source.utf8)
            for (name, data) in pageExtras.files {
                try SitePath.validate(name)
                files[item.file.id + "/" + name] = data
            }
            pagePaths[item.file.id] = path(entries[i].pageName)
        }
        try SiteWriter(root: outputDirectory).write(files: files, keeping: keeping, statuses: statuses)
        return Output(indexPath: path("index.html"), pagePaths: pagePaths, entries: entries)
    }

    private func path(_ name: String) -> String {
        outputDirectory == "." ? name : (outputDirectory as NSString).appendingPathComponent(name)
    }
}
