#!/usr/bin/env python3
"""Checks "Where do we stand?" and the two-month cycle of My five in headless Chromium.

    python3 Tests/BrowserTests/assessment_checks.py REAL_SITE

REAL_SITE is the real handbook (content/, with content/assessment.yml and its Dutch edition)
built by `handbook build`. Pages are opened from disk (file://) and, for the sub-path check,
from a local HTTP server under /sub/path/. Prints one line per check and exits with 1 if any
failed. Run by AssessmentBrowserTests.swift, so `swift test` covers it.

The known answers: every statement "always" (4) except four. With the rule of docs/assessment.md
the starter five is worked out by hand below, so a change of the rule or of content/assessment.yml
that changes the five fails here.
"""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402
from browser_checks import FAILURES, check, expect, serving  # noqa: E402

PAGE = "where-do-we-stand.html"
KNOWN = {"fix-first": 0, "warm-system": 0, "hear-customers": 1, "easy-life": 1}
# Score 0, in file order: fix-first [69 ch6, 50 ch5, 49 ch5, 68 ch6] and warm-system [63 ch6, 64 ch6,
# 65 ch6], taken in turns: 69, 63, 50, (64: chapter 6 has two), 49, (65, 68: the same). Score 1, in
# file order: hear-customers [2 ch1, …] gives 2, the fifth.
FIRST_FIVE = [69, 63, 50, 49, 2]
# The same answers after practising those five: 64 and 65 (chapter 6 has room again), then at
# score 1: 2 is done, 43 (ch5), 103 (ch9), 46 (ch5).
SECOND_FIVE = [64, 65, 43, 103, 46]
# Moves the page's clock 70 days ahead, past the end of a two-month cycle.
LATER = """(() => { const shift = 70 * 86400000; const Real = Date;
  class Later extends Real { constructor(...a) { if (a.length) super(...a); else super(Real.now() + shift); }
    static now() { return Real.now() + shift; } }
  window.Date = Later; })();"""


def answer(page, scores):
    """Rates every statement: `scores` by id, 4 (always) for the rest; then asks for the result."""
    page.eval("""(() => { const known = %s;
        document.querySelectorAll('[data-statement]').forEach(f => {
            const value = f.dataset.statement in known ? known[f.dataset.statement] : 4;
            f.querySelector('input[value="' + value + '"]').click(); });
        document.querySelector('[data-assessment] [type=submit]').click(); })()""" % json.dumps(scores))
    page.wait_for("!document.querySelector('[data-assessment-result]').hidden")


def shown_five(page):
    return page.eval("Array.from(document.querySelectorAll('[data-assessment-five] li')).map(li => +li.dataset.tip)")


def chapters(page):
    return page.eval("Object.fromEntries(Array.from(document.querySelectorAll('[data-assessment-tips] li'))"
                     ".map(li => [li.dataset.tip, +li.dataset.chapter]))")


def goto_once_stored(page, url, condition, timeout=10):
    """Opens `url` in `page` once `condition` holds there: what another tab wrote to localStorage
    reaches a new tab asynchronously, so the page is loaded again until it has arrived."""
    deadline = time.time() + timeout
    while True:
        page.goto(url)
        if page.eval("!!(%s)" % condition) or time.time() > deadline:
            return
        time.sleep(0.2)


def my_five(page):
    page.wait_for("document.querySelector('[data-my-five]') && !document.querySelector('[data-my-five]').hidden")
    return page.eval("Array.from(document.querySelectorAll('.five-item:not(.five-free)')).map(li => +li.dataset.tip)")


