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

/* "Open now": whether 1712's phone line or chat is open, in Brussels time whatever the
   visitor's clock zone, from kalender.json (written by the build, sitebuild/open_now.py:
   a year of holidays and closing days, the hours per channel, the words). Each
   [data-open-now] line (partials/open-now.html) gets the state in [data-open-now-state];
   [data-open-now-closed] shows only when closed. A line with data-open-now-live becomes a
   polite live region once filled. The state is worked out each minute and written only
   when it changes. Without this script the lines keep the hours as text. Python reference:
   state_in_words_for (formhandler/core/hours_in_words.py), tests/browser/test_open_now.py. */
(function () {
  "use strict";

  var lines = document.querySelectorAll("[data-open-now]");
  if (!lines.length || !window.fetch || !window.Intl) { return; }

  var DAY_MS = 86400000;
  var MINUTE_MS = 60000;

  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var dayMs = function (iso) {
    var p = iso.split("-");
    return Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2]));
  };
  var addDays = function (iso, n) {
    var d = new Date(dayMs(iso) + n * DAY_MS);
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  };
  var weekday = function (iso) { return (new Date(dayMs(iso)).getUTCDay() + 6) % 7; };  /* Monday 0 */
  var fill = function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  };

  var start = function (calendar) {
    var clock = new Intl.DateTimeFormat("en-GB", {
      timeZone: calendar.zone, hourCycle: "h23",
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit"
    });

    /* Today's date and the time of day in the calendar's zone: "2027-03-29", "16:59". */
    var here = function () {
      var parts = {};
      clock.formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
      return { day: parts.year + "-" + parts.month + "-" + parts.day, time: parts.hour + ":" + parts.minute };
    };

    /* The channel's blocks of hours on a day, none on a holiday or closing day. */
    var windows = function (channel, day) {
      if (calendar.closed[day]) { return []; }
      var today = weekday(day);
      return (calendar.hours[channel] || []).filter(function (block) {
        return block.days.indexOf(today) >= 0;
      }).sort(function (a, b) { return a.opens < b.opens ? -1 : 1; });
    };

    var state = function (channel, now, words) {
      if (!words || now.day < calendar.from || now.day > calendar.to) { return null; }
      var open = windows(channel, now.day).filter(function (block) {
        return block.opens <= now.time && now.time < block.closes;
      })[0];
      if (open) { return { open: true, text: fill(words.open, { klok: words.clock[open.closes] }) }; }
      var holiday = calendar.closed[now.day];
      var closed = holiday ? fill(words.closed_today, { naam: holiday[words.language] }) : words.closed;
      for (var offset = 0, day = now.day; day <= calendar.to; offset += 1, day = addDays(now.day, offset)) {
        var next = windows(channel, day).filter(function (block) {
          return offset > 0 || block.opens > now.time;
        })[0];
        if (next) {
          var at = words.clock[next.opens];
          var when = offset === 0 ? fill(words.today, { klok: at })
            : offset === 1 ? fill(words.tomorrow, { klok: at })
              : fill(words.weekday, { dag: words.days[weekday(day)], klok: at });
          return { open: false, text: fill(words.reopens, { gesloten: closed, wanneer: when }) };
        }
      }
      return { open: false, text: closed };
    };

    var update = function () {
      var now = here();
      Array.prototype.forEach.call(lines, function (line) {
        var result = state(line.getAttribute("data-open-now"), now,
          calendar.words[line.getAttribute("data-words")]);
        if (!result) { return; }
        var target = line.querySelector("[data-open-now-state]");
        if (target && target.textContent !== result.text) { target.textContent = result.text; }
        var help = line.querySelector("[data-open-now-closed]");
        if (help && help.hidden !== result.open) { help.hidden = result.open; }
        var said = result.open ? "open" : "closed";
        if (line.getAttribute("data-state") !== said) { line.setAttribute("data-state", said); }
        if (line.hidden) { line.hidden = false; }
        if (line.hasAttribute("data-open-now-live") && !line.hasAttribute("aria-live")) {
          line.setAttribute("aria-live", "polite");
          line.setAttribute("aria-atomic", "true");
        }
      });
    };

    /* Just after each full minute, and when the page is shown again (a laptop waking up). */
    var tick = function () {
      update();
      setTimeout(tick, MINUTE_MS - (Date.now() % MINUTE_MS) + 50);
    };
    tick();
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) { update(); }
    });
  };

  fetch(lines[0].getAttribute("data-calendar"))
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (calendar) { if (calendar) { start(calendar); } })
    .catch(function () { /* no calendar: the hours stay as text */ });
})();
