/// The site's one stylesheet (`site/assets/style.css`), kept in the binary so an
/// installed `lessons` needs no resource files.
///
/// Besides page and prose styles it defines the classes the result renderers use:
/// `table.data` (+ `td.num`, `.best`), `figure.chart` (inline SVG, series colours
/// `--series-1`…`--series-8` from `Palette`), `.badge.passed|failed|not-run`,
/// `.dataset-card` (+ `.sample-grid`), `.params-panel` (+ `.overridden`),
/// `.expect-result.passed|failed`, `.result`, `.diverged`, `details.numbers`.
public enum Stylesheet {
    public static let path = PageTemplate.stylesheetPath

    public static let css = """
    /* lessons — one stylesheet, no external fonts or scripts. */
    :root {
      color-scheme: light dark;
      --bg: #fbfaf7; --surface: #ffffff; --surface-2: #f3f1ec; --text: #1d2126; --muted: #5b636d;
      --border: #dedad2; --accent: #1f5fbf; --accent-soft: #e6eefb; --code-bg: #f5f3ee;
      --pass: #1d7a46; --pass-bg: #e3f4ea; --fail: #b4232c; --fail-bg: #fbe6e7; --warn: #8a5a00; --warn-bg: #fdf1d8;
      --kw: #a626a4; --ty: #2a6f97; --num: #a1560b; --str: #2e7d32; --cm: #5c646c; --lbl: #4a4f9c; --at: #8a5a00;
      --kind-parameters: #8a5a00; --kind-expect: #1d7a46;
      \(Palette.cssVariables(dark: false))
      --radius: 10px; --measure: 46rem;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
      --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, serif;
      --mono: ui-monospace, "SF Mono", "Cascadia Code", "DejaVu Sans Mono", Menlo, Consolas, monospace;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #14171b; --surface: #1b1f24; --surface-2: #21262d; --text: #e4e6ea; --muted: #9aa3ad;
        --border: #30363d; --accent: #7fb0ff; --accent-soft: #1d2a3d; --code-bg: #1e2329;
        --pass: #6fd49a; --pass-bg: #183325; --fail: #ff8a8f; --fail-bg: #3a1d20; --warn: #f0c46c; --warn-bg: #3a2f16;
        --kw: #e38bdf; --ty: #7cc4ef; --num: #f0a35c; --str: #8fd18f; --cm: #8b949e; --lbl: #a9adf5; --at: #f0c46c;
        \(Palette.cssVariables(dark: true))
        --kind-parameters: #f0c46c; --kind-expect: #6fd49a;
      }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--text); font: 17px/1.65 var(--sans);
      min-height: 100vh; display: flex; flex-direction: column; }
    body > main { flex: 1 0 auto; }
    a { color: var(--accent); text-underline-offset: 0.18em; }
    a:hover { text-decoration-thickness: 2px; }
    img, svg { max-width: 100%; height: auto; }
    code, pre, kbd { font-family: var(--mono); font-size: 0.88em; }
    :not(pre) > code { background: var(--code-bg); border: 1px solid var(--border); border-radius: 4px; padding: 0.05em 0.3em;
      overflow-wrap: break-word; }
    p, li, td, th, dd, dt, figcaption, summary { overflow-wrap: break-word; }
    .skip-link { position: absolute; left: -999px; }
    .skip-link:focus { left: 1rem; top: 1rem; background: var(--surface); padding: 0.5rem; z-index: 10; }

    /* Site frame */
    .site-header { display: flex; align-items: center; justify-content: space-between; gap: 1rem;
      padding: 0.8rem clamp(1rem, 4vw, 2.5rem); border-bottom: 1px solid var(--border); background: var(--surface); }
    .brand { font-weight: 700; letter-spacing: 0.02em; color: var(--text); text-decoration: none; font-size: 1.05rem; }
    .brand-mark { color: var(--accent); }
    .site-nav a { color: var(--muted); text-decoration: none; font-size: 0.95rem; }
    .site-nav a:hover { color: var(--accent); }
    .site-header { position: relative; flex-wrap: wrap; }
    .search-box { flex: 1 1 12rem; max-width: 22rem; margin: 0 0 0 auto; }
    .site-nav { order: 2; }
    .search-box input { width: 100%; font: inherit; font-size: 0.95rem; padding: 0.3rem 0.6rem; color: var(--text);
      background: var(--bg); border: 1px solid var(--border); border-radius: 6px; }
    .search-status { margin: 0; font-size: 0.8rem; color: var(--muted); }
    .search-status:empty { display: none; }
    .search-results { list-style: none; margin: 0; padding: 0; position: absolute; z-index: 20; right: clamp(1rem, 4vw, 2.5rem);
      width: min(32rem, calc(100vw - 2rem)); background: var(--surface); border-radius: var(--radius); box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); }
    .search-results li { padding: 0.5rem 0.9rem; border-bottom: 1px solid var(--border); font-size: 0.9rem; }
    .search-results li span { display: block; color: var(--muted); font-size: 0.82rem; }
    .search-results mark { background: var(--accent-soft); color: var(--text); font-weight: 600; }
    .search-results:not(:empty) { max-height: 70vh; overflow-y: auto; }
    main { padding: 2rem clamp(1rem, 4vw, 2.5rem) 3rem; }
    .page { max-width: var(--measure); margin: 0 auto; }
    .site-footer { border-top: 1px solid var(--border); color: var(--muted); font-size: 0.88rem;
      padding: 1.2rem clamp(1rem, 4vw, 2.5rem); text-align: center; }
    .site-footer p { margin: 0; }

    /* Lesson header */
    .lesson-header { margin-bottom: 1.5rem; }
    .lesson-number { margin: 0; color: var(--muted); font-size: 0.85rem; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; }
    h1, h2, h3, h4 { font-family: var(--serif); line-height: 1.25; font-weight: 700; }
    h1 { font-size: clamp(1.9rem, 5vw, 2.6rem); margin: 0.2rem 0 0.6rem; }
    h2 { font-size: 1.55rem; margin: 2.4rem 0 0.8rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.22rem; margin: 1.8rem 0 0.6rem; }
    h4 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
    .anchor { visibility: hidden; text-decoration: none; color: var(--muted); font-weight: 400; margin-left: 0.2em; }
    h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { visibility: visible; }
    .summary { color: var(--muted); font-size: 1.12rem; margin: 0 0 0.6rem; }
    .status { margin: 0.4rem 0; }

    /* Contents and run box */
    .toc, .run-box, .params-panel { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
      padding: 0.9rem 1.2rem; margin: 0 0 1.4rem; }
    .toc h2, .run-box h2, .params-panel h2 { font-family: var(--sans); font-size: 0.8rem; letter-spacing: 0.08em; text-transform: uppercase;
      color: var(--muted); border: 0; margin: 0 0 0.4rem; padding: 0; }
    .toc ol, .toc-compact ol { margin: 0; padding-left: 1.3rem; }
    .toc-compact { display: none; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
      padding: 0.5rem 1rem; margin: 0 0 1rem; }
    .toc-compact > summary, .run-box > summary { cursor: pointer; font-weight: 600; }
    .run-box > summary code { font-weight: 400; }
    .toc li { margin: 0.15rem 0; }
    .toc a[aria-current] { font-weight: 700; text-decoration: none; }
    .toc a[aria-current]::before { content: "▸ "; }
    .run-box { background: var(--accent-soft); border-color: transparent; }
    .run-box pre { margin: 0.3rem 0 0.5rem; padding: 0.55rem 0.8rem; background: var(--surface); }
    .run-box p { margin: 0; font-size: 0.92rem; color: var(--muted); }

    /* Prose */
    .prose p, .prose ul, .prose ol, .prose blockquote, .prose table { margin: 0 0 1rem; }
    .prose li { margin: 0.2rem 0; }
    .prose li > input[type=checkbox] { margin-right: 0.4em; accent-color: var(--accent); }
    .prose li > input[type=checkbox]:disabled { opacity: 1; }
    .prose li:has(> input[type=checkbox]) { list-style: none; margin-left: -1.3rem; }
    .prose blockquote { border-left: 4px solid var(--border); margin-left: 0; padding: 0.1rem 1rem; color: var(--muted); }
    .prose hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }
    .prose pre { background: var(--code-bg); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.9rem 1rem; overflow-x: auto; }
    /* Code wraps instead of hiding a line's end (an inAtLeast: is often there). */
    .prose pre, .code-block pre { white-space: pre-wrap; overflow-wrap: break-word; }
    /* A wrapped line continues under its own indentation plus four columns. */
    pre .line { display: block; padding-left: calc((var(--indent, 0) + 4) * 1ch); text-indent: calc((var(--indent, 0) + 4) * -1ch); }
    .table-scroll { max-width: 100%; overflow-x: auto; margin: 0 0 1rem; }
    .table-scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    .prose table, table.data { border-collapse: collapse; font-size: 0.94rem; }
    .prose .table-scroll table { margin: 0; }
    .table-scroll code { overflow-wrap: normal; white-space: nowrap; }
    .reference-page table { border-collapse: collapse; font-size: 0.92rem; margin: 0 0 1rem; }
    .reference-page th, .reference-page td { border-bottom: 1px solid var(--border); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
    .reference-page thead th { background: var(--surface-2); }
    .prose th, .prose td, table.data th, table.data td { border: 1px solid var(--border); padding: 0.35rem 0.7rem; text-align: left; }
    .prose thead th, table.data thead th { background: var(--surface-2); }
    .prose th[align=center], .prose td[align=center] { text-align: center; }
    .prose th[align=right], .prose td[align=right] { text-align: right; }
    .prose del { color: var(--muted); }

    /* Code blocks */
    .code-block { margin: 1.3rem 0; border: 1px solid var(--border); border-radius: var(--radius); background: var(--code-bg); overflow: hidden; }
    .code-block figcaption { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: baseline; padding: 0.4rem 1rem;
      border-bottom: 1px solid var(--border); font-size: 0.8rem; color: var(--muted); background: var(--surface-2); }
    .code-block figcaption:only-child { display: none; }
    .block-kind { font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--accent); }
    .block-language { font-family: var(--mono); }
    .block-lines { margin-left: auto; font-family: var(--mono); }
    .code-block pre { margin: 0; padding: 0.9rem 1rem; overflow-x: auto; line-height: 1.5; }
    .code-block.runnable { border-left: 4px solid var(--accent); }
    .kind-parameters .block-kind { color: var(--kind-parameters); } .code-block.kind-parameters { border-left-color: var(--kind-parameters); }
    .kind-expect .block-kind { color: var(--kind-expect); } .code-block.kind-expect { border-left-color: var(--kind-expect); }
    pre .kw { color: var(--kw); font-weight: 600; } pre .ty { color: var(--ty); } pre .num { color: var(--num); }
    pre .str { color: var(--str); } pre .cm { color: var(--cm); font-style: italic; } pre .lbl { color: var(--lbl); } pre .at { color: var(--at); }

    /* Results (placed after the block that produced them) */
    .result { margin: 1rem 0 1.8rem; }
    .result > h3, .result > h4 { font-family: var(--sans); margin-top: 0.8rem; }
    table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; }
    table.data td.num { font-family: var(--mono); font-size: 0.9em; }
    table.data .v { white-space: nowrap; }
    table.data .best { font-weight: 700; background: var(--pass-bg); }
    table.data caption { caption-side: bottom; text-align: left; color: var(--muted); font-size: 0.85rem; padding-top: 0.3rem; }
    /* A table wider than its box scrolls; its caption stays in view, as wide as the box. */
    .table-scroll > table.data > caption { position: sticky; left: 0; max-width: min(42rem, calc(100vw - 4rem)); }
    table.data .sd { display: block; font-size: 0.8em; color: var(--muted); white-space: nowrap; }
    table.data th, table.data td { padding: 0.3rem 0.5rem; }
    figure.chart { margin: 1rem 0; padding: 0.8rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); }
    figure.chart svg { display: block; width: 100%; height: auto; color: var(--text); font-family: var(--sans); font-size: 12px; }
    figure.chart svg text { fill: currentColor; }
    figure.chart .axis, figure.chart .grid { stroke: var(--border); }
    figure.chart figcaption { font-size: 0.88rem; color: var(--muted); margin-top: 0.4rem; }
    math { font-size: 1.12em; }
    .math-block { display: block; max-width: 100%; overflow-x: auto; margin: 0.7rem 0; }
    math[display="block"] { font-size: 1.2em; }
    .figure-label, .table-label { font-weight: 700; color: var(--text); }
    figure.chart svg.chart-panel { display: inline-block; vertical-align: top; width: 49%; }
    .chart-narrow { display: none; }
    .series-1 { stroke: var(--series-1); fill: var(--series-1); color: var(--series-1); } .series-2 { stroke: var(--series-2); fill: var(--series-2); color: var(--series-2); }
    .series-3 { stroke: var(--series-3); fill: var(--series-3); color: var(--series-3); } .series-4 { stroke: var(--series-4); fill: var(--series-4); color: var(--series-4); }
    .series-5 { stroke: var(--series-5); fill: var(--series-5); color: var(--series-5); } .series-6 { stroke: var(--series-6); fill: var(--series-6); color: var(--series-6); }
    .series-7 { stroke: var(--series-7); fill: var(--series-7); color: var(--series-7); } .series-8 { stroke: var(--series-8); fill: var(--series-8); color: var(--series-8); }
    path.line, polyline.line { fill: none; stroke-width: 2; }
    path.hollow, circle.hollow { fill: none; }
    circle.seed-halo { fill: var(--surface); }
    polygon.band { stroke: none; fill-opacity: 0.18; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; font-size: 0.85rem; margin: 0.4rem 0 0; padding: 0; list-style: none; }
    .legend .swatch { background: currentColor; display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; margin-right: 0.35em; vertical-align: -0.1em; }
    details.numbers { margin: -0.5rem 0 1rem; font-size: 0.9rem; }
    details.more-results { margin: 1rem 0; border: 1px solid var(--border); border-radius: var(--radius); padding: 0.5rem 1rem; }
    details.more-results > summary { cursor: pointer; font-weight: 600; }
    .dataset-ref { color: var(--muted); }
    details.numbers summary { cursor: pointer; color: var(--muted); }
    .badge { display: inline-block; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase;
      padding: 0.1rem 0.55rem; border-radius: 999px; border: 1px solid currentColor; vertical-align: 0.1em; }
    .badge.passed { color: var(--pass); background: var(--pass-bg); }
    .badge.failed { color: var(--fail); background: var(--fail-bg); }
    .badge.not-run { color: var(--muted); background: var(--surface-2); }
    .key-result { color: var(--muted); font-size: 0.92rem; }
    .expect-result { border-radius: var(--radius); padding: 0.6rem 1rem; margin: 0.6rem 0 1.4rem; border: 1px solid; }
    .expect-result.passed { color: var(--pass); background: var(--pass-bg); }
    .expect-result.failed { color: var(--fail); background: var(--fail-bg); }
    .expect-result code { color: var(--text); }
    .expect-result .sanity-check { font-style: italic; color: var(--text); }
    .expect-result .seed-checks { list-style: none; padding-left: 1.2rem; margin: 0.2rem 0 0.4rem; font-size: 0.9em;
      display: grid; grid-template-columns: repeat(auto-fill, minmax(min(19rem, 100%), 1fr)); gap: 0 1.2rem; }
    .diverged { border: 1px solid var(--warn); background: var(--warn-bg); color: var(--warn); border-radius: var(--radius); padding: 0.6rem 1rem; }
    .dataset-card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1rem 1.2rem; margin: 1rem 0; }
    .dataset-card h3, .dataset-card h4 { margin-top: 0; font-family: var(--sans); font-size: 1.2rem; }
    .preview-scroll { max-width: 100%; overflow-x: auto; }
    figure.preview { margin: 0.8rem 0; }
    img.preview-grid { image-rendering: pixelated; width: 100%; max-width: 36rem; display: block; }
    /* Parameter panels (ParameterInput): "Rerun in your browser", and the preview's form, error box and "What changed" */
    .preview-panel, .preview-error, .preview-changes { background: var(--surface); border: 1px solid var(--border);
      border-radius: var(--radius); padding: 0.9rem 1.2rem; margin: 0 0 1.4rem; }
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
    .preview-error { border-color: var(--fail); background: var(--fail-bg); }
    .preview-error pre { overflow-x: auto; margin: 0 0 0.6rem; font-size: 0.85rem; color: var(--text); }
    .preview-changes .preview-scroll { margin: 0 0 0.8rem; }
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
    .rerun-browser .preview-note { margin: 0.5rem 0 0.7rem; }
    .rerun-browser .preview-actions { margin-top: 0.9rem; }
    .rerun-summary { font-weight: 400; color: var(--muted); font-size: 0.9rem; }
    .rerun-status { margin: 0.7rem 0 0; font-size: 0.92rem; color: var(--text); }
    .rerun-status:empty { display: none; }
    .rerun-pairs { margin: 0.5rem 0 0; padding-left: 1.4rem; font: 0.85rem var(--mono); color: var(--text); max-height: 14rem; overflow: auto; }
    .rerun-browser .preview-error, .rerun-browser .preview-changes { margin: 0.8rem 0 0; }
    .rerun-browser .preview-error pre { white-space: pre-wrap; }
    .sample-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(84px, 1fr)); gap: 0.6rem; margin: 0.8rem 0 0; padding: 0; list-style: none; }
    .sample-grid figure { margin: 0; text-align: center; font-size: 0.75rem; color: var(--muted); }
    .sample-grid img { width: 100%; image-rendering: pixelated; border-radius: 4px; border: 1px solid var(--border); background: #000; }
    .params-panel table { border-collapse: collapse; font-size: 0.92rem; }
    .params-panel td, .params-panel th { padding: 0.15rem 0.8rem 0.15rem 0; text-align: left; }
    .params-panel .overridden td { font-weight: 700; }
    .params-panel .overridden td:last-child::after { content: " (overridden)"; font-weight: 400; color: var(--warn); }

    /* Prev / next */
    .pager { max-width: var(--measure); margin: 3rem auto 0; display: flex; gap: 1rem; justify-content: space-between; }
    .pager a { flex: 1 1 0; border: 1px solid var(--border); border-radius: var(--radius); padding: 0.7rem 1rem; text-decoration: none; background: var(--surface); }
    .pager a:hover { border-color: var(--accent); }
    .pager span { display: block; font-size: 0.78rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
    .pager .next { text-align: right; margin-left: auto; }

    /* Index */
    .course-header .lede { color: var(--muted); font-size: 1.08rem; }
    .lesson-list { list-style: none; padding: 0; margin: 1.5rem 0 0; display: grid; gap: 0.9rem; }
    .lesson-card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1rem 1.2rem; }
    .lesson-card:hover { border-color: var(--accent); }
    .lesson-link { display: flex; gap: 0.8rem; align-items: baseline; text-decoration: none; font-family: var(--serif); font-size: 1.3rem; font-weight: 700; }
    .lesson-card .lesson-number { font-family: var(--mono); font-size: 0.95rem; color: var(--muted); }
    .lesson-card .summary { margin: 0.3rem 0 0; font-size: 1rem; }

    /* Wide screens: contents beside the lesson */
    @media (min-width: 72rem) {
      .lesson { display: grid; grid-template-columns: minmax(0, var(--measure)) 15rem; column-gap: 2.5rem; max-width: calc(var(--measure) + 17.5rem); }
      .lesson > * { grid-column: 1; }
      .lesson > .toc { grid-column: 2; grid-row: 1 / span 20; align-self: start; position: sticky; top: 1.5rem; font-size: 0.92rem; }
      .lesson ~ .pager { max-width: calc(var(--measure) + 17.5rem); padding-right: 17.5rem; }
    }
    /* Phones */
    @media (max-width: 36rem) {
      body { font-size: 16px; }
      .chart-wide { display: none; }
      .chart-narrow { display: block; }
      figure.chart svg.chart-panel { width: 100%; }
      figure.chart { padding: 0.4rem; }
      details.more-results { padding: 0.4rem 0.4rem; }
      .toc { display: none; }
      .toc-compact { display: block; }
      main { padding-top: 1.2rem; }
      .pager { flex-direction: column; }
      .pager .next { text-align: left; margin-left: 0; }
      .block-lines { margin-left: 0; }
      /* Result tables as cards: one box per row, each number under its heading's name. */
      table.cards, table.cards tbody, table.cards tr { display: block; }
      table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
      table.cards caption { display: block; padding: 0 0 0.4rem; }
      table.cards tr { border: 1px solid var(--border); border-radius: 6px; margin: 0 0 0.5rem; padding: 0.3rem 0.6rem; }
      table.cards th[scope=row], table.cards td { display: flex; gap: 0.5rem; align-items: baseline; border: 0; padding: 0.1rem 0; }
      table.cards th[scope=row] { font-weight: 700; }
      table.cards td::before { content: attr(data-label); flex: 1; color: var(--muted); font-family: var(--sans); font-size: 0.9rem; text-align: left; }
      table.cards td .sd { display: inline; margin-left: 0.4em; }
      table.cards td:first-child { font-weight: 700; }
      table.cards td:first-child::before { content: none; }
      table.cards td:empty { display: none; }
      .math-block math { font-size: 0.95em; }
    }
    /* Print: ink on paper, no chrome */
    @page { margin: 1.4cm 1.5cm; }
    @media print {
      :root { --bg: #fff; --surface: #fff; --surface-2: #f2f2f2; --text: #000; --muted: #444; --code-bg: #f7f7f7; }
      body { font-size: 10pt; line-height: 1.45; }
      figure.chart svg.chart-panel { width: 32.5%; }
      figure.chart .chart-wide > svg:not(.chart-panel) { max-width: 75%; margin: 0 auto; }
      .site-header, .site-nav, .pager, .skip-link, .anchor, .run-box { display: none; }
      main { padding: 0; }
      .lesson { display: block; max-width: none; }
      .code-block, figure.chart, table.data, .dataset-card, .table-scroll, .expect-result li { break-inside: avoid; }
      h2, h3, h4, .results > h3 { break-after: avoid; }
      pre { overflow: visible; white-space: pre-wrap; }
      .toc-compact { display: none; }
      .table-scroll { overflow: visible; }
      table.data { font-size: 8.5pt; }
      .chart-narrow { display: none; } .chart-wide { display: block; }
      /* The charts' data tables stay on the page, not on paper; results.json has every number. */
      details.numbers { display: none; }
      details.more-results { display: none; }
      .search-box { display: none; }
      a { color: inherit; }
      .prose a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); }
    }

    """
}