@check("the page: keyboard, unanswered statements, reached from home")
def page_basics(page, base):
    page.goto(base + "index.html")
    link = page.eval("document.querySelector('.assessment-callout a').href")
    expect(link == base + PAGE, "home links to %s" % link)
    expect(page.eval("Array.from(document.querySelectorAll('.site-nav a')).some(a => a.href === %r)" % (base + PAGE)),
           "no link in the header")
    page.goto(base + PAGE)
    count = page.eval("document.querySelectorAll('[data-statement]').length")
    expect(18 <= count <= 24, "%d statements" % count)
    expect(page.eval("document.querySelectorAll('[data-statement] legend').length") == count, "a statement without a legend")
    # Keyboard: focus the first statement's first choice, move with the arrow keys.
    page.eval("document.querySelector('[data-statement] input').focus()")
    page.press(cdp.Page.ARROW_RIGHT)
    page.press(cdp.Page.ARROW_RIGHT)
    value = page.eval("document.querySelector('[data-statement] input:checked').value")
    expect(value == "2", "arrow keys chose %r" % value)
    page.eval("document.querySelector('[data-assessment] [type=submit]').click()")
    missing = page.eval("document.querySelector('[data-assessment-missing]').textContent")
    expect(not page.eval("document.querySelector('[data-assessment-missing]').hidden"), "no message for open statements")
    expect(missing.rstrip().endswith(", ".join(str(n) for n in range(2, count + 1))), "open statements: %r" % missing)
    focused = page.eval("document.activeElement.closest('[data-statement]').dataset.statement")
    second = page.eval("document.querySelectorAll('[data-statement]')[1].dataset.statement")
    expect(focused == second, "focus went to %r, not the first open statement" % focused)
    expect(page.eval("document.querySelector('[data-assessment-result]').hidden"), "a result without every answer")
    expect(not page.errors, "script errors: %r" % page.errors)


@check("known answers give the exact starter five")
def known_answers(page, base):
    page.goto(base + PAGE)
    answer(page, KNOWN)
    five = shown_five(page)
    expect(five == FIRST_FIVE, "starter five %r, expected %r" % (five, FIRST_FIVE))
    chapter_of = chapters(page)
    counts = {}
    for number in five:
        counts[chapter_of[str(number)]] = counts.get(chapter_of[str(number)], 0) + 1
    expect(max(counts.values()) <= 2, "more than two from one chapter: %r" % counts)
    weakest = page.eval("document.querySelector('[data-assessment-weakest]').dataset.groups")
    expect(weakest == "cut", "weakest groups %r" % weakest)
    expect("The cut diamond" in page.eval("document.querySelector('[data-assessment-weakest]').textContent"), "weakest not named")
    bars = page.eval("Array.from(document.querySelectorAll('[data-assessment-charts] figure')).map(f => "
                     "[f.dataset.group, f.querySelector('svg[role=img]').getAttribute('aria-label'), "
                     "+f.querySelector('.assessment-bar-fill').getAttribute('width')])")
    expect([bar[0] for bar in bars] == ["rough", "clear", "cut", "never-normal"], "bars %r" % bars)
    expect(bars[2][1].startswith("The cut diamond: 2.6"), "cut bar label %r" % bars[2][1])
    expect(bars[1][2] == 400 and abs(bars[2][2] - 400 * 21 / 32) < 0.1, "bar widths %r" % bars)
    expect(page.eval("document.activeElement.id") == "assessment-result-title", "focus not on the result")
    expect(not page.errors, "script errors: %r" % page.errors)


@check("'start these five' fills My five")
def start_five(page, base):
    page.goto(base + PAGE)
    answer(page, KNOWN)
    page.eval("document.querySelector('[data-assessment-start]').click()")
    expect(not page.eval("document.querySelector('[data-assessment-started]').hidden"), "no confirmation")
    expect(page.eval("document.querySelector('[data-five-count]').textContent") == "5/5", "header count")
    page.goto(base + "my-five.html")
    expect(my_five(page) == FIRST_FIVE, "My five holds %r" % my_five(page))
    state = page.eval("HandbookFive.load()")
    expect(state["start"] == page.eval("HandbookFive.today()"), "cycle starts %r" % state["start"])
    expect(state["assessment"]["scores"]["fix-first"] == 0, "answers not kept: %r" % state.get("assessment"))
    expect(not page.eval("document.querySelector('[data-five-due]').hidden") is False, "due on day one")
    expect(page.eval("document.getElementById('five-next-confirm').hidden"), "review open on day one")
    expect(not page.errors, "script errors: %r" % page.errors)


