"""Trains (run, seed) pairs in lessons.wasm inside headless Chromium and times them.

Run through scripts/bench/wasm-bench-chromium (which installs websocket-client), or by
`lessons bench --engine wasm`, which compares the results with native ones bit for bit.
Nothing is served: the page is about:blank, the host code (scripts/wasm/lessons-host.mjs)
is imported from a data: URL and the module's bytes are handed over the DevTools
protocol, so the module runs on the page's main thread exactly as a page would run it.

    wasm_bench_chromium.py MODULE.wasm REPEATS REQUEST.json...

Standard output: JSON {"browser": version, "fused": bool, "pairs": [{"wallSeconds": [...],
"results": [RunResult JSON text, one per repeat]}, one per request]}. Exit status 1 when
the module refuses or the browser fails.
"""

import base64
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from check_pages import Browser  # noqa: E402  (the project's one DevTools client)

HOST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "wasm", "lessons-host.mjs")


def main():
    if len(sys.argv) < 4 or not sys.argv[2].isdigit() or int(sys.argv[2]) < 1:
        sys.exit("usage: wasm_bench_chromium.py MODULE.wasm REPEATS REQUEST.json...")
    module, repeats, requests = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    host = base64.b64encode(open(HOST, "rb").read()).decode()
    browser = Browser()
    try:
        browser.socket.settimeout(1800)  # one CNN pair takes about a minute; leave room on a loaded machine
        version = browser.call("Browser.getVersion")["product"]
        # Load once; every pair after that runs in the same instance, as on a page that reruns.
        loaded = browser.evaluate(
            "(async () => {"
            f" const host = await import('data:text/javascript;base64,{host}');"
            f" const bytes = Uint8Array.from(atob('{base64.b64encode(open(module, 'rb').read()).decode()}'), c => c.charCodeAt(0));"
            " globalThis.lessons = await host.loadLessons(bytes);"
            " globalThis.LessonsRefusal = host.LessonsRefusal;"
            " return lessons.fused; })()", await_promise=True)
        pairs = []
        for path in requests:
            request = json.dumps(open(path).read())
            timed = {"wallSeconds": [], "results": []}
            for _ in range(repeats):
                answer = browser.evaluate(
                    "(() => { const start = performance.now();"
                    f" try {{ const result = lessons.runPair({request});"
                    "   return {result, seconds: (performance.now() - start) / 1000}; }"
                    " catch (e) { return {error: String(e.message || e)}; } })()")
                if "error" in answer:
                    sys.exit(f"error: {path}: {answer['error']}")
                timed["wallSeconds"].append(answer["seconds"])
                timed["results"].append(answer["result"])
            pairs.append(timed)
        json.dump({"browser": version, "fused": loaded, "pairs": pairs}, sys.stdout)
        print()
    finally:
        browser.close()


if __name__ == "__main__":
    main()
