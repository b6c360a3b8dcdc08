// Search buttons (templates/button.html): <button data-action="search">
// and "ask" (there is no assistant: asking searches too) open the site's
// search with data-query. A click dispatches a cancelable
// CustomEvent("hb:search", {detail: {query}}) on document, for the search
// to listen to; unless a listener calls preventDefault(), the query goes
// into the search box (#hb-search input) and focuses it, or, on a page
// without one, into the address as ?q=<query>.
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest('button[data-action="search"],button[data-action="ask"]');
    if (!b) return;
    var query = b.getAttribute("data-query") || "";
    var ev = new CustomEvent("hb:search", {detail: {query: query}, cancelable: true});
    if (!document.dispatchEvent(ev)) return;
    var input = document.querySelector("#hb-search input");
    if (input) {
      input.value = query;
      input.focus();
      input.dispatchEvent(new Event("input", {bubbles: true}));
      return;
    }
    var url = new URL(location.href);
    url.searchParams.set("q", query);
    location.assign(url.href);
  });
})();
