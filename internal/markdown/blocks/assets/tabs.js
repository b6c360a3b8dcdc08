// Tabs (templates/tabs.html). Without this script every tab shows under
// its title. With it, each tabs block is marked data-enhanced and shows one
// panel at a time:
// - click, or the arrow keys, Home and End on the tab strip, choose a tab;
// - choosing a tab also chooses the tabs of the same title (data-tab, the
//   title's slug) in the page's other tabs blocks;
// - the choice is kept in the URL as ?tab=<slug>, one parameter per set of
//   titles chosen from, the latest last, so a reload or a shared link shows
//   the same tabs; the #fragment stays free for headings;
// - a #fragment naming something inside a tab selects that tab.
(function () {
  function tabsOf(block) { return block.querySelectorAll(":scope > .tabs-list > [role=tab]"); }
  function blockOf(el) { return el.closest(".tabs[data-tabs]"); }

  function select(block, tab) {
    tabsOf(block).forEach(function (t) {
      var on = t === tab;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      var panel = document.getElementById(t.getAttribute("aria-controls"));
      if (panel) panel.hidden = !on;
    });
  }

  // selectSlug selects the tab titled slug in every block that has one.
  function selectSlug(slug, except) {
    document.querySelectorAll(".tabs[data-enhanced]").forEach(function (block) {
      if (block === except) return;
      tabsOf(block).forEach(function (t) { if (t.dataset.tab === slug) select(block, t); });
    });
  }

  function choose(block, tab) {
    var top = tab.getBoundingClientRect().top;
    select(block, tab);
    var slug = tab.dataset.tab;
    if (!slug) return;
    selectSlug(slug, block);
    // Blocks above may have changed height: keep the chosen tab in place.
    window.scrollBy(0, tab.getBoundingClientRect().top - top);
    try {
      var url = new URL(location.href);
      var mine = Array.prototype.map.call(tabsOf(block), function (t) { return t.dataset.tab; });
      var kept = url.searchParams.getAll("tab").filter(function (s) { return mine.indexOf(s) < 0; });
      url.searchParams.delete("tab");
      kept.concat(slug).forEach(function (s) { url.searchParams.append("tab", s); });
      history.replaceState(history.state, "", url);
    } catch (e) { /* a file: URL or a sandbox: the choice is not kept */ }
  }

  function onKey(e) {
    var tab = e.target.closest("[role=tab]");
    if (!tab) return;
    var block = blockOf(tab);
    var tabs = Array.prototype.slice.call(tabsOf(block));
    var i = tabs.indexOf(tab), n = tabs.length;
    var to = { ArrowRight: i + 1, ArrowLeft: i - 1 + n, Home: 0, End: n - 1 }[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    var next = tabs[to % n];
    next.focus();
    choose(block, next);
  }

  // showTarget selects the tabs holding the element the #fragment names
  // and scrolls to it when that changed the page (or, on load, when hiding
  // the other panels may have moved it).
  function showTarget(e) {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    var shown = false;
    if (el.getAttribute("role") === "tab" && blockOf(el)) {
      select(blockOf(el), el);
      shown = true;
    }
    for (var p = el.closest("[role=tabpanel]"); p; p = p.parentElement.closest("[role=tabpanel]")) {
      var tab = document.getElementById(p.getAttribute("aria-labelledby"));
      if (p.hidden && tab && blockOf(tab)) {
        select(blockOf(tab), tab);
        shown = true;
      }
    }
    if (shown || !e) el.scrollIntoView();
  }

  function init() {
    var blocks = document.querySelectorAll(".tabs[data-tabs]");
    if (!blocks.length) return;
    blocks.forEach(function (block) {
      var tabs = tabsOf(block);
      if (!tabs.length) return;
      block.setAttribute("data-enhanced", "");
      tabs.forEach(function (t) {
        var panel = document.getElementById(t.getAttribute("aria-controls"));
        if (panel) panel.tabIndex = 0;
        t.addEventListener("click", function () { choose(block, t); });
      });
      block.querySelector(":scope > .tabs-list").addEventListener("keydown", onKey);
      select(block, block.querySelector(":scope > .tabs-list > [aria-selected=true]") || tabs[0]);
    });
    new URLSearchParams(location.search).getAll("tab").forEach(function (s) { selectSlug(s, null); });
    showTarget();
    window.addEventListener("hashchange", showTarget);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
