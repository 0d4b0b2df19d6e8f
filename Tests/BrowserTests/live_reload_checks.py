#!/usr/bin/env python3
"""Checks what a reader sees while `handbook serve` runs, in headless Chromium (live reload).

    python3 Tests/BrowserTests/live_reload_checks.py HANDBOOK_BINARY

Copies content/ and themes/default/ to a temporary folder, serves them with HANDBOOK_BINARY on a
free port of 127.0.0.1, opens tip 1 a little scrolled down and then saves files as an editor does
(a temporary file renamed over the old one): tip 1's text (the page reloads, same scroll position),
the theme's stylesheet (the new style applies without a reload), another tip (no reload), tip 1's
front matter broken and fixed (the error panel names the file and line, then goes away). Prints one
line per check and exits with 1 if any failed. Run by LiveReloadBrowserTests.swift, so `swift test`
covers it.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402
from browser_checks import FAILURES, check, expect  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# A rebuild of the real handbook takes about a second in a debug build, several on a loaded machine.
WAIT = 20
PANEL = "document.getElementById('handbook-preview-errors')"
SCROLL = 300


# MARK: - The served copy

class Preview:
    """`handbook serve` on a temporary copy of content/ and themes/default/, with what it printed."""

    def __init__(self, binary, work):
        self.content = os.path.join(work, "content")
        self.theme = os.path.join(work, "theme")
        shutil.copytree(os.path.join(ROOT, "content"), self.content)
        shutil.copytree(os.path.join(ROOT, "themes/default"), self.theme)
        self.output = []
        self.process = subprocess.Popen([binary, "serve", "--content", "content", "--theme", "theme", "--port", "0"],
                                        cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.time() + 120
        while time.time() < deadline and self.process.poll() is None:
            found = re.search(r"Serving the handbook at (http://127\.0\.0\.1:\d+/)", "".join(self.output))
            if found:
                self.base = found.group(1)
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("`handbook serve` printed no address:\n" + "".join(self.output))

    def _read(self):
        for line in self.process.stdout:
            self.output.append(line)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def tip(self, number):
        tips = os.path.join(self.content, "tips")
        return os.path.join(tips, next(name for name in sorted(os.listdir(tips)) if name.startswith("%03d-" % number)))

    def page_of(self, number):
        return "tips/" + os.path.basename(self.tip(number))[:-len(".md")] + ".html"

    @staticmethod
    def save(path, change):
        """Writes `change(old text)` beside `path` and renames it over, as editors save."""
        with open(path, encoding="utf-8") as file:
            text = change(file.read())
        temporary = os.path.join(os.path.dirname(path), ".%s.%d.tmp" % (os.path.basename(path), os.getpid()))
        with open(temporary, "w", encoding="utf-8") as file:
            file.write(text)
        os.rename(temporary, path)


def replaced(old, new):
    def change(text):
        if old not in text:
            raise AssertionError("%r is not in the file" % old)
        return text.replace(old, new, 1)
    return change


# MARK: - What the page hears and does

def until(page, expression, what, timeout=WAIT):
    """Polls `expression` in the page until it is true; a reload under way is asked again. `what`
    (or what it returns, when it is a function) says what went wrong."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if page.eval("!!(%s)" % expression, timeout=timeout):
                return
        except cdp.CDPError as error:
            if not re.search(r"navigated or closed|context", str(error), re.I):
                raise
        time.sleep(0.02)
    raise AssertionError("after %ds, %s (%s)" % (timeout, what() if callable(what) else what, expression))


def forget_events(page):
    page.browser._events = [e for e in page.browser._events if e.get("sessionId") != page.session]


def events(page, method):
    return [e["params"] for e in page.browser._events if e.get("sessionId") == page.session and e["method"] == method]


def pump(page, seconds):
    """Takes in the browser's events for `seconds` (or until something arrives)."""
    try:
        page.browser._events.append(page.browser._read_message(seconds))
    except cdp.CDPError as error:
        if "timed out" not in str(error):
            raise


def heard(page, name, wanted=lambda data: True, timeout=WAIT):
    """Waits until the page's event stream has received an event `name` whose data satisfies `wanted`."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for message in events(page, "Network.eventSourceMessageReceived"):
            if message["eventName"] == name and wanted(json.loads(message["data"])):
                return json.loads(message["data"])
        pump(page, max(0.01, deadline - time.time()))
    raise AssertionError("after %ds the page had not heard a '%s' event" % (timeout, name))


def stream_open(page):
    """Whether the page's event stream said hello since the page was last loaded."""
    open_ = getattr(page, "stream_open", False)
    for event in page.browser._events:
        if event.get("sessionId") != page.session:
            continue
        if event["method"] == "Page.frameNavigated" and "parentId" not in event["params"]["frame"]:
            open_ = False
        elif event["method"] == "Network.eventSourceMessageReceived" and event["params"]["eventName"] == "hello":
            open_ = True
    return open_


def mark(page):
    """A marker that only a reload removes, set once the page's stream is connected, so no change is missed."""
    deadline = time.time() + WAIT
    while not stream_open(page):
        if time.time() > deadline:
            raise AssertionError("after %ds the page's event stream had not connected" % WAIT)
        pump(page, max(0.01, deadline - time.time()))
    page.eval("window.__marker = 1")
    forget_events(page)
    page.stream_open = True


def text_of(page):
    return page.eval("document.querySelector('main')?.innerText ?? ''")


