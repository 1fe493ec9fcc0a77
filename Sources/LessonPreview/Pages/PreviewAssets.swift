/// The preview's own script and stylesheet, served at `/_preview/…` and linked
/// only from preview responses: files written to `site/` never load them.
enum PreviewAssets {
    static let scriptPath = "/_preview/preview.js"
    static let stylesheetPath = "/_preview/preview.css"
    static let eventsPath = "/_preview/events"

    /// Reloads the page when its lesson was rebuilt (a `reload` event naming it;
    /// any rebuild on other pages) and shows run progress as it streams in.
    static let script = """
    // lessons preview: live reload and run progress (served by `lessons preview` only).
    (function () {
      "use strict";
      var panel = document.querySelector("[data-preview-lesson]");
      var lesson = panel ? panel.getAttribute("data-preview-lesson") : null;
      var log = document.getElementById("preview-progress");
      var submitting = false;
      function show(line) {
        if (!log) return;
        log.hidden = false;
        log.textContent += line + "\\n";
        log.scrollTop = log.scrollHeight;
      }
      var form = document.getElementById("preview-form");
      if (form) {
        form.addEventListener("submit", function () {
          submitting = true;
          if (log) log.textContent = "";
          show("Running with these values…");
          var buttons = form.querySelectorAll("button");
          for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-busy", "true");
        });
      }
      if (!window.EventSource) return;
      var events = new EventSource("\(eventsPath)");
      events.addEventListener("progress", function (e) {
        var tab = e.data.indexOf("\\t");
        if (!lesson || e.data.slice(0, tab) === lesson) show(e.data.slice(tab + 1));
      });
      events.addEventListener("reload", function (e) {
        if (!submitting && (!lesson || e.data === lesson)) window.location.reload();
      });
    })();

    """

    /// The preview panel's own border, the progress log and the stale-page note; the fields,
    /// error box and "what changed" styles are the site's (`Stylesheet`), shared with the browser rerun.
    static let stylesheet = """
    /* ===== lessons preview only (never part of site/assets/style.css) ===== */
    .preview-panel { border-color: var(--accent); }
    .preview-progress { margin: 0.8rem 0 0; max-height: 12rem; overflow: auto; font-size: 0.8rem;
      background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 0.7rem; }
    .preview-stale { border: 1px solid var(--warn); background: var(--warn-bg); border-radius: var(--radius);
      padding: 0.6rem 1rem; margin: 0 0 1.4rem; }
    /* ===== end of lessons preview ===== */

    """
}
