/* Quick exit. Without JavaScript the link alone leaves the site.
   With it: the page goes blank at once, location.replace() takes this page out
   of the history (Back does not return), and Shift pressed three times within a
   few seconds does the same (as GOV.UK's "Exit this page"; any other key resets). */
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) { return; }
  var target = link.getAttribute("href");
  var presses = 0;
  var timer = null;
  var WINDOW_MS = 5000;

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.documentElement.style.background = "#ffffff";
    if (document.body) { document.body.style.visibility = "hidden"; }
    document.title = "";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) { return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, WINDOW_MS);
    if (presses >= 3) { leave(); }
  });

  /* A page restored from the back/forward cache after an exit stays blank. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.body && document.body.style.visibility === "hidden") {
      leave();
    }
  });
})();
