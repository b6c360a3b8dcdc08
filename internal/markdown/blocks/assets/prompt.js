// Prompt blocks: the "Copy prompt" button copies the prompt as written.
// Without this script the button stays hidden; the prompt can still be
// selected and the provider links work.
(function () {
  "use strict";
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var ta = document.createElement("textarea");
      ta.value = text;
      ta.setAttribute("readonly", "");
      ta.style.position = "fixed";
      ta.style.opacity = "0";
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(ta);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }
  document.querySelectorAll(".prompt").forEach(function (card) {
    var b = card.querySelector(".prompt-copy");
    if (!b) return;
    var label = b.querySelector(".prompt-copy-label");
    var timer = 0;
    b.hidden = false;
    b.addEventListener("click", function () {
      copyText(card.getAttribute("data-prompt") || "").then(function () {
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
