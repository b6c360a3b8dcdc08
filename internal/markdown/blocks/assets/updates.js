// Updates blocks: the tag filter shows the entries of one tag. Without
// this script the filter stays hidden and every entry shows.
(function () {
  document.querySelectorAll(".updates").forEach(function (box) {
    var filter = box.querySelector(".updates-filter");
    if (!filter || filter.closest(".updates") !== box) return;
    var buttons = filter.querySelectorAll(".updates-filter-tag");
    filter.hidden = false;
    filter.addEventListener("click", function (ev) {
      var b = ev.target.closest(".updates-filter-tag");
      if (!b) return;
      var tag = b.getAttribute("data-tag");
      buttons.forEach(function (x) { x.setAttribute("aria-pressed", x === b ? "true" : "false"); });
      box.querySelectorAll(".update").forEach(function (u) {
        if (u.parentElement !== box) return;
        var tags = (u.getAttribute("data-tags") || "").split(",");
        u.hidden = tag !== "" && tags.indexOf(tag) < 0;
      });
    });
  });
})();
