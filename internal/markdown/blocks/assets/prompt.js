// Prompt blocks: the "Copy prompt" button copies the prompt as written.
// Without this script the button stays hidden; the prompt can still be
// selected and the provider links work.
(function () {
  "use strict";
  document.querySelectorAll(".prompt").forEach(function (card) {
    var b = card.querySelector(".prompt-copy");
    if (!b) return;
    var label = b.querySelector(".prompt-copy-label");
    var timer = 0;
    b.hidden = false;
    b.addEventListener("click", function () {
      window.hbCopy(card.getAttribute("data-prompt") || "").then(function () {
        b.classList.add("copied");
        if (label) label.textContent = "Copied";
        clearTimeout(timer);
        timer = setTimeout(function () {
          b.classList.remove("copied");
          if (label) label.textContent = "Copy prompt";
        }, 2000);
      }, function () {});
    });
  });
})();
