#!/usr/bin/env python3
"""Checks the way around the handbook in headless Chromium, on a built site (issue 25).

    python3 Tests/BrowserTests/navigation_checks.py SITE

SITE is the real handbook built by `handbook build`, opened from disk (file://). The contents
panel (beside the text on a wide screen, a drawer on a phone, with and without JavaScript), the
all-tips filters, one "See also" without repeats, copy link, the colour switch across a reload,
and one tip printed on one page. Prints one line per check and exits with 1 if any failed. Run by
NavigationBrowserTests.swift, so `swift test` covers it.
"""
import base64
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402
from browser_checks import FAILURES, check, expect, settle  # noqa: E402


def tip_file(site, number):
    return "tips/" + next(name for name in os.listdir(os.path.join(site, "tips")) if name.startswith("%03d-" % number))


def size(page, width, height, mobile=False):
    page.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    page.call("Emulation.setTouchEmulationEnabled", {"enabled": mobile})


def visible(page, selector):
    return page.eval("""(() => { const e = document.querySelector(%r); if (!e) return false;
        const r = e.getBoundingClientRect(), s = getComputedStyle(e);
        return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0
            && r.right > 0 && r.left < innerWidth; })()""" % selector)


@check("the contents panel stands beside tip 17 and marks it")
def contents_wide(page, site):
    size(page, 1280, 900)
    page.goto("file://" + site + "/" + tip_file(site, 17))
    current = page.eval("Array.from(document.querySelectorAll('#contents [aria-current=page]')).map(a => a.getAttribute('href'))")
    expect(current == ["../" + tip_file(site, 17)], "marked in the panel: %r" % current)
    expect(visible(page, "#contents"), "the panel is not in view at 1280 px")
    box = page.eval("[document.querySelector('#contents').getBoundingClientRect().right, document.querySelector('main h1').getBoundingClientRect().left]")
    expect(box[0] <= box[1], "the panel overlaps the text: %r" % box)
    expect(not visible(page, "[data-contents-toggle]"), "the menu button shows on a wide screen")
    chapter = page.eval("document.querySelector('#contents li.open > a').textContent")
    expect("Positivity" in chapter, "the open chapter is %r" % chapter)
    page.eval("window.scrollTo(0, document.body.scrollHeight)")
    settle(page, 100)
    expect(visible(page, "#contents"), "the panel scrolls away with the text")
    crumbs = page.eval("Array.from(document.querySelectorAll('.breadcrumb > *')).map(e => e.tagName)")
    expect(crumbs and all(tag == "A" for tag in crumbs) and len(crumbs) == 3, "breadcrumb parts: %r" % crumbs)
    place = page.eval("document.querySelector('.tip-place').textContent")
    expect(re.search(r"Tip 17 · \d+ of \d+ in chapter 2", place), "place line %r" % place)
    expect(not page.errors, "script errors: %r" % page.errors)


HEADER_ROWS = """(() => {
    const shown = Array.from(document.querySelector('.header-inner').children).filter(e => e.getClientRects().length);
    const boxes = shown.map(e => e.getBoundingClientRect());
    const rows = boxes.filter(b => b.top >= Math.min(...boxes.map(o => o.bottom)));
    return [shown.length, rows.length, Math.round(document.querySelector('.site-header').getBoundingClientRect().height)];
})()"""


@check("the header is one row at 1280 px (en, nl) and one compact row at 390 px")
def header_rows(page, site):
    for path in (tip_file(site, 17), "nl/" + tip_file(os.path.join(site, "nl"), 17), "search.html", "404.html"):
        size(page, 1280, 900)
        page.goto("file://" + site + "/" + path)
        shown, below, height = page.eval(HEADER_ROWS)
        expect(shown >= 3 and below == 0, "%s at 1280 px: %d of %d parts on a second row" % (path, below, shown))
        expect(height < 80, "%s at 1280 px: header %d px high" % (path, height))
        size(page, 390, 844, mobile=True)
        page.goto("file://" + site + "/" + path)
        if path != "404.html":  # the 404 page has no drawer: its links keep a row of their own
            shown, below, height = page.eval(HEADER_ROWS)
            expect(below == 0 and height < 60, "%s at 390 px: %d parts below, %d px high" % (path, below, height))


@check("on a phone the menu opens and closes the contents")
def contents_phone(page, site):
    size(page, 390, 844, mobile=True)
    page.goto("file://" + site + "/" + tip_file(site, 17))
    expect(not visible(page, "#contents"), "the panel shows before the menu is used")
    header = page.eval("document.querySelector('.site-header').getBoundingClientRect().height")
    expect(header <= 64, "the header is %dpx high" % header)
    expect(not visible(page, ".search-kbd"), "a keyboard hint shows on a touch screen")
    page.eval("document.querySelector('[data-contents-toggle]').click()")
    settle(page, 50)
    expect(visible(page, "#contents"), "the menu did not open the panel")
    expect(page.eval("document.querySelector('[data-contents-toggle]').getAttribute('aria-expanded')") == "true", "aria-expanded")
    expect(visible(page, "#contents [aria-current=page]"), "the current tip is not in view in the drawer")
    page.press(cdp.Page.ESCAPE)
    settle(page, 50)
    expect(not visible(page, "#contents"), "Escape did not close the panel")
    page.eval("window.scrollTo(0, 2000)")
    settle(page, 50)
    top = page.eval("document.querySelector('.site-header').getBoundingClientRect().top")
    expect(top == 0, "the header does not stay on top (top %r)" % top)
    expect(not page.errors, "script errors: %r" % page.errors)


