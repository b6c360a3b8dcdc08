// Embeds: a video card is a link to the video until the reader presses it;
// then, and only then, the host's player loads in its place. Nothing is
// loaded from the host before. Opening the card in a new tab or window
// (a modified or middle click) still follows the link.
(function () {
  "use strict";
  function play(e) {
    var a = e.target.closest && e.target.closest("a.embed-player[data-embed-src]");
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var src = a.getAttribute("data-embed-src");
    if (!/^https:\/\//.test(src)) return;
    e.preventDefault();
    var frame = document.createElement("div");
    frame.className = "embed-frame";
    var iframe = document.createElement("iframe");
    iframe.src = src;
    iframe.title = a.getAttribute("data-embed-title") || "Video";
    iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen; clipboard-write";
    iframe.setAttribute("allowfullscreen", "");
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    frame.appendChild(iframe);
    a.parentNode.replaceChild(frame, a);
    iframe.focus();
  }
  document.addEventListener("click", play);
})();
