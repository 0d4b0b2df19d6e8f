#!/usr/bin/env python3
"""Checks search, "My five" and the tip of the day in headless Chromium, on built sites.

    python3 Tests/BrowserTests/browser_checks.py REAL_SITE [ACCENT_SITE]

REAL_SITE is the real handbook built by `handbook build`; ACCENT_SITE (optional) a small site
with a tip titled "Meet at the café". Pages are opened from disk (file://) and, for the
sub-path check, from a local HTTP server under /sub/path/. Prints one line per check and exits
with 1 if any failed. Run by SearchBrowserTests.swift, so `swift test` covers it.
"""
import base64
import contextlib
import datetime
import functools
import http.server
import os
import re
import sys
import tempfile
import threading
import time
import traceback
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

FAILURES = []


def check(name):
    def wrap(function):
        @functools.wraps(function)
        def run(*args):
            started = time.time()
            try:
                function(*args)
                print("ok   %-48s %.2fs" % (name, time.time() - started))
            except Exception as error:  # noqa: BLE001
                FAILURES.append(name)
                print("FAIL %-48s %s" % (name, error))
                traceback.print_exc(limit=3)
        return run
    return wrap


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def results(page):
    """Shown results: number, title, theme tags, snippet, marked words, whether found by number."""
    return page.eval("""Array.from(document.querySelectorAll('.search-result')).map(a => ({
        number: +a.dataset.number, href: a.href,
        title: a.querySelector('.search-result-title').textContent,
        themes: Array.from(a.querySelectorAll('.search-tag')).map(t => t.textContent),
        snippet: a.querySelector('.search-result-snippet').textContent,
        marks: Array.from(a.querySelectorAll('mark')).map(m => m.textContent),
        byNumber: !!a.querySelector('.search-result-eyebrow')}))""")


def enter_in_header_search(page, base, query, slash=False):
    """Types `query` into the home page's header search (opened by "/" or by focus), presses
    Enter on the first suggestion and returns the address it leads to."""
    page.goto(base + "index.html")
    if slash:
        page.press(("/", "Slash", "/", 191))
    else:
        page.eval("document.getElementById('site-search-input').focus()")
    page.type(query)
    page.wait_for("document.querySelector('.search-popup .search-result')")
    page.press(cdp.Page.ENTER)
    page.browser.wait_event("Page.loadEventFired", page.session)
    return page.eval("location.href")


def settle(page, ms=250):
    page.eval("new Promise(r => setTimeout(r, %d))" % ms, await_promise=True)


def tip_file(site, number):
    return next(name for name in os.listdir(os.path.join(site, "tips")) if name.startswith("%03d-" % number))


# MARK: - Search

@check("search page finds 'empath' (prefix), marks it")
def search_prefix(page, base):
    page.goto(base + "search.html?q=empath")
    page.wait_for("document.querySelectorAll('.search-result').length")
    settle(page, 400)  # body snippets arrive after a pause
    found = results(page)
    expect(len(found) >= 10, "expected many tips about empathy, got %d" % len(found))
    for result in found:
        expect(any(mark.lower().startswith("empath") for mark in result["marks"]),
               "tip %d shows no marked 'empath…' word: %r" % (result["number"], result))
    status = page.eval("document.getElementById('search-status').textContent")
    expect("found" in status, "status line: " + status)


@check("ranking: title matches before text matches")
def search_ranking(page, base):
    page.goto(base + "search.html?q=listen")
    page.wait_for("document.querySelectorAll('.search-result').length")
    found = results(page)
    in_title = [("listen" in r["title"].lower()) for r in found]
    expect(in_title[0], "first result should have 'listen' in its title: %r" % found[0])
    expect(in_title == sorted(in_title, reverse=True), "title matches are not all first: %r" % in_title)


@check("a number alone goes to that tip")
def search_number(page, base):
    page.goto(base + "search.html?q=42")
    page.wait_for("document.querySelectorAll('.search-result').length")
    found = results(page)
    expect(found[0]["number"] == 42 and found[0]["byNumber"], "first result: %r" % found[0])
    url = enter_in_header_search(page, base, "42", slash=True)
    expect("/tips/042-" in url, "Enter on '42' went to " + url)


