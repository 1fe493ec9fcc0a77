/// A lesson as the rest of the course sees it: for links, the index and prev/next.
public struct CourseEntry: Sendable, Equatable {
    /// File name without `.md`, e.g. `03-weighted-loss`; also the page's name.
    public var id: String
    public var title: String
    public var summary: String?
    public var status: LessonStatus?

    public init(id: String, title: String, summary: String? = nil, status: LessonStatus? = nil) {
        self.id = id
        self.title = title
        self.summary = summary
        self.status = status
    }

    /// The page's file name in the site.
    public var pageName: String { id + ".html" }

    /// The number in front of the name ("03"), when there is one.
    var number: String? {
        let digits = id.prefix(while: \.isNumber)
        return digits.isEmpty ? nil : String(digits)
    }
}
