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
  /**
   * What one query word scores in a tip: a whole word beats a word it only starts, in every
   * field; a title beats the summary, which beats the text; a word the title starts still beats
   * a whole word in the text, except for a word of three letters or fewer ("bot" in "both").
   * A typo's correction scores least; a theme of that exact name puts the theme's tips first.
   */
  var WEIGHT = {
    exact: { title: 40, summary: 20, body: 16 },
    prefix: { title: 30, summary: 12, body: 8 },
    shortPrefix: { title: 12, summary: 10, body: 8 },
    typo: { title: 6, summary: 5, body: 4 },
    themeExact: 48, themePrefix: 4, phrase: 6, anyTitle: 12,
  };
  /** Shortest word that may be a typo, and the edits allowed up to and beyond `TYPO.short` letters. */
  var TYPO = { min: 4, short: 5, nearEdits: 1, farEdits: 2, candidates: 8 };

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
    // [number, title, url, [tip positions]] of each chapter, for "chapter 5"; the file has runs.
    this.chapters = (data.chapters || []).map(function (chapter) {
      var runs = chapter[3], tips = [];
      for (var r = 0; r < runs.length; r += 2) for (var p = 0; p < runs[r + 1]; p++) tips.push(runs[r] + p);
      return [chapter[0], chapter[1], chapter[2], tips];
    });
    // British and American spellings meet only in English; other languages keep their own rules.
    this.spellings = /^en\b/i.test(index.lang || "") ? englishSpellings : function () { return []; };
    this.byLength = null;
    this.cache = new Map();
  }

  // MARK: - Forgiving words: British and American spellings, typos

  /** British ↔ American: [pattern, replacement] on a whole folded word. Stems of three letters or more keep "rise", "four", "hour" out. */
  var SPELLING_RULES = [
    [/^([a-z]{3,})is(e|es|ed|ing|er|ers|ation|ations|able)$/, "$1iz$2"],
    [/^([a-z]{3,})iz(e|es|ed|ing|er|ers|ation|ations|able)$/, "$1is$2"],
    [/^([a-z]{2,})ys(e|es|ed|ing|er|ers)$/, "$1yz$2"],
    [/^([a-z]{2,})yz(e|es|ed|ing|er|ers)$/, "$1ys$2"],
    [/^([a-z]{3,})our(s|ed|ing|ite|ites|able|ably|al|ful|less|er|ers)?$/, "$1or$2"],
    [/^([a-z]{3,})or(s|ed|ing|ite|ites|able|ably|al|ful|less|er|ers)?$/, "$1our$2"],
    [/^([a-z]{2,}[tbg])re(s?)$/, "$1er$2"],
    [/^([a-z]{2,}[tbg])red$/, "$1ered"],
    [/^([a-z]{2,}[tbg])er(s?)$/, "$1re$2"],
    [/^([a-z]{2,}[tbg])ered$/, "$1red"],
    [/^([a-z]{3,})ogue(s?)$/, "$1og$2"],
    [/^([a-z]{3,})og(s?)$/, "$1ogue$2"],
    // travelled ↔ traveled: a doubled l after an unstressed vowel ("filled" and "called" keep theirs).
    [/^([a-z]*[aeiou][^aeiou]+[aeiou])ll(ed|ing|er|ers|or|ors)$/, "$1l$2"],
    [/^([a-z]*[aeiou][^aeiou]+[aeiou])l(ed|ing|er|ers|or|ors)$/, "$1ll$2"],
    [/^(fulfil|enrol|instal|skil|wil)(ment|ments|ful|s)$/, "$1l$2"],
    [/^(fulfi|enro|insta|ski|wi)ll(ment|ments|ful)$/, "$1l$2"],
    [/^judgement(s?)$/, "judgment$1"],
    [/^judgment(s?)$/, "judgement$1"],
  ];

  /** The other spellings of an English word that the handbook may use instead. */
  function englishSpellings(word) {
    var other = [];
    for (var i = 0; i < SPELLING_RULES.length; i++) {
      var rule = SPELLING_RULES[i];
      if (rule[0].test(word)) {
        var variant = word.replace(rule[0], rule[1]);
        if (variant !== word && other.indexOf(variant) < 0) other.push(variant);
      }
    }
    return other;
  }

  /**
   * The edit distance of `a` and `b` (insertions, deletions, substitutions, and a swap of two
   * neighbours counted as one), or `max + 1` as soon as it is sure to be more than `max`.
   */
  function editDistance(a, b, max, rows) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > max) return max + 1;
    var before = rows[0], previous = rows[1], current = rows[2];
    for (var j = 0; j <= lb; j++) previous[j] = j;
    for (var i = 1; i <= la; i++) {
      current[0] = i;
      var best = i;
      for (var k = 1; k <= lb; k++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(k - 1) ? 0 : 1;
        var value = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost);
        if (i > 1 && k > 1 && a.charCodeAt(i - 1) === b.charCodeAt(k - 2) && a.charCodeAt(i - 2) === b.charCodeAt(k - 1)) {
          value = Math.min(value, before[k - 2] + 1);
        }
        current[k] = value;
        if (value < best) best = value;
      }
      if (best > max) return max + 1;
      var spare = before; before = previous; previous = current; current = spare;
    }
    return previous[lb];
  }

  /** A word that may be a typo's correction: the vocabulary's, then the common words, then the themes' names. */
  Engine.prototype.wordAt = function (index) {
    if (index < this.vocabulary.length) return this.vocabulary[index];
    index -= this.vocabulary.length;
    return index < this.common.length ? this.common[index] : this.themeNames[index - this.common.length];
  };

  /** The letters a word has, as bits: a word lacking more than `max` of a term's letters is more than `max` edits away. */
  function letterMask(word) {
    var mask = 0;
    for (var i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) % 31);
    return mask;
  }

  function bitCount(value) {
    var count = 0;
    for (; value; count++) value &= value - 1;
    return count;
  }

  /** How many tips have the vocabulary word at `wordIndex`, without decoding its list. */
  Engine.prototype.tipCount = function (wordIndex) {
    var text = this.postingText[wordIndex], count = 1;
    for (var i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
    return count;
  };

  /**
   * The words of the handbook closest to `term`, a word it does not have: within one edit for a
   * word of up to five letters, two beyond; only the closest, most used first. Words with
   * digits and words shorter than four letters are taken as typed.
   */
  Engine.prototype.corrections = function (term) {
    if (term.length < TYPO.min || /\d/.test(term)) return [];
    if (!this.byLength) {
      var byLength = this.byLength = [], masks = this.letterMasks = [];
      var add = function (word, index) {
        (byLength[word.length] || (byLength[word.length] = [])).push(index);
        masks[index] = letterMask(word);
      };
      this.vocabulary.forEach(add);
      var offset = this.vocabulary.length;
      this.common.forEach(function (word, index) { add(word, offset + index); });
      // Theme names too: a tip may be in the Empathy theme without the word in its text.
      this.themeNames = [];
      this.themeWords.forEach(function (names) { names.forEach(function (name) { this.themeNames.push(name); }, this); }, this);
      this.themeNames.forEach(function (word, index) { add(word, offset + this.common.length + index); }, this);
    }
    var max = term.length <= TYPO.short ? TYPO.nearEdits : TYPO.farEdits;
    var rows = [new Int32Array(term.length + max + 2), new Int32Array(term.length + max + 2), new Int32Array(term.length + max + 2)];
    var found = [], closest = max, termMask = letterMask(term);
    // Words of the term's length first, then ±1, ±2: the closest found early skips more.
    for (var step = 0; step <= 2 * max; step++) {
      var length = term.length + (step % 2 ? (step + 1) / 2 : -step / 2);
      var list = this.byLength[length];
      if (!list) continue;
      for (var i = 0; i < list.length; i++) {
        var index = list[i], mask = this.letterMasks[index];
        if (bitCount(termMask & ~mask) > closest || bitCount(mask & ~termMask) > closest) continue;
        var word = this.wordAt(index);
        var distance = editDistance(term, word, closest, rows);
        if (distance > closest || found.some(function (entry) { return entry.word === word; })) continue;
        if (distance < closest) { closest = distance; found.length = 0; }
        found.push({ word: word, tips: index < this.vocabulary.length ? this.tipCount(index) : this.count });
      }
    }
    found.sort(function (a, b) { return b.tips - a.tips || (a.word < b.word ? -1 : 1); });
    return found.slice(0, TYPO.candidates).map(function (entry) { return entry.word; });
  };

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

  /**
   * Raises `scores` of the tips with a word in `field` that is `term` (`exact`) or starts with
   * it (`prefix`, 0 to skip). Returns whether any word matched.
   */
  function scoreField(scores, field, term, exact, prefix) {
    var range = prefixRange(field.words, term);
    for (var w = range[0]; w < range[1]; w++) {
      var value = field.words[w] === term ? exact : prefix;
      if (!value) continue;
      var tips = field.tips[w];
      for (var i = 0; i < tips.length; i++) if (scores[tips[i]] < value) scores[tips[i]] = value;
    }
    return range[1] > range[0];
  }

  /**
   * Scores the tips with a word that is `word`, or (when `weights.prefix` is given) starts with
   * it, in their text, summary or title, and the tips of a theme of that name. Returns whether
   * anything matched.
   */
  Engine.prototype.scoreWord = function (scores, word, exact, prefix) {
    var matched = false;
    var common = prefixRange(this.common, word), range = prefixRange(this.vocabulary, word);
    var commonValue = 0;
    for (var c = common[0]; c < common[1]; c++) {
      commonValue = Math.max(commonValue, this.common[c] === word ? exact.body : prefix ? prefix.body : 0);
    }
    if (commonValue) {
      // A common word is listed for no tip: count it as in every tip's text.
      for (var all = 0; all < this.count; all++) if (scores[all] < commonValue) scores[all] = commonValue;
      matched = true;
    }
    for (var w = range[0]; w < range[1]; w++) {
      var bodyValue = this.vocabulary[w] === word ? exact.body : prefix && prefix.body;
      if (!bodyValue) continue;
      var list = this.posting(w);
      for (var i = 0; i < list.length; i++) if (scores[list[i]] < bodyValue) scores[list[i]] = bodyValue;
      matched = true;
    }
    matched = scoreField(scores, this.summaries, word, exact.summary, prefix ? prefix.summary : 0) || matched;
    matched = scoreField(scores, this.titles, word, exact.title, prefix ? prefix.title : 0) || matched;
    for (var theme = 0; theme < this.themes.length; theme++) {
      var names = this.themeWords[theme];
      var bonus = names.indexOf(word) >= 0 ? WEIGHT.themeExact
        : prefix && names.some(function (name) { return name.lastIndexOf(word, 0) === 0; }) ? WEIGHT.themePrefix : 0;
      if (!bonus) continue;
      var tips = this.tipsByTheme[theme];
      for (var k = 0; k < tips.length; k++) scores[tips[k]] += bonus;
      matched = true;
    }
    return matched;
  };

  /**
   * How well each tip matches one query word, 0 when not at all: the word or one of its other
   * spellings, whole or as the start of a word; failing that, unless `literal`, the handbook's
   * closest words (`corrections`). Cached, since typing repeats them.
   */
  Engine.prototype.termScores = function (term, literal) {
    var key = (literal ? "=" : "") + term;
    var cached = this.cache.get(key);
    if (cached) return cached;
    var scores = new Uint8Array(this.count);
    var prefix = term.length <= 3 ? WEIGHT.shortPrefix : WEIGHT.prefix;
    var forms = [term].concat(this.spellings(term));
    var matched = false;
    for (var f = 0; f < forms.length; f++) matched = this.scoreWord(scores, forms[f], WEIGHT.exact, prefix) || matched;
    var result = { scores: scores, correction: null };
    if (!matched && !literal) {
      var corrections = this.corrections(term);
      for (var c = 0; c < corrections.length; c++) this.scoreWord(scores, corrections[c], WEIGHT.typo, null);
      if (corrections.length) result.correction = corrections[0];
    }
    if (this.cache.size > 300) this.cache.clear();
    this.cache.set(key, result);
    return result;
  };

  /** The tip or chapter a query names: "17", "#17", "tip 17", "Tip #17", "chapter 5". */
  Engine.prototype.named = function (query) {
    var folded = words(query.replace(/#/g, " "));
    var number = folded.length && /^\d+$/.test(folded[folded.length - 1]) ? parseInt(folded[folded.length - 1], 10) : -1;
    if (number < 0 || folded.length > 2) return null;
    var word = folded.length === 2 ? folded[0] : "";
    var tipWords = ["tip", words(t("tip", "tip")).join("")];
    var chapterWords = ["chapter", words(t("chapter", "chapter")).join("")];
    if (!word || tipWords.indexOf(word) >= 0) {
      return this.byNumber.has(number) ? { tip: this.byNumber.get(number), number: String(number), named: !!word } : null;
    }
    if (chapterWords.indexOf(word) >= 0) {
      var chapter = this.chapters.findIndex(function (entry) { return entry[0] === number; });
      return chapter >= 0 ? { chapter: chapter } : null;
    }
    return null;
  };

  /**
   * Tips for a query, best first: every word of the query must be, or start, a word of the tip
   * (title, summary, text or theme name), in either spelling, or else be a typo of one (see
   * `termScores` and WEIGHT). Common words (see SearchIndex.commonFloor) count as in every tip.
   * A tip's number ("17", "tip 17") puts that tip first; "chapter 5" lists the chapter and its
   * tips. `theme` (a slug or "") keeps only that theme's tips; `literal` takes the words as
   * typed, with no corrections. Returns tip positions in `order`, best first, ties in tip order,
   * and `corrected`, the query as corrected, when a word was.
   */
  Engine.prototype.search = function (query, theme, literal) {
    var count = this.count;
    var themeIndex = -1;
    if (theme) themeIndex = this.themes.findIndex(function (entry) { return entry[0] === theme; });
    var named = this.named(query);
    var numberHit = named && named.tip !== undefined ? named.tip : -1;
    var found = { terms: [], order: new Int32Array(0), numberHit: numberHit, chapterHit: -1, corrected: null };
    if (named && named.chapter !== undefined) {
      var chapter = this.chapters[named.chapter];
      found.chapterHit = named.chapter;
      found.order = Int32Array.from(chapter[3].filter(function (tip) {
        return themeIndex < 0 || this.rows[tip][4].indexOf(themeIndex) >= 0;
      }, this));
      return found;
    }
    var terms = queryTerms(named && named.named ? named.number : query);
    found.terms = terms;
    if (terms.length === 0 && themeIndex < 0) {
      if (numberHit >= 0) found.order = Int32Array.of(numberHit);
      return found;
    }

    var total = new Uint16Array(count);
    if (terms.length === 0) total.fill(1);
    var corrected = terms.slice(), anyCorrected = false;
    for (var k = 0; k < terms.length; k++) {
      var term = this.termScores(terms[k], literal);
      var scores = term.scores;
      if (term.correction) { corrected[k] = term.correction; anyCorrected = true; }
      for (var tip = 0; tip < count; tip++) {
        total[tip] = (k === 0 || total[tip]) && scores[tip] ? total[tip] + scores[tip] : 0;
      }
    }
    if (anyCorrected) found.corrected = corrected.join(" ");
    // Mark the words the results were found by, in every spelling.
    var spellings = this.spellings;
    found.terms = corrected.concat.apply(corrected, corrected.map(function (word) { return spellings(word); }));
    if (themeIndex >= 0) {
      var keep = new Uint8Array(count);
      this.tipsByTheme[themeIndex].forEach(function (tip) { keep[tip] = 1; });
      for (var t = 0; t < count; t++) if (!keep[t]) total[t] = 0;
    }
    if (terms.length > 1) {
      var phrase = corrected.join(" "), allInTitle = terms.length * WEIGHT.anyTitle;
      for (var p = 0; p < count; p++) {
        if (total[p] >= allInTitle && this.foldedTitles[p].indexOf(phrase) >= 0) total[p] += WEIGHT.phrase;
      }
    }
    if (numberHit >= 0) total[numberHit] = 0;
    found.order = rank(total, numberHit);
    return found;
  };

  /**
   * The tips that best match any of `terms` (words of a missing page's address), at most
   * `limit`: the more words a tip has, and the better, the higher.
   */
  Engine.prototype.suggest = function (terms, limit) {
    var total = new Uint16Array(this.count);
    for (var k = 0; k < terms.length; k++) {
      var scores = this.termScores(terms[k], false).scores;
      for (var tip = 0; tip < this.count; tip++) total[tip] += scores[tip];
    }
    return rank(total, -1).subarray(0, limit);
  };

  /**
   * Tip positions with a score, highest first, ties in tip order (a counting sort: linear), after
   * `first` when it is a tip.
   */
  function rank(total, first) {
    var count = total.length, max = 0, matches = 0;
    for (var m = 0; m < count; m++) {
      if (total[m]) { matches++; if (total[m] > max) max = total[m]; }
    }
    var starts = new Int32Array(max + 2);
    for (var c = 0; c < count; c++) if (total[c]) starts[max - total[c] + 1]++;
    for (var s = 1; s <= max + 1; s++) starts[s] += starts[s - 1];
    var extra = first >= 0 ? 1 : 0;
    var order = new Int32Array(matches + extra);
    if (extra) order[0] = first;
    for (var o = 0; o < count; o++) if (total[o]) order[extra + starts[max - total[o]]++] = o;
    return order;
  }

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

  /** The chapter a query names ("chapter 5"), as the first result. */
  function chapterItem(engine, chapter, id) {
    var row = engine.chapters[chapter];
    var link = element("a", "search-result search-result-chapter");
    link.href = siteURL(row[2]);
    link.id = id;
    link.setAttribute("role", "option");
    link.dataset.chapter = row[0];
    var number = element("span", "search-result-number", String(row[0]));
    number.setAttribute("aria-hidden", "true");
    link.appendChild(number);
    var main = element("span", "search-result-main");
    main.appendChild(element("span", "search-result-eyebrow", t("go-to-chapter", "Go to chapter") + " " + row[0]));
    var title = element("span", "search-result-title");
    title.appendChild(element("span", "visually-hidden", t("chapter", "Chapter") + " " + row[0] + ": "));
    title.appendChild(document.createTextNode(row[1]));
    main.appendChild(title);
    main.appendChild(element("span", "search-result-snippet", countText(row[3].length)));
    link.appendChild(main);
    return link;
  }

  /**
   * "Showing results for customer. Search instead for “custmer”": the link searches the words
   * as typed (`exact=1` on the search page).
   */
  function correctionNote(corrected, query, onLiteral) {
    var note = element("p", "search-correction");
    note.appendChild(document.createTextNode(t("showing-for", "Showing results for") + " "));
    note.appendChild(element("strong", null, corrected));
    note.appendChild(document.createTextNode(". "));
    var literal = element("a", "search-literal", t("search-instead", "Search instead for") + " “" + query.trim() + "”");
    literal.href = siteURL("search.html") + "?" + new URLSearchParams({ q: query.trim(), exact: "1" }).toString();
    if (onLiteral) {
      literal.addEventListener("click", function (event) {
        event.preventDefault();
        onLiteral();
      });
    }
    note.appendChild(literal);
    return note;
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
    // Words as typed, without corrections: until the query changes.
    this.literal = !!options.literal;
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
    this.linkList();
    var box = this;
    input.addEventListener("input", function (event) { box.shown = box.limit; box.literal = false; box.update(event); });
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
      this.linkList();
      return;
    }
    this.clearPanel();
    this.head.textContent = text;
    this.open();
    this.linkList();
  };

  /** The combobox names its results list, and is expanded, only while the list is in the page
      and shown: axe's aria-valid-attr-value and aria-required-attr (an expanded combobox needs
      aria-controls). */
  SearchBox.prototype.linkList = function () {
    var present = this.list.isConnected;
    if (present) this.input.setAttribute("aria-controls", this.list.id);
    else this.input.removeAttribute("aria-controls");
    var shown = present && (this.inline || !this.panel.hidden);
    this.input.setAttribute("aria-expanded", shown ? "true" : "false");
  };

  /** Empties the popup except for its live region. */
  SearchBox.prototype.clearPanel = function () {
    if (this.head.parentNode !== this.panel) this.panel.insertBefore(this.head, this.panel.firstChild);
    while (this.panel.lastChild !== this.head) this.panel.removeChild(this.panel.lastChild);
  };

  SearchBox.prototype.open = function () {
    if (this.inline) return;
    this.panel.hidden = false;
    this.linkList();
  };

  SearchBox.prototype.close = function () {
    if (this.inline) return;
    this.panel.hidden = true;
    this.linkList();
    this.input.removeAttribute("aria-activedescendant");
  };

  /** Runs the query and shows the results; called on every keystroke. */
  SearchBox.prototype.update = function (event) {
    var started = event && event.timeStamp ? event.timeStamp : performance.now();
    var query = this.input.value;
    this.onQuery(query, this.theme(), this.literal);
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
        this.linkList();
      } else {
        this.close();
      }
      return;
    }
    var found = this.engine.search(query, this.theme(), this.literal);
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
    var makers = shown.map(function (tip) {
      return function (id) { return resultItem(box.engine, tip, tip === found.numberHit, found.terms, id); };
    });
    if (found.chapterHit >= 0) makers.unshift(function (id) { return chapterItem(box.engine, found.chapterHit, id); });
    makers.forEach(function (make, index) {
      var item = make(box.prefix + index);
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
    var note = found.corrected && correctionNote(found.corrected, query, this.inline && function () {
      box.literal = true;
      box.update();
    });
    if (this.inline) {
      if (this.status) this.status.textContent = summary;
      if (note) this.panel.appendChild(note);
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
      if (note) this.panel.appendChild(note);
      if (this.options.length) this.panel.appendChild(this.list);
      var all = element("a", "search-popup-all", t("see-all", "See all results") + " →");
      var params = new URLSearchParams({ q: query.trim() });
      all.href = siteURL("search.html") + "?" + params.toString();
      this.panel.appendChild(all);
      this.open();
    }
    this.linkList();
    this.highlight(this.options.length && !this.inline ? 0 : -1, false);
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

  // MARK: - The 404 page: tips for the words of the missing address

  /** Parts of an address that name no subject: folders, file types, languages. */
  var ADDRESS_NOISE = ["html", "htm", "php", "asp", "aspx", "md", "index", "tips", "chapters", "themes", "assets",
                       "search", "www", "en", "nl"];

  /**
   * The words of the missing page's name (/tips/old/listen-more.html → listen, more), or of the
   * nearest folder with a name that has words (/listen-more/index.html).
   */
  function addressWords() {
    var path = location.pathname;
    if (path.lastIndexOf(root.pathname, 0) === 0) path = path.slice(root.pathname.length);
    try { path = decodeURIComponent(path); } catch (error) { /* keep it as it is */ }
    var parts = path.split("/");
    for (var i = parts.length - 1; i >= 0; i--) {
      var found = words(parts[i].replace(/[-_.+]/g, " ")).filter(function (word) { return ADDRESS_NOISE.indexOf(word) < 0; });
      if (found.length) return found;
    }
    return [];
  }

  /** Fills the 404 page's `section` with the tips that best match its address, and a link to search for it. */
  function suggestForMissingPage(section) {
    var found = addressWords();
    var numbers = found.filter(function (word) { return /^\d+$/.test(word); });
    var terms = found.filter(function (word) { return !/^\d+$/.test(word); });
    if (!terms.length && !numbers.length) return;
    var searchLink = section.querySelector("[data-not-found-search]");
    var query = terms.length ? terms.join(" ") : numbers[0];
    searchLink.href = siteURL("search.html") + "?" + new URLSearchParams({ q: query }).toString();
    searchLink.textContent = t("search-for", "Search for") + " “" + query + "”";
    section.hidden = false;
    loadEngine().then(function (engine) {
      // A number the address starts with (tips/012-listen.html) is probably the tip's.
      var named = numbers.map(function (number) { return engine.byNumber.get(parseInt(number, 10)); })
        .filter(function (tip) { return tip !== undefined; }).slice(0, 1);
      var suggested = named.concat(Array.from(engine.suggest(terms, 5)).filter(function (tip) { return named.indexOf(tip) < 0; }));
      var list = section.querySelector(".search-list");
      suggested.slice(0, 5).forEach(function (tip, index) {
        var item = element("div", "search-list-item");
        item.appendChild(resultItem(engine, tip, false, terms, "suggestion-" + index));
        list.appendChild(item);
      });
      section.querySelector("[data-not-found-results]").hidden = !suggested.length;
    });
  }

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
      literal: params.get("exact") === "1",
      status: document.getElementById("search-status"),
      onQuery: function (query, theme, literal) {
        var next = new URLSearchParams();
        if (query.trim()) next.set("q", query.trim());
        if (theme) next.set("theme", theme);
        if (literal && query.trim()) next.set("exact", "1");
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

  var missing = document.querySelector("[data-not-found]");
  if (missing) suggestForMissingPage(missing);

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
