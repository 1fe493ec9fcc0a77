/// The one page shell every page of the site shares: head, site header, main, footer.
///
/// Links are relative (`assets/style.css`, `index.html`), so a site works from
/// `file://` and from any static host; nothing is loaded from elsewhere.
public enum PageTemplate {
    static let stylesheetPath = "assets/style.css"
    /// Marks a page as rendered by lessons (so a later build may replace it).
    static let generatorMark = "<meta name=\"generator\" content=\"lessons\">"
    /// The `<meta>` that records which lesson source a page was rendered from.
    public static let sourceDigestMetaName = "lessons-source"
    /// What a page may load: scripts and styles of its own site only (no inline script,
    /// no eval), WebAssembly compiled from bytes, workers from the page's own Blob URLs
    /// (the browser rerun), images of the site and its own Blob URLs (a rerun's new dataset
    /// preview), and requests only to its own origin (the preview's events).
    /// Inline styles stay allowed: charts and wrapped code lines set custom properties.
    public static let contentSecurityPolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; "
        + "worker-src blob:; style-src 'self' 'unsafe-inline'; img-src 'self' blob:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'"

    /// - Parameters: `title` and `description` are plain text; `main` and
    ///   `footer` are markup built by the renderers. `sourceDigest`, on lesson
    ///   pages, is the SHA-256 of the lesson's source, so a published page can be
    ///   checked against the lesson it claims to come from.
    public static func page(title: String, description: String?, bodyClass: String, main: String, footer: String,
                     sourceDigest: String? = nil, scripts: [String] = []) -> String {
        var head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(generatorMark)
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <meta name="color-scheme" content="light dark">
        <title>\(escapeHTML(title))</title>

        """
        if let description {
            head += "<meta name=\"description\" content=\"\(escapeHTML(description))\">\n"
        }
        if let sourceDigest {
            head += "<meta name=\"\(sourceDigestMetaName)\" content=\"sha256:\(sourceDigest)\">\n"
        }
        return head + """
        <link rel="stylesheet" href="\(stylesheetPath)">
        <script src="\(SearchScript.path)" defer></script>
        \(scripts.map { "<script src=\"\(escapeHTML($0))\" defer></script>\n" }.joined())</head>
        <body class="\(bodyClass)">
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
        <a class="brand" href="index.html"><span class="brand-mark" aria-hidden="true">◆</span> lessons</a>
        <form class="search-box" id="site-search" role="search" aria-label="Search the lessons" hidden>
        <input type="search" id="site-search-input" placeholder="Search lessons" aria-label="Search the lessons" autocomplete="off">
        <p class="search-status" aria-live="polite"></p>
        <ul class="search-results"></ul>
        </form>
        <nav class="site-nav" aria-label="Site"><a href="index.html">All lessons</a> · <a href="\(APIReferencePage.fileName)">Reference</a></nav>
        </header>
        <main id="main">
        \(main)
        </main>
        <footer class="site-footer">
        \(footer)
        </footer>
        </body>
        </html>

        """
    }
}
