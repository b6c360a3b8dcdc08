// Runs before the page is painted: applies the colour scheme the reader
// chose with the theme toggle ("light" or "dark"), kept in localStorage;
// without a choice the page follows the system.
(function () {
  try {
    var t = localStorage.getItem("hb-theme");
    if (t === "light" || t === "dark") document.documentElement.setAttribute("data-theme", t);
  } catch (e) {}
})();
