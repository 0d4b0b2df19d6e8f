/* Handbook search: the box in every page's header and the search page.
 *
 * No framework and no network: the index is a script that `handbook build` writes next to this
 * file (see Sources/HandbookCore/Search/SearchScripts.swift for its format), injected on first
 * use, so it also works when the site is opened from disk. Every text from the index reaches the
 * page through textContent, never as HTML.
 *
 * Also exposes window.Handbook (root URL, script loading, tip data) for five.js.
 */
(function () {
  "use strict";

  var body = document.body;
  var root = new URL(body.getAttribute("data-root") || "", location.href);

  function t(key, fallback) {
    return body.getAttribute("data-t-" + key) || fallback;
  }

  function siteURL(path) {
    return new URL(path, root).href;
  }

  // MARK: - Loading scripts (a <script> tag works from file://, fetch does not)

  var loads = {};
  function loadScript(name) {
    if (!loads[name]) {
      loads[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = siteURL("assets/" + name);
        script.async = true;
        script.onload = resolve;
        script.onerror = function () {
          delete loads[name];
          script.remove();
          reject(new Error("cannot load " + name));
        };
        document.head.appendChild(script);
      });
    }
    return loads[name];
  }

  function loadData() {
    if (window.HandbookData) return Promise.resolve(window.HandbookData);
    return loadScript("tips-data.js").then(function () { return window.HandbookData; });
  }

  // MARK: - Text folding: the same rules as SearchText.swift

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/['\u2019]/g, "");
  }

  function words(text) {
    return fold(text).match(/[\p{L}\p{N}]+/gu) || [];
  }

  /** One token of the page's text as a search word; plain ASCII skips Unicode normalisation. */
  function foldToken(token) {
    if (/^[A-Za-z0-9']*$/.test(token)) return token.toLowerCase().replace(/'/g, "");
    return words(token).join("");
  }

  /** Words of the query, without repeats and without words that are the start of another. */
  function queryTerms(query) {
    var all = words(query);
    return all.filter(function (word, index) {
      return all.every(function (other, otherIndex) {
        if (other === word) return otherIndex >= index;
        return other.indexOf(word) !== 0;
      });
    });
  }

  /** Whether a token of text may start with one of the terms: a cheap test on its first letter. */
  function mayMatch(token, firsts) {
    var code = token.charCodeAt(0);
    if (code >= 128) return true;
    return firsts.indexOf(String.fromCharCode(code).toLowerCase()) >= 0;
  }

  function firstLetters(terms) {
    return terms.map(function (term) { return term.charAt(0); }).join("");
  }

  function startsWithAny(word, terms) {
    for (var i = 0; i < terms.length; i++) if (word.lastIndexOf(terms[i], 0) === 0) return true;
    return false;
  }

  // MARK: - The engine: an inverted index with prefix lookups

  var TEXT_DELAY = 160;
  var WEIGHT = { titleExact: 12, title: 10, summaryExact: 5, summary: 4, theme: 2, body: 1, phrase: 6 };

  /** Word → tips for one field of every tip, sorted for prefix lookups. */
  function invert(fieldWords) {
    var map = new Map();
    for (var tip = 0; tip < fieldWords.length; tip++) {
      var list = fieldWords[tip];
      for (var i = 0; i < list.length; i++) {
        var tips = map.get(list[i]);
        if (!tips) map.set(list[i], [tip]);
        else if (tips[tips.length - 1] !== tip) tips.push(tip);
      }
    }
    var sorted = Array.from(map.keys()).sort();
    return { words: sorted, tips: sorted.map(function (word) { return map.get(word); }) };
  }

  function Engine(data, index) {
    this.themes = data.themes;
    this.rows = data.tips;
    this.count = data.tips.length;
    this.chunk = index.chunk;
    this.vocabulary = index.words ? index.words.split(" ") : [];
    this.postingText = index.postings ? index.postings.split(" ") : [];
    this.postings = new Array(this.vocabulary.length);
    this.common = index.common ? index.common.split(" ").sort() : [];
    this.byNumber = new Map();
    var titleWords = new Array(this.count), summaryWords = new Array(this.count);
    this.foldedTitles = new Array(this.count);
    this.tipsByTheme = this.themes.map(function () { return []; });
    for (var i = 0; i < this.count; i++) {
      var row = this.rows[i];
      this.byNumber.set(row[0], i);
      titleWords[i] = words(row[1]);
      summaryWords[i] = words(row[3]);
      this.foldedTitles[i] = titleWords[i].join(" ");
      for (var j = 0; j < row[4].length; j++) this.tipsByTheme[row[4][j]].push(i);
    }
    this.titles = invert(titleWords);
    this.summaries = invert(summaryWords);
    this.themeWords = this.themes.map(function (theme) { return words(theme[1]); });
    this.cache = new Map();
  }

  /** [low, high) of the words in a sorted list that start with `prefix`. */
  function prefixRange(list, prefix) {
    var low = 0, high = list.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (list[mid] < prefix) low = mid + 1; else high = mid;
    }
    var start = low;
    high = list.length;
    var limit = prefix + "\uffff";
    while (low < high) {
      var middle = (low + high) >> 1;
      if (list[middle] < limit) low = middle + 1; else high = middle;
    }
    return [start, low];
  }

  Engine.prototype.posting = function (wordIndex) {
    var list = this.postings[wordIndex];
    if (!list) {
      var parts = this.postingText[wordIndex].split(",");
      list = new Int32Array(parts.length);
      var position = 0;
      for (var i = 0; i < parts.length; i++) {
        position += parseInt(parts[i], 36);
        list[i] = position;
      }
      this.postings[wordIndex] = list;
    }
    return list;
  };

  /** Raises `scores` of the tips with a word in `field` starting with `term`. */
  function scoreField(scores, field, term, exact, prefix) {
    var range = prefixRange(field.words, term);
    for (var w = range[0]; w < range[1]; w++) {
      var value = field.words[w] === term ? exact : prefix;
      var tips = field.tips[w];
      for (var i = 0; i < tips.length; i++) if (scores[tips[i]] < value) scores[tips[i]] = value;
    }
  }

  /**
   * How well each tip matches one query word, 0 when not at all: the best of title, summary and
   * text, plus a little when a theme of the tip has that name. Cached, since typing repeats them.
   */
  Engine.prototype.termScores = function (term) {
    var cached = this.cache.get(term);
    if (cached) return cached;
    var scores = new Uint8Array(this.count);
    var common = prefixRange(this.common, term);
    if (common[1] > common[0]) {
      // A common word is listed for no tip: count it as in every tip's text.
      scores.fill(WEIGHT.body);
    } else {
      var range = prefixRange(this.vocabulary, term);
      for (var w = range[0]; w < range[1]; w++) {
        var list = this.posting(w);
        for (var i = 0; i < list.length; i++) scores[list[i]] = WEIGHT.body;
      }
    }
    scoreField(scores, this.summaries, term, WEIGHT.summaryExact, WEIGHT.summary);
    scoreField(scores, this.titles, term, WEIGHT.titleExact, WEIGHT.title);
    for (var theme = 0; theme < this.themes.length; theme++) {
      if (!this.themeWords[theme].some(function (word) { return word.lastIndexOf(term, 0) === 0; })) continue;
      var tips = this.tipsByTheme[theme];
      for (var k = 0; k < tips.length; k++) scores[tips[k]] += WEIGHT.theme;
    }
    if (this.cache.size > 300) this.cache.clear();
    this.cache.set(term, scores);
    return scores;
  };

  /**
   * Tips for a query, best first: every word of the query must start a word of the tip (title,
   * summary, text or theme name). Title matches rank above summary matches, which rank above the
   * text; being in a theme of that name adds a little. Common words (see SearchIndex.commonFloor)
   * count as in every tip. A number typed alone puts that tip first. `theme` (a slug or "") keeps
   * only that theme's tips. Returns tip positions in `order`, best first, ties in tip order.
   */
  Engine.prototype.search = function (query, theme) {
    var terms = queryTerms(query);
    var count = this.count;
    var themeIndex = -1;
    if (theme) themeIndex = this.themes.findIndex(function (entry) { return entry[0] === theme; });
    var numberHit = -1;
    var trimmed = query.trim().replace(/^#/, "");
    if (/^\d+$/.test(trimmed) && this.byNumber.has(parseInt(trimmed, 10))) {
      numberHit = this.byNumber.get(parseInt(trimmed, 10));
    }
    var found = { terms: terms, order: new Int32Array(0), numberHit: numberHit };
    if (terms.length === 0 && themeIndex < 0) {
      if (numberHit >= 0) found.order = Int32Array.of(numberHit);
      return found;
    }

    var total = new Uint16Array(count);
    if (terms.length === 0) total.fill(1);
    for (var k = 0; k < terms.length; k++) {
      var scores = this.termScores(terms[k]);
      for (var tip = 0; tip < count; tip++) {
        total[tip] = (k === 0 || total[tip]) && scores[tip] ? total[tip] + scores[tip] : 0;
      }
    }
    if (themeIndex >= 0) {
      var keep = new Uint8Array(count);
      this.tipsByTheme[themeIndex].forEach(function (tip) { keep[tip] = 1; });
      for (var t = 0; t < count; t++) if (!keep[t]) total[t] = 0;
    }
    if (terms.length > 1) {
      var phrase = terms.join(" "), allInTitle = terms.length * WEIGHT.title;
      for (var p = 0; p < count; p++) {
        if (total[p] >= allInTitle && this.foldedTitles[p].indexOf(phrase) >= 0) total[p] += WEIGHT.phrase;
      }
    }
    if (numberHit >= 0) total[numberHit] = 0;

    // Counting sort by score: linear, and tips with equal scores stay in tip order.
    var max = 0, matches = 0;
    for (var m = 0; m < count; m++) {
      if (total[m]) { matches++; if (total[m] > max) max = total[m]; }
    }
    var starts = new Int32Array(max + 2);
    for (var c = 0; c < count; c++) if (total[c]) starts[max - total[c] + 1]++;
    for (var s = 1; s <= max + 1; s++) starts[s] += starts[s - 1];
    var extra = numberHit >= 0 ? 1 : 0;
    var order = new Int32Array(matches + extra);
    if (extra) order[0] = numberHit;
    for (var o = 0; o < count; o++) if (total[o]) order[extra + starts[max - total[o]]++] = o;
    found.order = order;
    return found;
  };

  /** The tip's plain text, if its chunk is loaded; otherwise starts loading it and returns null. */
  Engine.prototype.text = function (tip, onLoad) {
    var chunk = Math.floor(tip / this.chunk);
    var texts = window.HandbookSearchTexts && window.HandbookSearchTexts[chunk];
    if (texts) return texts[tip % this.chunk];
    var waiting = this.waiting || (this.waiting = new Map());
    if (!waiting.has(chunk)) waiting.set(chunk, []);
    waiting.get(chunk).push(onLoad);
    // Load while the reader pauses, not between keystrokes.
    clearTimeout(this.timer);
    this.timer = setTimeout(function () {
      waiting.forEach(function (callbacks, number) {
        loadScript("search-text-" + number + ".js").then(function () {
          callbacks.forEach(function (callback) { callback(); });
        }, function () {});
      });
      waiting.clear();
    }, TEXT_DELAY);
    return null;
  };

  var enginePromise = null;
  function loadEngine() {
    if (!enginePromise) {
      enginePromise = Promise.all([loadData(), loadScript("search-index.js")]).then(function (loaded) {
        var started = performance.now();
        var engine = new Engine(loaded[0], window.HandbookSearchIndex);
        warmUp(engine);
        api.timings.load = performance.now() - started;
        api.engine = engine;
        return engine;
      });
      enginePromise.catch(function () { enginePromise = null; });
    }
    return enginePromise;
  }

  // MARK: - Showing text with the matched words marked

  var TOKEN = /[\p{L}\p{N}\p{M}'\u2019]+/gu;

  /** Appends `text` to `parent`, with every word that starts with a query term in a <mark>. */
  function appendMarked(parent, text, terms) {
    var last = 0, match, firsts = firstLetters(terms);
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text))) {
      if (!mayMatch(match[0], firsts)) continue;
      var folded = foldToken(match[0]);
      if (folded && startsWithAny(folded, terms)) {
        if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement("mark");
        mark.textContent = match[0];
        parent.appendChild(mark);
        last = match.index + match[0].length;
      }
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /** The terms that start some word of `text`. */
  function termsIn(text, terms) {
    var found = [], match, firsts = firstLetters(terms);
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text)) && found.length < terms.length) {
      if (!mayMatch(match[0], firsts)) continue;
      var folded = foldToken(match[0]);
      for (var k = 0; k < terms.length; k++) {
        if (folded.lastIndexOf(terms[k], 0) === 0 && found.indexOf(terms[k]) < 0) found.push(terms[k]);
      }
    }
    return found;
  }

  /** About `size` words of `text` around the place with the most different query terms. */
  function excerpt(text, terms, size) {
    var tokens = [], match, firsts = firstLetters(terms);
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text))) {
      var term = -1;
      if (mayMatch(match[0], firsts)) {
        var folded = foldToken(match[0]);
        for (var k = 0; k < terms.length; k++) if (folded.lastIndexOf(terms[k], 0) === 0) { term = k; break; }
      }
      tokens.push({ start: match.index, end: match.index + match[0].length, term: term });
    }
    var best = -1, bestCount = 0;
    for (var i = 0; i < tokens.length; i++) {
      if (tokens[i].term < 0) continue;
      var seen = {}, count = 0;
      for (var j = i; j < Math.min(tokens.length, i + size - 6); j++) {
        var found = tokens[j].term;
        if (found >= 0 && !seen[found]) { seen[found] = true; count++; }
      }
      if (count > bestCount) { best = i; bestCount = count; }
      if (count === terms.length) break;
    }
    if (best < 0) return null;
    excerpt.found = bestCount;
    var from = Math.max(0, best - 6), to = Math.min(tokens.length - 1, from + size - 1);
    var start = tokens[from].start, end = tokens[to].end;
    // Start at the sentence if it begins just before.
    var sentence = Math.max(text.lastIndexOf(". ", start), text.lastIndexOf("? ", start), text.lastIndexOf("! ", start));
    if (from > 0 && sentence >= 0 && start - sentence < 40) start = sentence + 2;
    if (from > 0 && sentence < 0 && start < 40) start = 0;
    var slice = text.slice(start, end);
    if (end < text.length) slice = slice.replace(/[\s,;:]+$/, "") + "…";
    if (start > 0) slice = "…" + slice;
    return slice;
  }

  // MARK: - Marking the searched words on the page a result leads to (as mdBook does)

  var HIGHLIGHT = "highlight";

  /**
   * A result's link carries its query as `?highlight=`: the page marks every word that starts
   * with one of its terms in its title, summary and text, and takes the parameter out of the
   * address, so that a link copied from it does not carry the marks along.
   */
  function highlightFromAddress() {
    var params = new URLSearchParams(location.search);
    var query = params.get(HIGHLIGHT);
    if (query === null) return;
    params.delete(HIGHLIGHT);
    var rest = params.toString();
    history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
    var terms = queryTerms(query);
    if (!terms.length) return;
    document.querySelectorAll("main .page-header h1, main .page-header .lead, main .prose").forEach(function (scope) {
      var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT), nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        if (!termsIn(node.nodeValue, terms).length) return;
        var marked = document.createDocumentFragment();
        appendMarked(marked, node.nodeValue, terms);
        node.parentNode.replaceChild(marked, node);
      });
    });
  }

  // MARK: - Results

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function countText(count) {
    return count + " " + (count === 1 ? t("found-one", "tip found") : t("found-many", "tips found"));
  }

  /** Fills `holder` with the best snippet for a result, now or when the tip's text arrives. */
  /**
   * Fills `holder` with the summary, or with the passage of the tip's text that shows more of the
   * query words the title does not already show. The text may arrive later; the holder is
   * filled again then, if it is still on the page.
   */
  function fillSnippet(engine, holder, tip, terms) {
    var row = engine.rows[tip];
    holder.textContent = "";
    var inTitle = termsIn(row[1], terms);
    var wanted = terms.filter(function (term) { return inTitle.indexOf(term) < 0; });
    var inSummary = wanted.length ? termsIn(row[3], wanted).length : 0;
    if (wanted.length && inSummary < wanted.length) {
      var text = engine.text(tip, function () {
        if (holder.isConnected && holder.dataset.terms === terms.join(" ")) fillSnippet(engine, holder, tip, terms);
      });
      var part = text && excerpt(text, wanted, 26);
      if (part && excerpt.found > inSummary) {
        appendMarked(holder, part, terms);
        return;
      }
    }
    appendMarked(holder, row[3] || "", terms);
  }

  function resultItem(engine, tip, byNumber, terms, id) {
    var row = engine.rows[tip];
    var link = element("a", "search-result");
    // The tip's page marks the query's words (see highlightFromAddress above).
    link.href = siteURL(row[2]) + (byNumber || !terms.length ? "" : "?" + HIGHLIGHT + "=" + encodeURIComponent(terms.join(" ")));
    link.id = id;
    link.setAttribute("role", "option");
    link.dataset.number = row[0];
    var number = element("span", "search-result-number", String(row[0]));
    number.setAttribute("aria-hidden", "true");
    link.appendChild(number);
    var main = element("span", "search-result-main");
    if (byNumber) main.appendChild(element("span", "search-result-eyebrow", t("go-to-tip", "Go to tip") + " " + row[0]));
    var title = element("span", "search-result-title");
    var hidden = element("span", "visually-hidden", t("tip", "Tip") + " " + row[0] + ": ");
    title.appendChild(hidden);
    appendMarked(title, row[1], terms);
    main.appendChild(title);
    var themes = element("span", "search-result-themes");
    row[4].forEach(function (themeIndex) {
      var theme = engine.themes[themeIndex];
      var tag = element("span", "search-tag tag-" + theme[0]);
      appendMarked(tag, theme[1], terms);
      themes.appendChild(tag);
    });
    main.appendChild(themes);
    var snippet = element("span", "search-result-snippet");
    snippet.dataset.terms = terms.join(" ");
    fillSnippet(engine, snippet, tip, terms);
    main.appendChild(snippet);
    link.appendChild(main);
    return link;
  }

  /**
   * Runs a few searches and builds a few results off the page, once, while the index loads: the
   * browser compiles the code then, not on the reader's first keystroke.
   */
  function warmUp(engine) {
    var scratch = document.createElement("div");
    ["a", "th", "customer"].forEach(function (query) {
      var found = engine.search(query, "");
      Array.from(found.order.subarray(0, 3)).forEach(function (tip) {
        scratch.appendChild(resultItem(engine, tip, false, found.terms, "warm-up"));
      });
    });
    engine.cache.clear();
  }

  // MARK: - A search box: the header's (popup) or the search page's (inline)

  var boxes = 0;

  function SearchBox(input, panel, options) {
    this.input = input;
    this.panel = panel;
    this.inline = options.inline;
    this.limit = options.limit;
    this.shown = options.limit;
    this.theme = options.theme || function () { return ""; };
    this.onQuery = options.onQuery || function () {};
    this.status = options.status || null;
    this.active = -1;
    this.options = [];
    this.prefix = "search-" + (++boxes) + "-";
    this.list = element("div", "search-list");
    this.list.id = this.prefix + "list";
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", t("results", "Search results"));
    // One live region that stays in place, so screen readers hear the count as it changes.
    this.head = element("p", "search-popup-head");
    this.head.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", this.list.id);
    input.setAttribute("aria-expanded", this.inline ? "true" : "false");
    var box = this;
    input.addEventListener("input", function (event) { box.shown = box.limit; box.update(event); });
    input.addEventListener("keydown", function (event) { box.key(event); });
    if (!this.inline) {
      input.addEventListener("focus", function () {
        if (!box.engine) box.start();
        else if (box.input.value.trim()) box.update();
      });
      input.addEventListener("blur", function () {
        setTimeout(function () { if (!box.panel.contains(document.activeElement)) box.close(); }, 150);
      });
      panel.addEventListener("mousedown", function (event) { event.preventDefault(); });
    }
  }

  SearchBox.prototype.start = function () {
    var box = this;
    if (this.engine) return Promise.resolve(this.engine);
    if (this.input.value.trim() || this.inline) this.message(t("loading", "Loading…"));
    return loadEngine().then(function (engine) {
      box.engine = engine;
      if (box.input.value.trim() || box.inline) box.update();
      return engine;
    }, function () {
      box.message(t("load-failed", "The search index could not be loaded."));
    });
  };

  SearchBox.prototype.message = function (text) {
    if (this.inline) {
      if (this.status) this.status.textContent = text;
      this.panel.textContent = "";
      return;
    }
    this.clearPanel();
    this.head.textContent = text;
    this.open();
  };

  /** Empties the popup except for its live region. */
  SearchBox.prototype.clearPanel = function () {
    if (this.head.parentNode !== this.panel) this.panel.insertBefore(this.head, this.panel.firstChild);
    while (this.panel.lastChild !== this.head) this.panel.removeChild(this.panel.lastChild);
  };

  SearchBox.prototype.open = function () {
    if (this.inline) return;
    this.panel.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  SearchBox.prototype.close = function () {
    if (this.inline) return;
    this.panel.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  /** Runs the query and shows the results; called on every keystroke. */
  SearchBox.prototype.update = function (event) {
    var started = event && event.timeStamp ? event.timeStamp : performance.now();
    var query = this.input.value;
    this.onQuery(query, this.theme());
    if (!this.engine) {
      this.start();
      return;
    }
    if (!query.trim() && !this.theme()) {
      this.options = [];
      this.active = -1;
      if (this.inline) {
        this.panel.textContent = "";
        if (this.status) this.status.textContent = t("hint", "");
      } else {
        this.close();
      }
      return;
    }
    var found = this.engine.search(query, this.theme());
    var searched = performance.now();
    this.render(found, query);
    // Keystroke to results in the DOM, and to the next frame after it: for the speed check.
    var record = { query: query, results: found.order.length, ms: performance.now() - started,
                   search: searched - started, frame: null };
    requestAnimationFrame(function () {
      setTimeout(function () { record.frame = performance.now() - started; }, 0);
    });
    api.timings.last = record;
    api.timings.all.push(record);
    if (api.timings.all.length > 500) api.timings.all.shift();
  };

  SearchBox.prototype.render = function (found, query) {
    var total = found.order.length;
    var shown = Array.from(found.order.subarray(0, this.shown));
    this.list.textContent = "";
    this.options = [];
    var box = this;
    shown.forEach(function (tip, index) {
      var item = resultItem(box.engine, tip, tip === found.numberHit, found.terms, box.prefix + index);
      item.addEventListener("mousemove", function () { box.highlight(index, false); });
      box.options.push(item);
      if (box.inline) {
        var li = element("div", "search-list-item");
        li.appendChild(item);
        box.list.appendChild(li);
      } else {
        box.list.appendChild(item);
      }
    });
    if (this.inline) this.panel.textContent = ""; else this.clearPanel();
    var summary = total ? countText(total) : t("no-results", "No tips match") + " “" + query.trim() + "”";
    if (this.inline) {
      if (this.status) this.status.textContent = summary;
      this.panel.appendChild(this.list);
      if (total > shown.length) {
        var more = element("button", "button button-quiet search-more", t("show-more", "Show more"));
        more.type = "button";
        more.addEventListener("click", function () {
          var first = box.shown;
          box.shown += box.limit;
          box.render(found, query);
          if (box.options[first]) box.options[first].focus();
        });
        this.panel.appendChild(more);
      }
    } else {
      this.head.textContent = summary;
      if (shown.length) this.panel.appendChild(this.list);
      var all = element("a", "search-popup-all", t("see-all", "See all results") + " →");
      var params = new URLSearchParams({ q: query.trim() });
      all.href = siteURL("search.html") + "?" + params.toString();
      this.panel.appendChild(all);
      this.open();
    }
    this.highlight(shown.length && !this.inline ? 0 : -1, false);
  };

  SearchBox.prototype.highlight = function (index, scroll) {
    if (this.options[this.active]) this.options[this.active].removeAttribute("aria-selected");
    this.active = index;
    var option = this.options[index];
    if (option) {
      option.setAttribute("aria-selected", "true");
      this.input.setAttribute("aria-activedescendant", option.id);
      if (scroll) option.scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  SearchBox.prototype.key = function (event) {
    if (event.isComposing) return;
    var count = this.options.length;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        if (!count) return;
        event.preventDefault();
        if (!this.inline && this.panel.hidden) { this.open(); return; }
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
        this.highlight(next, true);
        break;
      case "Enter":
        var chosen = this.options[this.active];
        if (chosen && (this.inline || !this.panel.hidden)) {
          event.preventDefault();
          location.href = chosen.href;
        } else if (this.inline) {
          event.preventDefault();
        }
        break;
      case "Escape":
        if (!this.inline && !this.panel.hidden) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
          this.update();
        } else {
          this.input.blur();
        }
        break;
    }
  };

  // MARK: - Wiring

  function isEditable(target) {
    if (!target || target === document.body) return false;
    var tag = target.tagName;
    return target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  var api = {
    root: root,
    url: siteURL,
    t: t,
    loadScript: loadScript,
    loadData: loadData,
    loadEngine: loadEngine,
    fold: fold,
    words: words,
    timings: { load: 0, last: null, all: [] },
    engine: null,
  };
  window.Handbook = api;

  highlightFromAddress();

  var mainInput = null;

  var header = document.querySelector("[data-search-box]");
  if (header) {
    var headerInput = header.querySelector("input");
    var headerBox = new SearchBox(headerInput, header.querySelector(".search-popup"), { inline: false, limit: 8 });
    header.addEventListener("submit", function (event) {
      if (!headerInput.value.trim()) event.preventDefault();
    });
    document.addEventListener("click", function (event) {
      if (!header.contains(event.target)) headerBox.close();
    });
    mainInput = headerInput;
  }

  var page = document.querySelector("[data-search-page]");
  if (page) {
    var pageInput = page.querySelector("input[type=search]");
    var radios = page.querySelectorAll("input[name=theme]");
    var params = new URLSearchParams(location.search);
    pageInput.value = params.get("q") || "";
    var wanted = params.get("theme") || "";
    radios.forEach(function (radio) { radio.checked = radio.value === wanted; });
    var selectedTheme = function () {
      var checked = page.querySelector("input[name=theme]:checked");
      return checked ? checked.value : "";
    };
    var pageBox = new SearchBox(pageInput, document.getElementById("search-results"), {
      inline: true,
      limit: 12,
      theme: selectedTheme,
      status: document.getElementById("search-status"),
      onQuery: function (query, theme) {
        var next = new URLSearchParams();
        if (query.trim()) next.set("q", query.trim());
        if (theme) next.set("theme", theme);
        var search = next.toString();
        history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
      },
    });
    radios.forEach(function (radio) {
      radio.addEventListener("change", function () { pageBox.shown = pageBox.limit; pageBox.update(); });
    });
    page.addEventListener("submit", function (event) { event.preventDefault(); });
    pageBox.start();
    if (!pageInput.value) pageInput.focus();
    mainInput = pageInput;
  }

  // The page's keyboard shortcuts (this script is on every page): "/" goes to the search box;
  // the left and right arrows follow the pager's rel="prev" and rel="next" links, as in mdBook.
  // None of them act while a field has the focus, nor with Ctrl, Cmd or Alt (Alt+Left is the
  // browser's Back); Shift is allowed for "/", which some keyboards type with it.
  var arrowLinks = { ArrowLeft: "a[rel=prev]", ArrowRight: "a[rel=next]" };
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
    if (event.key === "/") {
      if (!mainInput) return;
      event.preventDefault();
      mainInput.focus();
      mainInput.select();
    } else if (arrowLinks[event.key] && !event.shiftKey) {
      var link = document.querySelector(arrowLinks[event.key]);
      if (!link) return;
      event.preventDefault();
      location.href = link.href;
    }
  });
})();
