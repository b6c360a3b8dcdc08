// handbook: search. The index is static (internal/search writes it under
// _handbook/search/); this file loads its entry file, vocabulary files,
// postings chunks and fragments on demand and runs the same query
// algorithm as the server's /api/search, so both rank alike. Without JavaScript the search shows
// nothing.
(function () {
  "use strict";
  var doc = document;
  var root = doc.getElementById("hb-search");
  var indexURL = root && root.getAttribute("data-index");
  if (!indexURL || !window.fetch || !window.Promise) return;
  var entryURL = new URL(indexURL, location.href);

  // ---- analysis (internal/search/analyze.go) ----
  var reLetter = /\p{L}/u, reDigit = /\p{Nd}/u, reMark = /\p{Mn}/u;
  var reCJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var maxWordRunes = 40;

  function lowerRune(c) {
    var l = c.toLowerCase();
    return Array.from(l).length === 1 ? l : c; // a rune maps to one rune, as in Go
  }

  // tokenize splits s into words: lowercased, cut at anything that is not
  // a letter, a digit or a combining mark, 1 to 40 runes long; CJK runs
  // become overlapping bigrams. Offsets are in runes (code points) of s.
  function tokenize(s) {
    var rs = Array.from(s), out = [];
    var start = -1, cjk = false;
    function flush(end) {
      if (start < 0 || start >= end) return;
      if (!cjk) {
        if (end - start <= maxWordRunes) out.push({ w: rs.slice(start, end).map(lowerRune).join(""), s: start, e: end });
        return;
      }
      if (end - start === 1) {
        out.push({ w: lowerRune(rs[start]), s: start, e: end });
        return;
      }
      for (var i = start; i + 2 <= end; i++) out.push({ w: lowerRune(rs[i]) + lowerRune(rs[i + 1]), s: i, e: i + 2 });
    }
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i], mark = reMark.test(r);
      if (!mark && !reLetter.test(r) && !reDigit.test(r)) {
        flush(i);
        start = -1;
        continue;
      }
      if (mark && start < 0) continue;
      var c = reCJK.test(r);
      if (start >= 0 && c !== cjk && !mark) {
        flush(i);
        start = -1;
      }
      if (start < 0) { start = i; cjk = c; }
    }
    flush(rs.length);
    return out;
  }

  // ---- loading ----
  var cache = {};
  function getJSON(file) {
    var u = new URL(file, entryURL).href;
    if (!cache[u]) {
      cache[u] = fetch(u).then(function (r) {
        if (!r.ok) throw new Error("search index: " + r.status + " " + u);
        return r.json();
      });
      cache[u].catch(function () { delete cache[u]; });
    }
    return cache[u];
  }
  var entryP = null;
  function entry() {
    if (!entryP) {
      entryP = getJSON(entryURL.href).then(function (e) {
        e.stopSet = {};
        (e.stop || []).forEach(function (w) { e.stopSet[w] = true; });
        return e;
      });
      entryP.catch(function () { entryP = null; });
    }
    return entryP;
  }

  // Go compares strings by UTF-8 bytes, JavaScript by UTF-16 units; they
  // differ above U+FFFF, so compare code points, which order like UTF-8.
  function cmp(a, b) {
    if (a === b) return 0;
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.codePointAt(i), y = b.codePointAt(i);
      if (x !== y) return x < y ? -1 : 1;
      if (x > 0xffff) i++;
    }
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
  }
  function runeLen(s) { return Array.from(s).length; }
  function firstRune(s) { return String.fromCodePoint(s.codePointAt(0)); }
  function startsWith(s, p) { return s.lastIndexOf(p, 0) === 0; }

  // typoEdits is how many edits a word may be off by: 1 from 4 runes, 2
  // from 8.
  function typoEdits(w) {
    var n = runeLen(w);
    return n >= 8 ? 2 : n >= 4 ? 1 : 0;
  }
  // mayPrefix tells whether the file of range c may hold words starting
  // with p.
  function mayPrefix(c, p) {
    return cmp(c.to, p) >= 0 && (cmp(c.from, p) <= 0 || startsWith(c.from, p));
  }

  // vocabulary reads the vocabulary files that may hold words with w's
  // first letter and gives those words with their stems
  // (Searcher.vocabulary).
  function vocabulary(e, w) {
    var first = firstRune(w);
    var files = (e.vocab || []).filter(function (v) { return mayPrefix(v, first); });
    return Promise.all(files.map(function (v) { return getJSON(v.file); })).then(function (fs) {
      var words = Object.create(null);
      fs.forEach(function (f) {
        for (var k in f.w) if (startsWith(k, first)) words[k] = f.w[k] || k;
      });
      return words;
    });
  }

  // postings reads a word's entry from the chunk whose range holds it
  // (Searcher.postings).
  function postings(e, w) {
    var cs = e.chunks, at = -1;
    for (var i = 0; i < cs.length && cmp(cs[i].from, w) <= 0; i++) at = i;
    if (at < 0 || cmp(w, cs[at].to) > 0) return Promise.resolve({ df: 0, p: [] });
    return getJSON(cs[at].file).then(function (f) {
      return Object.prototype.hasOwnProperty.call(f.w, w) ? f.w[w] : { df: 0, p: [] };
    });
  }

  // osa is the optimal string alignment distance (Damerau-Levenshtein with
  // transpositions of neighbours) of two rune arrays; max+1 beyond max.
  function osa(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) d.push([i]);
    for (j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      var rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
        d[i][j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
    }
    return Math.min(d[a.length][b.length], max + 1);
  }

  // candidates lists the indexed words a query word stands for, each with
  // its factor: the word's same-stem words 1.0, prefix matches (last word
  // only) 0.8, and, when the word itself is not indexed, words one or two
  // edits away 0.6; words maps the words with its first letter to their
  // stems.
  function candidates(t, words, prefix) {
    var out = [], taken = Object.create(null), keys = Object.keys(words).sort(cmp);
    if (words[t]) {
      var st = words[t];
      keys.forEach(function (w) {
        if (words[w] === st) { out.push({ w: w, f: 1.0 }); taken[w] = true; }
      });
    }
    if (prefix && runeLen(t) >= 2) {
      var pre = keys.filter(function (w) { return !taken[w] && startsWith(w, t); })
        .map(function (w, i) { return { w: w, n: runeLen(w), i: i }; });
      pre.sort(function (x, y) { return x.n - y.n || x.i - y.i; });
      pre.slice(0, 30).forEach(function (p) { out.push({ w: p.w, f: 0.8 }); taken[p.w] = true; });
    }
    var max = typoEdits(t);
    if (!words[t] && max > 0) {
      var tr = Array.from(t);
      keys.forEach(function (w) {
        if (!taken[w] && osa(tr, Array.from(w), max) <= max) out.push({ w: w, f: 0.6 });
      });
    }
    return out;
  }

  // Go's math.Log (the amd64 one), so that scores agree to the last bit.
  var fbuf = new DataView(new ArrayBuffer(8));
  function goLog(x) {
    if (!(x > 0) || x === Infinity) return Math.log(x);
    fbuf.setFloat64(0, x);
    var hi = fbuf.getUint32(0), k = ((hi >>> 20) & 0x7ff) - 0x3fe;
    if (k === -0x3fe) return Math.log(x); // subnormal: not met here
    fbuf.setUint32(0, (hi & 0x800fffff) | 0x3fe00000);
    var f1 = fbuf.getFloat64(0);
    if (f1 < Math.SQRT1_2) { f1 *= 2; k--; }
    var f = f1 - 1;
    var s = f / (2 + f), s2 = s * s, s4 = s2 * s2;
    var t1 = s2 * (6.666666666666735130e-01 + s4 * (2.857142874366239149e-01 + s4 * (1.818357216161805012e-01 + s4 * 1.479819860511658591e-01)));
    var t2 = s4 * (3.999999999940941908e-01 + s4 * (2.222219843214978396e-01 + s4 * 1.531383769920937332e-01));
    var R = t1 + t2, hfsq = 0.5 * f * f;
    return k * 6.93147180369123816490e-01 - ((hfsq - (s * (hfsq + R) + k * 1.90821492927058770002e-10)) - f);
  }

  var fieldKeys = ["t", "h", "d", "b"], weights = [10, 5, 3, 1];
  var reSpaceEnd = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

  // analyse tokenizes a query, dropping stop words unless nothing else is
  // left; the last word is a prefix unless the query ends with a space.
  function analyse(q, e) {
    var toks = tokenize(q).map(function (t) { return t.w; });
    var kept = toks.filter(function (w) { return !e.stopSet[w]; });
    if (!kept.length) kept = toks;
    return { words: kept, prefix: q !== "" && !reSpaceEnd.test(q) };
  }

  // expand finds the candidates of every query word.
  function expand(q) {
    return entry().then(function (e) {
      var a = analyse(q, e), last = a.words.length - 1;
      return Promise.all(a.words.map(function (w, i) {
        var prefix = a.prefix && i === last;
        return vocabulary(e, w).then(function (words) {
          var cs = candidates(w, words, prefix);
          return Promise.all(cs.map(function (c) { return postings(e, c.w); })).then(function (ents) {
            return cs.map(function (c, j) { c.ent = ents[j]; return c; });
          });
        });
      })).then(function (cands) { return { e: e, words: a.words, cands: cands }; });
    });
  }

  // rank scores the sections: per query word, the best candidate's BM25
  // over the fields, times its factor; summed; x2 when every word matched
  // (two words or more); x1.5 when two consecutive words sit next to each
  // other in a field, else x1.2 when within 5 positions (Searcher.Search).
  function rank(x) {
    var e = x.e, n = e.sections, nt = x.words.length;
    var perTok = x.cands.map(function (list) {
      var hits = {};
      list.forEach(function (c) {
        var df = c.ent.df, idf = goLog(1 + (n - df + 0.5) / (df + 0.5));
        var scores = {}, secs = [];
        c.ent.p.forEach(function (p) {
          if (p.length < 4 || p[1] < 0 || p[1] > 3) return;
          var sec = p[0], f = p[1], tf = p[2], fl = p[3], avg = e.avg[fieldKeys[f]];
          var norm = 1.0;
          if (avg > 0) norm = 0.25 + 0.75 * fl / avg;
          if (scores[sec] === undefined) { scores[sec] = 0; secs.push(sec); }
          scores[sec] += idf * weights[f] * tf * 2.2 / (tf + 1.2 * norm);
        });
        secs.forEach(function (sec) {
          var sc = scores[sec] * c.f, h = hits[sec];
          if (h && h.score >= sc) return;
          h = hits[sec] = { score: sc, word: c.w, pos: [[], [], [], []] };
          c.ent.p.forEach(function (p) {
            if (p.length >= 4 && p[0] === sec && p[1] >= 0 && p[1] <= 3) h.pos[p[1]] = p.slice(4);
          });
        });
      });
      return hits;
    });
    var secSet = {}, all = [];
    perTok.forEach(function (hits) { for (var s in hits) secSet[s] = true; });
    Object.keys(secSet).forEach(function (key) {
      var sec = Number(key), sc = 0, every = true, words = [];
      perTok.forEach(function (hits) {
        var h = hits[sec];
        if (!h) { every = false; return; }
        sc += h.score;
        words.push(h.word);
      });
      if (every && nt > 1) sc *= 2;
      sc *= proximity(perTok, sec);
      all.push({ sec: sec, score: sc, words: words });
    });
    all.sort(function (p, q) { return p.score !== q.score ? (p.score > q.score ? -1 : 1) : p.sec - q.sec; });
    return all;
  }
  function proximity(perTok, sec) {
    var boost = 1.0;
    for (var i = 0; i + 1 < perTok.length; i++) {
      var a = perTok[i][sec], b = perTok[i + 1][sec];
      if (!a || !b) continue;
      for (var f = 0; f < 4; f++) {
        for (var u = 0; u < a.pos[f].length; u++) {
          for (var v = 0; v < b.pos[f].length; v++) {
            var d = b.pos[f][v] - a.pos[f][u];
            if (d === 1) return 1.5;
            if (d !== 0 && d >= -5 && d <= 5) boost = 1.2;
          }
        }
      }
    }
    return boost;
  }

  function fragment(e, sec) {
    var k = Math.floor(sec / e.fragSize);
    return getJSON(e.frags[k]).then(function (f) { return f[sec - k * e.fragSize]; });
  }

  // snippet cuts about 160 runes of text, from up to 60 before the first of
  // words, and gives every occurrence of those words in it as [start, end)
  // offsets in UTF-16 units (internal/search/snippet.go).
  function snippet(text, words) {
    var rs = Array.from(text), toks = tokenize(text), has = {}, i;
    words.forEach(function (w) { has[w] = true; });
    var start = 0;
    for (i = 0; i < toks.length; i++) if (has[toks[i].w]) { start = toks[i].s; break; }
    var from = Math.max(0, start - 60);
    if (from > 0) {
      for (i = 0; i < toks.length; i++) if (toks[i].s >= from) { from = Math.min(toks[i].s, start); break; }
    }
    var to = Math.min(rs.length, from + 160);
    if (to < rs.length) {
      var end = from;
      toks.forEach(function (t) { if (t.s >= from && t.e <= to) end = t.e; });
      if (end > from) to = end;
    }
    function u16(a, z) { var m = 0; for (var j = a; j < z; j++) m += rs[j].length; return m; }
    var hl = [];
    toks.forEach(function (t) {
      if (t.s < from || t.e > to || !has[t.w]) return;
      var s = u16(from, t.s);
      hl.push([s, s + u16(t.s, t.e)]);
    });
    return { text: rs.slice(from, to).join(""), highlights: hl };
  }

  // search answers like GET /api/search: the best sections first.
  function search(q, limit) {
    limit = limit > 0 ? Math.min(Math.floor(limit), 50) : 10;
    return expand(String(q == null ? "" : q)).then(function (x) {
      if (!x.words.length) return [];
      return Promise.all(rank(x).slice(0, limit).map(function (r) {
        return fragment(x.e, r.sec).then(function (fr) {
          var sn = snippet(fr.x || "", r.words), h = fr.u.indexOf("#");
          return {
            page: h < 0 ? fr.u : fr.u.slice(0, h),
            section: h < 0 ? "" : fr.u.slice(h + 1),
            url: fr.u, title: fr.t, heading: fr.h, breadcrumbs: fr.b || [],
            snippet: sn.text, highlights: sn.highlights, score: r.score
          };
        });
      }));
    });
  }
  window.hbSearch = { search: search };

  // ---- the dialog ----
  function el(tag, cls, attrs) {
    var n = doc.createElement(tag);
    if (cls) n.className = cls;
    for (var k in attrs) n.setAttribute(k, attrs[k]);
    return n;
  }
  var mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  // Its name is its text, shortcut included, as axe asks of visible labels.
  var openBtn = el("button", "hb-search-open", { type: "button", "aria-haspopup": "dialog", "aria-keyshortcuts": mac ? "Meta+K" : "Control+K" });
  openBtn.innerHTML = '<svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true"><circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg><span class="hb-search-label">Search</span><kbd>' + (mac ? "⌘" : "Ctrl ") + "K</kbd>";
  root.appendChild(openBtn);

  var backdrop = el("div", "hb-search-backdrop", { hidden: "" });
  var dialog = el("div", "hb-search-dialog", { role: "dialog", "aria-modal": "true", "aria-label": "Search" });
  var bar = el("div", "hb-search-bar");
  var input = el("input", "hb-search-input", {
    type: "search", role: "combobox", "aria-expanded": "false", "aria-controls": "hb-search-results",
    "aria-autocomplete": "list", "aria-label": "Search", placeholder: "Search", autocomplete: "off", spellcheck: "false"
  });
  var close = el("button", "hb-search-close", { type: "button", "aria-label": "Close search" });
  close.textContent = "Esc";
  var list = el("div", "hb-search-results", { id: "hb-search-results", role: "listbox", "aria-label": "Results" });
  var status = el("p", "hb-search-status", { role: "status", "aria-live": "polite" });
  var foot = el("div", "hb-search-foot", { "aria-hidden": "true" });
  foot.innerHTML = "<span><kbd>↑</kbd><kbd>↓</kbd> to move</span><span><kbd>Enter</kbd> to open</span><span><kbd>Esc</kbd> to close</span>";
  bar.appendChild(input);
  bar.appendChild(close);
  dialog.appendChild(bar);
  dialog.appendChild(status);
  dialog.appendChild(list);
  dialog.appendChild(foot);
  backdrop.appendChild(dialog);
  doc.body.appendChild(backdrop);

  var returnFocus = null, timer = 0, seq = 0, options = [], active = -1, lastQuery = "";
  function isOpen() { return !backdrop.hidden; }
  function open(q) {
    if (!isOpen()) {
      returnFocus = doc.activeElement;
      backdrop.hidden = false;
      doc.documentElement.classList.add("hb-search-active");
      entry().catch(function () {}); // start loading
    }
    if (typeof q === "string") input.value = q;
    input.focus();
    input.select();
    if (input.value !== lastQuery || !options.length) run();
  }
  function hide() {
    if (!isOpen()) return;
    backdrop.hidden = true;
    doc.documentElement.classList.remove("hb-search-active");
    input.setAttribute("aria-expanded", "false");
    if (returnFocus && returnFocus.focus) returnFocus.focus();
  }

  function setActive(i) {
    if (active >= 0 && options[active]) options[active].el.removeAttribute("aria-selected");
    active = options.length ? Math.max(0, Math.min(i, options.length - 1)) : -1;
    if (active < 0) { input.removeAttribute("aria-activedescendant"); return; }
    var o = options[active].el;
    o.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", o.id);
    if (o.scrollIntoView) o.scrollIntoView({ block: "nearest" });
  }
  function target(r, q) {
    var u = new URL(r.page, location.href);
    u.searchParams.set("q", q);
    u.hash = r.section;
    return u.href;
  }
  function go(i) {
    var o = options[i];
    if (o) location.assign(o.href);
  }

  function marked(text, hl) {
    var f = doc.createDocumentFragment(), at = 0;
    hl.forEach(function (h) {
      if (h[0] < at) { if (h[1] <= at) return; h = [at, h[1]]; } // overlapping CJK bigrams
      if (h[0] > at) f.appendChild(doc.createTextNode(text.slice(at, h[0])));
      var m = doc.createElement("mark");
      m.textContent = text.slice(h[0], h[1]);
      f.appendChild(m);
      at = h[1];
    });
    if (at < text.length) f.appendChild(doc.createTextNode(text.slice(at)));
    return f;
  }
  function render(q, results) {
    list.textContent = "";
    options = [];
    active = -1;
    var groups = [], byPage = {};
    results.forEach(function (r) {
      var g = byPage[r.page];
      if (!g) { g = byPage[r.page] = { r: r, items: [] }; groups.push(g); }
      g.items.push(r);
    });
    groups.forEach(function (g, gi) {
      var grp = el("div", "hb-search-group", { role: "group", "aria-labelledby": "hb-search-g" + gi });
      var head = el("div", "hb-search-page", { id: "hb-search-g" + gi });
      var crumbs = (g.r.breadcrumbs || []).filter(Boolean);
      if (crumbs.length) {
        var c = el("span", "hb-search-crumbs");
        c.textContent = crumbs.join(" › ");
        head.appendChild(c);
      }
      var t = el("span", "hb-search-title");
      t.textContent = g.r.title;
      head.appendChild(t);
      grp.appendChild(head);
      g.items.forEach(function (r) {
        var i = options.length;
        var o = el("a", "hb-search-option", { role: "option", id: "hb-search-o" + i, href: target(r, q), tabindex: "-1" });
        var h = el("span", "hb-search-heading");
        h.textContent = r.heading || r.title;
        o.appendChild(h);
        if (r.snippet) {
          var sn = el("span", "hb-search-snippet");
          sn.appendChild(marked(r.snippet, r.highlights));
          o.appendChild(sn);
        }
        o.addEventListener("mousemove", function () { if (active !== i) setActive(i); });
        grp.appendChild(o);
        options.push({ el: o, href: o.href });
      });
      list.appendChild(grp);
    });
    input.setAttribute("aria-expanded", String(options.length > 0));
    status.textContent = q.trim() && !results.length ? "No results for “" + q.trim() + "”" : "";
    setActive(0);
  }
  function run() {
    var q = input.value, my = ++seq;
    lastQuery = q;
    clearTimeout(timer);
    if (!q.trim()) { render("", []); return; }
    timer = setTimeout(function () {
      dialog.classList.add("hb-search-busy");
      search(q, 20).then(function (rs) {
        if (my === seq) render(q, rs);
      }, function () {
        if (my !== seq) return;
        render(q, []);
        status.textContent = "Search is unavailable.";
      }).then(function () { if (my === seq) dialog.classList.remove("hb-search-busy"); });
    }, 80);
  }

  input.addEventListener("input", run);
  input.addEventListener("keydown", function (ev) {
    var k = ev.key;
    if (k === "ArrowDown" || k === "ArrowUp") {
      ev.preventDefault();
      if (options.length) setActive(active < 0 ? 0 : (active + (k === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if ((k === "Home" || k === "End") && options.length && !ev.shiftKey) {
      ev.preventDefault();
      setActive(k === "Home" ? 0 : options.length - 1);
    } else if (k === "Enter" && !ev.isComposing) {
      ev.preventDefault();
      go(active);
    }
  });
  close.addEventListener("click", hide);
  backdrop.addEventListener("mousedown", function (ev) { if (ev.target === backdrop) hide(); });
  openBtn.addEventListener("click", function () { open(); });
  dialog.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { ev.preventDefault(); hide(); return; }
    if (ev.key !== "Tab") return;
    // Keep the focus inside the dialog: the input and the close button.
    var stops = [input, close];
    var i = stops.indexOf(doc.activeElement);
    ev.preventDefault();
    stops[(i + (ev.shiftKey ? stops.length - 1 : 1)) % stops.length].focus();
  });
  dialog.addEventListener("focusout", function (ev) {
    if (isOpen() && ev.relatedTarget && !dialog.contains(ev.relatedTarget)) input.focus();
  });
  doc.addEventListener("keydown", function (ev) {
    if ((ev.key === "k" || ev.key === "K") && (ev.metaKey || ev.ctrlKey) && !ev.altKey) {
      ev.preventDefault();
      if (isOpen()) hide(); else open();
      return;
    }
    if (ev.key === "/" && !ev.metaKey && !ev.ctrlKey && !ev.altKey && !isOpen()) {
      var t = ev.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      ev.preventDefault();
      open();
    }
  });
  // The search buttons of pages (blocks/assets/buttons.js) ask for a search.
  doc.addEventListener("hb:search", function (ev) {
    ev.preventDefault();
    open(String((ev.detail && ev.detail.query) || ""));
  });

  // ---- ?q= on a page: mark the query's words in the content ----
  var params = new URLSearchParams(location.search), pq = params.get("q");
  var content = doc.querySelector(".hb-content");
  if (pq && pq.trim() && content) {
    expand(pq).then(function (x) {
      var want = {};
      x.words.forEach(function (w) { want[w] = true; });
      x.cands.forEach(function (l) { l.forEach(function (c) { want[c.w] = true; }); });
      return want;
    }, function () {
      var want = {};
      tokenize(pq).forEach(function (t) { want[t.w] = true; });
      return want;
    }).then(function (want) { highlight(content, want); });
  }
  function highlight(node, want) {
    var walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        var p = n.parentNode;
        if (!n.nodeValue.trim() || /^(SCRIPT|STYLE|TEXTAREA|MARK)$/.test(p.nodeName)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var texts = [], n, hits = [];
    while ((n = walker.nextNode())) texts.push(n);
    texts.forEach(function (t) {
      var s = t.nodeValue, rs = Array.from(s), u = [0], ranges = [];
      for (var i = 0; i < rs.length; i++) u.push(u[i] + rs[i].length);
      tokenize(s).forEach(function (k) {
        if (!want[k.w]) return;
        var last = ranges[ranges.length - 1];
        if (last && u[k.s] <= last[1]) last[1] = Math.max(last[1], u[k.e]);
        else ranges.push([u[k.s], u[k.e]]);
      });
      if (!ranges.length) return;
      var f = doc.createDocumentFragment(), at = 0;
      ranges.forEach(function (r) {
        if (r[0] > at) f.appendChild(doc.createTextNode(s.slice(at, r[0])));
        var m = doc.createElement("mark");
        m.className = "hb-search-hit";
        m.textContent = s.slice(r[0], r[1]);
        f.appendChild(m);
        hits.push(m);
        at = r[1];
      });
      if (at < s.length) f.appendChild(doc.createTextNode(s.slice(at)));
      t.parentNode.replaceChild(f, t);
    });
    if (!hits.length) return;
    var anchor = location.hash && doc.getElementById(decodeURIComponent(location.hash.slice(1)));
    var first = hits[0];
    if (anchor) {
      for (var j = 0; j < hits.length; j++) {
        if (anchor.compareDocumentPosition(hits[j]) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)) { first = hits[j]; break; }
      }
    }
    first.classList.add("hb-search-first");
    if (first.scrollIntoView) first.scrollIntoView({ block: "center" });
  }
})();
