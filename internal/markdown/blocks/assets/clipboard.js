// Copying to the clipboard, for the copy buttons of code and prompt
// blocks: window.hbCopy(text) returns a promise. Where the Clipboard API
// is missing (a page served over plain HTTP), a hidden text area is
// copied instead. The buttons call it when pressed, once the whole script
// has run.
(function () {
  "use strict";
  window.hbCopy = function (text) {
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
  };
})();
