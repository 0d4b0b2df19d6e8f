#!/usr/bin/env python3
"""Keystroke-to-results latency of search in headless Chromium, for a large generated handbook.

    python3 /work/shared/bench/gen_content.py 10000 /tmp/c10k
    .build/release/handbook build --content /tmp/c10k --output /tmp/s10k
    python3 Tests/BrowserTests/search_latency.py /tmp/s10k

Types thirteen queries (typos and "tip 17" among them) a key at a time (80 ms apart, a fast typist) into the search page and into
the header's box, and prints per keystroke: `handler`, from the key's input event (its
timeStamp) to the results being in the DOM, and `frame`, to the next frame after that, both
measured in the page with performance.now() (search.js records them in Handbook.timings).
Not a test: timings depend on the machine.
"""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

QUERIES = ["customer", "empath", "listen to the", "promise delivery", "4242", "the quiet customer", "zzz",
           "front-line team", "custmer", "emapthy promse", "tip 17", "apologize", "chapter 5"]


def quantile(values, fraction):
    return values[min(len(values) - 1, int(fraction * len(values)))]


def run(page, input_id):
    handler, frame = [], []
    for query in QUERIES:
        page.eval("var i = document.getElementById(%r); i.value = ''; i.focus(); Handbook.timings.all.length = 0" % input_id)
        for char in query:
            page.type(char)
            time.sleep(0.08)
        time.sleep(0.3)
        timings = page.eval("Handbook.timings.all")
        handler += [t["ms"] for t in timings]
        frame += [t["frame"] for t in timings if t["frame"] is not None]
        print("  %-20s %5d results  handler max %5.1f ms  frame max %5.1f ms"
              % (query, timings[-1]["results"], max(t["ms"] for t in timings), max(t["frame"] or 0 for t in timings)))
    handler.sort()
    frame.sort()
    print("  %d keystrokes: handler p50 %.1f p95 %.1f max %.1f ms; next frame p50 %.1f p95 %.1f max %.1f ms"
          % (len(handler), quantile(handler, .5), quantile(handler, .95), handler[-1],
             quantile(frame, .5), quantile(frame, .95), frame[-1]))


def main(site):
    site = os.path.abspath(site)
    with tempfile.TemporaryDirectory() as profile, cdp.Browser(profile) as browser:
        page = browser.new_page()
        started = time.time()
        page.goto("file://" + site + "/search.html")
        page.wait_for("window.Handbook && Handbook.engine", 60)
        print("search page: ready %.2f s after navigation (engine built in %.0f ms)"
              % (time.time() - started, page.eval("Handbook.timings.load")))
        run(page, "search-page-input")
        tips = sorted(os.listdir(os.path.join(site, "tips")))
        page.goto("file://" + site + "/tips/" + tips[len(tips) // 2])
        started = time.time()
        page.eval("document.getElementById('site-search-input').focus()")
        page.wait_for("window.Handbook && Handbook.engine", 60)
        print("header box: index loaded %.2f s after first focus" % (time.time() - started))
        run(page, "site-search-input")
        if page.errors:
            print("script errors:", page.errors)


if __name__ == "__main__":
    main(sys.argv[1])
