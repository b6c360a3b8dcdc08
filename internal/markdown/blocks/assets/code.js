// Code blocks: a copy button on every <pre><code>, in the title bar of a
// {% code %} block that has one, else over the code's top right corner.
// Without JavaScript no button shows: there would be nothing to press.
(function () {
  "use strict";
  var svgNS = "http://www.w3.org/2000/svg";
  // Font Awesome "copy" and "check" (solid), CC BY 4.0.
  var paths = {
    copy: "M192 0c-35.3 0-64 28.7-64 64l0 256c0 35.3 28.7 64 64 64l192 0c35.3 0 64-28.7 64-64l0-200.6c0-17.4-7.1-34.1-19.7-46.2L370.6 17.8C358.7 6.4 342.8 0 326.3 0L192 0zM64 128c-35.3 0-64 28.7-64 64L0 448c0 35.3 28.7 64 64 64l192 0c35.3 0 64-28.7 64-64l0-16-64 0 0 16-192 0 0-256 16 0 0-64-16 0z",
    check: "M434.8 70.1c14.3 10.4 17.5 30.4 7.1 44.7l-256 352c-5.5 7.6-14 12.3-23.4 13.1s-18.5-2.7-25.1-9.3l-128-128c-12.5-12.5-12.5-32.8 0-45.3s32.8-12.5 45.3 0l101.5 101.5 234-321.7c10.4-14.3 30.4-17.5 44.7-7.1z"
  };

  function icon(name, cls) {
    var svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("viewBox", "0 0 448 512");
    svg.setAttribute("fill", "currentColor");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", cls);
    var p = document.createElementNS(svgNS, "path");
    p.setAttribute("d", paths[name]);
    svg.appendChild(p);
    return svg;
  }

  function button(code) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "code-copy";
    b.setAttribute("aria-label", "Copy code");
    b.title = "Copy code";
    b.appendChild(icon("copy", "code-copy-icon"));
    b.appendChild(icon("check", "code-copy-done"));
    var done = document.createElement("span");
    done.className = "code-copy-done";
    done.textContent = "Copied";
    b.appendChild(done);
    var status = document.createElement("span");
    status.className = "code-copy-status";
    status.setAttribute("role", "status");
    var timer = 0;
    b.addEventListener("click", function () {
      window.hbCopy(code.textContent).then(function () {
        b.classList.add("copied");
        status.textContent = "Copied";
      }, function () {
        status.textContent = "Could not copy: select the code and copy it";
      }).then(function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          b.classList.remove("copied");
          status.textContent = "";
        }, 2000);
      });
    });
    return [b, status];
  }

  function init() {
    var codes = document.querySelectorAll("pre > code");
    for (var i = 0; i < codes.length; i++) {
      var code = codes[i];
      var pre = code.parentNode;
      var parts = button(code);
      var frame = pre.closest(".code-block");
      var bar = frame && frame.querySelector(".code-title");
      if (bar && frame.querySelectorAll("pre > code").length === 1) {
        bar.appendChild(parts[0]);
        bar.appendChild(parts[1]);
        continue;
      }
      parts[0].classList.add("code-copy-float");
      var box = pre.parentNode;
      if (!box.classList.contains("code-body")) {
        box = document.createElement("div");
        box.className = "code-copy-wrap";
        pre.parentNode.insertBefore(box, pre);
        box.appendChild(pre);
      }
      box.appendChild(parts[0]);
      box.appendChild(parts[1]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
