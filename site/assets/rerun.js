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
  // The worker: the host code (scripts/wasm/lessons-host.mjs) and this, as one script.
  var WORKER = "\nlet lessons = null;\n" +
    "self.onmessage = async (e) => {\n" +
    "  const m = e.data;\n" +
    "  try {\n" +
    "    if (!lessons) { lessons = await loadLessons(m.bytes); }\n" +
    "    if (m.fashion) { await lessons.fashionImages(m.fashion); }\n" +
    "    const start = performance.now();\n" +
    "    const answer = m.op === 'pair' ? lessons.runPair(m.text) : m.op === 'render' ? lessons.renderResults(m.text, m.context)\n" +
    "      : m.op === 'changes' ? lessons.renderChanges(m.text, m.context)\n" +
    "      : m.op === 'assemble' ? lessons.assembleResults(m.text, m.context)\n" +
    "      : m.op === 'card' ? lessons.datasetCard(m.text, m.context)\n" +
    "      : lessons.entry(m.op, m.text);\n" +
    "    const text = typeof answer === 'string' ? answer : answer.card, pixels = answer.pixels;\n" +
    "    self.postMessage({ id: m.id, text, pixels, ms: performance.now() - start }, pixels ? [pixels.buffer] : []);\n" +
    "  } catch (error) {\n" +
    "    self.postMessage({ id: m.id, error: String(error && error.message || error), status: error && error.status });\n" +
    "  }\n" +
    "};\n";

  // One module instance in one worker; ask(op, text) answers with the entry point's text.
  function Engine(assets) {
    var worker = new Worker(assets.worker), waiting = {}, next = 0, fashionSent = false;
    worker.onmessage = function (e) {
      var w = waiting[e.data.id];
      delete waiting[e.data.id];
      if (e.data.error !== undefined) { var error = new Error(e.data.error); error.status = e.data.status; w.reject(error); }
      else w.resolve(e.data);
    };
    worker.onerror = function (e) {
      var why = e.message || "it did not start (does the browser allow Web Workers from this page?)";
      Object.keys(waiting).forEach(function (id) { waiting[id].reject(new Error("the worker failed: " + why)); });
      waiting = {};
    };
    this.ask = function (op, text, context) {
      var id = ++next;
      return new Promise(function (resolve, reject) {
        waiting[id] = { resolve: resolve, reject: reject };
        // Fashion-MNIST goes with a worker's first call that may draw mosaics, once loaded (a copy
        // per worker; the module keeps them).
        var fashion = /^(pair|assemble|card)$/.test(op) && assets.fashion && !fashionSent ? assets.fashion : undefined;
        if (fashion) fashionSent = true;
        worker.postMessage({ id: id, op: op, text: text, context: context, bytes: id === 1 ? assets.bytes : undefined, fashion: fashion });
      });
    };
    this.stop = function () { worker.terminate(); };
  }

  // The resolver's answer: its located errors, or the resolved parameters and claims and every
  // (run, seed) pair with its spec (what lessons_assemble_results reads back, see `Rerun`).
  function resolved(text) {
    var answer = JSON.parse(text);
    if (answer.errors && answer.errors.length) {
      // Located as `lessons run` prints them: the resolver says "51:5: …", the page adds its file.
      var error = new Error(answer.errors.map(function (e) {
        var message = e.message || String(e);
        return /^[0-9]+:[0-9]+: /.test(message) ? panel.getAttribute("data-file") + ":" + message : message;
      }).join("\n"));
      error.parameter = answer.errors[0].parameter;
      throw error;
    }
    return answer;
  }
  function pairKey(p) { return JSON.stringify([p.comparison, p.sweep, p.point, p.run, p.seed]); }
  function pairName(p) {
    return "run ‘" + p.run + "’" + (p.seed !== undefined ? ", seed " + p.seed : "") + (p.point !== undefined ? ", point " + p.point : "");
  }
  // What makes two resolutions of a pair the same run: its spec's hash (the cache key), else the spec.
  function specOf(p) { return p.specHash !== undefined ? p.specHash : JSON.stringify(p.spec); }
  // lessons_run_pair's request for a pair: the resolver's, or its run and dataset.
  function pairRequest(p) {
    if (p.request !== undefined) return typeof p.request === "string" ? p.request : JSON.stringify(p.request);
    return JSON.stringify({ run: p.spec, dataset: p.dataset });
  }
  // lessons_resolve_plan's request: the plan, the values, and for mosaics the published
  // fingerprints of their files (results.json's dataFiles, as is), which key them.
  function resolveRequest(data, set) {
    if (published.dataFiles === undefined) published.dataFiles = JSON.stringify(JSON.parse(data.results).dataFiles || null);
    return "{\"plan\": " + data.plan + ", \"set\": " + JSON.stringify(set)
      + (published.dataFiles !== "null" ? ", \"dataFiles\": " + published.dataFiles : "") + "}";
  }
  function publishedResolution(engine, data) {
    if (published.pairs) return Promise.resolve(published.pairs);
    return engine.ask("lessons_resolve_plan", resolveRequest(data, [])).then(function (answer) {
      published.pairs = {};
      var resolution = resolved(answer.text);
      resolution.pairs.forEach(function (p) { published.pairs[pairKey(p)] = specOf(p); });
      published.datasets = placedDatasets(resolution);
      return published.pairs;
    });
  }
  // How long each published pair took to train and evaluate (natively), by pair: the first
  // time estimate. Read once from results.json, for the panel's wording only.
  var WASM_SLOWER = 2.5, secondsByPair = null;
  function publishedSeconds(data) {
    if (secondsByPair) return secondsByPair;
    secondsByPair = {};
    try {
      JSON.parse(data.results).comparisons.forEach(function (c, i) {
        c.runs.forEach(function (r) {
          (r.seeds || []).forEach(function (s) {
            var t = s.result && s.result.timings;
            if (t) secondsByPair[pairKey({ comparison: i, run: r.name, seed: s.seed })] = t.trainSeconds + t.evaluateSeconds;
          });
        });
      });
    } catch (e) { /* no guess then: the estimate waits for the first pair */ }
    return secondsByPair;
  }
  // lessons_assemble_results's request: the resolved parameters and claims, every pair, and
  // each retrained pair's RunResult text as the worker returned it (never parsed here).
  function assembleRequest(answer, trained, data) {
    var pairs = answer.pairs.map(function (p) {
      var q = {};
      Object.keys(p).forEach(function (k) { if (k !== "request") q[k] = p[k]; });
      var text = JSON.stringify(q), result = trained[pairKey(p)];
      return result === undefined ? text : text.slice(0, -1) + ", \"result\": " + result + "}";
    });
    return "{\"parameters\": " + JSON.stringify(answer.parameters) + ", \"claims\": " + JSON.stringify(answer.claims)
      + ", \"pairs\": [" + pairs.join(", ") + "]"
      + (data.length ? ", \"data\": [" + data.map(function (d) { return d.entry; }).join(", ") + "]" : "") + "}";
  }

  // Fashion-MNIST, when a pair to train draws mosaics from it: assets/fashion-mnist.js (the
  // gzipped items in base64, 41 MB), loaded once and only then; the workers inflate it.
  function fashionFor(assets, pairs) {
    if (assets.fashion || !pairs.some(function (p) { return pairRequest(p).indexOf("\"fashionMosaics\"") >= 0; })) return Promise.resolve();
    say("Loading the Fashion-MNIST images (41 MB)…");
    var start = performance.now(), src = panel.getAttribute("data-fashion");
    return loadScript(src, "the Fashion-MNIST images this lesson draws from are not on the site (`lessons fashion-asset` writes them)")
      .then(function () {
        if (typeof self.lessonsFashion !== "string") throw new Error(src + " holds no Fashion-MNIST images");
        assets.fashion = fromBase64(self.lessonsFashion);
        delete self.lessonsFashion;
        api.timings.loadFashion = performance.now() - start;
      });
  }

  // Trains `pairs`, one worker per pair at a time, up to the core count; progress per pair.
  function train(assets, pairs, mine) {
    var slots = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, pairs.length)), queue = pairs.slice();
    var results = [], done = 0, times = [], started = performance.now(), rows = [];
    var guess = pairs.reduce(function (sum, p) { return sum + (publishedSeconds(assets.data)[pairKey(p)] || 0); }, 0);
    while (list.firstChild) list.removeChild(list.firstChild);
    list.hidden = pairs.length === 0;
    pairs.forEach(function (p, i) {
      var row = document.createElement("li");
      row.textContent = pairName(p) + ": waiting";
      list.appendChild(row);
      rows[i] = { row: row, pair: p, start: 0 };
    });
    function estimate() {
      if (mine !== run) return;
      var running = rows.filter(function (r) { return r.start && !r.done; });
      running.forEach(function (r) { r.row.textContent = pairName(r.pair) + ": training, " + seconds(performance.now() - r.start); });
      var left = pairs.length - done, line = "Training " + left + " of " + pairs.length + " (run, seed) pairs in " + slots
        + (slots === 1 ? " worker" : " workers") + ", " + seconds(performance.now() - started) + " so far";
      var elapsed = running.length ? performance.now() - Math.min.apply(null, running.map(function (r) { return r.start; })) : 0;
      if (times.length) {
        var mean = times.reduce(function (a, b) { return a + b; }, 0) / times.length;
        line += "; about " + seconds(Math.max(0, Math.ceil(left / slots) * mean - elapsed)) + " left";
      } else if (guess > 0) {
        // Before a pair is done: the published pairs' own times, as slow as wasm runs here (README).
        line += "; about " + seconds(Math.max(0, guess * WASM_SLOWER * 1000 / slots - elapsed)) + " left (a first guess)";
      }
      say(line + ".");
    }
    ticker = setInterval(estimate, 1000);
    function worker() {
      var engine = new Engine(assets);
      trainers.push(engine);
      function nextPair() {
        var index = pairs.length - queue.length, pair = queue.shift();
        if (!pair || mine !== run) { engine.stop(); return Promise.resolve(); }
        rows[index].start = performance.now();
        estimate();
        return engine.ask("pair", pairRequest(pair)).then(function (answer) {
          rows[index].done = true;
          rows[index].row.textContent = pairName(pair) + ": done in " + seconds(answer.ms);
          times.push(answer.ms);
          results[index] = answer.text;
          done++;
          return nextPair();
        });
      }
      return nextPair();
    }
    var workers = [];
    for (var i = 0; i < slots; i++) workers.push(worker());
    return Promise.all(workers).then(function () {
      clearInterval(ticker);
      api.timings.train = performance.now() - started;
      return results;
    }, function (error) { clearInterval(ticker); throw error; });
  }
  // The dataset each comparison and each sweep trains on, as text: a comparison's first pair's,
  // a sweep's first point's (what lessons_assemble_results's `data` names).
  function placedDatasets(resolution) {
    var out = { comparisons: {}, sweeps: {} };
    resolution.pairs.forEach(function (p) {
      if (p.comparison !== undefined && !(p.comparison in out.comparisons)) out.comparisons[p.comparison] = datasetText(p);
      if (p.sweep !== undefined && p.point === 0 && !(p.sweep in out.sweeps)) out.sweeps[p.sweep] = datasetText(p);
    });
    return out;
  }
  function datasetText(p) { return JSON.stringify(JSON.parse(pairRequest(p)).dataset); }
  // A sweep that names no metrics plots the default ones, which follow the data's rarest label.
  function plotsDefaultMetrics(data, sweep) {
    var declared = JSON.parse(data.plan).sweeps[sweep], args = declared && declared.value.call ? declared.value.call.arguments : [];
    var metrics = args.filter(function (a) { return a.name === "metrics"; })[0];
    return !metrics || metrics.value.nil === true;
  }
  // The data that changed: [{comparison|sweep, dataset, entry}] (`entry` is the request's text).
  function changedData(data, resolution) {
    var now = placedDatasets(resolution), out = [];
    Object.keys(now.comparisons).forEach(function (i) {
      if (now.comparisons[i] !== published.datasets.comparisons[i]) out.push({ comparison: +i, dataset: now.comparisons[i] });
    });
    Object.keys(now.sweeps).forEach(function (i) {
      if (now.sweeps[i] !== published.datasets.sweeps[i] && plotsDefaultMetrics(data, i)) out.push({ sweep: +i, dataset: now.sweeps[i] });
    });
    out.forEach(function (d) {
      d.entry = "{\"" + (d.sweep === undefined ? "comparison\": " + d.comparison : "sweep\": " + d.sweep) + ", \"dataset\": " + d.dataset + "}";
    });
    return out;
  }
  // Each changed dataset's card, made once per dataset: {text, card (parsed), pixels}.
  function cardsFor(engine, data, changed) {
    var byDataset = {};
    return changed.reduce(function (chain, d) {
      return chain.then(function () {
        if (byDataset[d.dataset]) { d.card = byDataset[d.dataset]; return; }
        return engine.ask("card", data.results, "{\"dataset\": " + d.dataset + "}").then(function (answer) {
          d.card = byDataset[d.dataset] = { card: JSON.parse(answer.text), pixels: answer.pixels };
        });
      });
    }, Promise.resolve()).then(function () { return changed; });
  }
  // The page context with the new cards (their summary and preview) and sweep metrics.
  function contextWith(data, changed) {
    if (!changed.length) return data.context;
    var context = JSON.parse(data.context);
    changed.forEach(function (d) {
      var card = d.card.card;
      if (d.sweep !== undefined) { context.sweeps[d.sweep].metrics = card.sweepMetrics; return; }
      var page = context.comparisons[d.comparison];
      page.dataset = card.summary;
      if (card.preview) page.preview = card.preview; else delete page.preview;
    });
    return JSON.stringify(context);
  }
  // Each new preview drawn from its pixels (gray or RGB, row-major) and shown in the images
  // that point to it; the Blob URLs go when the page goes back or reruns.
  var previewURLs = [];
  function drawPreviews(lessonID, changed) {
    changed.forEach(function (d) {
      var card = d.card.card, grid = card.grid;
      if (d.comparison === undefined || !grid || !card.preview || d.card.url) return;
      var canvas = document.createElement("canvas");
      canvas.width = grid.width;
      canvas.height = grid.height;
      var g = canvas.getContext("2d"), image = g.createImageData(grid.width, grid.height), from = d.card.pixels;
      for (var i = 0, n = grid.width * grid.height; i < n; i++) {
        var c = grid.channels === 3 ? 3 * i : i;
        image.data[4 * i] = from[c];
        image.data[4 * i + 1] = from[grid.channels === 3 ? c + 1 : c];
        image.data[4 * i + 2] = from[grid.channels === 3 ? c + 2 : c];
        image.data[4 * i + 3] = 255;
      }
      g.putImageData(image, 0, 0);
      d.card.url = new Promise(function (resolve) { canvas.toBlob(resolve, "image/png"); }).then(function (blob) {
        var url = URL.createObjectURL(blob), src = lessonID + "/" + card.preview;
        previewURLs.push(url);
        api.previews[src] = url;
        Array.prototype.forEach.call(document.images, function (img) { if (img.getAttribute("src") === src) img.src = url; });
      });
    });
    return Promise.all(changed.map(function (d) { return d.card && d.card.url; }));
  }
  function dropPreviews() {
    previewURLs.forEach(function (url) { URL.revokeObjectURL(url); });
    previewURLs = [];
    api.previews = {};
  }
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
