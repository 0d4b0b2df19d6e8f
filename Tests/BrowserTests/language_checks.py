#!/usr/bin/env python3
"""Checks the handbook in two languages in headless Chromium, on built sites.

    python3 Tests/BrowserTests/language_checks.py REAL_SITE PARTIAL_SITE

REAL_SITE is the real handbook (content/, with its Dutch edition in content/nl/) built by
`handbook build`; PARTIAL_SITE a small handbook whose Dutch translation leaves tip 2 out. Pages
are opened from disk (file://). Prints one line per check and exits with 1 if any failed. Run by
LanguageBrowserTests.swift, so `swift test` covers it.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402
from browser_checks import FAILURES, check, expect, results, settle  # noqa: E402


def tip_file(site, number, folder=""):
    tips = os.path.join(site, folder, "tips")
    return folder + "tips/" + next(name for name in os.listdir(tips) if name.startswith("%03d-" % number))


def heading(page):
    return page.eval("document.querySelector('h1').textContent")


@check("the switch on tip 17 leads to tip 17 in Dutch and back")
def switch_languages(page, site):
    page.goto("file://" + site + "/" + tip_file(site, 17))
    english = heading(page)
    expect(page.eval("document.documentElement.lang") == "en", "the English page is not lang=en")
    page.eval("document.querySelector('.language-switch a[hreflang=nl]').click()")
    page.wait_for("document.readyState === 'complete' && document.documentElement && document.documentElement.lang === 'nl'")
    expect(page.eval("location.pathname").endswith(tip_file(site, 17, "nl/")), "landed on %s" % page.eval("location.pathname"))
    dutch = heading(page)
    expect(dutch == "Houd je optimisme eerlijk" and dutch != english, "Dutch title %r" % dutch)
    expect(page.eval("document.querySelector('.eyebrow').textContent").strip() == "Tip 17", "not tip 17")
    page.eval("document.querySelector('.language-switch a[hreflang=en]').click()")
    page.wait_for("document.readyState === 'complete' && document.documentElement && document.documentElement.lang === 'en'")
    expect(heading(page) == english, "back on %r" % heading(page))
    expect(not page.errors, "script errors: %r" % page.errors)


@check("a Dutch search ('klachten') finds Dutch tips")
def dutch_search(page, site):
    page.goto("file://" + site + "/nl/search.html?q=klachten")
    page.wait_for("document.querySelectorAll('.search-result').length > 0")
    found = results(page)
    expect(len(found) >= 3, "only %d results" % len(found))
    expect(all("/nl/tips/" in result["href"] for result in found), "a result outside nl/: %r" % found[0]["href"])
    expect(any("klacht" in (result["title"] + result["snippet"]).lower() for result in found), "no Dutch words in %r" % found[:3])
    page.goto("file://" + site + "/search.html?q=klachten")
    settle(page, 400)
    expect(len(results(page)) == 0, "the English index knows a Dutch word")


@check("My five keeps its tips across the language switch")
def five_across_languages(profile, site):
    with cdp.Browser(profile) as browser:
        page = browser.new_page()
        page.goto("file://" + site + "/" + tip_file(site, 17))
        page.eval("document.querySelector('[data-five-toggle] button').click()")
        page.goto("file://" + site + "/" + tip_file(site, 17, "nl/"))
        expect(page.eval("document.querySelector('[data-five-toggle] button').getAttribute('aria-pressed')") == "true",
               "tip 17 is not in the Dutch five")
        page.goto("file://" + site + "/nl/my-five.html")
        page.wait_for("document.querySelector('.five-item .five-try')")
        items = page.eval("Array.from(document.querySelectorAll('.five-item:not(.five-free)')).map(li => +li.dataset.tip)")
        expect(items == [17], "the Dutch My five lists %r" % items)
        title = page.eval("document.querySelector('.five-item:not(.five-free)').textContent")
        expect("Houd je optimisme eerlijk" in title, "the Dutch My five shows %r" % title[:80])
        expect(not page.errors, "script errors: %r" % page.errors)


@check("an untranslated tip shows the original with a notice")
def untranslated_notice(page, site):
    page.goto("file://" + site + "/" + tip_file(site, 2, "nl/"))
    notice = page.eval("(document.querySelector('.untranslated-notice') || {}).textContent || ''")
    expect("nog niet vertaald" in notice, "notice %r" % notice)
    expect(page.eval("document.querySelector('.prose').lang") == "en", "the original text is not marked as English")
    expect(page.eval("document.documentElement.lang") == "nl", "the page is not Dutch")
    page.goto("file://" + site + "/" + tip_file(site, 1, "nl/"))
    expect(page.eval("document.querySelector('.untranslated-notice')") is None, "a translated tip has the notice")


def main():
    real, partial = (os.path.abspath(path) for path in sys.argv[1:3])
    with tempfile.TemporaryDirectory() as scratch:
        with cdp.Browser(os.path.join(scratch, "a")) as browser:
            page = browser.new_page()
            switch_languages(page, real)
            dutch_search(page, real)
            untranslated_notice(page, partial)
        five_across_languages(os.path.join(scratch, "b"), real)
    print("%d failed" % len(FAILURES) if FAILURES else "all language checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
