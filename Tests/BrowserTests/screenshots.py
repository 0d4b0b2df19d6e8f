#!/usr/bin/env python3
"""Screenshots of search, My five (and its print card) and the flywheel, light and dark.

    python3 Tests/BrowserTests/screenshots.py SITE_DIR OUT_DIR

Not a test: for looking at the pages after a change.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402


def main(site, out):
    os.makedirs(out, exist_ok=True)
    base = "file://" + os.path.abspath(site) + "/"
    with tempfile.TemporaryDirectory() as profile, cdp.Browser(profile, 1280, 900) as browser:
        page = browser.new_page()
        page.call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        tips = sorted(os.listdir(os.path.join(site, "tips")))
        for name in (tips[7], tips[11], tips[40], tips[63], tips[90]):
            page.goto(base + "tips/" + name)
            page.eval("document.querySelector('[data-five-toggle] button').click()")
        page.goto(base + "tips/" + tips[11])
        for dark in (False, True):
            suffix = "-dark" if dark else ""
            page.dark_mode(dark)
            page.goto(base + "tips/" + tips[11])
            page.screenshot(os.path.join(out, "tip%s.png" % suffix))
            page.press(("/", "Slash", "/", 191))
            page.type("listen")
            page.wait_for("document.querySelectorAll('.search-popup .search-result').length")
            page.press(cdp.Page.ARROW_DOWN)
            page.eval("new Promise(r => setTimeout(r, 300))", await_promise=True)
            page.screenshot(os.path.join(out, "popup%s.png" % suffix))
            page.goto(base + "search.html?q=listen")
            page.wait_for("document.querySelectorAll('.search-result').length")
            page.eval("new Promise(r => setTimeout(r, 300))", await_promise=True)
            page.screenshot(os.path.join(out, "search%s.png" % suffix))
            page.goto(base + "index.html")
            page.wait_for("!document.querySelector('[data-tip-of-the-day]').hidden")
            page.screenshot(os.path.join(out, "home%s.png" % suffix))
            page.goto(base + "my-five.html")
            page.wait_for("document.querySelectorAll('.five-item .five-try').length")
            page.screenshot(os.path.join(out, "my-five%s.png" % suffix), full_page=True)
            page.goto(base + "themes/flywheel.html")
            page.screenshot(os.path.join(out, "flywheel%s.png" % suffix))
        page.dark_mode(False)
        page.goto(base + "my-five.html")
        page.wait_for("document.querySelectorAll('.five-item .five-try').length")
        pdf = os.path.join(out, "my-five-card.pdf")
        page.pdf(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, os.path.join(out, "my-five-card")], check=False)
        print("errors:", page.errors)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
