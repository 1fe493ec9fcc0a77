/// The site's one script (`assets/search.js`): search across the lessons and the
/// reference, whole words, from an index written at build time and carried in the
/// script itself (so it works from `file://`); and the contents entry of the section
/// being read marked (`aria-current`). Pages are whole
/// without it: the search box is `hidden` until the script shows it, and results
/// are built as elements with text content, never as markup.
enum SearchScript {
    static let path = "assets/search.js"

    static func source(indexJSON: String) -> String {
        prefix + "  var INDEX = " + indexJSON + ";\n" + body
    }

    private static let prefix = """
    // lessons: search across the course and its reference.
    (function () {
      "use strict";

    """

    private static let body = #"""
      var LIMIT = 10;

      function words(text) {
        return text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(function (w) { return w.length > 0; });
      }

      // A term matches whole words; the last term typed (3 letters or more) also the
      // words it begins, so results come while typing. "ece" never matches "receives".
      function matcher(term, isLast) {
        var prefix = isLast && term.length >= 3;
        return function (word) { return prefix ? word.lastIndexOf(term, 0) === 0 : word === term; };
      }

      function search(query) {
        var terms = words(query);
        if (terms.length === 0) return [];
        var tests = terms.map(function (t, i) { return matcher(t, i === terms.length - 1); });
        var hits = [];
        INDEX.pages.forEach(function (page) {
          page.sections.forEach(function (section) {
            var heading = words(page.title + " " + section.heading), text = section.words || (section.words = words(section.text));
            var score = 0;
            for (var i = 0; i < tests.length; i++) {
              var inHeading = heading.some(tests[i]), count = text.filter(tests[i]).length;
              if (!inHeading && count === 0) return;
              score += (inHeading ? 10 : 0) + Math.min(count, 10);
            }
            hits.push({ page: page, section: section, score: score, test: tests[0] });
          });
        });
        hits.sort(function (a, b) { return b.score - a.score; });
        return hits;
      }

      // The snippet around the first matching word, that word in <mark>.
      function snippet(text, test, into) {
        var re = /[\p{L}\p{N}_]+/gu, m, at = -1, length = 0;
        while ((m = re.exec(text)) !== null) {
          if (test(m[0].toLowerCase())) { at = m.index; length = m[0].length; break; }
        }
        if (at < 0) { into.textContent = text.slice(0, 160) + (text.length > 160 ? "…" : ""); return; }
        var start = Math.max(0, at - 60), end = Math.min(text.length, at + 100);
        into.appendChild(document.createTextNode((start > 0 ? "…" : "") + text.slice(start, at)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(at, at + length);
        into.appendChild(mark);
        into.appendChild(document.createTextNode(text.slice(at + length, end) + (end < text.length ? "…" : "")));
      }

      function show(list, status, query) {
        while (list.firstChild) list.removeChild(list.firstChild);
        var hits = search(query), shown = hits.slice(0, LIMIT);
        status.textContent = query.trim() === "" ? "" : hits.length === 0 ? "Nothing on this site mentions that."
          : hits.length <= LIMIT ? hits.length + (hits.length === 1 ? " section" : " sections")
          : "The best " + LIMIT + " of " + hits.length + " sections";
        shown.forEach(function (hit) {
          var item = document.createElement("li"), link = document.createElement("a"), note = document.createElement("span");
          link.href = hit.page.page + (hit.section.id ? "#" + hit.section.id : "");
          link.textContent = hit.page.title + (hit.section.id ? " › " + hit.section.heading : "");
          snippet(hit.section.text, hit.test, note);
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
        // A click elsewhere closes the results (the query stays, focus brings them back).
        document.addEventListener("click", function (event) {
          if (!form.contains(event.target)) { while (list.firstChild) list.removeChild(list.firstChild); status.textContent = ""; }
        });
        input.addEventListener("focus", function () { if (input.value) show(list, status, input.value); });
      }

      // The contents entry of the section being read: the last heading above the top of the window.
      function currentSection(tops, line) {
        var at = -1;
        for (var i = 0; i < tops.length; i++) if (tops[i] <= line) at = i;
        return at;
      }

      function setUpContents() {
        var links = Array.prototype.slice.call(document.querySelectorAll(".toc a[href^='#']"));
        var targets = links.map(function (a) { return document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1))); });
        if (links.length === 0) return;
        var waiting = false;
        function update() {
          waiting = false;
          var at = currentSection(targets.map(function (t) { return t ? t.getBoundingClientRect().top : Infinity; }), 96);
          links.forEach(function (a, i) { if (i === at) a.setAttribute("aria-current", "location"); else a.removeAttribute("aria-current"); });
        }
        window.addEventListener("scroll", function () {
          if (!waiting) { waiting = true; window.requestAnimationFrame(update); }
        }, { passive: true });
        update();
      }

      // Under node (the tests), the logic is exported; a page never has `module`.
      if (typeof module === "object" && module.exports) {
        module.exports = { search: search, show: show, currentSection: currentSection };
        return;
      }
      function start() { setUp(); setUpContents(); }
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
      else start();
    })();

    """#
}
