// Progressive enhancement of the forms; everything works without this script.
// - the error summary takes focus (autofocus does it too in most browsers);
// - a link in the summary focuses its field and shows its label (GOV.UK pattern);
// - long texts get a counter of the characters left, spoken after a pause in typing;
// - a field asked only for one way of answering shows once that way is chosen.
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

  // Conditional reveal, as GOV.UK's radios: without this script every field shows, each
  // label saying which answer it is for. With it, the e-mail, phone and code word fields
  // show only under their own choice, and are required there when the server requires them.
  var groups = document.querySelectorAll("[data-needed-for]");
  var choices = document.querySelectorAll("input[type=radio][name=antwoord_via]");
  if (groups.length && choices.length) {
    Array.prototype.forEach.call(choices, function (choice) {
      var controlled = Array.prototype.filter.call(groups, function (group) {
        return group.getAttribute("data-needed-for") === choice.value;
      });
      if (controlled.length) {
        choice.setAttribute(
          "aria-controls",
          controlled.map(function (group) { return group.id; }).join(" ")
        );
      }
      choice.addEventListener("change", reveal);
    });
    reveal();
  }
  function reveal() {
    var chosen = document.querySelector("input[type=radio][name=antwoord_via]:checked");
    Array.prototype.forEach.call(groups, function (group) {
      var shown = chosen !== null && group.getAttribute("data-needed-for") === chosen.value;
      group.hidden = !shown;
      var field = group.querySelector("input, textarea");
      if (field) {
        field.required = shown && group.hasAttribute("data-required-when-shown");
      }
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
