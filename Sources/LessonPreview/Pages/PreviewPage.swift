import Foundation
import LessonKit

/// What the preview serves as HTML. A page from the site folder gets the
/// preview's stylesheet, panel, "what changed" box and script added to the
/// response only (the file on disk stays script-free); a lesson with an error
/// gets the located error instead of its (stale) results, with a link to them.
enum PreviewPage {
    /// A watched lesson's page, as it is on disk plus the panel and the box.
    static func lesson(_ page: String, state: PreviewSession.LessonState, sourcePath: String, token: String) -> String {
        var top = panel(state, sourcePath: sourcePath, token: token)
        if let diff = state.diff { top += WhatChangedView(diff: diff).html() }
        return inject(into: page, top: top)
    }

    /// The last good page, marked as such (shown while the lesson has an error).
    static func lastGood(_ page: String, lessonID: String) -> String {
        inject(into: page, top: "<p class=\"preview-stale\" data-preview-lesson=\"\(escapeHTML(lessonID))\">"
               + "This is the last good result; the lesson has an error now. <a href=\"/\(escapeHTML(lessonID)).html\">"
               + "Show the error</a></p>\n")
    }

    /// Any other page of the site: it only reloads after rebuilds.
    static func other(_ page: String) -> String { inject(into: page, top: "") }

    /// The lesson's located error in place of its results, the panel under it.
    static func error(state: PreviewSession.LessonState, sourcePath: String, hasLastGood: Bool, token: String) -> String {
        let id = escapeHTML(state.file.id), title = state.title
        var main = "<article class=\"page lesson\">\n<h1>\(escapeHTML(title))</h1>\n"
        main += "<section class=\"preview-error\" role=\"alert\" aria-labelledby=\"preview-error-title\">\n"
        main += "<h2 id=\"preview-error-title\">This lesson has an error</h2>\n"
        main += "<pre>\(escapeHTML(state.failure ?? ""))</pre>\n"
        main += "<p>Fix it in <code>\(escapeHTML(sourcePath))</code> and save; the page reloads. "
        main += hasLastGood ? "<a href=\"/\(id).html?last-good\">See the last good result</a>.</p>\n"
                            : "There is no earlier result to show.</p>\n"
        main += "</section>\n"
        if !state.parameters.isEmpty { main += panel(state, sourcePath: sourcePath, token: token) }
        main += "</article>\n"
        return inject(into: PageTemplate.page(title: "Error: " + title, description: nil, bodyClass: "lesson-page", main: main,
                                              footer: "<p>Shown by <code>lessons preview</code>.</p>"), top: "")
    }

    private static func panel(_ state: PreviewSession.LessonState, sourcePath: String, token: String) -> String {
        var out = "<section class=\"preview-panel\" data-preview-lesson=\"\(escapeHTML(state.file.id))\" "
            + "aria-labelledby=\"preview-panel-title\">\n<h2 id=\"preview-panel-title\">Preview: try other values</h2>\n"
        out += "<p class=\"preview-note\">Saving <code>\(escapeHTML(sourcePath))</code> reloads this page. "
        if state.parameters.isEmpty {
            out += "This lesson has no parameters to set.</p>\n"
        } else {
            out += "A rerun retrains only the runs a change reaches.</p>\n"
            out += ParameterForm(lessonID: state.file.id, parameters: state.parameters, submitted: state.submitted,
                                 token: token).html()
        }
        return out + "<pre id=\"preview-progress\" class=\"preview-progress\" aria-live=\"polite\" hidden></pre>\n</section>\n"
    }

    /// Adds the stylesheet link to the head, `top` before the lesson body (or at
    /// the start of `<main>`), and the script at the end of the body. The markers
    /// are the page template's own tags: lesson text is escaped, so it holds none.
    static func inject(into page: String, top: String) -> String {
        var html = page
        let link = "<link rel=\"stylesheet\" href=\"\(PreviewAssets.stylesheetPath)\">\n"
        if let head = html.range(of: "</head>") { html.insert(contentsOf: link, at: head.lowerBound) } else { html = link + html }
        if !top.isEmpty {
            if let body = html.range(of: "<div class=\"lesson-body\">") {
                html.insert(contentsOf: top, at: body.lowerBound)
            } else if let main = html.range(of: "<main id=\"main\">\n") ?? html.range(of: "<main id=\"main\">") {
                html.insert(contentsOf: top, at: main.upperBound)
            } else {
                html += top
            }
        }
        let script = "<script src=\"\(PreviewAssets.scriptPath)\"></script>\n"
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: script, at: end.lowerBound)
        } else {
            html += script
        }
        return html
    }
}
