// Progressive enhancement of the forms; everything works without this script.
// - the error summary takes focus (autofocus does it too in most browsers);
// - a link in the summary focuses its field and shows its label (GOV.UK pattern);
// - long texts get a counter of the characters left, spoken after a pause in typing.
(function () {
  "use strict";

  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    if (document.activeElement !== summary) {
      summary.focus();
    }
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) {
        return;
      }
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) {
        return;
      }
      event.preventDefault();
      var group = field.closest(".fh-group");
      if (group) {
        group.scrollIntoView();
      }
      field.focus({ preventScroll: true });
    });
  }

  // The counter, as GOV.UK's character count: the visible count follows every key and is
  // part of the field's description (aria-describedby); a screen reader is told the count
  // only once the person pauses, not after every key of a slow typist.
  var PAUSE_MS = 1500;
  var areas = document.querySelectorAll("textarea[data-maxlength]");
  Array.prototype.forEach.call(areas, function (area) {
    var max = parseInt(area.getAttribute("data-maxlength"), 10);
    var count = document.createElement("div");
    count.className = "fh-count";
    count.id = area.id + "-count";
    var spoken = document.createElement("div");
    spoken.className = "fh-visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    spoken.setAttribute("data-count-live", "");
    area.parentNode.insertBefore(count, area.nextSibling);
    count.parentNode.insertBefore(spoken, count.nextSibling);
    var described = (area.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    described.push(count.id);
    area.setAttribute("aria-describedby", described.join(" "));
    var timer = null;
    function message() {
      // Count code points, as the server does (an emoji is one character).
      var left = max - Array.from(area.value).length;
      var template = area.getAttribute(left >= 0 ? "data-count-left" : "data-count-over");
      count.classList.toggle("fh-count--over", left < 0);
      return template.replace("{n}", String(Math.abs(left)));
    }
    count.textContent = message();
    area.addEventListener("input", function () {
      count.textContent = message();
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        if (spoken.textContent !== count.textContent) {
          spoken.textContent = count.textContent;
        }
      }, PAUSE_MS);
    });
  });
})();
