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

    /// Panel, error box and "what changed" styles, on the site's palette variables.
    static let stylesheet = """
    /* ===== lessons preview only (never part of site/assets/style.css) ===== */
    .preview-panel, .preview-error, .preview-changes { background: var(--surface); border: 1px solid var(--border);
      border-radius: var(--radius); padding: 0.9rem 1.2rem; margin: 0 0 1.4rem; }
    .preview-panel { border-color: var(--accent); }
    .preview-panel h2, .preview-error h2, .preview-changes h2 { font-family: var(--sans); font-size: 0.8rem;
      letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); border: 0; margin: 0 0 0.5rem; padding: 0; }
    .preview-note { margin: 0 0 0.7rem; font-size: 0.9rem; color: var(--muted); }
    .preview-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.7rem 1rem; }
    .preview-field { display: flex; flex-direction: column; gap: 0.2rem; min-width: 0; }
    .preview-field label { font-size: 0.9rem; }
    .preview-field:has(.preview-swift) { grid-column: 1 / -1; }
    .preview-field.overridden label code { border-color: var(--warn); }
    .preview-type, .preview-default { color: var(--muted); font-size: 0.8rem; }
    .preview-field input, .preview-field select { font: 0.95rem var(--mono); color: var(--text); background: var(--bg);
      border: 1px solid var(--border); border-radius: 6px; padding: 0.35rem 0.5rem; width: 100%; min-width: 0; }
    .preview-field input:focus, .preview-field select:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
    .preview-actions { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0.9rem 0 0; }
    .preview-actions button { font: 600 0.95rem var(--sans); border-radius: 6px; padding: 0.45rem 0.9rem; cursor: pointer;
      background: var(--accent); color: var(--surface); border: 1px solid var(--accent); }
    .preview-actions button.preview-secondary { background: transparent; color: var(--accent); }
    .preview-actions button[aria-busy="true"] { opacity: 0.6; }
    .preview-progress { margin: 0.8rem 0 0; max-height: 12rem; overflow: auto; font-size: 0.8rem;
      background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 0.7rem; }
    .preview-error { border-color: var(--fail); background: var(--fail-bg); }
    .preview-error pre { overflow-x: auto; margin: 0 0 0.6rem; font-size: 0.85rem; color: var(--text); }
    .preview-stale { border: 1px solid var(--warn); background: var(--warn-bg); border-radius: var(--radius);
      padding: 0.6rem 1rem; margin: 0 0 1.4rem; }
    .preview-scroll { overflow-x: auto; margin: 0 0 0.8rem; }
    .preview-table { border-collapse: collapse; font-size: 0.88rem; min-width: 100%; }
    .preview-table caption { text-align: left; font-weight: 600; padding: 0 0 0.3rem; }
    .preview-table th, .preview-table td { text-align: left; padding: 0.25rem 0.7rem 0.25rem 0; border-bottom: 1px solid var(--border);
      vertical-align: top; }
    .preview-table tr.flipped td { background: var(--warn-bg); }
    .preview-table tr.preview-run td { border-top: 1px solid var(--muted); }
    .preview-per-label { margin: 0 0 0.8rem; }
    .preview-per-label summary { cursor: pointer; color: var(--accent); font-size: 0.9rem; }
    .preview-better, .preview-held { color: var(--pass); }
    .preview-worse, .preview-failed { color: var(--fail); }
    .preview-flipped { color: var(--warn); }
    .preview-absent { color: var(--muted); }
    /* ===== end of lessons preview ===== */

    """
}
