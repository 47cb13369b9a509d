// Progressive enhancement of the forms; everything works without this script.
// - the error summary takes focus (autofocus does it too in most browsers);
// - a link in the summary focuses its field and shows its label (GOV.UK pattern);
// - long texts get a live counter of the characters left.
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

  var areas = document.querySelectorAll("textarea[data-maxlength]");
  Array.prototype.forEach.call(areas, function (area) {
    var max = parseInt(area.getAttribute("data-maxlength"), 10);
    var count = document.createElement("div");
    count.className = "fh-count";
    count.id = area.id + "-count";
    count.setAttribute("aria-live", "polite");
    area.parentNode.insertBefore(count, area.nextSibling);
    var timer = null;
    function update() {
      // Count code points, as the server does (an emoji is one character).
      var left = max - Array.from(area.value).length;
      var template = area.getAttribute(left >= 0 ? "data-count-left" : "data-count-over");
      count.textContent = template.replace("{n}", String(Math.abs(left)));
      count.classList.toggle("fh-count--over", left < 0);
    }
    update();
    area.addEventListener("input", function () {
      // Wait for a pause in typing, so a screen reader is not told after every key.
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 400);
    });
  });
})();
