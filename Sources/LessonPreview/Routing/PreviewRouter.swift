import Foundation
import LessonKit

/// Decides every answer of the preview: static files of the site folder (and
/// nothing else), lesson pages with the panel, the preview's own assets and
/// event stream, and the one POST that reruns a lesson. Nothing a request says
/// is run as code or used as a path without `SiteFiles`' checks; parameter
/// values only ever reach the evaluator as `--set` arguments.
struct PreviewRouter: Sendable {
    let session: PreviewSession
    let files: SiteFiles

    /// Largest request body read (a panel's form is a few hundred bytes).
    static let maximumBody = 64 * 1024
    static let maximumTarget = 2048

    init(session: PreviewSession) {
        self.session = session
        files = SiteFiles(folder: session.outputDirectory)
    }

    func handle(_ request: PreviewRequest, reply: @escaping @Sendable (PreviewReply) -> Void) {
        if let refusal = refusal(of: request) { return reply(.response(refusal)) }
        let path = request.rawPath
        if request.method == "POST" {
            let prefix = "/_preview/run/"
            guard path.hasPrefix(prefix) else { return reply(.response(.text(405, "Only the panel's form is posted."))) }
            return rerun(String(path.dropFirst(prefix.count)), request, reply: reply)
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return reply(.response(.text(405, "The preview answers GET, HEAD and the panel's POST.")))
        }
        switch path {
        case PreviewAssets.eventsPath: return reply(.eventStream)
        case PreviewAssets.scriptPath:
            return reply(.response(PreviewResponse(status: 200, contentType: "text/javascript; charset=utf-8",
                                                   body: Array(PreviewAssets.script.utf8))))
        case PreviewAssets.stylesheetPath:
            return reply(.response(PreviewResponse(status: 200, contentType: "text/css; charset=utf-8",
                                                   body: Array(PreviewAssets.stylesheet.utf8))))
        default:
            if path.hasPrefix("/_preview/") { return reply(.response(.text(404, "Not found."))) }
            reply(.response(page(path, query: request.query)))
        }
    }

    /// Requests answered before any routing: targets too long to be ours, then
    /// what `RequestTrust` refuses (foreign hosts, other sites' forms).
    private func refusal(of request: PreviewRequest) -> PreviewResponse? {
        guard request.target.utf8.count <= Self.maximumTarget else { return .text(414, "Request target too long.") }
        guard request.body.count <= Self.maximumBody else { return .text(413, "Request body too large.") }
        return trust(request).refusal(of: request)
    }

    private func trust(_ request: PreviewRequest) -> RequestTrust {
        RequestTrust(port: request.serverPort, formToken: session.formToken)
    }

    private func page(_ path: String, query: String) -> PreviewResponse {
        let id = path.hasPrefix("/") && path.hasSuffix(".html") ? String(path.dropFirst().dropLast(5)) : ""
        if let state = session.state(id) { return lessonPage(state, lastGood: query == "last-good") }
        switch files.lookup(requestPath: path) {
        case .refused: return .text(403, "Only files of the site folder are served.")
        case .missing: return .text(404, "Not found.")
        case .file(let url):
            guard let data = try? Data(contentsOf: url) else { return .text(404, "Not found.") }
            let type = SiteFiles.contentType(of: url)
            if type.hasPrefix("text/html") { return .html(PreviewPage.other(String(decoding: data, as: UTF8.self))) }
            return PreviewResponse(status: 200, contentType: type, body: Array(data))
        }
    }

    private func lessonPage(_ state: PreviewSession.LessonState, lastGood: Bool) -> PreviewResponse {
        let id = state.file.id
        let onDisk: String?
        if case .file(let url) = files.lookup(requestPath: "/\(id).html"), let data = try? Data(contentsOf: url) {
            onDisk = String(decoding: data, as: UTF8.self)
        } else {
            onDisk = nil
        }
        let source = session.library.displayPath(of: state.file)
        if let page = onDisk, lastGood { return .html(PreviewPage.lastGood(page, lessonID: id)) }
        if let page = onDisk, state.failure == nil {
            return .html(PreviewPage.lesson(page, state: state, sourcePath: source, token: session.formToken))
        }
        if state.failure == nil { return .text(503, "The page is being built; it reloads when it is ready.") }
        return .html(PreviewPage.error(state: state, sourcePath: source, hasLastGood: onDisk != nil, token: session.formToken))
    }

    private func rerun(_ id: String, _ request: PreviewRequest, reply: @escaping @Sendable (PreviewReply) -> Void) {
        guard let state = session.state(id) else { return reply(.response(.text(404, "No such lesson in this preview."))) }
        let type = request.headers["content-type"] ?? ""
        guard type.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            return reply(.response(.text(415, "Send the panel's form (application/x-www-form-urlencoded).")))
        }
        guard let fields = FormBody.decode(request.body) else { return reply(.response(.text(400, "Malformed form."))) }
        guard trust(request).holdsToken(fields) else {
            return reply(.response(.text(403, "Only the preview's own pages rerun lessons: reload the page and submit again.")))
        }
        let reset = fields.contains { $0.name == ParameterForm.resetField }
        let arguments = reset ? [] : ParameterForm.setArguments(from: fields, parameters: state.parameters)
        var submitted: [String: String] = [:]
        for field in fields where !reset && !ParameterForm.isControl(field.name) { submitted[field.name] = field.value }
        session.rerun(id, arguments: arguments, submitted: submitted) {
            reply(.response(.seeOther("/\(id).html")))
        }
    }
}
