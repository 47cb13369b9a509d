/* The few things the pages do with JavaScript; everything works without it.

   Quick exit: the link alone leaves the site. With this script the page goes blank at
   once, location.replace() takes this page out of the history (Back does not return),
   and Shift pressed three times within a few seconds does the same (as GOV.UK's "Exit
   this page"; any other key resets). After a first and a second Shift, a screen reader
   hears how many more presses leave the page.

   Menu: on narrow screens the header's "Menu" link (to #site-nav) becomes a button that
   opens and closes the menu (aria-expanded); Escape closes it and puts focus back. */
(function () {
  "use strict";

  var link = document.querySelector("[data-quick-exit]");
  if (link) {
    var target = link.getAttribute("href");
    var status = document.querySelector("[data-quick-exit-status]");
    var presses = 0;
    var timer = null;
    var WINDOW_MS = 5000;

    var say = function (text) {
      if (status) { status.textContent = text; }
    };

    var leave = function (event) {
      if (event) { event.preventDefault(); }
      document.documentElement.style.background = "#ffffff";
      if (document.body) { document.body.style.visibility = "hidden"; }
      document.title = "";
      window.location.replace(target);
    };

    link.addEventListener("click", leave);

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift") {
        if (presses) { say(""); }
        presses = 0;
        return;
      }
      if (event.repeat) { return; }
      presses += 1;
      clearTimeout(timer);
      timer = setTimeout(function () { presses = 0; say(""); }, WINDOW_MS);
      if (presses >= 3) {
        leave();
      } else if (status) {
        say(status.getAttribute("data-left").replace("{n}", String(3 - presses)));
      }
    });

    /* A page restored from the back/forward cache after an exit stays blank. */
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && document.body && document.body.style.visibility === "hidden") {
        leave();
      }
    });
  }

  var toggle = document.querySelector("[data-menu-toggle]");
  var drawer = document.getElementById("site-nav");
  if (toggle && drawer) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = toggle.className;
    button.innerHTML = toggle.innerHTML;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "site-nav");
    button.setAttribute("data-menu-toggle", "");
    toggle.parentNode.replaceChild(button, toggle);

    var setOpen = function (open) {
      drawer.classList.toggle("site-drawer--open", open);
      button.setAttribute("aria-expanded", String(open));
    };
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      setOpen(open);
      if (open) {
        drawer.scrollIntoView({ block: "start" });
        drawer.focus({ preventScroll: true });
      }
    });
    drawer.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }
})();
