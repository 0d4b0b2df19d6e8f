#!/usr/bin/env python3
"""Checks that search forgives what readers type, and that the 404 page helps, in headless Chromium.

    python3 Tests/BrowserTests/forgiving_search_checks.py REAL_SITE CONTENT SPELLING_SITE

REAL_SITE is the frozen first edition (Tests/Fixtures/handbook) built by `handbook build`, and
CONTENT that edition's content folder, from which the checks work out what each answer should be.
SPELLING_SITE is a small two-language site: English tip 1 says "colour" and "centre", its Dutch
translation (under nl/) "contactcenter". The nested 404 page is served by nginx with an
`error_page 404` handler under /handbook/ (by Python's http.server, doing the same, where nginx
is missing). Prints one line per check; exits with 1 if any failed. Run by
ForgivingSearchBrowserTests.swift, so `swift test` covers it.
"""
import contextlib
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402
from browser_checks import FAILURES, check, enter_in_header_search, expect, results, serving  # noqa: E402


def search(page, base, query, extra=""):
    page.goto(base + "search.html?q=" + urllib.request.quote(query) + extra)
    page.wait_for("document.getElementById('search-status').textContent.trim().length > 0"
                  " && !/…/.test(document.getElementById('search-status').textContent)")
    return results(page)


def correction(page):
    return page.eval("(document.querySelector('#search-results .search-correction') || {}).textContent || ''")


def tip_texts(content):
    """Each tip's number → (title, chapter, themes, whole text, lowercased) from the Markdown files."""
    tips = {}
    folder = os.path.join(content, "tips")
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            text = file.read()
        number = int(re.search(r"^number: *(\d+)", text, re.M).group(1))
        chapter = int(re.search(r"^chapter: *(\d+)", text, re.M).group(1))
        title = re.search(r"^title: *(.+)$", text, re.M).group(1).strip().strip('"')
        themes = re.search(r"^themes: *\[(.*)\]", text, re.M).group(1)
        tips[number] = {"title": title, "chapter": chapter, "themes": [t.strip() for t in themes.split(",")],
                        "text": text.lower()}
    return tips


# MARK: - Typos, spellings, numbers, ranking

@check("'custmer' lists tips with 'customer' and says so")
def typo(page, base):
    found = search(page, base, "custmer")
    expect(len(found) >= 10, "expected many tips about customers, got %d" % len(found))
    note = correction(page)
    expect("Showing results for customer" in note and "custmer" in note, "correction note: %r" % note)
    for result in found[:12]:
        expect(any(mark.lower().startswith("customer") for mark in result["marks"]),
               "tip %d shows no marked 'customer': %r" % (result["number"], result))
    # The way back: the words as typed find nothing, and say so.
    page.eval("document.querySelector('.search-literal').click()")
    page.wait_for("document.getElementById('search-status').textContent.indexOf('custmer') >= 0")
    expect(not results(page), "the literal search still lists tips")
    expect("exact=1" in page.eval("location.search"), "the address forgets the literal search: " + page.eval("location.search"))
    page.goto(base + "search.html?q=custmer&exact=1")
    page.wait_for("document.getElementById('search-status').textContent.indexOf('custmer') >= 0")
    expect(not results(page) and not correction(page), "a literal search from the address corrects the word")
    # Two edits for a longer word, a swap of neighbours counts as one.
    found = search(page, base, "emapthy")
    expect(found and "Showing results for empathy" in correction(page), "'emapthy': %r" % correction(page))


@check("'apologize' finds the 'apologise' tips as they are")
def british_american(page, base, tips):
    expected = {number for number, tip in tips.items() if re.search(r"\bapologis", tip["text"])}
    found = search(page, base, "apologize")
    numbers = {result["number"] for result in found}
    expect(expected and expected <= numbers, "expected tips %r, got %r" % (sorted(expected), sorted(numbers)))
    expect(not correction(page), "a spelling is not a typo: %r" % correction(page))
    expect(any(mark.lower().startswith("apologis") for result in found for mark in result["marks"]),
           "no 'apologis…' marked: %r" % found[:2])
    centre = {number for number, tip in tips.items() if re.search(r"\bcentre", tip["text"])}
    found = search(page, base, "center")
    expect(centre <= {result["number"] for result in found} and not correction(page), "'center': %r" % found)
    behaviour = {number for number, tip in tips.items() if re.search(r"\bbehaviour", tip["text"])}
    found = search(page, base, "behavior")
    expect(behaviour <= {result["number"] for result in found} and not correction(page), "'behavior': %r" % found)


