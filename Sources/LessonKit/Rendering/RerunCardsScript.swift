/// The part of `assets/rerun.js` (`RerunScript`) for a rerun that changes the data: which
/// comparisons' and sweeps' datasets differ from the published resolution, their cards made
/// again in the module (`lessons_dataset_card`), the page context those cards go into, and
/// each new preview drawn from the module's pixels into a canvas and shown where the
/// re-rendered `<img>` points (the PNG `lessons run` would write is not on the site).
enum RerunCardsScript {
    static let source = #"""
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

    """#
}
