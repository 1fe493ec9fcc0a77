/// The course index: every lesson in course order, with summary and status.
public enum IndexPage {
    public static func render(entries: [CourseEntry]) -> String {
        var main = """
        <div class="page index-page">
        <header class="course-header">
        <h1>Lessons</h1>
        <p class="lede">\(entries.count == 1 ? "One lesson" : "\(entries.count) lessons"), each a page you can rerun: \
        change a number in the lesson, run <code>lessons run NAME</code>, and reload.</p>
        </header>
        <ol class="lesson-list">

        """
        for entry in entries {
            main += "<li class=\"lesson-card\">\n<a class=\"lesson-link\" href=\"\(escapeHTML(entry.pageName))\">"
            if let number = entry.number {
                main += "<span class=\"lesson-number\">\(escapeHTML(number))</span>"
            }
            main += "<span class=\"lesson-title\">\(escapeHTML(entry.title))</span></a>\n"
            if let summary = entry.summary {
                main += "<p class=\"summary\">\(escapeHTML(summary))</p>\n"
            }
            if let status = entry.status {
                main += "<p class=\"status\">\(status.badgeHTML)</p>\n"
            }
            main += "</li>\n"
        }
        main += "</ol>\n</div>"
        let footer = "<p>Rendered by <code>lessons</code>. Rebuild every page with <code>lessons build</code>. "
            + "Writing a lesson? The <a href=\"\(APIReferencePage.fileName)\">lesson language reference</a> "
            + "lists every type and argument.</p>"
        return PageTemplate.page(title: "Lessons", description: "Every lesson of the course.",
                                 bodyClass: "index", main: main, footer: footer)
    }
}
