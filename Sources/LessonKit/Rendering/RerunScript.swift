/// `assets/rerun.js`: the "Rerun in your browser" panel (`BrowserRerunPanel`).
///
/// It only moves bytes and drives the page: the reader's values go to the plan's
/// resolver in `lessons.wasm`, the changed (run, seed) pairs train there (one Web
/// Worker per pair at a time, up to the core count), the module assembles the new
/// `results.json` and renders the results sections, and the script swaps them in.
/// Every file comes as a script of the site (`assets/lessons-wasm.js`,
/// `<lesson>/rerun-data.js`), and workers start from Blob URLs built from the host
/// code's text, so the page works from `file://` with no request outside the site.
/// Rendered HTML is parsed with `DOMParser` (inert: nothing in it runs) and adopted;
/// everything else the script writes is text content.
enum RerunScript {
    static let source = #"""
    // lessons: rerun this lesson in the browser, in lessons.wasm (see the README's "Rerun in your browser").
    (function () {
      "use strict";
      var panel = document.getElementById("rerun-browser");
      if (!panel || !window.Worker || !window.WebAssembly || !window.DOMParser) return;
      var form = document.getElementById("rerun-form"), status = document.getElementById("rerun-status");
      var errorBox = document.getElementById("rerun-error"), errorText = document.getElementById("rerun-error-text");
      var list = document.getElementById("rerun-pairs"), changes = document.getElementById("rerun-changes");
      var cancelButton = document.getElementById("rerun-cancel"), backButton = document.getElementById("rerun-back");
      var fields = Array.prototype.slice.call(form.querySelectorAll("input, select"));
      // For tests and the curious: the state, the last rendering (the module's JSON text), timings,
      // and the new dataset previews' Blob URLs by the path the page's images name.
      var api = window.lessonsRerun = { state: "idle", rendered: null, results: null, timings: {}, trained: 0, previews: {} };
      var loaded = null, coordinator = null, trainers = [], published = {}, original = {}, extra = [], run = 0, ticker = 0;
      panel.hidden = false;

      function setState(state) { api.state = state; panel.setAttribute("data-state", state); }
      function say(text) { status.textContent = text; }
      function seconds(ms) { return ms < 10000 ? (ms / 1000).toFixed(1) + " s" : Math.round(ms / 1000) + " s"; }

      function showError(text, parameter) {
        errorText.textContent = text;
        errorBox.hidden = false;
        fields.forEach(function (f) {
          if (f.name === parameter) { f.setAttribute("aria-invalid", "true"); f.setAttribute("aria-describedby", "rerun-error-text"); }
        });
      }
      function clearError() {
        errorBox.hidden = true;
        errorText.textContent = "";
        fields.forEach(function (f) { f.removeAttribute("aria-invalid"); f.removeAttribute("aria-describedby"); });
      }

      // A script of the site, added on demand: the one way to read a sibling file from file://.
      function loadScript(src, missing) {
        return new Promise(function (resolve, reject) {
          var s = document.createElement("script");
          s.src = src;
          s.onload = resolve;
          s.onerror = function () { reject(new Error(src + " did not load: " + (missing || "is it on the site? `make wasm` writes the module"))); };
          document.head.appendChild(s);
        });
      }
      function fromBase64(text) {
        if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
        var raw = atob(text), bytes = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
        return bytes;
      }
      function load() {
        if (!loaded) {
          var start = performance.now();
          loaded = Promise.all([loadScript(panel.getAttribute("data-module")), loadScript(panel.getAttribute("data-data"))])
            .then(function () {
              var wasm = self.lessonsWasm, data = self.lessonsRerunData;
              if (!wasm || !data) throw new Error("the module or the lesson's rerun data is missing");
              var scripts = performance.now();
              // A classic worker: Chromium refuses module workers from a file:// page's Blob URLs, so the
              // host module's top-level `export` keywords go (its code is otherwise unchanged).
              var host = new TextDecoder().decode(fromBase64(wasm.host)).replace(/^export /gm, "");
              var worker = URL.createObjectURL(new Blob([host, WORKER], { type: "text/javascript" }));
              api.timings.loadScripts = scripts - start;
              // The module comes gzipped (base64 of gzip: a server's own gzip cannot shrink base64
              // as much), inflated here once for all workers.
              var inflated = new Blob([fromBase64(wasm.module)]).stream().pipeThrough(new DecompressionStream("gzip"));
              return new Response(inflated).arrayBuffer().then(function (buffer) {
                api.timings.decode = performance.now() - scripts;
                return { bytes: new Uint8Array(buffer), worker: worker, data: data };
              });
            });
          loaded.catch(function () { loaded = null; });
        }
        return loaded;
      }

    """# + RerunPipelineScript.source + RerunCardsScript.source + #"""
      // The values as `--set` pairs [name, Swift source]: every field changed from the page's
      // value (text fields quoted as Swift strings), then names the address gave that are no field.
      function setPairs() {
        var set = [];
        fields.forEach(function (f) {
          var changed = f.tagName === "SELECT" ? !f.options[f.selectedIndex].defaultSelected : f.value !== f.defaultValue;
          if (!changed) return;
          set.push([f.name, f.getAttribute("data-kind") === "text" ? JSON.stringify(f.value) : f.value]);
        });
        return set.concat(extra);
      }

      // `#set=posWeightScale=2&set=epochs=12&run`: fill the panel, and run when asked.
      function readAddress() {
        var hash = location.hash.replace(/^#/, ""), wanted = [], runNow = false;
        if (hash.indexOf("set=") !== 0 && hash !== "run" && hash.indexOf("&run") < 0) return false;
        hash.split("&").forEach(function (part) {
          if (part === "run") { runNow = true; return; }
          if (part.indexOf("set=") !== 0) return;
          var pair = part.slice(4), eq = pair.indexOf("=");
          try {
            wanted.push(eq < 0 ? [decodeURIComponent(pair), ""] : [decodeURIComponent(pair.slice(0, eq)), decodeURIComponent(pair.slice(eq + 1))]);
          } catch (e) {
            wanted.push([pair, ""]);
          }
        });
        extra = [];
        wanted.forEach(function (w) {
          var field = fields.filter(function (f) { return f.name === w[0]; })[0];
          if (!field) { extra.push(w); return; }
          var value = w[1];
          if (field.getAttribute("data-kind") === "text" && /^".*"$/.test(value)) {
            try { value = JSON.parse(value); } catch (e) { /* keep it as typed: the resolver says what is wrong */ }
          }
          if (field.type === "number" && !/^[-+]?[0-9_.eE+-]+$/.test(value)) {
            field.type = "text";  // keep a value a number field would hide; the resolver reports it
          }
          field.value = value;
        });
        panel.open = true;
        return runNow;
      }
      function writeAddress(set) {
        var hash = set.map(function (s) { return "set=" + encodeURIComponent(s[0]) + "=" + encodeURIComponent(s[1]); }).join("&");
        history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
      }

      // The renderer's sections into the page, in place of the published ones (kept for the way back).
      function swapIn(renderedText) {
        var rendered = JSON.parse(renderedText), parser = new DOMParser();
        Object.keys(rendered.afterBlock).forEach(function (block) {
          var box = document.getElementById("block-" + block + "-results");
          if (!box) throw new Error("the page has no results after block " + block + "; it was rendered from another lesson");
          if (!(block in original)) original[block] = Array.prototype.slice.call(box.childNodes);
          var body = parser.parseFromString(rendered.afterBlock[block], "text/html").body;
          box.replaceChildren.apply(box, Array.prototype.slice.call(body.childNodes).map(function (n) { return document.adoptNode(n); }));
        });
      }
      function restore() {
        Object.keys(original).forEach(function (block) {
          var box = document.getElementById("block-" + block + "-results");
          box.replaceChildren.apply(box, original[block]);
        });
        original = {};
      }

      function stopAll() {
        clearInterval(ticker);
        trainers.forEach(function (t) { t.stop(); });
        trainers = [];
      }

      function rerun() {
        var mine = ++run, set = setPairs(), assets, engine, started = performance.now();
        stopAll();
        dropPreviews();
        clearError();
        setState("running");
        cancelButton.hidden = false;
        changes.hidden = true;
        writeAddress(set);
        say("Loading lessons.wasm…");
        return load().then(function (a) {
          assets = a;
          if (!coordinator) coordinator = new Engine(assets);
          engine = coordinator;
          say("Checking the values…");
          return publishedResolution(engine, assets.data);
        }).then(function (before) {
          return engine.ask("lessons_resolve_plan", resolveRequest(assets.data, set)).then(function (answer) {
            var resolution = resolved(answer.text);
            return { resolution: resolution, changed: resolution.pairs.filter(function (p) { return before[pairKey(p)] !== specOf(p); }) };
          });
        }).then(function (plan) {
          if (mine !== run) return null;
          // Each spec trains once, however many pairs share it (a sweep point at a run's own value).
          var unique = [], slot = {};
          plan.changed.forEach(function (p) { if (!(specOf(p) in slot)) { slot[specOf(p)] = unique.length; unique.push(p); } });
          api.trained = unique.length;
          return fashionFor(assets, unique).then(function () { return train(assets, unique, mine); }).then(function (results) {
            if (mine !== run) return null;
            say("Putting the results together…");
            var trained = {};
            plan.changed.forEach(function (p) { trained[pairKey(p)] = results[slot[specOf(p)]]; });
            // Data that changed gets its cards (and a sweep its metrics) made again.
            var moved = changedData(assets.data, plan.resolution);
            return cardsFor(engine, assets.data, moved).then(function () {
              return engine.ask("assemble", assets.data.results, assembleRequest(plan.resolution, trained, moved));
            }).then(function (assembled) { assembled.moved = moved; return assembled; });
          });
        }).then(function (assembled) {
          if (!assembled || mine !== run) return null;
          api.results = assembled.text;
          return engine.ask("render", assembled.text, contextWith(assets.data, assembled.moved)).then(function (rendered) {
            if (mine !== run) return;
            api.rendered = rendered.text;
            swapIn(rendered.text);
            return drawPreviews(panel.getAttribute("data-lesson"), assembled.moved);
          }).then(function () {
            if (mine !== run) return;
            return engine.ask("changes", assets.data.results, assembled.text).then(function (view) { showChanges(view.text); });
          });
        }).then(function () {
          if (mine !== run) return;
          cancelButton.hidden = true;
          backButton.hidden = false;
          api.timings.total = performance.now() - started;
          say("Done in " + seconds(api.timings.total) + ": " + api.trained + " (run, seed) "
            + (api.trained === 1 ? "pair" : "pairs") + " trained here; the results below are this rerun’s.");
          setState("done");
        }).catch(function (error) {
          if (mine !== run) return;
          stopAll();
          cancelButton.hidden = true;
          showError(String(error && error.message || error), error && error.parameter);
          say("The rerun stopped: see the error. The page still shows the results it showed before.");
          setState("error");
        });
      }

      function showChanges(html) {
        var body = new DOMParser().parseFromString(html, "text/html").body;
        changes.replaceChildren.apply(changes, Array.prototype.slice.call(body.childNodes).map(function (n) { return document.adoptNode(n); }));
        changes.hidden = false;
      }

      form.addEventListener("submit", function (e) { e.preventDefault(); rerun(); });
      cancelButton.addEventListener("click", function () {
        run++;
        stopAll();
        if (coordinator) { coordinator.stop(); coordinator = null; }
        cancelButton.hidden = true;
        say("Cancelled. The results below are the ones shown before.");
        setState("idle");
      });
      backButton.addEventListener("click", function () {
        run++;
        stopAll();
        restore();
        dropPreviews();
        form.reset();
        extra = [];
        clearError();
        changes.hidden = true;
        list.hidden = true;
        backButton.hidden = true;
        writeAddress([]);
        say("Back to the published results.");
        setState("idle");
      });
      if (readAddress()) rerun();
      window.addEventListener("hashchange", function () { if (readAddress()) rerun(); });
    })();

    """#
}