@check("theme filter keeps one theme")
def search_theme_filter(page, base):
    page.goto(base + "search.html?q=customer&theme=flywheel")
    page.wait_for("document.querySelectorAll('.search-result').length")
    found = results(page)
    expect(found, "no results")
    for result in found:
        expect("Flywheel" in result["themes"], "tip %d is not in Flywheel: %r" % (result["number"], result["themes"]))
    checked = page.eval("document.querySelector('input[name=theme]:checked').value")
    expect(checked == "flywheel", "the flywheel chip is not selected: " + checked)
    page.eval("document.querySelector('input[name=theme][value=\"\"]').click()")
    expect(page.eval("location.search") == "?q=customer", "URL keeps the state: " + page.eval("location.search"))


# aria-controls naming no element, or an expanded combobox without aria-controls (axe: critical).
DANGLING_CONTROLS = """Array.from(document.querySelectorAll('[aria-controls], [role=combobox][aria-expanded=true]'))
    .filter(e => !e.getAttribute('aria-controls')
                 || e.getAttribute('aria-controls').split(/\\s+/).some(id => !document.getElementById(id)))
    .map(e => e.id || e.className)"""


@check("aria-controls names an element in the page: empty search page, results, cleared")
def search_controls_exist(page, base):
    page.goto(base + "search.html")
    page.wait_for("document.getElementById('search-page-input').getAttribute('role') === 'combobox'")
    settle(page)
    expect(page.eval(DANGLING_CONTROLS) == [], "empty page: " + repr(page.eval(DANGLING_CONTROLS)))
    page.goto(base + "search.html?q=listen")
    page.wait_for("document.querySelectorAll('.search-result').length")
    field = "document.getElementById('search-page-input')"
    expect(page.eval(field + ".getAttribute('aria-controls')"), "no aria-controls while results show")
    expect(page.eval(DANGLING_CONTROLS) == [], "with results: " + repr(page.eval(DANGLING_CONTROLS)))
    page.eval(field + ".value = ''; " + field + ".dispatchEvent(new Event('input'))")
    settle(page)
    expect(page.eval(DANGLING_CONTROLS) == [], "cleared: " + repr(page.eval(DANGLING_CONTROLS)))
    expect(page.eval(field + ".getAttribute('aria-expanded')") == "false", "expanded with no list")
    page.goto(base + "index.html")
    page.press(("/", "Slash", "/", 191))
    page.type("listen")
    page.wait_for("document.querySelector('.search-popup .search-result')")
    header = "document.getElementById('site-search-input')"
    expect(page.eval(header + ".getAttribute('aria-expanded')") == "true", "the header's popup is not expanded")
    expect(page.eval(DANGLING_CONTROLS) == [], "header popup: " + repr(page.eval(DANGLING_CONTROLS)))


@check("index loads on first use; keyboard: / arrows Esc")
def search_keyboard(page, base):
    page.goto(base + "chapters/" + sorted(os.listdir(SITE + "/chapters"))[0])
    expect(page.eval("typeof HandbookSearchIndex") == "undefined", "index loaded before search was used")
    expect(not page.eval("!!document.querySelector('script[src*=search-index]')"), "index script tag before use")
    page.press(("/", "Slash", "/", 191))
    expect(page.eval("document.activeElement.id") == "site-search-input", "'/' did not focus the search box")
    page.wait_for("typeof HandbookSearchIndex !== 'undefined'")
    page.type("listen")
    page.wait_for("!document.getElementById('site-search-popup').hidden && document.querySelector('.search-popup .search-result')")
    first = page.eval("document.activeElement.getAttribute('aria-activedescendant')")
    page.press(cdp.Page.ARROW_DOWN)
    second = page.eval("document.activeElement.getAttribute('aria-activedescendant')")
    expect(first and second and first != second, "arrow down did not move: %r → %r" % (first, second))
    expect(page.eval("document.getElementById(%r).getAttribute('aria-selected')" % second) == "true", "not selected")
    page.press(cdp.Page.ESCAPE)
    expect(page.eval("document.getElementById('site-search-popup').hidden"), "Escape did not close the results")
    expect(page.eval("document.activeElement.getAttribute('aria-expanded')") == "false", "aria-expanded stays true")


