// API operations: an operation with several responses shows one example at
// a time, chosen by its status code, as GitBook does. Without this script
// every response stays visible, one below the other.
document.querySelectorAll(".api-responses").forEach(function (section) {
  var responses = section.querySelectorAll(":scope > .api-response");
  if (responses.length < 2) return;
  var list = document.createElement("div");
  list.className = "api-tabs";
  list.setAttribute("role", "tablist");
  list.setAttribute("aria-label", "Responses");
  var tabs = [];
  function select(i, focus) {
    tabs.forEach(function (tab, j) {
      tab.setAttribute("aria-selected", i === j ? "true" : "false");
      tab.tabIndex = i === j ? 0 : -1;
      responses[j].hidden = i !== j;
    });
    if (focus) tabs[i].focus();
  }
  responses.forEach(function (response, i) {
    var tab = document.createElement("button");
    tab.type = "button";
    tab.className = "api-tab";
    tab.setAttribute("role", "tab");
    tab.textContent = response.dataset.status || String(i + 1);
    var text = response.querySelector(".api-status-text");
    if (text) tab.title = text.textContent;
    response.setAttribute("role", "tabpanel");
    tab.addEventListener("click", function () { select(i, false); });
    tab.addEventListener("keydown", function (e) {
      var k = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (k) { e.preventDefault(); select((i + k + tabs.length) % tabs.length, true); }
    });
    tabs.push(tab);
    list.appendChild(tab);
  });
  var title = section.querySelector(":scope > .api-section-title");
  section.insertBefore(list, title ? title.nextSibling : section.firstChild);
  section.dataset.tabs = "";
  select(0, false);
});
