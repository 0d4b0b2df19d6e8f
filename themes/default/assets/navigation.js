/* Finding the way: the contents drawer on narrow screens, the colour switch, copy link and
 * heading anchors, the all-tips filters, and the tip's address when it is printed.
 * Without JavaScript the drawer still opens (the menu link targets #contents, which CSS shows),
 * the colours follow the system, and the all-tips page lists every tip.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  function t(key, fallback) { return (script && script.getAttribute("data-t-" + key)) || fallback; }
  var root = document.documentElement;
  var SCHEME_KEY = "handbook-color-scheme";

  function pageAddress() { return location.href.split("#")[0]; }

  // MARK: - Header height, for the sticky panel under the sticky header

  var header = document.querySelector(".site-header");
  function measureHeader() {
    if (header) root.style.setProperty("--header-height", header.offsetHeight + "px");
  }
  measureHeader();
  window.addEventListener("resize", measureHeader);

  // MARK: - Contents: a drawer on narrow screens

  var panel = document.getElementById("contents");
  var toggle = document.querySelector("[data-contents-toggle]");
  var backdrop = null;
  function isDrawer() { return panel && getComputedStyle(panel).position === "fixed"; }
  function setOpen(open, returnFocus) {
    if (!panel || !toggle) return;
    panel.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      if (!backdrop) {
        backdrop = document.createElement("div");
        backdrop.className = "contents-backdrop";
        backdrop.addEventListener("click", function () { setOpen(false, true); });
      }
      panel.parentNode.insertBefore(backdrop, panel);
      panel.focus();
      showCurrent();
    } else {
      if (backdrop && backdrop.parentNode) backdrop.parentNode.removeChild(backdrop);
      if (location.hash === "#contents") {
        try { history.replaceState(null, "", pageAddress()); } catch (error) { /* some file:// pages */ }
      }
      if (returnFocus) toggle.focus();
    }
  }
  function showCurrent() {
    var current = panel && panel.querySelector("[aria-current=page]");
    if (!current) return;
    var top = current.offsetTop - panel.clientHeight / 3;
    if (top > 0) panel.scrollTop = top;
  }
  if (panel && toggle) {
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-expanded", "false");
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      setOpen(!panel.classList.contains("is-open"), false);
    });
    var close = panel.querySelector("[data-contents-close]");
    if (close) close.addEventListener("click", function (event) {
      if (!isDrawer()) return;
      event.preventDefault();
      setOpen(false, true);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && panel.classList.contains("is-open")) setOpen(false, true);
    });
    if (location.hash === "#contents") setOpen(true, false);
    showCurrent();
  }

  // MARK: - Colours: the reader's choice, remembered, over the system's

  var schemeSwitch = document.querySelector("[data-scheme-switch]");
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function isDark() {
    var chosen = root.getAttribute("data-color-scheme");
    return chosen ? chosen === "dark" : !!(systemDark && systemDark.matches);
  }
  function showScheme() { if (schemeSwitch) schemeSwitch.setAttribute("aria-pressed", isDark() ? "true" : "false"); }
  if (schemeSwitch) {
    schemeSwitch.hidden = false;
    showScheme();
    schemeSwitch.addEventListener("click", function () {
      var scheme = isDark() ? "light" : "dark";
      // Choosing what the system shows anyway forgets the choice: the page follows the system again.
      var system = systemDark && systemDark.matches ? "dark" : "light";
      if (scheme === system) root.removeAttribute("data-color-scheme"); else root.setAttribute("data-color-scheme", scheme);
      try {
        if (scheme === system) localStorage.removeItem(SCHEME_KEY); else localStorage.setItem(SCHEME_KEY, scheme);
      } catch (error) { /* private mode: the choice lasts for this page only */ }
      showScheme();
    });
    if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", showScheme);
  }

  // MARK: - Copy link: the tip's button and an anchor beside each heading

  function copy(text, status) {
    function done(ok) {
      if (!status) return;
      status.textContent = ok ? t("copied", "Link copied") : t("copy-failed", "Copy this address") + ": " + text;
      clearTimeout(status._timer);
      if (ok) status._timer = setTimeout(function () { status.textContent = ""; }, 4000);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
    } else {
      done(fallbackCopy(text));
    }
  }
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  var status = document.querySelector("[data-copy-status]");
  var copyButton = document.querySelector("[data-copy-link]");
  if (copyButton) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () { copy(pageAddress(), status); });
  }
  document.querySelectorAll(".prose :is(h2, h3, h4)[id], .tips-group > h2[id]").forEach(function (heading) {
    var anchor = document.createElement("a");
    anchor.className = "heading-anchor";
    anchor.href = "#" + heading.id;
    anchor.textContent = "#";
    anchor.setAttribute("aria-label", t("heading-link", "Link to this section") + ": " + heading.textContent);
    anchor.addEventListener("click", function () { copy(pageAddress() + "#" + heading.id, status); });
    heading.appendChild(anchor);
  });

  // MARK: - Printing: the tip's address at its foot

  var address = document.querySelector(".print-address");
  if (address && !address.textContent.trim()) address.textContent = pageAddress();

  // MARK: - All tips: filters by theme, flywheel step and "in my five"

  var filters = document.querySelector("[data-tip-filters]");
  if (filters) {
    var filterStatus = filters.querySelector("[data-filter-status]");
    var items = document.querySelectorAll(".tips-group .tip-list > li");
    var fiveKey = "handbook-five:" + (document.body.getAttribute("data-site") || "handbook");
    function myFive() {
      try {
        var state = JSON.parse(localStorage.getItem(fiveKey));
        return state && Array.isArray(state.tips) ? state.tips.map(String) : [];
      } catch (error) { return []; }
    }
    function apply() {
      var theme = (filters.querySelector("input[name=theme]:checked") || {}).value || "";
      var step = (filters.querySelector("input[name=step]:checked") || {}).value || "";
      var onlyFive = filters.querySelector("input[name=five]").checked;
      var five = onlyFive ? myFive() : null;
      var shown = 0;
      items.forEach(function (item) {
        var themes = (item.getAttribute("data-themes") || "").split(" ");
        var visible = (!theme || themes.indexOf(theme) >= 0)
          && (!step || item.getAttribute("data-step") === step)
          && (!five || five.indexOf(item.getAttribute("data-tip")) >= 0);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      document.querySelectorAll(".tips-group").forEach(function (group) {
        group.hidden = !group.querySelector(".tip-list > li:not([hidden])");
      });
      var filtered = theme || step || onlyFive;
      filterStatus.textContent = !filtered ? "" : shown ? shown + " " + t("showing", "tips shown") : t("none", "No tips match these filters.");
      var params = new URLSearchParams();
      if (theme) params.set("theme", theme);
      if (step) params.set("step", step);
      if (onlyFive) params.set("five", "1");
      var query = params.toString();
      try { history.replaceState(null, "", location.pathname + (query ? "?" + query : "")); } catch (error) { /* some file:// pages */ }
    }
    var params = new URLSearchParams(location.search);
    ["theme", "step"].forEach(function (name) {
      var input = filters.querySelector("input[name=" + name + "][value=\"" + (params.get(name) || "").replace(/[^\w-]/g, "") + "\"]");
      if (input) input.checked = true;
    });
    filters.querySelector("input[name=five]").checked = params.get("five") === "1";
    filters.hidden = false;
    filters.addEventListener("change", apply);
    filters.addEventListener("submit", function (event) { event.preventDefault(); });
    if (location.search) apply();
  }
})();