@check("a result's page marks the searched words")
def search_highlight(page, base):
    page.goto(base + "search.html?q=listen")
    page.wait_for("document.querySelectorAll('.search-result').length")
    href = page.eval("document.querySelector('.search-result').href")
    expect(href.endswith("?highlight=listen"), "first result's link: " + href)
    page.eval("document.querySelector('.search-result').click()")
    page.browser.wait_event("Page.loadEventFired", page.session)
    marks = page.eval("Array.from(document.querySelectorAll('main mark')).map(m => m.textContent)")
    expect(marks, "no words marked on " + page.eval("location.href"))
    expect(all(mark.lower().startswith("listen") for mark in marks), "marked: %r" % marks)
    expect(page.eval("!!document.querySelector('main h1 mark')"), "the title's 'listen' is not marked")
    expect(page.eval("location.search") == "", "the address keeps the query: " + page.eval("location.href"))
    # The page's text is whole: marking split no word and lost no letter.
    text = page.eval("document.querySelector('main .prose').textContent")
    page.eval("location.reload()")
    page.browser.wait_event("Page.loadEventFired", page.session)
    expect(page.eval("document.querySelectorAll('main mark').length") == 0, "marks come back without the query")
    expect(page.eval("document.querySelector('main .prose').textContent") == text, "marking changed the text")


@check("arrows go to the previous and next tip")
def arrow_keys(page, base):
    page.goto(base + "tips/" + tip_file(SITE, 7))
    page.press(cdp.Page.ARROW_RIGHT)
    page.browser.wait_event("Page.loadEventFired", page.session)
    url = page.eval("location.href")
    expect("/tips/008-" in url, "ArrowRight on tip 7 went to " + url)
    page.press(cdp.Page.ARROW_LEFT)
    page.browser.wait_event("Page.loadEventFired", page.session)
    url = page.eval("location.href")
    expect("/tips/007-" in url, "ArrowLeft on tip 8 went to " + url)
    # In the search box the arrows move the caret, not the page.
    page.eval("document.getElementById('site-search-input').focus()")
    page.type("ab")
    page.press(cdp.Page.ARROW_LEFT)
    settle(page, 300)
    expect("/tips/007-" in page.eval("location.href"), "ArrowLeft in the search box left the page")
    caret = page.eval("document.getElementById('site-search-input').selectionStart")
    expect(caret == 1, "the caret did not move left: %r" % caret)
    page.goto(base + "chapters/" + sorted(os.listdir(SITE + "/chapters"))[0])
    page.press(cdp.Page.ARROW_RIGHT)
    page.browser.wait_event("Page.loadEventFired", page.session)
    second = sorted(os.listdir(SITE + "/chapters"))[1]
    expect(page.eval("location.href").endswith("/chapters/" + second), "ArrowRight on chapter 1 went to " + page.eval("location.href"))


@check("accents: 'cafe' finds 'café'")
def search_accents(page, base):
    for query in ("cafe", "CAFÉ", "Cafe%CC%81"):
        page.goto(base + "search.html?q=" + query)
        page.wait_for("document.querySelectorAll('.search-result').length")
        found = results(page)
        expect(found[0]["title"].endswith("Meet at the café"), "%s: %r" % (query, found[0]))
        expect("café" in found[0]["marks"], "%s: 'café' not marked: %r" % (query, found[0]["marks"]))
    page.eval("document.querySelector('.search-result').click()")
    page.browser.wait_event("Page.loadEventFired", page.session)
    marks = page.eval("Array.from(document.querySelectorAll('main mark')).map(m => m.textContent)")
    expect(marks == ["café"], "the café tip's page marks %r" % marks)


# MARK: - My five and the tip of the day

