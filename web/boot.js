// Kintsugi applies the reader's saved theme, text size, line spacing and
// discreet mode before the first paint, so that a warm start does not
// flash from light to dark, or show a revealing title. When the passphrase
// lock is on, it marks the page locked, so that only the lock screen shows
// (the help lines and privacy pages excepted). The settings live in IndexedDB, which answers asynchronously:
// the page stays hidden until the answer comes (a few milliseconds on a
// warm start), for 0.4 s at most. This script reads only the appearance
// record and whether a lock record exists, writes nothing, and never
// creates the database.
// It also notes whether a service worker controlled the page when it
// loaded: go-app reports an "update" when the very first worker takes
// control, which is an install, not an update.
window.kintsugiHadWorker = !!(navigator.serviceWorker && navigator.serviceWorker.controller);
(function () {
  var root = document.documentElement;
  var done = false;
  function show() {
    if (!done) {
      done = true;
      root.classList.remove("k-boot");
    }
  }
  root.classList.add("k-boot");
  setTimeout(show, 400);
  try {
    var open = indexedDB.open("kintsugi");
    open.onupgradeneeded = function () {
      open.transaction.abort(); // no database yet: leave creating it to the app
    };
    open.onerror = show;
    open.onblocked = show;
    open.onsuccess = function () {
      var db = open.result;
      try {
        var records = db.transaction("records").objectStore("records");
        var lock = records.getKey(["setting", "lock"]);
        lock.onsuccess = function () {
          var path = location.pathname.replace(/\/+$/, "");
          var isPublic = path === "/help" || path === "/privacy";
          if (lock.result !== undefined && !isPublic) {
            root.setAttribute("data-locked", "true");
            window.kintsugiStartNow(); // the lock screen needs the app
          }
        };
        var get = records.get(["setting", "appearance"]);
        get.onsuccess = function () {
          try {
            var s = get.result ? JSON.parse(get.result.data) : {};
            if (s.theme) root.setAttribute("data-theme", s.theme);
            if (s.textSize) root.setAttribute("data-text-size", s.textSize);
            if (s.lineSpacing) root.setAttribute("data-line-spacing", s.lineSpacing);
            if (s.discreet) {
              // Discreet mode: a neutral title at once, and a mark the app
              // reads before it sets any title of its own.
              root.setAttribute("data-discreet", "true");
              document.title = "Notes";
            }
          } catch (e) {}
          db.close();
          show();
        };
        get.onerror = function () { db.close(); show(); };
      } catch (e) {
        db.close();
        show();
      }
    };
  } catch (e) {
    show();
  }
})();

// When the app starts. go-app's app.js calls window.kintsugiStart with its
// start function (app/server rewrites app.js to do so). A page whose
// pre-rendered HTML is all a reader needs (a chapter, the guide, Home, the
// help lines: <main data-start="on-demand">) starts the app when the reader
// first clicks something other than a link or presses a key, or after 3 s
// of quiet: starting costs about 0.3 s of main thread here and over a
// second on a mid-range phone, and spending it while someone begins to read
// would freeze their first taps. Every other page, and any page while the
// passphrase lock is on, starts at once.
// Fields typed into before the app took over keep their text and focus.
(function () {
  var root = document.documentElement;
  var pending = null;
  var started = false;
  var before = [];
  var focused = null;
  var tookOver = false;

  function begin() {
    if (started || !pending) return;
    started = true;
    // The guide's text, fetched beside app.wasm and handed over before the
    // Go program runs (app/server edits app.js to wait for it).
    var text = fetch("/content.txt").then(function (r) { return r.ok ? r.text() : null; }).catch(function () { return null; });
    window.kintsugiBeforeRun = function () {
      return text.then(function (t) { window.kintsugiContent = t; });
    };
    root.removeAttribute("data-app-start");
    removeEventListener("click", onClick, true);
    removeEventListener("keydown", begin, true);
    // Keep the pre-rendered fields: the app replaces them when it mounts.
    // Text only: go-app writes checked="false" into the pre-rendered HTML,
    // which HTML reads as checked, so a box's first state cannot be known.
    before = Array.prototype.slice.call(document.querySelectorAll("textarea[id], input[id]")).filter(function (el) {
      return el.tagName === "TEXTAREA" || /^(text|search|email|tel|url|number)$/.test(el.type);
    });
    new MutationObserver(function (changes, observer) {
      if (document.getElementById("app-wasm-loader")) return;
      observer.disconnect();
      tookOver = true;
      carryOver();
    }).observe(document.body, {childList: true});
    pending();
  }

  function onClick(e) {
    // A link leaves the page: starting the app for it would be wasted.
    if (e.target.closest && e.target.closest("a[href]")) return;
    begin();
  }

  // carryOver copies what was typed into the pre-rendered fields into the
  // app's own, and gives focus back, so that the takeover loses nothing.
  function carryOver() {
    before.forEach(function (old) {
      var now = document.getElementById(old.id);
      if (!now || now === old || now.tagName !== old.tagName) return;
      if (old.value === old.defaultValue) return; // nothing typed
      now.value = old.value;
      now.dispatchEvent(new Event("input", {bubbles: true}));
      now.dispatchEvent(new Event("change", {bubbles: true}));
    });
    if (focused && focused.id && !focused.isConnected && document.activeElement === document.body) {
      var again = document.getElementById(focused.id);
      if (again) {
        again.focus();
        try { again.setSelectionRange(focused.selectionStart, focused.selectionEnd); } catch (e) {}
      }
    }
  }
  document.addEventListener("focusin", function (e) {
    if (!tookOver) focused = e.target;
  }, true);

  window.kintsugiStartNow = begin;
  window.kintsugiStart = function (start) {
    pending = start;
    var main = document.getElementById("main");
    if (!main || main.getAttribute("data-start") !== "on-demand" || root.getAttribute("data-locked") === "true") {
      begin();
      return;
    }
    root.setAttribute("data-app-start", "waiting");
    addEventListener("click", onClick, true);
    addEventListener("keydown", begin, true);
    var idle = function () {
      setTimeout(function () { (window.requestIdleCallback || setTimeout)(begin); }, 3000);
    };
    if (document.readyState === "complete") idle(); else addEventListener("load", idle, {once: true});
  };

  // Quick exit works from the first paint, before the app runs: the button
  // and Escape pressed twice leave for the neutral page, replacing this
  // page in the history. Once the app runs it does the same and locks
  // first; leaving twice is harmless.
  var away = "/web/away.html";
  var lastEscape = 0;
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("button.quick-exit")) location.replace(away);
  }, true);
  addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape <= 1500) location.replace(away);
    lastEscape = now;
  }, true);
})();