@check("'tip 17', 'Tip 17', '#17', '17' open tip 17")
def tip_number(page, base):
    for query in ["tip 17", "Tip 17", "#17", "17", "tip #17"]:
        found = search(page, base, query)
        expect(found and found[0]["number"] == 17 and found[0]["byNumber"], "%r: first result %r" % (query, found[:1]))
    url = enter_in_header_search(page, base, "tip 17")
    expect("/tips/017-" in url, "Enter on 'tip 17' went to " + url)


@check("'chapter 5' opens chapter 5 and lists its tips")
def chapter_number(page, base, tips):
    page.goto(base + "search.html?q=chapter%205")
    page.wait_for("document.querySelector('.search-result-chapter')")
    first = page.eval("document.querySelector('.search-result').getAttribute('href')")
    expect("/chapters/05-" in first, "first result: " + first)
    found = results(page)[1:]
    in_chapter = sorted(number for number, tip in tips.items() if tip["chapter"] == 5)
    expect([result["number"] for result in found] == in_chapter[:len(found)] and found,
           "tips listed %r, chapter 5 has %r" % ([r["number"] for r in found], in_chapter))


@check("'bot' lists tips with the word 'bot' before 'both'")
def short_word(page, base, tips):
    with_bot = {number for number, tip in tips.items() if re.search(r"\bbots?\b", tip["text"])}
    found = search(page, base, "bot")
    numbers = [result["number"] for result in found]
    expect(with_bot and set(numbers[:len(with_bot)]) == with_bot, "first %r, expected %r" % (numbers, sorted(with_bot)))
    expect(len(numbers) > len(with_bot), "'both' and 'bottom' are no longer found at all")


@check("a theme's name lists that theme's tips first")
def theme_name(page, base, tips):
    in_theme = {number for number, tip in tips.items() if "empathy" in tip["themes"]}
    page.goto(base + "search.html?q=empathy")
    page.wait_for("document.querySelectorAll('.search-result').length >= %d" % min(12, len(in_theme)))
    while page.eval("!!document.querySelector('.search-more')"):
        page.eval("document.querySelector('.search-more').click()")
    numbers = [result["number"] for result in results(page)]
    expect(set(numbers[:len(in_theme)]) == in_theme, "first %d results are not the Empathy tips: %r" % (len(in_theme), numbers))


@check("whole word in the title, then its start, then the text")
def ranking(page, base):
    found = search(page, base, "listen")
    def rank(title):
        words = re.findall(r"\w+", title.lower())
        return 2 if "listen" in words else 1 if any(w.startswith("listen") for w in words) else 0
    ranks = [rank(result["title"]) for result in found]
    expect(ranks[0] == 2 and ranks == sorted(ranks, reverse=True), "title ranks in order: %r" % ranks)


@check("Dutch keeps its own spelling; English meets both")
def dutch_spelling(page, site):
    base = "file://" + site + "/"
    found = search(page, base, "color")
    expect([r["number"] for r in found] == [1] and not correction(page), "English 'color': %r %r" % (found, correction(page)))
    found = search(page, base, "center")
    expect([r["number"] for r in found] == [1] and not correction(page), "English 'center': %r" % found)
    # In Dutch "contactcentre" is no spelling of "contactcenter", only a typo of it.
    found = search(page, base + "nl/", "contactcentre")
    note = correction(page)
    expect([r["number"] for r in found] == [1] and "contactcenter" in note, "Dutch 'contactcentre': %r %r" % (found, note))


