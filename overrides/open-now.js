{#- The "open now" script with its calendar, written at the root of each audience's site by
    MkDocs (theme.static_templates in mkdocs.yml) and loaded in every page's head
    (overrides/main.html). It runs before the page is drawn and fills each line the moment the
    browser reads it, so the state never moves the page after it is shown (a banner that
    grows by a line after paint shifted everything below it: Lighthouse's layout shift).
    The calendar comes last, on one line after the kalender comment; sitebuild/open_now.py
    makes it and tests/browser/test_open_now.py swaps it for another day's. No double
    braces or brace-percent in the script: this file is a Jinja template. -#}
/* "Open now": whether 1712's phone line or chat is open, in Brussels time whatever the
   visitor's clock zone, from the calendar below (sitebuild/open_now.py: a year of holidays
   and closing days, the hours per channel, the words). Each [data-open-now] line
   (partials/open-now.html) gets the state in [data-open-now-state]; [data-open-now-closed]
   shows only when closed. A line with data-open-now-live becomes a polite live region once
   filled. The state is worked out each minute and written only when it changes. Without
   this script the lines keep the hours as text. Python reference: state_in_words_for
   (formhandler/core/hours_in_words.py). */
(function (calendar) {
  "use strict";

  if (!calendar || !window.Intl || !window.MutationObserver || !Element.prototype.closest) { return; }

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

  /* One line: its state, its help, shown, and polite from now on if it is a live one. */
  var show = function (line, now) {
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
  };

  var update = function () {
    var now = here();
    Array.prototype.forEach.call(document.querySelectorAll("[data-open-now]"), function (line) {
      show(line, now);
    });
  };

  /* While the browser reads the page: a line is filled as soon as it (or a part of it) is
     added, before anything is drawn. Mutation callbacks run before the next paint. */
  var reading = new MutationObserver(function (records) {
    var now = here();
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (node) {
        var element = node.nodeType === 1 ? node : node.parentElement;
        var line = element && element.closest("[data-open-now]");
        if (line) { show(line, now); }
      });
    });
  });
  reading.observe(document.documentElement, { childList: true, subtree: true });

  /* Then just after each full minute, and when the page is shown again (a laptop waking up). */
  var tick = function () {
    update();
    setTimeout(tick, MINUTE_MS - (Date.now() % MINUTE_MS) + 50);
  };
  document.addEventListener("DOMContentLoaded", function () {
    reading.disconnect();
    tick();
  });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { update(); }
  });
}(/* kalender */ {{ config.extra.kalender.bestand | tojson }}));
