import CCmarkGFM
import Experiments
import Foundation

/// The site's search index, written at build time: per lesson and section, its
/// heading and plain text (prose as cmark-gfm renders it to text, code as written),
/// and the reference page, per type.
/// `search-index.json` holds it for any tool; `assets/search.js` carries the same
/// data, so search works from `file://` too, where a page may not fetch files.
struct SearchIndex: Encodable {
    struct Section: Encodable {
        /// Fragment id on the page ("" for the part before the first heading).
        var id: String
        var heading: String
        var text: String
    }

    struct Page: Encodable {
        var page: String
        var title: String
        var summary: String?
        var sections: [Section]
    }

    var pages: [Page]

    static let fileName = "search-index.json"
    /// Text kept per section: enough to find a lesson by what it says.
    static let sectionLimit = 4000

    init(course: [CourseLesson], entries: [CourseEntry], catalog: APICatalog = .standard) {
        pages = zip(course, entries).map { item, entry in
            Page(page: entry.pageName, title: entry.title, summary: entry.summary, sections: Self.sections(of: item.lesson))
        }
        pages.append(Self.reference(catalog))
    }

    /// The reference page: one section per type, its doc lines and its arguments'.
    static func reference(_ catalog: APICatalog) -> Page {
        var sections = catalog.types.map { type -> Section in
            var parts = [type.doc]
            for member in type.members {
                parts.append(member.signature(typeName: type.name) + " " + member.doc)
                for argument in member.arguments ?? [] { parts.append((argument.label ?? argument.name) + ": " + argument.doc) }
            }
            return Section(id: APIReferencePage.anchor(type.name), heading: type.name, text: Self.plain(parts.joined(separator: " ")))
        }
        sections.append(Section(id: "results", heading: "results[\"run name\"]",
                                text: Self.plain(ReportMetric.all.map { $0.name + " " + $0.doc }.joined(separator: " "))))
        return Page(page: APIReferencePage.fileName, title: "The lesson language", summary: nil, sections: sections)
    }

    /// Text as a reader sees it: no Markdown table rules, list marks or backticks.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "").split(whereSeparator: \.isWhitespace)
            .filter { !$0.allSatisfy { "-|*+:#>".contains($0) } }
            .joined(separator: " ")
    }

    static func sections(of lesson: Lesson) -> [Section] {
        let document = MarkdownDocument(markdown: FrontMatter.blanked(lesson.source))
        var sections = [Section(id: "", heading: lesson.meta.title, text: "")]
        for node in document.topLevelNodes {
            let line = MarkdownNode.startLine(node)
            if MarkdownNode.type(node) == "heading", let heading = lesson.headings.first(where: { $0.line == line }) {
                sections.append(Section(id: heading.id, heading: heading.text, text: ""))
                continue
            }
            let text = MarkdownNode.type(node) == "code_block" ? MarkdownNode.literal(node) : document.plainText(of: node)
            let words = plain(text)
            guard !words.isEmpty, sections[sections.count - 1].text.count < sectionLimit else { continue }
            sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty ? "" : " ") + words
        }
        for i in sections.indices where sections[i].text.count > sectionLimit {
            sections[i].text = String(sections[i].text.prefix(sectionLimit))
        }
        return sections.filter { !$0.text.isEmpty || !$0.id.isEmpty }
    }

    func json() throws -> Data { try CanonicalJSON.encode(self) }
}

extension MarkdownDocument {
    /// A node as plain text (cmark-gfm's own text renderer, no line wrapping).
    func plainText(of node: OpaquePointer) -> String {
        guard let rendered = cmark_render_plaintext(node, Self.options, 0) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