# MARK: - Checks

@check("tip 1 opens, scrolled down a little")
def opens(page, preview):
    page.call("Emulation.setDeviceMetricsOverride", {"width": 1000, "height": 700, "deviceScaleFactor": 1, "mobile": False})
    page.goto(preview.base + preview.page_of(1))
    expect("Shortly before he gave a keynote" in text_of(page), "tip 1's text is not on the page")
    page.eval("scrollTo(0, %d)" % SCROLL)
    until(page, "scrollY === %d" % SCROLL, "the page does not scroll")


@check("a saved tip reloads its page at the same place")
def text_reloads(page, preview):
    # Chromium keeps the place over a reload by itself; off, so that the script's keeping of it is what counts.
    page.eval("history.scrollRestoration = 'manual'")
    mark(page)
    preview.save(preview.tip(1), replaced("Shortly before he gave", "Freshly saved: shortly before he gave"))
    until(page, "!window.__marker && document.querySelector('main')?.innerText.includes('Freshly saved: shortly')",
          "the page did not reload with the new text")
    until(page, "document.readyState === 'complete' && Math.abs(scrollY - %d) <= 1" % SCROLL,
          lambda: "the page is not back where the reader was (scrollY %s)" % page.eval("scrollY"))


@check("a saved stylesheet applies without a reload")
def style_swaps(page, preview):
    colour = "(h => h && getComputedStyle(h).color)(document.querySelector('main h1'))"
    expect(page.eval(colour) != "rgb(1, 2, 3)", "the heading is already rgb(1, 2, 3)")
    mark(page)
    preview.save(os.path.join(preview.theme, "assets", "handbook.css"),
                 lambda css: css + "\nmain h1 { color: rgb(1, 2, 3) !important; }\n")
    until(page, "%s === 'rgb(1, 2, 3)'" % colour, "the new style did not apply")
    expect(page.eval("window.__marker") == 1, "the page reloaded")
    href = page.eval("document.querySelector('link[href*=\"handbook.css\"]').getAttribute('href')")
    expect(re.search(r"handbook\.css\?preview=\d+$", href), "the stylesheet's address is %r" % href)
    expect(page.eval("scrollY") == SCROLL, "scrolled to %r" % page.eval("scrollY"))


@check("another tip saved does not reload this one")
def other_tip_stays(page, preview):
    mark(page)
    other = preview.page_of(50)
    preview.save(preview.tip(50), lambda text: text.rstrip("\n") + "\n\nA line added to tip 50.\n")
    heard(page, "change", lambda change: other in change["paths"])
    # A reload starts in the handler that heard the change: give its navigation a moment to show.
    deadline = time.time() + 1
    while time.time() < deadline and not events(page, "Page.frameStartedLoading"):
        pump(page, deadline - time.time())
    expect(not events(page, "Page.frameStartedLoading"), "the page started loading again")
    expect(page.eval("window.__marker") == 1, "the page reloaded")


@check("broken front matter shows the error panel, with file and line")
def panel_appears(page, preview):
    mark(page)
    preview.save(preview.tip(1), lambda text: replaced("chapter: 1\n", "chapter: 99\n")(
        replaced("Freshly saved:", "Half written:")(text)))
    until(page, "!window.__marker && %s" % PANEL, "no error panel")
    panel = page.eval(PANEL + ".innerText")
    expect("tips/%s:4" % os.path.basename(preview.tip(1)) in panel, "the panel does not name the file and line:\n" + panel)
    expect("chapter 99" in panel, "the panel does not say what is wrong:\n" + panel)
    shown = text_of(page)
    expect("Freshly saved: shortly" in shown and "Half written" not in shown, "the page under the panel is not the last good one")
    until(page, "document.readyState === 'complete' && scrollY === %d" % SCROLL,
          lambda: "the reader lost their place (scrollY %s)" % page.eval("scrollY"))
    box = page.eval("(r => [r.top, r.bottom, r.height])(%s.getBoundingClientRect())" % PANEL)
    expect(box[1] <= 701 and box[2] > 50, "the panel is not in view: %r" % box)


@check("fixed front matter takes the panel away and shows the fix")
def panel_goes(page, preview):
    mark(page)
    preview.save(preview.tip(1), lambda text: replaced("chapter: 99\n", "chapter: 1\n")(
        replaced("Half written:", "Fixed at last:")(text)))
    until(page, "!window.__marker && !%s && document.querySelector('main')?.innerText.includes('Fixed at last: shortly')"
          % PANEL, "the panel stayed or the fix is not shown")


def main():
    binary = os.path.abspath(sys.argv[1])
    started = time.time()
    with tempfile.TemporaryDirectory() as work:
        preview = Preview(binary, work)
        try:
            with cdp.Browser(os.path.join(work, "profile")) as browser:
                page = browser.new_page()
                page.call("Network.enable")
                for step in (opens, text_reloads, style_swaps, other_tip_stays, panel_appears, panel_goes):
                    step(page, preview)
                page.collect_errors()
                if page.errors:
                    FAILURES.append("script errors")
                    print("FAIL script errors: %r" % page.errors)
        finally:
            preview.stop()
        if FAILURES:
            print("what `handbook serve` printed:\n" + "".join(preview.output))
    print("%s in %.1fs" % ("%d failed" % len(FAILURES) if FAILURES else "all live reload checks passed",
                           time.time() - started))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
