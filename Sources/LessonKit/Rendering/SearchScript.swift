/// The site's one script (`assets/search.js`): search across the lessons, from
/// an index written at build time and carried in the script itself (so it works
/// from `file://`), and the data tables of charts opened while printing. Pages are whole
/// without it: the search box is `hidden` until the script shows it, and results
/// are built as elements with text content, never as markup.
enum SearchScript {
    static let path = "assets/search.js"

    static func source(indexJSON: String) -> String {
        prefix + "  var INDEX = " + indexJSON + ";\n" + body
    }

    private static let prefix = """
    // lessons: search across the course, and details opened for printing.
    (function () {
      "use strict";

    """

    private static let body = #"""
      function words(text) {
        return text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(function (w) { return w.length > 0; });
      }

      function search(query) {
        var terms = words(query);
        if (terms.length === 0) return [];
        var hits = [];
        INDEX.pages.forEach(function (page) {
          page.sections.forEach(function (section) {
            var heading = (page.title + " " + section.heading).toLowerCase();
            var text = section.text.toLowerCase();
            var score = 0;
            for (var i = 0; i < terms.length; i++) {
              var inHeading = heading.indexOf(terms[i]) >= 0, count = text.split(terms[i]).length - 1;
              if (!inHeading && count === 0) return;
              score += (inHeading ? 10 : 0) + Math.min(count, 10);
            }
            hits.push({ page: page, section: section, score: score, term: terms[0] });
          });
        });
        hits.sort(function (a, b) { return b.score - a.score; });
        return hits.slice(0, 10);
      }

      function snippet(text, term) {
        var at = Math.max(0, text.toLowerCase().indexOf(term) - 60);
        return (at > 0 ? "…" : "") + text.slice(at, at + 160) + (at + 160 < text.length ? "…" : "");
      }

      function show(list, status, query) {
        while (list.firstChild) list.removeChild(list.firstChild);
        var hits = search(query);
        status.textContent = query.trim() === "" ? "" : hits.length === 0 ? "No lesson mentions that."
          : hits.length + (hits.length === 1 ? " result" : " results");
        hits.forEach(function (hit) {
          var item = document.createElement("li"), link = document.createElement("a"), note = document.createElement("span");
          link.href = hit.page.page + (hit.section.id ? "#" + hit.section.id : "");
          link.textContent = hit.page.title + (hit.section.id ? " › " + hit.section.heading : "");
          note.textContent = snippet(hit.section.text, hit.term);
          item.appendChild(link);
          item.appendChild(note);
          list.appendChild(item);
        });
      }

      function setUp() {
        var form = document.getElementById("site-search");
        if (!form) return;
        var input = form.querySelector("input"), list = form.querySelector("ul"), status = form.querySelector("p");
        form.hidden = false;
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          var first = list.querySelector("a");
          if (first) window.location.href = first.href;
        });
        input.addEventListener("input", function () { show(list, status, input.value); });
        input.addEventListener("keydown", function (event) {
          if (event.key === "Escape") { input.value = ""; show(list, status, ""); }
        });
      }

      var opened = [];
      window.addEventListener("beforeprint", function () {
        document.querySelectorAll("details.numbers:not([open]):not(.long)").forEach(function (d) { d.open = true; opened.push(d); });
      });
      window.addEventListener("afterprint", function () {
        opened.forEach(function (d) { d.open = false; });
        opened = [];
      });

      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
      else setUp();
    })();

    """#
}