@check("without JavaScript the menu still opens the contents")
def contents_without_script(page, site):
    size(page, 390, 844, mobile=True)
    page.call("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        page.goto("file://" + site + "/" + tip_file(site, 17))
        expect(not visible(page, "#contents"), "the panel shows before the menu is used")
        page.goto("file://" + site + "/" + tip_file(site, 18) + "#contents")
        expect(visible(page, "#contents"), "the menu link does not open the panel")
    finally:
        page.call("Emulation.setScriptExecutionDisabled", {"value": False})


def shown_tips(page):
    return page.eval("Array.from(document.querySelectorAll('.tips-group li[data-tip]')).filter(li => !li.hidden).map(li => li.dataset.tip)")


@check("all tips: grouped by chapter, filtered by theme, step and My five")
def all_tips_filters(page, site):
    size(page, 1280, 900)
    page.goto("file://" + site + "/tips.html")
    groups = page.eval("Array.from(document.querySelectorAll('.tips-group h2 > a:not(.heading-anchor)')).map(a => a.getAttribute('href'))")
    chapters = ["chapters/" + name for name in sorted(os.listdir(os.path.join(site, "chapters")))]
    expect(len(groups) > 1 and all(group in chapters for group in groups) and groups == sorted(groups), "groups %r" % groups)
    everything = shown_tips(page)
    expect(len(everything) == len(os.listdir(os.path.join(site, "tips"))), "%d tips listed" % len(everything))
    page.eval("document.querySelector('input[name=theme][value=flywheel]').click()")
    flywheel = shown_tips(page)
    expected = page.eval("Array.from(document.querySelectorAll('li[data-themes~=flywheel]')).map(li => li.dataset.tip)")
    expect(flywheel == expected and 0 < len(flywheel) < len(everything), "flywheel filter: %d of %d" % (len(flywheel), len(everything)))
    expect("flywheel" in page.eval("location.search"), "the filter is not in the address")
    page.eval("document.querySelector('input[name=theme][value=\"\"]').click()")
    page.eval("document.querySelector('input[name=step][value=\"3\"]').click()")
    step = page.eval("Array.from(document.querySelectorAll('.tips-group li[data-tip]')).filter(li => !li.hidden).map(li => li.dataset.step)")
    expect(step and all(value == "3" for value in step), "step 3 shows %r" % step)
    hidden_groups = page.eval("Array.from(document.querySelectorAll('.tips-group')).filter(g => g.hidden).length")
    expect(hidden_groups > 0, "chapters without a step-3 tip still show")
    page.eval("document.querySelector('input[name=step][value=\"\"]').click()")
    key = "handbook-five:" + page.eval("document.body.dataset.site")
    page.eval("localStorage.setItem(%r, JSON.stringify({v: 1, start: '2026-12-01', tips: [3, 44, 90], history: []}))" % key)
    page.eval("document.querySelector('input[name=five]').click()")
    expect(shown_tips(page) == ["3", "44", "90"], "My five shows %r" % shown_tips(page))
    page.goto("file://" + site + "/tips.html?theme=empathy")
    settle(page, 50)
    expect(page.eval("document.querySelector('input[name=theme]:checked').value") == "empathy", "the address's filter is not applied")
    expect(len(shown_tips(page)) < len(everything), "the address's filter hides nothing")
    expect(not page.errors, "script errors: %r" % page.errors)


@check("every tip has one See also, without repeats")
def one_see_also(page, site):
    tips = sorted(os.listdir(os.path.join(site, "tips")))
    for name in tips:
        with open(os.path.join(site, "tips", name), encoding="utf-8") as file:
            html = file.read()
        sections = html.count('class="see-also"')
        expect(sections <= 1, "%s has %d See also sections" % (name, sections))
        if sections:
            block = html.split('class="see-also"', 1)[1].split("</section>", 1)[0]
            links = re.findall(r'href="([^"]+)"', block)
            expect(len(links) == len(set(links)), "%s repeats a tip: %r" % (name, links))
            expect("../tips/" + name not in links, "%s lists itself" % name)
    expect("Referenced by" not in html and "Related tips" not in html, "the old lists are still there")
    # Chapter 5 groups its tips by flywheel step, as its text says, with step badges.
    page.goto("file://" + site + "/chapters/" + sorted(os.listdir(os.path.join(site, "chapters")))[4])
    steps = page.eval("document.querySelectorAll('.step-group').length")
    expect(steps == 6, "chapter 5 has %d step groups" % steps)


@check("copy link: the tip's button and a heading's anchor")
def copy_link(page, site):
    size(page, 1280, 900)
    page.goto("file://" + site + "/" + tip_file(site, 17))
    page.eval("window.copied = []; navigator.clipboard.writeText = text => { window.copied.push(text); return Promise.resolve(); }")
    page.eval("document.querySelector('[data-copy-link]').click()")
    page.wait_for("window.copied.length === 1")
    expect(page.eval("window.copied[0]") == page.eval("location.href.split('#')[0]"), "copied %r" % page.eval("window.copied[0]"))
    page.wait_for("document.querySelector('[data-copy-status]').textContent.length > 0")
    # Headings: the chapter on the Service Excellence model has sections.
    page.goto("file://" + site + "/chapters/" + sorted(os.listdir(os.path.join(site, "chapters")))[9])
    page.eval("window.copied = []; navigator.clipboard.writeText = text => { window.copied.push(text); return Promise.resolve(); }")
    anchors = page.eval("Array.from(document.querySelectorAll('.prose :is(h2,h3)[id]')).map(h => [h.id, (h.querySelector('.heading-anchor') || {}).hash])")
    expect(anchors and all(hash == "#" + ident for ident, hash in anchors), "heading anchors %r" % anchors)
    page.eval("document.querySelector('.prose .heading-anchor').click()")
    page.wait_for("window.copied.length === 1")
    expect(page.eval("window.copied[0]").endswith("#" + anchors[0][0]), "the heading's link is %r" % page.eval("window.copied[0]"))
    expect(not page.errors, "script errors: %r" % page.errors)


@check("the colour switch survives a reload and can go back")
def colour_switch(page, site):
    size(page, 1280, 900)
    page.dark_mode(False)
    page.goto("file://" + site + "/index.html")
    page.eval("localStorage.removeItem('handbook-color-scheme')")
    page.goto("file://" + site + "/index.html")
    background = "getComputedStyle(document.body).backgroundColor"
    light = page.eval(background)
    page.eval("document.querySelector('[data-scheme-switch]').click()")
    dark = page.eval(background)
    expect(dark != light, "the switch did not change the colours")
    expect(page.eval("document.querySelector('[data-scheme-switch]').getAttribute('aria-pressed')") == "true", "aria-pressed")
    page.goto("file://" + site + "/" + tip_file(site, 5))
    expect(page.eval(background) == dark, "the choice was lost on the next page")
    page.eval("document.querySelector('[data-scheme-switch]').click()")
    expect(page.eval(background) == light, "switching back failed")
    page.goto("file://" + site + "/" + tip_file(site, 5))
    page.dark_mode(True)
    expect(page.eval(background) == dark, "with no choice left the page does not follow the system")
    page.dark_mode(False)
    expect(not page.errors, "script errors: %r" % page.errors)


def pdf_pages(page, width, height):
    data = page.call("Page.printToPDF", {"paperWidth": width, "paperHeight": height, "printBackground": False})["data"]
    return len(re.findall(rb"/Type\s*/Page[^s]", base64.b64decode(data)))


@check("a tip prints on one A4 and one Letter page, with title, address, edition")
def print_one_tip(page, site):
    size(page, 1280, 900)
    counts = {}
    for number in (17, 44):
        page.goto("file://" + site + "/" + tip_file(site, number))
        page.call("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            expect(not visible(page, "#contents") and not visible(page, ".site-header") and not visible(page, ".pager"),
                   "navigation prints")
            masthead = page.eval("document.querySelector('.print-masthead').innerText")
            expect("Handbook" in masthead and "edition" in masthead, "masthead %r" % masthead)
            address = page.eval("document.querySelector('.print-address').innerText")
            expect(address.startswith("file://") and address.endswith(".html"), "address %r" % address)
            decoration = page.eval("getComputedStyle(document.querySelector('.see-also a .link-title') || document.body).textDecorationLine")
            expect(decoration == "none", "See also prints underlined (%s)" % decoration)
        finally:
            page.call("Emulation.setEmulatedMedia", {"media": ""})
        counts[number] = (pdf_pages(page, 8.27, 11.69), pdf_pages(page, 8.5, 11))
    expect(all(count == (1, 1) for count in counts.values()), "pages (A4, Letter): %r" % counts)


def main():
    site = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as scratch, cdp.Browser(os.path.join(scratch, "p")) as browser:
        page = browser.new_page()
        contents_wide(page, site)
        header_rows(page, site)
        contents_phone(page, site)
        contents_without_script(page, site)
        all_tips_filters(page, site)
        one_see_also(page, site)
        copy_link(page, site)
        colour_switch(page, site)
        print_one_tip(page, site)
    print("%d failed" % len(FAILURES) if FAILURES else "all navigation checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