# MARK: - The 404 page, two folders deep under a real web server

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def nginx(www):
    """nginx serving `www`, showing /handbook/404.html for anything missing under /handbook/."""
    port = free_port()
    prefix = tempfile.mkdtemp()
    config = os.path.join(prefix, "nginx.conf")
    with open(config, "w") as file:
        # Workers run as "nobody" under a root master, who may not read a private temporary folder.
        file.write(("user root;\n" if os.geteuid() == 0 else "") + """daemon off; worker_processes 1; pid %(p)s/nginx.pid; error_log %(p)s/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path %(p)s/body; proxy_temp_path %(p)s/proxy; fastcgi_temp_path %(p)s/fastcgi;
  uwsgi_temp_path %(p)s/uwsgi; scgi_temp_path %(p)s/scgi;
  types { text/html html; text/css css; application/javascript js; image/svg+xml svg; }
  server {
    listen 127.0.0.1:%(port)d;
    root %(www)s;
    location /handbook/ { error_page 404 /handbook/404.html; }
  }
}
""" % {"p": prefix, "port": port, "www": www})
    process = subprocess.Popen([NGINX, "-p", prefix, "-e", os.path.join(prefix, "error.log"), "-c", config],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        address = "http://127.0.0.1:%d/" % port
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            time.sleep(0.05)
        yield address
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(prefix, ignore_errors=True)


class NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """http.server answering a missing file under /handbook/ with /handbook/404.html, as nginx's error_page does."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        with open(os.path.join(self.directory, "handbook", "404.html"), "rb") as page:
            body = page.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@check("nested 404: suggestions from its address, search from the root")
def not_found(page, site):
    with tempfile.TemporaryDirectory() as www:
        os.symlink(site, os.path.join(www, "handbook"))
        with (nginx(www) if NGINX else serving(www, NotFoundHandler)) as address:
            base = address + "handbook/"
            missing = base + "tips/old/listen-more.html"
            with contextlib.suppress(urllib.error.HTTPError), urllib.request.urlopen(missing):
                raise AssertionError("the server does not answer 404")
            page.goto(missing)
            page.wait_for("document.querySelectorAll('[data-not-found] .search-result').length > 0")
            found = results(page)
            expect(len(found) <= 5, "too many suggestions: %d" % len(found))
            expect(any("listen" in result["title"].lower() for result in found), "no 'listen' tip suggested: %r" % found)
            for result in found:
                expect(result["href"].startswith(base + "tips/") and "/old/" not in result["href"], "link: " + result["href"])
                with urllib.request.urlopen(result["href"].split("?")[0]) as response:
                    expect(response.status == 200, "%s: %d" % (result["href"], response.status))
            search_link = page.eval("document.querySelector('[data-not-found-search]').href")
            expect(search_link == base + "search.html?q=listen+more", "search link: " + search_link)
            script = page.eval("Array.from(document.scripts).map(s => s.src).filter(s => /search\\.js$/.test(s))")
            expect(script == [base + "assets/search.js"], "search.js from: %r" % script)
            # The header's box: results as typed, and Enter on a word goes to the root's search page.
            page.eval("document.getElementById('site-search-input').focus()")
            page.type("listen")
            page.wait_for("document.querySelector('.search-popup .search-result')")
            hrefs = page.eval("Array.from(document.querySelectorAll('.search-popup a')).map(a => a.href)")
            expect(all(href.startswith(base) and "/old/" not in href for href in hrefs), "popup links: %r" % hrefs)
            page.eval("document.querySelector('.search-popup').hidden = true")
            page.eval("document.querySelector('[data-search-box]').requestSubmit()")
            page.browser.wait_event("Page.loadEventFired", page.session)
            url = page.eval("location.href")
            expect(url == base + "search.html?q=listen", "the header's search went to " + url)
            page.wait_for("document.querySelectorAll('.search-result').length")
            expect(not page.errors, "script errors: %r" % page.errors)


def main():
    global NGINX
    site, content, spelling_site = (os.path.abspath(path) for path in sys.argv[1:4])
    NGINX = next((path for path in [shutil.which("nginx"), "/usr/sbin/nginx"] if path and os.access(path, os.X_OK)), None)
    tips = tip_texts(content)
    base = "file://" + site + "/"
    with tempfile.TemporaryDirectory() as scratch, cdp.Browser(os.path.join(scratch, "profile")) as browser:
        page = browser.new_page()
        typo(page, base)
        british_american(page, base, tips)
        tip_number(page, base)
        chapter_number(page, base, tips)
        short_word(page, base, tips)
        theme_name(page, base, tips)
        ranking(page, base)
        dutch_spelling(page, spelling_site)
        not_found(page, site)
        page.collect_errors()
        if page.errors:
            FAILURES.append("script errors")
            print("FAIL script errors: %r" % page.errors)
    print("served the 404 page with " + ("nginx" if NGINX else "Python's http.server"))
    print("%d failed" % len(FAILURES) if FAILURES else "all forgiving-search checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
