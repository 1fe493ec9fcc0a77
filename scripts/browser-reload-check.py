#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol (--remote-debugging-pipe)
against a running `lessons preview`: the open page must reload by itself after
the lesson file is saved, and a value submitted through the panel's form must
come back with "What changed" and the flipped claim.

usage: browser-reload-check.py URL LESSON_FILE
"""
import json, os, subprocess, sys, time

url, lesson = sys.argv[1], sys.argv[2]
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()


def child_fds():
    os.dup2(to_chrome_r, 3)
    os.dup2(from_chrome_w, 4)


chrome = subprocess.Popen(
    ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
     "--window-size=1280,900", url],
    preexec_fn=child_fds, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
reader = os.fdopen(from_chrome_r, "rb")
next_id = 0
buffered = b""


def call(method, params=None, session=None):
    """Sends one command and returns its result (events in between are skipped)."""
    global next_id, buffered
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    while True:
        while b"\0" not in buffered:
            chunk = os.read(from_chrome_r, 65536)
            if not chunk:
                raise SystemExit("error: chromium closed the pipe")
            buffered += chunk
        raw, buffered = buffered.split(b"\0", 1)
        reply = json.loads(raw)
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(f"error: {method}: {reply['error']}")
            return reply["result"]


def fail(message):
    chrome.kill()
    raise SystemExit("error: " + message)


try:
    page = next(t for t in call("Target.getTargets")["targetInfos"] if t["type"] == "page")
    session = call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]

    def evaluate(expression):
        result = call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
        return result.get("result", {}).get("value")

    def wait_for(expression, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if evaluate(expression):
                    return True
            except SystemExit:
                pass  # the page is navigating
            time.sleep(0.2)
        return False

    if not wait_for("document.readyState === 'complete' && !!document.querySelector('[data-preview-lesson]')"):
        fail("the preview page did not load")
    # Give the event stream a moment to connect, then save the lesson.
    time.sleep(1)
    text = open(lesson, encoding="utf-8").read()
    marker = "Reloaded by the browser at %d" % time.time()
    lines = [("summary: " + marker) if l.startswith("summary:") else l for l in text.split("\n")]
    open(lesson, "w", encoding="utf-8").write("\n".join(lines))
    if not wait_for("(document.querySelector('.summary') || {}).textContent === %s" % json.dumps(marker)):
        fail("the page did not reload after the lesson was saved")
    print("ok: the open page reloaded itself after the save")
    # The reloaded page shows its text before its preview script has run; a form
    # submitted before that is a plain post, with no progress shown on the page.
    if not wait_for("document.readyState === 'complete'"):
        fail("the reloaded page did not finish loading")

    # The panel's form, as a student uses it: a new bar and SGD rate, submitted. The
    # progress shown while it runs is kept in sessionStorage (the page is replaced after).
    evaluate("""
        var log = document.getElementById('preview-progress');
        new MutationObserver(function () { sessionStorage.setItem('progress', log.textContent); })
            .observe(log, {childList: true, characterData: true, subtree: true});
        document.getElementById('preview-p-bar').value = '0.99';
        document.getElementById('preview-p-sgdRate').value = '0.7';
        document.getElementById('preview-form').requestSubmit();
        true""")
    if not wait_for("document.body.textContent.includes('Claims (1 flipped)')"):
        fail("no 'what changed' with the flipped claim after submitting the form")
    progress = evaluate("sessionStorage.getItem('progress')") or ""
    if "sgd: training" not in progress or "sigmoid: cached" not in progress:
        fail("the page showed no live progress while the run trained: " + repr(progress))
    print("ok: the form reran the lesson (progress live on the page: only 'sgd' trained) and the page shows what changed")
finally:
    chrome.kill()
