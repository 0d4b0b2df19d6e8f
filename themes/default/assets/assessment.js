/* "Where do we stand?": the self-assessment page. Scores each group, draws a bar per group, names
 * the weakest groups and proposes a starter five, which one button puts into My five.
 *
 * Everything stays in this browser: the choice is saved with five.js's state (window.HandbookFive),
 * under the same localStorage key, with the answers that led to it (state.assessment).
 *
 * The starter five (docs/assessment.md): statements from the lowest score up; statements with
 * the same score in the order of assessment.yml, taking in turn the first tip each lists, then
 * the second, and so on. A tip is skipped when it is already chosen, was practised in an earlier
 * cycle (My five's history, or the current five, which the new five replaces), or its chapter
 * already has two tips in the five. At most five tips.
 */
(function () {
  "use strict";

  var MAX = 5;
  var PER_CHAPTER = 2;
  var HIGHEST = 4;
  var SVG = "http://www.w3.org/2000/svg";

  /** The five for `scores` (statement id → 0…4); `statements` in file order, each { id, tips }. */
  function starterFive(statements, scores, chapterOf, done) {
    var ranked = statements.map(function (statement, index) {
      return { statement: statement, index: index, score: scores[statement.id] };
    }).filter(function (entry) { return typeof entry.score === "number"; });
    ranked.sort(function (a, b) { return a.score - b.score || a.index - b.index; });
    var picked = [];
    var perChapter = {};
    var skip = {};
    (done || []).forEach(function (number) { skip[number] = true; });
    for (var start = 0; start < ranked.length && picked.length < MAX;) {
      var end = start;
      while (end < ranked.length && ranked[end].score === ranked[start].score) end++;
      var level = ranked.slice(start, end);
      var longest = Math.max.apply(null, level.map(function (entry) { return entry.statement.tips.length; }));
      for (var rank = 0; rank < longest && picked.length < MAX; rank++) {
        for (var i = 0; i < level.length && picked.length < MAX; i++) {
          var number = level[i].statement.tips[rank];
          var chapter = chapterOf(number);
          if (number === undefined || skip[number] || chapter === undefined) continue;
          if ((perChapter[chapter] || 0) >= PER_CHAPTER) continue;
          skip[number] = true;
          perChapter[chapter] = (perChapter[chapter] || 0) + 1;
          picked.push(number);
        }
      }
      start = end;
    }
    return picked;
  }

  /** Tips practised before: every earlier cycle's, and the current five (which a new five replaces). */
  function practised(state) {
    var numbers = state.tips.slice();
    state.history.forEach(function (cycle) { numbers = numbers.concat(cycle.tips || []); });
    return numbers;
  }

  function init() {
    var form = document.querySelector("[data-assessment]");
    var five = window.HandbookFive;
    var site = window.Handbook;
    if (!form || !five || !site) return;
    var t = function (key, fallback) { return form.getAttribute("data-t-" + key) || site.t(key, fallback); };
    var result = document.querySelector("[data-assessment-result]");
    var missing = document.querySelector("[data-assessment-missing]");
    var startButton = document.querySelector("[data-assessment-start]");
    var started = document.querySelector("[data-assessment-started]");

    var tips = {};
    Array.prototype.forEach.call(document.querySelectorAll("[data-assessment-tips] li"), function (item) {
      var link = item.querySelector("a");
      tips[item.getAttribute("data-tip")] = { chapter: item.getAttribute("data-chapter"), title: link.textContent, url: link.href };
    });
    var groups = Array.prototype.map.call(form.querySelectorAll("[data-group]"), function (section) {
      return {
        id: section.getAttribute("data-group"),
        title: section.querySelector("h2").textContent,
        statements: Array.prototype.map.call(section.querySelectorAll("[data-statement]"), function (fieldset) {
          var list = fieldset.getAttribute("data-tips").split(" ").filter(Boolean).map(Number);
          return { id: fieldset.getAttribute("data-statement"), tips: list, fieldset: fieldset };
        }),
      };
    });
    var statements = [].concat.apply([], groups.map(function (group) { return group.statements; }));
    var current = null;

    function answers() {
      var scores = {};
      statements.forEach(function (statement) {
        var checked = statement.fieldset.querySelector("input:checked");
        if (checked) scores[statement.id] = Number(checked.value);
      });
      return scores;
    }

    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text != null) node.textContent = text;
      return node;
    }

    function svg(tag, attributes) {
      var node = document.createElementNS(SVG, tag);
      for (var name in attributes) node.setAttribute(name, attributes[name]);
      return node;
    }

    /** One picture per group: a bar from 0 to 4, the group's average, its title. */
    function chart(group, average) {
      var figure = element("figure", "assessment-chart");
      figure.dataset.group = group.id;
      var label = group.title + ": " + average.toFixed(1) + " " + t("assessment-of", "of") + " " + HIGHEST;
      var picture = svg("svg", { viewBox: "0 0 400 22", role: "img", "aria-label": label, class: "assessment-bar" });
      var title = svg("title", {});
      title.textContent = label;
      picture.appendChild(title);
      picture.appendChild(svg("rect", { x: 0, y: 4, width: 400, height: 14, rx: 7, class: "assessment-bar-track" }));
      var width = Math.max(14, 400 * average / HIGHEST);
      picture.appendChild(svg("rect", { x: 0, y: 4, width: width.toFixed(1), height: 14, rx: 7, class: "assessment-bar-fill" }));
      for (var mark = 1; mark < HIGHEST; mark++) {
        picture.appendChild(svg("line", { x1: 100 * mark, x2: 100 * mark, y1: 4, y2: 18, class: "assessment-bar-mark" }));
      }
      var caption = element("figcaption", null);
      caption.appendChild(element("span", "assessment-chart-title", group.title));
      caption.appendChild(element("span", "assessment-chart-score", average.toFixed(1) + " / " + HIGHEST));
      figure.appendChild(caption);
      figure.appendChild(picture);
      return figure;
    }

    function show(scores) {
      var state = five.load();
      var averages = groups.map(function (group) {
        var sum = group.statements.reduce(function (total, statement) { return total + scores[statement.id]; }, 0);
        return { group: group, average: sum / group.statements.length };
      });
      var charts = result.querySelector("[data-assessment-charts]");
      charts.textContent = "";
      averages.forEach(function (entry) { charts.appendChild(chart(entry.group, entry.average)); });
      // The weakest groups: the lowest average and any other within half a point of it.
      var lowest = Math.min.apply(null, averages.map(function (entry) { return entry.average; }));
      var weakest = averages.filter(function (entry) { return entry.average <= lowest + 0.5 && entry.average < HIGHEST; });
      weakest.forEach(function (entry) {
        charts.querySelector('[data-group="' + entry.group.id + '"]').classList.add("is-weakest");
      });
      var weakestText = result.querySelector("[data-assessment-weakest]");
      weakestText.textContent = weakest.length
        ? t("assessment-weakest", "Your weakest groups:") + " " + weakest.map(function (entry) { return entry.group.title; }).join(", ") + "."
        : t("assessment-no-weakest", "Every group scores the highest mark.");
      weakestText.dataset.groups = weakest.map(function (entry) { return entry.group.id; }).join(" ");

      var picked = starterFive(statements, scores, function (number) { return tips[number] && tips[number].chapter; },
                               practised(state));
      var list = result.querySelector("[data-assessment-five]");
      list.textContent = "";
      picked.forEach(function (number) {
        var item = element("li", "assessment-five-item");
        item.dataset.tip = number;
        var link = element("a", null);
        link.href = tips[number].url;
        link.appendChild(element("span", "tip-number", String(number)));
        link.appendChild(document.createTextNode(" "));
        link.appendChild(element("span", null, tips[number].title));
        item.appendChild(link);
        list.appendChild(item);
      });
      current = { scores: scores, five: picked };
      result.querySelector("[data-assessment-replace]").hidden = state.tips.length === 0;
      startButton.disabled = picked.length === 0;
      started.hidden = true;
      result.hidden = false;
      result.querySelector("h2").focus();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var scores = answers();
      var open = statements.filter(function (statement) { return scores[statement.id] === undefined; });
      if (open.length) {
        missing.textContent = t("assessment-missing", "Rate every statement first. Still open:") + " "
          + open.map(function (statement) { return statement.fieldset.querySelector(".assessment-number").textContent; }).join(", ");
        missing.hidden = false;
        open[0].fieldset.querySelector("input").focus();
        return;
      }
      missing.hidden = true;
      show(scores);
    });

    startButton.addEventListener("click", function () {
      if (!current || !current.five.length) return;
      var state = five.load();
      var today = five.today();
      if (state.tips.length) {
        var closed = { start: state.start || today, end: today, tips: state.tips.slice() };
        if (state.assessment) closed.assessment = state.assessment;
        state.history.unshift(closed);
      }
      state.tips = current.five.slice();
      state.start = today;
      state.assessment = { date: today, scores: current.scores };
      five.save(state);
      started.hidden = false;
      startButton.disabled = true;
      result.querySelector("[data-assessment-replace]").hidden = true;
      started.querySelector("a").focus();
    });

    window.HandbookAssessment = { starterFive: starterFive, practised: practised };
  }

  document.addEventListener("DOMContentLoaded", init);
})();