@check("'Add to my five' survives a reload; card prints on 1 page")
def five_persists(profile, base):
    tip = tip_file(SITE, 12)
    with cdp.Browser(profile) as browser:
        page = browser.new_page()
        page.goto(base + "tips/" + tip)
        expect(page.eval("!document.querySelector('[data-five-toggle]').hidden"), "button stays hidden with JS")
        page.eval("document.querySelector('[data-five-toggle] button').click()")
        expect(page.eval("document.querySelector('[data-five-toggle] button').getAttribute('aria-pressed')") == "true",
               "button not pressed after adding")
        expect(not page.errors, "script errors: %r" % page.errors)
    with cdp.Browser(profile) as browser:  # a new browser, the same profile
        page = browser.new_page()
        page.goto(base + "tips/" + tip)
        expect(page.eval("document.querySelector('[data-five-toggle] button').getAttribute('aria-pressed')") == "true",
               "the choice was lost on reload")
        expect(page.eval("document.querySelector('[data-five-count]').textContent") == "1/5", "header count")
        page.goto(base + "my-five.html")
        page.wait_for("document.querySelector('.five-item .five-try')")
        items = page.eval("Array.from(document.querySelectorAll('.five-item:not(.five-free)')).map(li => +li.dataset.tip)")
        expect(items == [12], "My five lists %r" % items)
        today = datetime.date.today()
        start = page.eval("document.querySelector('[data-five-start] time').dateTime")
        end = page.eval("document.querySelector('[data-five-end] time').dateTime")
        expect(start == today.isoformat(), "cycle start %s" % start)
        month = today.month + 2
        year = today.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        last_day = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
        expect(end == datetime.date(year, month, min(today.day, last_day)).isoformat(), "cycle end %s" % end)
        # Five tips print as one card on one page.
        key = page.eval("HandbookFive.key")
        five = page.eval("HandbookData.tips.slice(0, 5).map(t => t[0])")
        page.eval("localStorage.setItem(%r, JSON.stringify({v: 1, start: %r, tips: %r, history: []}))"
                  % (key, today.isoformat(), five))
        page.goto(base + "my-five.html")
        page.wait_for("document.querySelectorAll('.five-item .five-try').length === 5")
        pdf = page.call("Page.printToPDF", {"printBackground": True})["data"]
        pages = len(re.findall(rb"/Type\s*/Page[^s]", base64.b64decode(pdf)))
        expect(pages == 1, "the printed card takes %d pages" % pages)
        page.eval("localStorage.setItem(%r, JSON.stringify({v: 1, start: %r, tips: [12], history: []}))"
                  % (key, today.isoformat()))
        page.goto(base + "my-five.html")
        page.wait_for("document.querySelector('.five-item .five-try')")
        page.eval("document.querySelector('[data-five-next]').click()")
        page.eval("document.querySelector('[data-five-next-yes]').click()")
        page.goto(base + "my-five.html")
        history = page.eval("Array.from(document.querySelectorAll('.five-history-cycle a')).map(a => a.textContent)")
        expect(len(history) == 1 and history[0].startswith("12"), "practised history: %r" % history)
        expect(page.eval("document.querySelectorAll('.five-item').length") == 0, "the new cycle is not empty")
        expect(not page.errors, "script errors: %r" % page.errors)


def hash_day(day):
    """The same hash as five.js: FNV-1a, then a final mix."""
    value = 0x811C9DC5
    for char in day:
        value ^= ord(char)
        value = (value * 0x01000193) & 0xFFFFFFFF
    value ^= value >> 16
    value = (value * 0x85EBCA6B) & 0xFFFFFFFF
    value ^= value >> 13
    value = (value * 0xC2B2AE35) & 0xFFFFFFFF
    value ^= value >> 16
    return value