@check("a cycle's end asks the review; the next five skips done tips")
def cycle_end(browser, base):
    page = browser.new_page()
    page.call("Page.addScriptToEvaluateOnNewDocument", {"source": LATER})
    goto_once_stored(page, base + "my-five.html", "HandbookFive.load().tips.length === 5")
    expect(my_five(page) == FIRST_FIVE, "My five holds %r" % my_five(page))
    expect(not page.eval("document.querySelector('[data-five-due]').hidden"), "not due 70 days later")
    expect(not page.eval("document.getElementById('five-next-confirm').hidden"), "the review questions are not shown")
    answers = {"changed": "Complaints are solved on the first call.", "stays": "The daily line-up.", "drop": "The long report."}
    for name, text in answers.items():
        page.eval("document.querySelector('#five-next-confirm textarea[name=%s]').value = %s" % (name, json.dumps(text)))
    page.eval("document.querySelector('[data-five-next-yes]').click()")
    state = page.eval("HandbookFive.load()")
    expect(state["tips"] == [] and len(state["history"]) == 1, "state after the review %r" % state)
    cycle = state["history"][0]
    expect(cycle["tips"] == FIRST_FIVE and cycle["review"] == answers, "history %r" % cycle)
    expect(cycle["assessment"]["scores"]["warm-system"] == 0, "the cycle's answers are not in its history")
    shown = page.eval("document.querySelector('.five-history-cycle .five-review').textContent")
    expect(all(text in shown for text in answers.values()), "review not shown: %r" % shown)
    expect(shown.startswith("What changed?"), "review questions not named: %r" % shown)
    page.wait_for("!document.querySelector('[data-five-after-review]').hidden")
    link = page.eval("document.querySelector('[data-five-after-review] a').href")
    expect(link == base + PAGE, "new assessment link %r" % link)
    page.goto(link)
    answer(page, KNOWN)
    five = shown_five(page)
    expect(five == SECOND_FIVE, "second five %r, expected %r" % (five, SECOND_FIVE))
    expect(not set(five) & set(FIRST_FIVE), "a tip done before came back")
    expect(not page.errors, "script errors: %r" % page.errors)


@check("export then import restores the history")
def export_import(page, base, scratch):
    goto_once_stored(page, base + "my-five.html", "HandbookFive.load().history.length === 1")
    my_five(page)
    before = page.eval("HandbookFive.load()")
    expect(len(before["history"]) == 1, "no history to export: %r" % before)
    # The export button's download, caught at the link it clicks.
    text = page.eval("""new Promise(resolve => {
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
            HTMLAnchorElement.prototype.click = click;
            fetch(this.href).then(r => r.text()).then(text => resolve([this.download, text])); };
        document.querySelector('[data-five-export]').click(); })""", await_promise=True)
    name, exported = text
    expect(name.startswith("my-five-history-") and name.endswith(".json"), "file name %r" % name)
    expect(json.loads(exported)["state"]["history"] == before["history"], "the file lacks the history")
    path = os.path.join(scratch, name)
    with open(path, "w") as file:
        file.write(exported)
    page.eval("localStorage.clear()")
    page.goto(base + "my-five.html")
    my_five(page)
    expect(page.eval("HandbookFive.load()")["history"] == [], "history not cleared")
    page.eval("document.querySelector('[data-five-import]').value = ''")
    document = page.call("DOM.getDocument")
    node = page.call("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": "[data-five-import]"})
    page.call("DOM.setFileInputFiles", {"files": [path], "nodeId": node["nodeId"]})
    page.wait_for("HandbookFive.load().history.length === 1")
    after = page.eval("HandbookFive.load()")
    expect(after["history"] == before["history"] and after["tips"] == before["tips"], "restored %r" % after)
    expect(not page.eval("document.querySelector('[data-five-history]').hidden"), "history not shown after import")
    expect(page.eval("document.querySelector('[data-five-file-status]').textContent") == "History restored.", "no status")
    # A file that is not a history changes nothing.
    bad = os.path.join(scratch, "bad.json")
    with open(bad, "w") as file:
        file.write('{"tips": [1]}')
    page.call("DOM.setFileInputFiles", {"files": [bad], "nodeId": node["nodeId"]})
    page.wait_for("document.querySelector('[data-five-file-status]').textContent !== 'History restored.'")
    expect(page.eval("HandbookFive.load()")["history"] == before["history"], "a bad file changed the history")
    # Printing the history prints it, not the card.
    page.call("Emulation.setEmulatedMedia", {"media": "print"})
    page.eval("document.body.classList.add('print-history')")
    expect(page.eval("getComputedStyle(document.querySelector('.five-history')).display") != "none", "history not printed")
    expect(page.eval("getComputedStyle(document.querySelector('.five-card')).display") == "none", "card printed with history")
    page.eval("document.body.classList.remove('print-history')")
    page.call("Emulation.setEmulatedMedia", {"media": ""})
    expect(not page.errors, "script errors: %r" % page.errors)


