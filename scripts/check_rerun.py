"""The "Rerun in your browser" panel, end to end, in headless Chromium from file://.

Run through scripts/check-rerun. Chromium keeps a reader's file:// rules (no
--allow-file-access-from-files: fetch() and worker scripts from files fail), so the
page must load everything as scripts of its own site.

  1. LESSON.html#set=NAME=oops&run: the panel ends in data-state=error, shows the
     resolver's located error, and the input keeps what was typed.
  2. LESSON.html#set=posWeightScale=2&run: the panel reaches data-state=done; each
     re-rendered results section (the module's text, as the page swapped it in) must be
     byte for byte the one `lessons run 03 --set posWeightScale=2` writes, after the same
     block, and at least one must differ from the published page's.
  3. No Content-Security-Policy violation on the way, and axe-core finds no critical or
     serious violation in the open panel (its error, its progress, "What changed"), in the
     light and the dark colour scheme.

    check_rerun.py SITE_DIR LESSONS_BINARY AXE_JS [LESSON NAME=VALUE]

(default 03-weighted-loss posWeightScale=2; another lesson or value measures that rerun.)

Exit status 1 when anything differs or fails; prints the panel's timings.
"""

import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_pages import AXE_RUN, BLOCKING_IMPACTS, Browser  # noqa: E402  (the project's one DevTools client)

LESSON = "03-weighted-loss"
SET = ("posWeightScale", "2")
WRAPPER = re.compile(r'<div class="block-results" id="block-(\d+)-results">')

# Installed before any page script: records every CSP violation the page meets.
CSP_WATCH = ("window.__cspViolations = [];"
             "document.addEventListener('securitypolicyviolation', e =>"
             " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));")

PANEL = ("(() => { const p = document.getElementById('rerun-browser'); if (!p) return null;"
         " const r = window.lessonsRerun || {};"
         " return {state: p.dataset.state, status: document.getElementById('rerun-status').textContent,"
         " error: document.getElementById('rerun-error-text').textContent, rendered: r.rendered,"
         " timings: r.timings, trained: r.trained, hidden: p.hidden,"
         " csp: window.__cspViolations,"
         " values: Object.fromEntries([...document.querySelectorAll('#rerun-form [name]')].map(f => [f.name, f.value]))}; })()")


# Each new dataset preview the page drew (lessonsRerun.previews: image path -> Blob URL), read
# back as RGBA in base64, and whether the page's images that name it now show it.
PREVIEWS = """(async () => {
  const out = {};
  for (const [src, url] of Object.entries(window.lessonsRerun.previews || {})) {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let text = '';
    for (let i = 0; i < data.length; i += 0x8000) text += String.fromCharCode.apply(null, data.subarray(i, i + 0x8000));
    const shown = [...document.images].filter(i => i.src === url);
    out[src] = {width: canvas.width, height: canvas.height, rgba: btoa(text),
                shown: shown.length, loaded: shown.every(i => i.complete && i.naturalWidth > 0)};
  }
  return out;
})()"""


def png_rgba(path):
    """The pixels of an 8-bit gray, RGB or RGBA PNG (what the site writes) as RGBA bytes."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    pos, idat, width, depth, colour = 8, b"", 0, 0, 0
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = int.from_bytes(body[0:4], "big"), int.from_bytes(body[4:8], "big"), body[8], body[9]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = {0: 1, 2: 3, 6: 4}.get(colour)
    if width == 0 or depth != 8 or channels is None:
        fail(f"{path}: a PNG of depth {depth}, colour type {colour}: not one the site writes")
    raw, stride, rows, prior = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = prior[x], prior[x - channels] if x >= channels else 0
            if kind == 1: line[x] = (line[x] + a) & 255
            elif kind == 2: line[x] = (line[x] + b) & 255
            elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prior = line
    out = bytearray()
    for line in rows:
        for x in range(width):
            px = line[x * channels:(x + 1) * channels]
            out += bytes([px[0]] * 3 + [255]) if channels == 1 else bytes(px[:3]) + bytes([px[3] if channels == 4 else 255])
    return width, height, bytes(out)


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def open_and_wait(browser, url, timeout):
    """Loads `url`, then polls the panel until it leaves `running` (or times out)."""
    browser.events.clear()
    browser.call("Page.navigate", url="about:blank")
    browser.wait_for("Page.loadEventFired")
    browser.events.clear()
    browser.call("Page.navigate", url=url)
    browser.wait_for("Page.loadEventFired")
    deadline = time.time() + timeout
    page = url.split("#")[0]
    while browser.evaluate("document.readyState") != "complete" or browser.evaluate("location.href.split('#')[0]") != page:
        if time.time() > deadline:
            fail(f"{url} did not load")
        time.sleep(0.2)
    panel, last = None, ""
    while time.time() < deadline:
        panel = browser.evaluate(PANEL)
        if panel is None:
            fail(f"{url}: the page has no rerun panel (was the site rendered with it?)")
        if panel["status"] != last:
            last = panel["status"]
            print(f"  {panel['state']}: {last}", file=sys.stderr)
        if panel["state"] in ("done", "error"):
            return panel
        time.sleep(2)
    fail(f"{url}: still {panel and panel['state']} after {timeout} s")


def placed(page, block, html):
    """Whether `page` has exactly `html` as the content of block `block`'s results wrapper."""
    m = re.search(f'<div class="block-results" id="block-{block}-results">', page)
    return m is not None and page.startswith(html + "</div>\n", m.end()), (page[m.end():] if m else "")


