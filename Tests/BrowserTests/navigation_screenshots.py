#!/usr/bin/env python3
"""Screenshots of every kind of page at 1280 and 390 px, light and dark (issue 25).

    python3 Tests/BrowserTests/navigation_screenshots.py SITE_DIR OUT_DIR

Not a test: for looking at the pages after a change. The 390 px shots emulate a touch phone.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402


def pages(site):
    tips = sorted(os.listdir(os.path.join(site, "tips")))
    chapters = sorted(os.listdir(os.path.join(site, "chapters")))
    return [("home", "index.html"), ("chapter", "chapters/" + chapters[4]), ("tip", "tips/" + tips[16]),
            ("all-tips", "tips.html"), ("theme", "themes/flywheel.html"), ("search", "search.html?q=listen"),
            ("my-five", "my-five.html"), ("404", "404.html"), ("booklet", "booklet/index.html")]


def main(site, out):
    os.makedirs(out, exist_ok=True)
    base = "file://" + os.path.abspath(site) + "/"
    with tempfile.TemporaryDirectory() as profile, cdp.Browser(profile, 1280, 900) as browser:
        page = browser.new_page()
        for width, height, mobile in ((1280, 900, False), (390, 844, True)):
            page.call("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
            page.call("Emulation.setTouchEmulationEnabled", {"enabled": mobile})
            for dark in (False, True):
                page.dark_mode(dark)
                for name, path in pages(site):
                    page.goto(base + path)
                    page.eval("new Promise(r => setTimeout(r, 250))", await_promise=True)
                    page.screenshot(os.path.join(out, "%s-%d%s.png" % (name, width, "-dark" if dark else "")))
                if mobile and not dark:
                    page.goto(base + pages(site)[2][1])
                    page.eval("document.querySelector('[data-contents-toggle]').click()")
                    page.eval("new Promise(r => setTimeout(r, 250))", await_promise=True)
                    page.screenshot(os.path.join(out, "drawer-%d.png" % width))
        print("errors:", page.errors)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