@check("the Dutch page works and shares My five")
def dutch(page, base):
    page.goto(base + "nl/" + PAGE)
    expect(page.eval("document.documentElement.lang") == "nl", "not lang=nl")
    expect(page.eval("document.querySelector('[data-assessment] [type=submit]').textContent") == "Toon onze uitslag", "button")
    # content/nl/assessment.yml translates every statement: no notice, no English text.
    expect(page.eval("document.querySelectorAll('.assessment-text[lang=en]').length") == 0, "untranslated statements")
    expect(not page.eval("!!document.querySelector('.untranslated-notice')"), "an untranslated notice")
    first = page.eval("document.querySelector('.assessment-text').textContent")
    expect(first.startswith("We beoordelen onze service"), "first statement %r" % first)
    answer(page, KNOWN)
    weakest = page.eval("document.querySelector('[data-assessment-weakest]').textContent")
    expect(weakest == "Jullie zwakste groepen: De geslepen diamant.", "weakest %r" % weakest)
    five = shown_five(page)
    expect(five == SECOND_FIVE, "Dutch five %r (the same history)" % five)
    hrefs = page.eval("Array.from(document.querySelectorAll('[data-assessment-five] a')).map(a => a.href)")
    expect(all(href.startswith(base + "nl/tips/") for href in hrefs), "links %r" % hrefs)
    expect(not page.errors, "script errors: %r" % page.errors)


@check("works under a sub-path (http://…/sub/path/)")
def sub_path(page, site):
    with tempfile.TemporaryDirectory() as www:
        os.makedirs(os.path.join(www, "sub"))
        os.symlink(os.path.abspath(site), os.path.join(www, "sub", "path"))
        with serving(www) as address:
            base = address + "sub/path/"
            page.goto(base + PAGE)
            answer(page, KNOWN)
            expect(shown_five(page) == FIRST_FIVE, "five %r" % shown_five(page))
            hrefs = page.eval("Array.from(document.querySelectorAll('[data-assessment-five] a')).map(a => a.href)")
            expect(all(href.startswith(base + "tips/") for href in hrefs), "links %r" % hrefs)
            expect(page.eval("document.querySelector('[data-assessment-started] a').href") == base + "my-five.html", "My five link")
            expect(not page.errors, "script errors: %r" % page.errors)


def main():
    site = os.path.abspath(sys.argv[1])
    base = "file://" + site + "/"
    with tempfile.TemporaryDirectory() as scratch:
        with cdp.Browser(os.path.join(scratch, "profile")) as browser:
            page = browser.new_page()
            page_basics(page, base)
            known_answers(page, base)
            start_five(page, base)
            cycle_end(browser, base)
            export_import(page, base, scratch)
            dutch(page, base)
            sub_path(page, site)
    print("%d failed" % len(FAILURES) if FAILURES else "all assessment checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
