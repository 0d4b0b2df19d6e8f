#!/usr/bin/env python3
"""Screenshots of the forgiving search and the 404 page, at 1280 and 390 px, light and dark.

    python3 Tests/BrowserTests/forgiving_screenshots.py SITE_DIR OUT_DIR

A typo corrected on the search page, "tip 17" in the header's box, "chapter 5", and the 404
page shown two folders deep by a web server (see forgiving_search_checks.py). Not a test: for
looking at the pages after a change.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402
import forgiving_search_checks as checks  # noqa: E402


def pause(page, ms=300):
    page.eval("new Promise(r => setTimeout(r, %d))" % ms, await_promise=True)


def main(site, out):
    site = os.path.abspath(site)
    os.makedirs(out, exist_ok=True)
    base = "file://" + site + "/"
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as www, \
            cdp.Browser(profile, 1280, 900) as browser, checks.python_server(www) as address:
        os.symlink(site, os.path.join(www, "handbook"))
        page = browser.new_page()
        for width in (1280, 390):
            page.call("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
            for dark in (False, True):
                name = "-%d%s.png" % (width, "-dark" if dark else "")
                page.dark_mode(dark)
                page.goto(base + "search.html?q=custmer")
                page.wait_for("document.querySelector('.search-correction')")
                pause(page)
                page.screenshot(os.path.join(out, "typo" + name))
                page.goto(base + "search.html?q=chapter%205")
                page.wait_for("document.querySelector('.search-result-chapter')")
                pause(page)
                page.screenshot(os.path.join(out, "chapter" + name))
                if width > 600:
                    page.goto(base + "index.html")
                    page.eval("document.getElementById('site-search-input').focus()")
                    page.type("tip 17")
                    page.wait_for("document.querySelector('.search-popup .search-result')")
                    pause(page)
                    page.screenshot(os.path.join(out, "tip17" + name))
                page.goto(address + "handbook/tips/old/listen-more.html")
                page.wait_for("document.querySelectorAll('[data-not-found] .search-result').length")
                pause(page)
                page.screenshot(os.path.join(out, "not-found" + name), full_page=True)
        page.collect_errors()
        print("errors:", page.errors)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
