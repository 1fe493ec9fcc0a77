/// The effective parameters; a row set on the command line is marked
/// `overridden` (the stylesheet says so in words) and shows the lesson's value.
public struct ParametersPanel {
    public var parameters: [ResultsDocument.Parameter]

    public init(parameters: [ResultsDocument.Parameter]) { self.parameters = parameters }

    public func html() -> String {
        var out = "<div class=\"params-panel\"><table><caption>Effective parameters</caption>"
        out += "<thead><tr><th scope=\"col\">parameter</th><th scope=\"col\">value</th><th scope=\"col\">in the lesson</th></tr></thead><tbody>"
        for p in parameters {
            out += p.overridden ? "<tr class=\"overridden\">" : "<tr>"
            out += "<th scope=\"row\"><code>\(Markup.escape(p.name))</code></th><td><code>\(Markup.escape(p.value))</code></td>"
            out += "<td><code>\(Markup.escape(p.declaredValue))</code></td></tr>"
        }
        return out + "</tbody></table></div>"
    }
}
