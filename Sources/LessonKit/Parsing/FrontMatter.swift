import Yams
import Experiments

/// Optional YAML front matter between `---` lines at the top of a lesson.
///
/// The lines it occupies are blanked rather than removed before Markdown
/// parsing, so every line number cmark-gfm reports is still a line of the file.
enum FrontMatter {
    /// Keys a lesson may set; anything else is a typo worth reporting.
    static let knownKeys = ["title", "summary", "order", "budget", "headline"]

    /// The 1-based line range of the front matter (both fences), if the file has one.
    static func extent(lines: [Substring]) -> ClosedRange<Int>? {
        guard let first = lines.first, isFence(first, closing: false) else { return nil }
        for index in 1..<lines.count where isFence(lines[index], closing: true) {
            return 1...(index + 1)
        }
        return 1...lines.count  // unclosed: `parse` reports it
    }

    /// The Markdown to hand to cmark-gfm: front matter lines replaced by empty lines.
    static func blanked(_ source: String) -> String {
        let lines = SourceText.lines(source)
        guard let range = extent(lines: lines) else { return source }
        var out = lines.map(String.init)
        for line in range { out[line - 1] = "" }
        return out.joined(separator: "\n") + "\n"
    }

    /// The keys a lesson may set.
    struct Fields {
        var title: String?
        var summary: String?
        var order: Int?
        var budget: Double?
        var headline: Headline?
    }

    /// Reads `title`, `summary`, `order`, `budget` and `headline`; errors point at the offending line.
    static func parse(source: String, path: String) throws -> Fields {
        let lines = SourceText.lines(source)
        guard let range = extent(lines: lines) else { return Fields() }
        let closed = range.upperBound > 1 && isFence(lines[range.upperBound - 1], closing: true)
        guard closed else {
            throw LessonsError(Diagnostic(path: path, location: SourceLocation(line: 1, column: 1),
                message: "front matter is never closed; end it with a line '---'"), source: source)
        }
        let yaml = lines[1..<(range.upperBound - 1)].joined(separator: "\n")
        // Front matter starts on file line 2, so YAML line n is file line n + 1.
        func located(_ line: Int, _ column: Int, _ message: String) -> LessonsError {
            LessonsError(Diagnostic(path: path, location: SourceLocation(line: line + 1, column: column),
                                    message: message), source: source)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                throw located(mark.line, mark.column, "invalid front matter: \(problem)")
            default:
                throw located(1, 1, "invalid front matter: \(error)")
            }
        }
        guard let node else { return Fields() }
        guard let mapping = node.mapping else {
            throw located(node.mark?.line ?? 1, node.mark?.column ?? 1,
                          "front matter must be 'key: value' lines (\(knownKeys.joined(separator: ", ")))")
        }
        var fields = Fields()
        for (key, value) in mapping {
            let name = key.string ?? ""
            let at = (key.mark?.line ?? 1, key.mark?.column ?? 1)
            guard let text = value.scalar?.string else {
                throw located(at.0, at.1, "front matter '\(name)' must be a single value")
            }
            switch name {
            case "title": fields.title = text
            case "summary": fields.summary = text
            case "budget":
                guard let number = Double(text), number.isFinite, number > 0, number <= TrainingBudget.maximumLimit else {
                    throw located(value.mark?.line ?? at.0, value.mark?.column ?? at.1,
                                  "front matter 'budget' must be a number of 10¹² multiply-adds in "
                                  + "(0, \(Limits.format(TrainingBudget.maximumLimit))], not '\(text)'")
                }
                fields.budget = number
            case "headline":
                if text == "none" {
                    fields.headline = Headline.none
                } else if MetricCatalog.named(text) != nil {
                    fields.headline = .best(metric: text)
                } else {
                    let names = MetricCatalog.names
                    throw located(value.mark?.line ?? at.0, value.mark?.column ?? at.1,
                                  "front matter 'headline' must be a run metric or 'none', not '\(text)'"
                                  + "\(Suggestions.didYouMean(text, in: names, listing: "metrics"))")
                }
            case "order":
                guard let number = Int(text) else {
                    throw located(value.mark?.line ?? at.0, value.mark?.column ?? at.1,
                                  "front matter 'order' must be a whole number, not '\(text)'")
                }
                fields.order = number
            default:
                var message = "unknown front matter key '\(name)'"
                if let suggestion = Suggestions.closest(to: name, in: knownKeys) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += " (known keys: \(knownKeys.joined(separator: ", ")))"
                }
                throw located(at.0, at.1, message)
            }
        }
        return fields
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        let trimmed = line.trimmingTrailingSpaces()
        return trimmed == "---" || (closing && trimmed == "...")
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
