#!/usr/bin/env python3
"""Screenshots of the preview's error panel over the last good page, 1280 and 390 px.

    python3 Tests/BrowserTests/preview_panel_screenshots.py HANDBOOK_BINARY OUT_DIR

Copies content/ and themes/default/ to a temporary folder, starts `handbook serve` on it, then
breaks tip 1 twice (an unknown theme, a related tip that does not exist) and tip 2 once, and
shoots the first tip with the panel open and with its follow-on errors unfolded. Not a test.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tip(folder, number):
    tips = os.path.join(folder, "tips")
    return os.path.join(tips, next(n for n in sorted(os.listdir(tips)) if n.startswith("%03d-" % number)))


def break_front_matter(path, themes, related=None):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"^themes: .*$", "themes: " + themes, text, count=1, flags=re.M)
    if related:
        text = re.sub(r"^related: .*$", "related: " + related, text, count=1, flags=re.M)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(binary, out):
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        content = os.path.join(work, "content")
        shutil.copytree(os.path.join(ROOT, "content"), content)
        shutil.copytree(os.path.join(ROOT, "themes/default"), os.path.join(work, "themes/default"))
        port = free_port()
        server = subprocess.Popen([os.path.abspath(binary), "serve", "--content", "content", "--port", str(port)],
                                  cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = "http://127.0.0.1:%d/" % port
            first = "tips/" + os.path.basename(tip(content, 1)).replace(".md", ".html")
            with tempfile.TemporaryDirectory() as profile, cdp.Browser(profile, 1280, 900) as browser:
                page = browser.new_page()
                for _ in range(100):
                    try:
                        page.goto(base + first)
                        if page.eval("document.title"):
                            break
                    except cdp.CDPError:
                        pass
                    time.sleep(0.2)
                break_front_matter(tip(content, 1), "[nosuch]", "[2, 999]")
                break_front_matter(tip(content, 2), "[<b>]")
                page.wait_for("document.getElementById('handbook-preview-errors')", timeout=30)
                for width, height, mobile in ((1280, 900, False), (390, 844, True)):
                    page.call("Emulation.setDeviceMetricsOverride",
                              {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
                    for dark in (False, True):
                        page.dark_mode(dark)
                        page.goto(base + first)
                        page.wait_for("document.getElementById('handbook-preview-errors')")
                        suffix = "%d%s" % (width, "-dark" if dark else "")
                        page.screenshot(os.path.join(out, "preview-panel-%s.png" % suffix))
                    page.eval("document.querySelector('#handbook-preview-errors details').open = true")
                    page.screenshot(os.path.join(out, "preview-panel-%d-unfolded.png" % width))
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
