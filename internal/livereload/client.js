// Live reload for `handbook serve`: reloads the page when the server says it
// changed, keeping the scroll position, and shows a failed build's problems.
// No dependencies, no inline script or style attributes (a strict
// Content-Security-Policy allows it), text set only through textContent.
(function () {
  "use strict";
  var doc = document;
  var KEY = "hb-live-scroll:";
  // The theme's panels that scroll on their own; the page itself scrolls
  // with the window.
  var PANELS = [".hb-sidebar", ".hb-outline", ".hb-main"];

  // norm turns a URL path into the form paths are compared in: decoded,
  // without "index.html" or a trailing slash.
  function norm(p) {
    try { p = decodeURI(p); } catch (e) { /* keep it as it came */ }
    p = p.replace(/\/index\.html$/, "/");
    if (p.length > 1) p = p.replace(/\/+$/, "");
    return p || "/";
  }

  function key() { return KEY + norm(location.pathname); }

  function saveScroll() {
    var state = { y: window.scrollY, panels: {} };
    PANELS.forEach(function (sel) {
      var el = doc.querySelector(sel);
      if (el && el.scrollTop > 0) state.panels[sel] = el.scrollTop;
    });
    try { sessionStorage.setItem(key(), JSON.stringify(state)); } catch (e) { /* storage off */ }
  }

  function restoreScroll() {
    var raw = null;
    try { raw = sessionStorage.getItem(key()); sessionStorage.removeItem(key()); } catch (e) { return; }
    if (!raw) return;
    var state;
    try { state = JSON.parse(raw); } catch (e) { return; }
    Object.keys(state.panels || {}).forEach(function (sel) {
      var el = doc.querySelector(sel);
      if (el) el.scrollTop = state.panels[sel];
    });
    window.scrollTo(0, state.y || 0);
  }

  var reloading = false;
  function reload() {
    if (reloading) return;
    reloading = true;
    saveScroll();
    location.reload();
  }

  // The overlay listing a failed build's problems.
  var overlay = null, lastFocus = null;

  function css(el, styles) {
    Object.keys(styles).forEach(function (k) { el.style[k] = styles[k]; });
    return el;
  }

  function el(tag, styles, text) {
    var e = css(doc.createElement(tag), styles || {});
    if (text) e.textContent = text;
    return e;
  }

  function where(p) {
    var s = p.file || "";
    if (p.line) s += ":" + p.line + (p.col ? ":" + p.col : "");
    return s ? s + ": " : "";
  }

  function hide() {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    doc.removeEventListener("keydown", onKey, true);
    if (lastFocus && lastFocus.focus) lastFocus.focus();
    lastFocus = null;
  }

  function onKey(ev) {
    if (!overlay) return;
    if (ev.key === "Escape") { ev.preventDefault(); hide(); return; }
    if (ev.key === "Tab") { ev.preventDefault(); overlay.querySelector("button").focus(); }
  }

  function show(problems) {
    if (overlay) { overlay.remove(); } else { lastFocus = doc.activeElement; }
    overlay = el("div", {
      position: "fixed", top: "0", right: "0", bottom: "0", left: "0", zIndex: "2147483647", background: "rgba(0,0,0,0.6)",
      display: "flex", alignItems: "flex-start", justifyContent: "center", padding: "5vh 16px",
      boxSizing: "border-box", overflow: "auto"
    });
    overlay.id = "hb-live-overlay";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-labelledby", "hb-live-title");
    overlay.setAttribute("aria-describedby", "hb-live-problems");
    overlay.tabIndex = -1;
    var panel = el("div", {
      background: "#1e1e24", color: "#f0f0f0", borderRadius: "8px", padding: "20px 24px",
      maxWidth: "960px", width: "100%", boxSizing: "border-box", boxShadow: "0 8px 32px rgba(0,0,0,0.5)",
      font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", textAlign: "left"
    });
    var head = el("div", { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "16px" });
    var title = el("h2", { margin: "0", font: "inherit", fontSize: "18px", fontWeight: "700", color: "#ff6b6b" }, "Build failed");
    title.id = "hb-live-title";
    var close = el("button", {
      background: "transparent", color: "inherit", border: "1px solid #666", borderRadius: "4px",
      font: "inherit", padding: "2px 10px", cursor: "pointer"
    }, "Close");
    close.type = "button";
    close.setAttribute("aria-label", "Close (Escape)");
    close.addEventListener("click", hide);
    head.appendChild(title);
    head.appendChild(close);
    var list = el("ul", { listStyle: "none", margin: "16px 0 0", padding: "0" });
    list.id = "hb-live-problems";
    problems.forEach(function (p) {
      var li = el("li", { margin: "0 0 12px", whiteSpace: "pre-wrap", overflowWrap: "anywhere" });
      var sev = p.severity || "error";
      li.appendChild(el("span", {}, where(p)));
      li.appendChild(el("span", { color: sev === "error" ? "#ff6b6b" : "#ffd166" }, sev + ": "));
      li.appendChild(el("span", {}, p.message || ""));
      if (p.hint) li.appendChild(el("div", { color: "#a0a0b0", paddingLeft: "2ch" }, "hint: " + p.hint));
      list.appendChild(li);
    });
    panel.appendChild(head);
    panel.appendChild(list);
    overlay.appendChild(panel);
    (doc.body || doc.documentElement).appendChild(overlay);
    doc.addEventListener("keydown", onKey, true);
    overlay.focus();
  }

  function data(ev) {
    try { return JSON.parse(ev.data); } catch (e) { return null; }
  }

  // The stream. After losing it (the server restarted), reload once when it
  // is back. A stream the server refused is not retried by the browser, so
  // it is made again after a pause.
  var lost = false, es = null;
  function connect() {
    es = new EventSource("/_live/events");
    es.addEventListener("open", function () {
      if (lost) reload();
    });
    es.addEventListener("reload", function (ev) {
      var d = data(ev);
      if (!d) return;
      if (d.all) { reload(); return; }
      var here = norm(location.pathname);
      if ((d.paths || []).some(function (p) { return norm(p) === here; })) reload();
    });
    es.addEventListener("error", function (ev) {
      if (typeof ev.data === "string") { // the server's "error" event: a failed build
        var d = data(ev);
        show((d && d.problems) || []);
        return;
      }
      lost = true; // the connection's error
      if (ev.target.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    });
    es.addEventListener("ok", hide);
  }
  window.addEventListener("pagehide", function () { if (es) es.close(); });
  // A page brought back from the back-forward cache may be stale.
  window.addEventListener("pageshow", function (ev) {
    if (ev.persisted) { lost = true; connect(); }
  });

  if (doc.readyState === "complete") {
    restoreScroll();
  } else {
    window.addEventListener("load", restoreScroll);
  }
  connect();
})();
