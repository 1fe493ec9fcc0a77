/// "Rerun in your browser": the lesson's parameters as typed inputs (the preview's
/// markup and styles, `ParameterInput`), and the places `assets/rerun.js` fills in:
/// status, per-pair progress, located errors, "What changed". Training runs in the
/// reader's browser in `lessons.wasm`; nothing is sent anywhere.
///
/// The panel is `hidden` until the script shows it, so the page reads whole without
/// JavaScript. Its root keeps `data-state` (`idle`, `running`, `done`, `error`) for
/// tests and styles; the results it replaces are the `block-N-results` wrappers.
struct BrowserRerunPanel {
    static let scriptPath = "assets/rerun.js"
    /// The module as a script (base64), written by `scripts/build-wasm` beside `lessons.wasm`.
    static let moduleScriptPath = "assets/lessons-wasm.js"
    /// Fashion-MNIST as a script (`FashionAsset`), loaded only when a pair to train draws mosaics.
    static let fashionScriptPath = "assets/" + FashionAsset.fileName
    /// The lesson's plan, published results and page context as a script (`RerunData`).
    static let dataFileName = "rerun-data.js"

    var lessonID: String
    /// The lesson's file name: the resolver's errors (`51:5: …`) are located in it.
    var fileName: String
    var parameters: [ResultsDocument.Parameter]

    /// The id of the wrapper around the results after lesson block `index`.
    static func resultsID(block index: Int) -> String { "block-\(index)-results" }

    func html() -> String {
        var out = "<details class=\"run-box rerun-browser\" id=\"rerun-browser\" data-state=\"idle\" "
            + "data-lesson=\"\(escapeHTML(lessonID))\" data-file=\"\(escapeHTML(fileName))\" data-module=\"\(Self.moduleScriptPath)\" "
            + "data-data=\"\(escapeHTML(lessonID))/\(Self.dataFileName)\" data-fashion=\"\(Self.fashionScriptPath)\" hidden>\n"
        out += "<summary><span class=\"run-title\">Rerun in your browser</span> <span class=\"rerun-summary\">"
            + "change a value, train here, see what changed</span></summary>\n"
        out += "<p class=\"preview-note\">The runs your change reaches train in this page "
            + "(nothing is sent anywhere); the results below are then redrawn, and <em>What changed</em> lists "
            + "the parameters, the metrics that moved and the claims that flipped. The page’s address can carry values: "
            + "<code>#set=NAME=VALUE</code>, and <code>&amp;run</code> starts at once.</p>\n"
        out += "<form id=\"rerun-form\" class=\"preview-form\" novalidate>\n<div class=\"preview-fields\">\n"
        for p in parameters { out += ParameterInput.fieldHTML(p, idPrefix: "rerun-p-", markKind: true) }
        out += "</div>\n<p class=\"preview-actions\"><button type=\"submit\" id=\"rerun-start\">Rerun with these values</button>\n"
        out += "<button type=\"button\" class=\"preview-secondary\" id=\"rerun-cancel\" hidden>Cancel</button>\n"
        out += "<button type=\"button\" class=\"preview-secondary\" id=\"rerun-back\" hidden>Back to the published results</button></p>\n"
        out += "</form>\n"
        out += "<p class=\"rerun-status\" id=\"rerun-status\" role=\"status\"></p>\n"
        out += "<div class=\"preview-error\" id=\"rerun-error\" role=\"alert\" hidden><pre id=\"rerun-error-text\" tabindex=\"0\"></pre></div>\n"
        // Focusable: with many pairs the list scrolls, and a keyboard must reach it.
        out += "<ol class=\"rerun-pairs\" id=\"rerun-pairs\" tabindex=\"0\" aria-label=\"Training progress, one line per run and seed\" hidden></ol>\n"
        out += "<div id=\"rerun-changes\" hidden></div>\n"
        return out + "</details>\n"
    }
}
