// handbook: small progressive enhancements; every page works without them.
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;

  // A polite live region for what the script does out of sight ("Link
  // copied"), and copying that works with or without the blocks' helper.
  var live = doc.createElement("div");
  live.className = "hb-sr-only";
  live.setAttribute("aria-live", "polite");
  doc.body.appendChild(live);
  function announce(msg) {
    live.textContent = "";
    setTimeout(function () { live.textContent = msg; }, 50);
  }
  function copyText(text) {
    if (window.hbCopy) return window.hbCopy(text);
    if (navigator.clipboard) return navigator.clipboard.writeText(text);
    return Promise.reject(new Error("no clipboard"));
  }

  // Colour scheme: the header's toggle switches between light and dark
  // and keeps the choice, which init.js applies before the next page is
  // painted. Without a choice the page follows the system.
  var toggle = doc.querySelector(".hb-theme-toggle");
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function isDark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : !!(systemDark && systemDark.matches);
  }
  function labelToggle() {
    var l = isDark() ? "Switch to light mode" : "Switch to dark mode";
    toggle.setAttribute("aria-label", l);
    toggle.title = l;
  }
  if (toggle) {
    toggle.hidden = false;
    labelToggle();
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("hb-theme", next); } catch (e) {}
      labelToggle();
    });
    if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", labelToggle);
    // A choice made in another tab applies here too.
    window.addEventListener("storage", function (ev) {
      if (ev.key !== "hb-theme") return;
      if (ev.newValue === "light" || ev.newValue === "dark") root.setAttribute("data-theme", ev.newValue);
      else root.removeAttribute("data-theme");
      labelToggle();
    });
  }
  // Paper is light whatever the screen shows.
  var screenTheme = null;
  window.addEventListener("beforeprint", function () {
    screenTheme = root.getAttribute("data-theme");
    root.setAttribute("data-theme", "light");
  });
  window.addEventListener("afterprint", function () {
    if (screenTheme) root.setAttribute("data-theme", screenTheme);
    else root.removeAttribute("data-theme");
  });

  // Sidebar: expand and collapse entries; load collapsed branches from the
  // shared tree file the first time one is opened.
  var sidebar = doc.querySelector(".hb-sidebar");
  var tree = null;
  function loadTree() {
    if (!tree) {
      tree = fetch(sidebar.getAttribute("data-nav")).then(function (r) {
        if (!r.ok) throw new Error("nav " + r.status);
        return r.json();
      });
    }
    return tree;
  }
  function item(e) {
    var li = doc.createElement("li");
    var a = doc.createElement("a");
    a.href = e.u;
    a.textContent = e.t;
    if (e.x) { a.className = "ext"; a.rel = "noopener"; }
    if (sameURL(a.href)) a.setAttribute("aria-current", "page");
    li.appendChild(a);
    if (e.k) {
      var b = doc.createElement("button");
      b.setAttribute("aria-expanded", "false");
      b.setAttribute("aria-label", "Pages below " + e.t);
      b.setAttribute("data-id", e.i);
      li.appendChild(b);
    }
    return li;
  }
  function sameURL(href) {
    return href.replace(/[#?].*$/, "").replace(/\/$/, "") === location.href.replace(/[#?].*$/, "").replace(/\/$/, "");
  }
  if (sidebar) {
    sidebar.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-id]");
      if (!b) return;
      var li = b.closest("li");
      var open = b.getAttribute("aria-expanded") !== "true";
      b.setAttribute("aria-expanded", String(open));
      li.classList.toggle("open", open);
      if (!open || li.querySelector(":scope > ul")) return;
      loadTree().then(function (t) {
        var ul = doc.createElement("ul");
        (t[b.getAttribute("data-id")] || []).forEach(function (e) { ul.appendChild(item(e)); });
        li.appendChild(ul);
      }).catch(function () { location.href = li.querySelector("a").href; });
    });
    var cur = sidebar.querySelector("[aria-current=page]");
    if (cur && cur.scrollIntoView) cur.scrollIntoView({ block: "center" });
    // Each expand button says whose pages it shows.
    sidebar.querySelectorAll("li > button[data-id]").forEach(function (b) {
      var a = b.parentNode.querySelector(":scope > a");
      if (a && b.getAttribute("aria-label") === "Pages below") b.setAttribute("aria-label", "Pages below " + a.textContent.trim());
    });
  }

  // On a narrow screen the sidebar is a menu. Without the script the ☰
  // label ticks a hidden checkbox that shows it; with it, a button that
  // says whether the menu is open does, and Escape closes it.
  var navBox = doc.getElementById("hb-nav-toggle");
  var menuLabel = doc.querySelector("label.hb-menu-toggle");
  if (navBox && menuLabel && !sidebar) menuLabel.parentNode.removeChild(menuLabel);
  if (navBox && menuLabel && sidebar) {
    var menu = doc.createElement("button");
    menu.type = "button";
    menu.className = "hb-menu-toggle";
    menu.textContent = menuLabel.textContent;
    menu.setAttribute("aria-label", menuLabel.getAttribute("aria-label") || "Menu");
    menu.setAttribute("aria-controls", sidebar.id || (sidebar.id = "hb-sidebar"));
    menu.setAttribute("aria-expanded", String(navBox.checked));
    menuLabel.parentNode.replaceChild(menu, menuLabel);
    navBox.hidden = true;
    var setMenu = function (open) {
      navBox.checked = open;
      menu.setAttribute("aria-expanded", String(open));
    };
    menu.addEventListener("click", function () { setMenu(!navBox.checked); });
    doc.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape" || !navBox.checked || getComputedStyle(menu).display === "none") return;
      setMenu(false);
      menu.focus();
    });
  }

  // 404: suggest pages whose URL or title share words with the address.
  var sug = doc.getElementById("hb-suggestions");
  if (sug && sidebar) {
    var words = decodeURIComponent(location.pathname).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 2; });
    if (words.length) loadTree().then(function (t) {
      var items = [], seen = {};
      sidebar.querySelectorAll("a").forEach(function (a) { items.push({ t: a.textContent, u: a.getAttribute("href") }); });
      Object.keys(t).forEach(function (k) { t[k].forEach(function (e) { if (!e.x) items.push(e); }); });
      var scored = items.map(function (e) {
        var hay = (e.u + " " + e.t).toLowerCase();
        return { e: e, n: words.filter(function (w) { return hay.indexOf(w) >= 0; }).length };
      }).filter(function (s) {
        if (!s.n || seen[s.e.u]) return false;
        seen[s.e.u] = true;
        return true;
      }).sort(function (a, b) { return b.n - a.n; }).slice(0, 5);
      if (!scored.length) return;
      var ul = sug.querySelector("ul");
      scored.forEach(function (s) {
        var li = doc.createElement("li"), a = doc.createElement("a");
        a.href = s.e.u;
        a.textContent = s.e.t;
        li.appendChild(a);
        ul.appendChild(li);
      });
      sug.hidden = false;
    }).catch(function () {});
  }

  // "Last updated": the build writes a date; show it relative to now.
  var t = doc.querySelector(".hb-updated time");
  if (t && window.Intl && Intl.RelativeTimeFormat) {
    var secs = (Date.parse(t.getAttribute("datetime")) - Date.now()) / 1000;
    var units = [["year", 31536000], ["month", 2592000], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60]];
    var rtf = new Intl.RelativeTimeFormat(doc.documentElement.lang || "en", { numeric: "auto" });
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(secs) >= units[i][1] || i === units.length - 1) {
        t.textContent = rtf.format(Math.round(secs / units[i][1]), units[i][0]);
        break;
      }
    }
  }

  // Heading permalinks: a click still goes to the heading, and also puts
  // the heading's full address on the clipboard.
  var content = doc.querySelector(".hb-content");
  if (content) {
    content.addEventListener("click", function (ev) {
      var a = ev.target.closest("a.anchor");
      if (!a || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      copyText(a.href).then(function () {
        a.classList.add("hb-copied");
        announce("Link copied");
        setTimeout(function () { a.classList.remove("hb-copied"); }, 2000);
      }, function () {});
    });
    content.querySelectorAll("a.anchor").forEach(function (a) {
      if (!a.title) a.title = "Copy link to this section";
    });
  }

  // Image zoom: a click on an image of the page that is not a link opens
  // it large in a dialog; Escape, a click or the close button close it.
  // Images take no focus: the zoom is for those who can see and point.
  if (content && window.HTMLDialogElement) {
    var zoomBox = null, zoomImg = null, zoomFrom = null;
    var zoomable = function (img) {
      return !img.closest("a, button, .hb-zoom");
    };
    content.querySelectorAll("img").forEach(function (img) {
      if (zoomable(img)) img.classList.add("hb-zoomable");
    });
    var makeZoom = function () {
      zoomBox = doc.createElement("dialog");
      zoomBox.className = "hb-zoom";
      var close = doc.createElement("button");
      close.type = "button";
      close.className = "hb-zoom-close";
      close.setAttribute("aria-label", "Close");
      close.textContent = "×";
      zoomImg = doc.createElement("img");
      zoomBox.appendChild(close);
      zoomBox.appendChild(zoomImg);
      zoomBox.addEventListener("click", function () { zoomBox.close(); });
      zoomBox.addEventListener("close", function () {
        if (zoomFrom && zoomFrom.focus) zoomFrom.focus();
        zoomFrom = null;
      });
      doc.body.appendChild(zoomBox);
    };
    content.addEventListener("click", function (ev) {
      var img = ev.target.closest("img.hb-zoomable");
      if (!img || img.getBoundingClientRect().width < 40) return;
      if (!zoomBox) makeZoom();
      zoomFrom = doc.activeElement;
      zoomImg.src = img.currentSrc || img.src;
      // Drawings scale without blur: they fill the screen.
      zoomImg.className = /\.svg([?#]|$)/i.test(zoomImg.src) ? "hb-zoom-fit" : "";
      zoomImg.alt = img.alt;
      zoomBox.setAttribute("aria-label", img.alt || "Image");
      zoomBox.showModal();
    });
  }

  // Old URLs that carried a #fragment redirect from the page they name.
  var hr = doc.getElementById("hb-hash-redirects");
  var redirected = false;
  if (hr && location.hash) {
    var to = JSON.parse(hr.textContent)[decodeURIComponent(location.hash.slice(1))];
    if (to) { redirected = true; location.replace(to); }
  }

  // GitBook's heading IDs changed over the years ("country-region",
  // "countryregion"): a #fragment no element has lands on the element
  // whose ID matches it once case and punctuation are set aside.
  function fold(s) { return s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""); }
  function landTolerantly() {
    if (!location.hash) return;
    var want = decodeURIComponent(location.hash.slice(1));
    if (doc.getElementById(want)) return;
    var key = fold(want);
    if (!key) return;
    var all = doc.querySelectorAll(".hb-content [id]");
    for (var i = 0; i < all.length; i++) {
      if (fold(all[i].id) === key) {
        history.replaceState(null, "", "#" + encodeURIComponent(all[i].id));
        all[i].scrollIntoView();
        return;
      }
    }
  }
  if (!redirected) landTolerantly();
  window.addEventListener("hashchange", landTolerantly);

  // "Was this helpful?": a rating is sent at once, as JSON; an optional
  // comment then amends the same entry. Without fetch the widget stays
  // hidden: the API takes JSON only.
  var fb = doc.getElementById("hb-feedback");
  if (fb && window.fetch && window.JSON) feedback(fb);

  // "On this page": highlight the section being read.
  var links = doc.querySelectorAll(".hb-outline a");
  if (links.length && window.IntersectionObserver) {
    var byId = {};
    links.forEach(function (a) { byId[decodeURIComponent(a.hash.slice(1))] = a; });
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) {
        if (!en.isIntersecting) return;
        links.forEach(function (a) { a.classList.remove("active"); });
        var a = byId[en.target.id];
        if (a) a.classList.add("active");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) {
      var h = doc.getElementById(id);
      if (h) io.observe(h);
    });
  }
  // "Copy page as Markdown": put the page's Markdown twin on the
  // clipboard, for pasting into an assistant.
  var copy = doc.querySelector(".hb-copy-page");
  if (copy && (navigator.clipboard || window.hbCopy) && window.fetch) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var label = copy.textContent;
      fetch(copy.getAttribute("data-src")).then(function (r) {
        if (!r.ok) throw new Error("markdown " + r.status);
        return r.text();
      }).then(function (md) {
        return copyText(md);
      }).then(function () {
        copy.textContent = "Copied";
        announce("Page copied as Markdown");
      }, function () {
        copy.textContent = "Copy failed";
        announce("The page could not be copied");
      }).then(function () {
        setTimeout(function () { copy.textContent = label; }, 2000);
      });
    });
  }

  function feedback(fb) {
    var endpoint = fb.getAttribute("data-endpoint");
    var page = fb.getAttribute("data-page");
    var buttons = fb.querySelectorAll(".hb-feedback-rating");
    var form = fb.querySelector(".hb-feedback-form");
    var text = fb.querySelector("#hb-feedback-comment");
    var count = fb.querySelector(".hb-feedback-count");
    var err = fb.querySelector(".hb-feedback-error");
    var status = fb.querySelector(".hb-feedback-status");
    var max = parseInt(text.getAttribute("maxlength"), 10) || 512;
    var min = parseInt(text.getAttribute("minlength"), 10) || 3;
    var id = "", rating = "", busy = false;
    fb.hidden = false;

    function post(body) {
      return fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        credentials: "omit",
        referrerPolicy: "no-referrer"
      }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (!r.ok) { var e = new Error(j.error || "status " + r.status); e.status = r.status; throw e; }
          return j;
        });
      });
    }
    function problem(e) {
      var s = e && e.status;
      if (s === 429) return "Too many ratings from here just now. Please try again in a minute.";
      if (s === 503) return "Feedback is unavailable right now. Please try again later.";
      if (s === 404 && id) return "Your rating was saved, but it is too late to add a comment to it.";
      if (s) return "Your feedback could not be sent: " + e.message + ".";
      return "Your feedback could not be sent. Check your connection and try again.";
    }
    function setBusy(on) {
      busy = on;
      buttons.forEach(function (b) { b.disabled = on; });
      form.querySelectorAll("button").forEach(function (b) { b.disabled = on; });
    }
    function done() {
      fb.querySelector(".hb-feedback-rate").hidden = true;
      form.hidden = true;
      err.textContent = "";
      fb.classList.add("hb-feedback-done");
      status.textContent = "Thank you for your feedback!";
      status.focus();
    }
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        if (busy) return;
        var r = b.getAttribute("data-rating");
        var body = { page: page, rating: r };
        if (id) body.id = id;
        err.textContent = "";
        setBusy(true);
        post(body).then(function (j) {
          id = j.id || id;
          rating = r;
          buttons.forEach(function (x) { x.setAttribute("aria-pressed", String(x === b)); });
          form.hidden = false;
          text.focus();
        }, function (e) {
          err.textContent = problem(e);
        }).then(function () { setBusy(false); });
      });
    });
    text.addEventListener("input", function () {
      count.textContent = text.value.length + "/" + max;
    });
    fb.querySelector(".hb-feedback-skip").addEventListener("click", done);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (busy) return;
      var c = text.value.trim();
      if (!c) { done(); return; }
      if (c.length < min) {
        err.textContent = "Please write at least " + min + " characters, or choose No thanks.";
        text.focus();
        return;
      }
      err.textContent = "";
      setBusy(true);
      post({ page: page, rating: rating, comment: c, id: id }).then(done, function (e) {
        err.textContent = problem(e);
      }).then(function () { setBusy(false); });
    });
  }
})();