def axe_panel(browser, axe_source, what):
    """axe-core on the panel as it stands, in both colour schemes: its blocking violations."""
    found = []
    browser.evaluate(axe_source)
    for scheme in ("light", "dark"):
        browser.call("Emulation.setEmulatedMedia", media="screen", features=[{"name": "prefers-color-scheme", "value": scheme}])
        violations = browser.evaluate(AXE_RUN.replace("axe.run(document,", "axe.run(document.getElementById('rerun-browser'),"),
                                      await_promise=True)
        found += [f"{what} ({scheme}): {v['impact']} {v['id']}: {n['target']}: {n['summary']}"
                  for v in violations if v["impact"] in BLOCKING_IMPACTS for n in v["nodes"]]
    return found


def main():
    global LESSON, SET
    if len(sys.argv) not in (4, 6) or (len(sys.argv) == 6 and "=" not in sys.argv[5]):
        sys.exit("usage: check_rerun.py SITE_DIR LESSONS_BINARY AXE_JS [LESSON NAME=VALUE]")
    if len(sys.argv) == 6:
        LESSON, SET = sys.argv[4], tuple(sys.argv[5].split("=", 1))
    site, lessons, axe_source = os.path.abspath(sys.argv[1]), sys.argv[2], open(sys.argv[3]).read()
    page_path = os.path.join(site, LESSON + ".html")
    published = open(page_path, encoding="utf-8").read()
    if 'id="rerun-browser"' not in published:
        fail(f"{page_path} has no rerun panel: render the site (lessons build) first")
    url = "file://" + page_path
    browser = Browser(file_access=False)
    try:
        browser.socket.settimeout(600)
        browser.call("Page.addScriptToEvaluateOnNewDocument", source=CSP_WATCH)

        print(f"{LESSON}: a bad value", file=sys.stderr)
        bad = open_and_wait(browser, f"{url}#set={SET[0]}=oops&run", 300)
        if bad["state"] != "error" or not bad["error"].strip():
            fail(f"a bad value: expected data-state=error with a message, got {bad['state']}: {bad['status']}")
        if bad["values"].get(SET[0]) != "oops":
            fail(f"a bad value: the input was not kept ({bad['values'].get(SET[0])!r})")
        if f"{LESSON}.md:" not in bad["error"]:
            fail(f"a bad value: the error is not located in the lesson: {bad['error']}")
        print(f"  shown: {bad['error'].strip().splitlines()[0]}", file=sys.stderr)
        problems = axe_panel(browser, axe_source, "the panel with an error")

        print(f"{LESSON}: {SET[0]}={SET[1]}", file=sys.stderr)
        started = time.time()
        done = open_and_wait(browser, f"{url}#set={SET[0]}={SET[1]}&run", 3600)
        wall = time.time() - started
        if done["state"] != "done":
            fail(f"{SET[0]}={SET[1]}: {done['state']}: {done['error'] or done['status']}")
        problems += axe_panel(browser, axe_source, "the panel when done")
        if problems:
            fail("accessibility:\n  " + "\n  ".join(problems))
        previews = browser.evaluate(PREVIEWS, await_promise=True)
        violations = (bad["csp"] or []) + (done["csp"] or [])
        if violations:
            fail(f"Content-Security-Policy violations: {violations}")
    finally:
        browser.close()

    rendered = json.loads(done["rendered"])["afterBlock"]
    scratch = tempfile.TemporaryDirectory()
    native_out = scratch.name
    run = subprocess.run([lessons, "run", LESSON, "--set", "=".join(SET), "--out", native_out, "--quiet"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if run.returncode not in (0, 1):  # 1: a claim failed with these values; the page is written
        fail(f"lessons run {LESSON} --set {'='.join(SET)}: exit {run.returncode}\n{run.stderr}")
    native = open(os.path.join(native_out, LESSON + ".html"), encoding="utf-8").read()
    blocks = set(WRAPPER.findall(native))
    if blocks != set(rendered):
        fail(f"blocks with results: native {sorted(blocks)}, browser {sorted(rendered)}")
    for block, html in sorted(rendered.items()):
        same, there = placed(native, block, html)
        if not same:
            at = next((i for i, (a, b) in enumerate(zip(html, there)) if a != b), min(len(html), len(there)))
            fail(f"block {block}: the browser's results differ from `lessons run`'s at character {at}:\n"
                 f"  browser: {html[max(0, at - 80):at + 80]!r}\n  native:  {there[max(0, at - 80):at + 80]!r}")
    # A changed dataset's preview is not on the site: the page draws it from the module's pixels,
    # and they must be those of the PNG `lessons run` writes.
    new = sorted({m for m in re.findall(rf'<img src="({re.escape(LESSON)}/dataset-[0-9a-f]+\.png)"', native)
                  if not os.path.exists(os.path.join(site, m))})
    if sorted(previews) != new:
        fail(f"new dataset previews: `lessons run` writes {new}, the page drew {sorted(previews)}")
    for src in new:
        drawn = previews[src]
        if not drawn["shown"] or not drawn["loaded"]:
            fail(f"{src}: drawn, but no image of the page shows it")
        width, height, rgba = png_rgba(os.path.join(native_out, src))
        if (drawn["width"], drawn["height"]) != (width, height) or base64.b64decode(drawn["rgba"]) != rgba:
            fail(f"{src}: the page's preview ({drawn['width']}×{drawn['height']}) is not the pixels of `lessons run`'s ({width}×{height})")
    if all(placed(published, block, html)[0] for block, html in rendered.items()):
        fail("the rerun's results are the published ones: nothing was re-rendered")
    t = done["timings"] or {}
    print(f"ok: {LESSON} #set={SET[0]}={SET[1]}&run from file://: {len(rendered)} results sections byte-identical to "
          f"`lessons run`; {done['trained']} (run, seed) pairs trained in the page; "
          + ", ".join(f"{k} {v / 1000:.2f} s" for k, v in sorted(t.items())) + f"; {wall:.1f} s in all")


if __name__ == "__main__":
    main()
