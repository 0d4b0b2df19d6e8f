/* Handbook "five at a time": the "Add to my five" button on tip pages, the My five page and
 * the tip of the day on the home page.
 *
 * The choice lives in this browser's localStorage (no server, no account), under a key per
 * handbook: { v: 1, start: "YYYY-MM-DD" | null, tips: [tip numbers], assessment?: { date, scores },
 * history: [{ start, end, tips, review?: { changed, stays, drop }, assessment? }] }. At a cycle's end
 * the page asks the review questions; the history can be exported to a JSON file, imported and printed.
 * Needs search.js (window.Handbook) for the tip data. Without JavaScript nothing here shows.
 */
(function () {
  "use strict";

  var site = window.Handbook;
  if (!site) return;
  var t = site.t;
  var MAX = 5;
  var CYCLE_MONTHS = 2;
  var KEY = "handbook-five:" + (document.body.getAttribute("data-site") || "handbook");
  var lang = document.documentElement.lang || undefined;

  // MARK: - Stored state

  function load() {
    var state = null;
    try { state = JSON.parse(localStorage.getItem(KEY)); } catch (error) { state = null; }
    if (!state || state.v !== 1 || !Array.isArray(state.tips)) state = { v: 1, start: null, tips: [], history: [] };
    if (!Array.isArray(state.history)) state.history = [];
    return state;
  }

  function save(state) {
    try {
      localStorage.setItem(KEY, JSON.stringify(state));
      return true;
    } catch (error) {
      return false;
    }
  }

  // MARK: - Dates, as local calendar days "YYYY-MM-DD"

  function pad(number) { return (number < 10 ? "0" : "") + number; }

  function dayString(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function parseDay(day) {
    var parts = day.split("-").map(Number);
    return new Date(parts[0], parts[1] - 1, parts[2]);
  }

  /** The same day `months` later; the month's last day when it is shorter (31 Dec → 28 Feb). */
  function addMonths(day, months) {
    var date = parseDay(day);
    var wanted = date.getDate();
    date.setDate(1);
    date.setMonth(date.getMonth() + months);
    var last = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
    date.setDate(Math.min(wanted, last));
    return dayString(date);
  }

  function daysBetween(from, to) {
    return Math.round((parseDay(to) - parseDay(from)) / 86400000);
  }

  function formatDay(day, weekday) {
    var options = { day: "numeric", month: "long", year: "numeric" };
    if (weekday) options.weekday = "long";
    try {
      return new Intl.DateTimeFormat(lang, options).format(parseDay(day));
    } catch (error) {
      return day;
    }
  }

  // The page holds an empty span: an empty <time> is not valid HTML, so the date comes with its own.
  function setTime(node, day, weekday) {
    var time = node.tagName === "TIME" ? node : node.querySelector("time") || node.appendChild(document.createElement("time"));
    time.dateTime = day;
    time.textContent = formatDay(day, weekday);
  }

  // MARK: - Tip of the day: the same for everyone on the same local date

  /** FNV-1a over the date, then a final mix so neighbouring dates land far apart. */
  function hashDay(day) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < day.length; i++) {
      hash ^= day.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
    return hash >>> 0;
  }

  function tipOfTheDay(tips, day) {
    return tips.length ? tips[hashDay(day) % tips.length] : null;
  }

  function showTipOfTheDay(section) {
    site.loadData().then(function (data) {
      var today = dayString(new Date());
      var row = tipOfTheDay(data.tips, today);
      if (!row) return;
      setTime(section.querySelector("[data-tod-date]"), today, true);
      var link = section.querySelector("[data-tod-link]");
      link.href = site.url(row[2]);
      section.querySelector("[data-tod-number]").textContent = row[0];
      section.querySelector("[data-tod-title]").textContent = row[1];
      section.querySelector("[data-tod-summary]").textContent = row[3];
      var tryThis = section.querySelector("[data-tod-try]");
      tryThis.querySelector("span").textContent = row[5];
      tryThis.hidden = !row[5];
      section.dataset.tip = row[0];
      section.hidden = false;
    }, function () {});
  }

  // MARK: - The header's count

  function showCount(state) {
    var badge = document.querySelector("[data-five-count]");
    if (!badge) return;
    badge.textContent = state.tips.length + "/" + MAX;
    badge.hidden = state.tips.length === 0;
  }

  // MARK: - The button on a tip page

  function setUpToggle(holder) {
    var number = parseInt(holder.getAttribute("data-five-toggle"), 10);
    var button = holder.querySelector("button");
    var status = holder.querySelector(".five-status");

    function render(message) {
      var state = load();
      var chosen = state.tips.indexOf(number) >= 0;
      button.textContent = chosen ? t("five-remove", "Remove from my five") : t("five-add", "Add to my five");
      button.setAttribute("aria-pressed", chosen ? "true" : "false");
      holder.classList.toggle("is-chosen", chosen);
      status.textContent = message || (chosen ? t("five-in-list", "In your five") + " · " + state.tips.length + "/" + MAX : "");
      showCount(state);
    }

    button.addEventListener("click", function () {
      var state = load();
      var at = state.tips.indexOf(number);
      if (at >= 0) {
        state.tips.splice(at, 1);
      } else if (state.tips.length >= MAX) {
        render(t("five-full", "You already have five tips."));
        return;
      } else {
        state.tips.push(number);
        if (!state.start) state.start = dayString(new Date());
      }
      save(state);
      render();
    });
    window.addEventListener("storage", function (event) { if (event.key === KEY) render(); });
    holder.hidden = false;
    render();
  }

  // MARK: - The My five page

  function setUpPage(app) {
    // The page's own strings (review and history file) are on its actions, not on <body>.
    var t = pageStrings(app);
    var list = app.querySelector("[data-five-list]");
    var empty = app.querySelector("[data-five-empty]");
    var history = app.querySelector("[data-five-history]");
    var historyList = app.querySelector("[data-five-history-list]");
    var next = app.querySelector("[data-five-next]");
    var confirm = document.getElementById("five-next-confirm");
    var progress = app.querySelector("[data-five-progress]");
    var data = null;

    function row(number) {
      if (!data) return null;
      for (var i = 0; i < data.tips.length; i++) if (data.tips[i][0] === number) return data.tips[i];
      return null;
    }

    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text != null) node.textContent = text;
      return node;
    }

    function tipLink(number) {
      var found = row(number);
      var link = element("a", "five-tip-link");
      link.href = found ? site.url(found[2]) : site.url("tips.html");
      link.appendChild(element("span", "tip-number", String(number)));
      link.appendChild(document.createTextNode(" "));
      link.appendChild(element("span", "five-tip-title", found ? found[1] : t("tip", "Tip") + " " + number));
      return link;
    }

    function render() {
      var state = load();
      var today = dayString(new Date());
      var start = state.start || today;
      var end = addMonths(start, CYCLE_MONTHS);
      setTime(app.querySelector("[data-five-start]"), start);
      setTime(app.querySelector("[data-five-end]"), end);
      var total = Math.max(1, daysBetween(start, end));
      var day = Math.min(total, Math.max(1, daysBetween(start, today) + 1));
      progress.querySelector("span").style.width = (100 * day / total).toFixed(1) + "%";
      progress.querySelector(".five-progress-label").textContent = t("day", "Day") + " " + day + " " + t("of", "of") + " " + total;
      progress.classList.toggle("is-due", today >= end);
      app.querySelector("[data-five-due]").hidden = !(today >= end && state.tips.length > 0);

      list.textContent = "";
      state.tips.forEach(function (number) {
        var found = row(number);
        var item = element("li", "five-item");
        item.dataset.tip = number;
        var head = element("div", "five-item-head");
        var title = element("h3", "five-item-title");
        title.appendChild(tipLink(number));
        head.appendChild(title);
        var remove = element("button", "five-remove", t("remove", "Remove"));
        remove.type = "button";
        remove.setAttribute("aria-label", t("remove", "Remove") + ": " + (found ? found[1] : number));
        remove.addEventListener("click", function () {
          var current = load();
          current.tips = current.tips.filter(function (other) { return other !== number; });
          save(current);
          render();
        });
        head.appendChild(remove);
        item.appendChild(head);
        if (found && found[5]) {
          var tryThis = element("p", "five-try");
          tryThis.appendChild(element("strong", null, t("try-this", "Try this") + ": "));
          tryThis.appendChild(document.createTextNode(found[5]));
          item.appendChild(tryThis);
        }
        if (found && found[7]) {
          var know = element("p", "five-try five-know");
          know.appendChild(element("strong", null, t("how-you-know", "How you'll know") + ": "));
          know.appendChild(document.createTextNode(found[7]));
          item.appendChild(know);
        }
        list.appendChild(item);
      });
      for (var free = state.tips.length; free < MAX && state.tips.length > 0; free++) {
        var slot = element("li", "five-item five-free");
        var browse = element("a", null, t("free-place", "A free place for a tip"));
        browse.href = site.url("tips.html");
        slot.appendChild(browse);
        list.appendChild(slot);
      }
      empty.hidden = state.tips.length > 0;
      list.hidden = state.tips.length === 0;
      next.disabled = state.tips.length === 0;

      historyList.textContent = "";
      state.history.forEach(function (cycle) {
        var item = element("li", "five-history-cycle");
        var when = element("p", "five-history-dates");
        var from = element("time"), to = element("time");
        setTime(from, cycle.start);
        setTime(to, cycle.end);
        when.appendChild(from);
        when.appendChild(document.createTextNode(" – "));
        when.appendChild(to);
        item.appendChild(when);
        var tips = element("ul", "link-list");
        cycle.tips.forEach(function (number) {
          var li = element("li");
          li.appendChild(tipLink(number));
          tips.appendChild(li);
        });
        item.appendChild(tips);
        if (cycle.review) {
          var review = element("dl", "five-review");
          [["changed", "review-changed", "What changed?"], ["stays", "review-stays", "What stays?"],
           ["drop", "review-drop", "What do we drop?"]].forEach(function (question) {
            if (!cycle.review[question[0]]) return;
            review.appendChild(element("dt", null, t(question[1], question[2])));
            review.appendChild(element("dd", null, cycle.review[question[0]]));
          });
          if (review.childNodes.length) item.appendChild(review);
        }
        historyList.appendChild(item);
      });
      history.hidden = state.history.length === 0;
      app.querySelector("[data-five-export]").disabled = state.history.length === 0 && state.tips.length === 0;
      app.querySelector("[data-five-print-history]").disabled = state.history.length === 0;
      var due = today >= end && state.tips.length > 0;
      // At the cycle's end the review questions are open without being asked for.
      if (due && !reviewShown) {
        reviewShown = true;
        askToStart(true, false);
      }
      app.querySelector("[data-five-after-review]").hidden = !(state.tips.length === 0 && state.history.length > 0);
      showCount(state);
    }
    var reviewShown = false;

    function askToStart(open, focus) {
      confirm.hidden = !open;
      next.setAttribute("aria-expanded", open ? "true" : "false");
      if (open && focus !== false) confirm.querySelector("textarea").focus();
    }

    next.addEventListener("click", function () { askToStart(confirm.hidden); });
    confirm.querySelector("[data-five-next-no]").addEventListener("click", function () {
      askToStart(false);
      next.focus();
    });
    confirm.querySelector("[data-five-next-yes]").addEventListener("click", function () {
      var state = load();
      var today = dayString(new Date());
      if (state.tips.length) {
        var cycle = { start: state.start || today, end: today, tips: state.tips.slice() };
        var review = {};
        Array.prototype.forEach.call(confirm.querySelectorAll("textarea"), function (field) {
          if (field.value.trim()) review[field.name] = field.value.trim();
          field.value = "";
        });
        if (Object.keys(review).length) cycle.review = review;
        if (state.assessment) cycle.assessment = state.assessment;
        state.history.unshift(cycle);
      }
      delete state.assessment;
      state.tips = [];
      state.start = today;
      save(state);
      askToStart(false);
      render();
      next.focus();
    });
    app.querySelector("[data-five-print]").addEventListener("click", function () { window.print(); });
    setUpHistoryFile(app, render);
    window.addEventListener("storage", function (event) { if (event.key === KEY) render(); });

    app.hidden = false;
    render();
    site.loadData().then(function (loaded) { data = loaded; render(); }, function () {});
  }

  function pageStrings(app) {
    var holder = app.querySelector("[data-five-strings]");
    return function (key, fallback) { return (holder && holder.getAttribute("data-t-" + key)) || site.t(key, fallback); };
  }

  // MARK: - The history as a file: export, import, print

  var FORMAT = "handbook-five-history";

  function exportText(state) {
    return JSON.stringify({ format: FORMAT, v: 1, site: KEY, exported: dayString(new Date()), state: state }, null, 2);
  }

  /** The state in an exported file, or null when the text is not one. */
  function importState(text) {
    var file;
    try { file = JSON.parse(text); } catch (error) { return null; }
    var state = file && file.format === FORMAT && file.state;
    if (!state || !Array.isArray(state.tips) || !Array.isArray(state.history)) return null;
    function numbers(list) { return Array.isArray(list) && list.every(function (n) { return typeof n === "number"; }); }
    function day(value) { return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value); }
    function cycleOK(cycle) {
      return cycle && numbers(cycle.tips) && day(cycle.start) && day(cycle.end)
        && (!cycle.review || Object.keys(cycle.review).every(function (key) { return typeof cycle.review[key] === "string"; }));
    }
    if (!numbers(state.tips) || (state.start && !day(state.start)) || !state.history.every(cycleOK)) return null;
    return { v: 1, start: state.start || null, tips: state.tips.slice(0, MAX), history: state.history,
             assessment: state.assessment || undefined };
  }

  function setUpHistoryFile(app, render) {
    var t = pageStrings(app);
    var status = app.querySelector("[data-five-file-status]");
    var input = app.querySelector("[data-five-import]");
    app.querySelector("[data-five-export]").addEventListener("click", function () {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([exportText(load())], { type: "application/json" }));
      link.download = "my-five-history-" + dayString(new Date()) + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      status.textContent = t("history-exported", "The history was saved as a file.");
    });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var state = importState(String(reader.result));
        input.value = "";
        if (!state) {
          status.textContent = t("history-import-failed", "This file is not a My five history.");
          return;
        }
        save(state);
        render();
        status.textContent = t("history-imported", "History restored.");
      };
      reader.readAsText(file);
    });
    app.querySelector("[data-five-print-history]").addEventListener("click", function () {
      document.body.classList.add("print-history");
      window.print();
      document.body.classList.remove("print-history");
    });
  }

  // MARK: - Wiring

  window.HandbookFive = {
    key: KEY,
    load: load,
    save: function (state) { var saved = save(state); showCount(state); return saved; },
    exportText: function () { return exportText(load()); },
    addMonths: addMonths,
    hashDay: hashDay,
    tipOfTheDay: tipOfTheDay,
    today: function () { return dayString(new Date()); },
  };

  showCount(load());
  var toggle = document.querySelector("[data-five-toggle]");
  if (toggle) setUpToggle(toggle);
  var app = document.querySelector("[data-my-five]");
  if (app) setUpPage(app);
  var daily = document.querySelector("[data-tip-of-the-day]");
  if (daily) showTipOfTheDay(daily);
})();