@check("tip of the day: stable within a day, from the date")
def tip_of_the_day(page, base):
    page.goto(base + "index.html")
    page.wait_for("!document.querySelector('[data-tip-of-the-day]').hidden")
    first = page.eval("document.querySelector('[data-tip-of-the-day]').dataset.tip")
    page.goto(base + "index.html")
    page.wait_for("!document.querySelector('[data-tip-of-the-day]').hidden")
    again = page.eval("document.querySelector('[data-tip-of-the-day]').dataset.tip")
    expect(first == again, "changed on reload: %s → %s" % (first, again))
    numbers = page.eval("HandbookData.tips.map(t => t[0])")
    today = page.eval("HandbookFive.today()")
    expect(int(first) == numbers[hash_day(today) % len(numbers)], "not the tip for %s" % today)
    days = ["2026-01-%02d" % day for day in range(1, 29)]
    picks = page.eval("%r.map(d => HandbookFive.tipOfTheDay(HandbookData.tips, d)[0])" % days)
    expect(picks == [numbers[hash_day(day) % len(numbers)] for day in days], "hash differs from the reference")
    expect(len(set(picks)) > 20, "28 days give only %d different tips" % len(set(picks)))
    link = page.eval("document.querySelector('[data-tod-link]').href")
    expect(link.startswith(base + "tips/"), "link " + link)


# MARK: - Under a sub-path of a web server

@contextlib.contextmanager
def serving(directory, handler=None):
    """A local HTTP server for `directory` on a free port; yields its address, ending in '/'."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler or QuietHandler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield "http://127.0.0.1:%d/" % server.server_address[1]
    finally:
        server.shutdown()


@check("works under a sub-path (http://…/sub/path/)")
def sub_path(page, site):
    with tempfile.TemporaryDirectory() as www:
        os.makedirs(os.path.join(www, "sub"))
        os.symlink(os.path.abspath(site), os.path.join(www, "sub", "path"))
        with serving(www) as address:
            base = address + "sub/path/"
            page.goto(base + "themes/flywheel.html")
            page.eval("document.getElementById('site-search-input').focus()")
            page.type("listen")
            page.wait_for("document.querySelector('.search-popup .search-result')")
            hrefs = page.eval("Array.from(document.querySelectorAll('.search-popup a')).map(a => a.href)")
            for href in hrefs:
                expect(href.startswith(base), "link leaves the sub-path: " + href)
                with urllib.request.urlopen(href.split("#")[0]) as response:
                    expect(response.status == 200, "%s: %d" % (href, response.status))
            steps = page.eval("Array.from(document.querySelectorAll('.flywheel-step')).map(a => a.getAttribute('href'))")
            expect(len(steps) == 6, "flywheel steps: %r" % steps)
            for href in steps:
                expect(page.eval("!!document.getElementById(%r)" % href[1:]), "no target for " + href)
            expect(not page.errors, "script errors: %r" % page.errors)


@check("404 page shown deep in the site fixes its links")
def not_found_deep(page, site):
    with serving(site, NotFoundHandler) as base:
        page.goto(base + "tips/gone/deeper/missing.html")
        page.wait_for("document.querySelector('[data-site-link]').href.indexOf('/gone/') < 0")
        home = page.eval("document.querySelector('[data-site-link]').href")
        expect(home == base + "index.html", "home link: " + home)
        icon = page.eval("document.querySelector('link[rel=icon]').href")
        expect(icon == base + "assets/icon.svg", "icon: " + icon)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class NotFoundHandler(QuietHandler):
    """Answers a missing file with the site's 404.html, as an intranet server would be set to."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        with open(os.path.join(self.directory, "404.html"), "rb") as page:
            body = page.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def main():
    global SITE
    SITE = os.path.abspath(sys.argv[1])
    accent_site = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else None
    base = "file://" + SITE + "/"
    with tempfile.TemporaryDirectory() as scratch:
        with cdp.Browser(os.path.join(scratch, "a")) as browser:
            page = browser.new_page()
            search_prefix(page, base)
            search_ranking(page, base)
            search_number(page, base)
            search_theme_filter(page, base)
            search_controls_exist(page, base)
            search_keyboard(page, base)
            search_highlight(page, base)
            arrow_keys(page, base)
            if accent_site:
                search_accents(page, "file://" + accent_site + "/")
            tip_of_the_day(page, base)
            sub_path(page, SITE)
            not_found_deep(page, SITE)
            page.collect_errors()
            if page.errors:
                FAILURES.append("script errors")
                print("FAIL script errors: %r" % page.errors)
        five_persists(os.path.join(scratch, "b"), base)
    print("%d failed" % len(FAILURES) if FAILURES else "all browser checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
