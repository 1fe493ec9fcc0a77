/// The middle of `assets/rerun.js` (`RerunScript`): the Web Worker that hosts
/// `lessons.wasm` (the host code's text from `assets/lessons-wasm.js` plus a message
/// loop), the requests to the resolver and the assembly, built from texts without
/// re-reading any number, and the training pool: one pair per worker at a time, up to
/// the core count, with a line of progress per pair and the time left.
enum RerunPipelineScript {
    static let source = #"""
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

    """#
}
