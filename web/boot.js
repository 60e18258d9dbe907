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
          if (lock.result !== undefined && !isPublic) root.setAttribute("data-locked", "true");
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
