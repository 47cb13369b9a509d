/* Filters on the organisation pages, as an extra: without JavaScript the filter links
   lead to static pages. With it, two menus hide the cards that do not match, on the
   page itself, and a status line says how many remain. The menus sit in a search
   landmark, not a form: nothing is sent, so there is no button that would do nothing. */
(function () {
  "use strict";
  var slot = document.querySelector("[data-org-js-filter]");
  if (!slot) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-organisatie]"));
  var dimensions = slot.getAttribute("data-org-js-filter").split(" ");
  // The words come from the slot, in the page's language (partials/organisation-script-slot.html).
  var words = slot.dataset;
  var labels = { voor: words.labelVoor, themas: words.labelThemas };
  var search = document.createElement("div");
  search.setAttribute("role", "search");
  search.setAttribute("aria-label", words.formLabel);
  var selects = {};

  dimensions.forEach(function (dimension) {
    var links = document.querySelectorAll('[data-org-filter="' + dimension + '"] a[data-waarde]');
    if (!links.length) { return; }
    var wrapper = document.createElement("div");
    var label = document.createElement("label");
    var select = document.createElement("select");
    select.id = "org-js-" + dimension;
    label.htmlFor = select.id;
    label.textContent = labels[dimension];
    select.appendChild(new Option(words.all, ""));
    Array.prototype.forEach.call(links, function (link) {
      select.appendChild(new Option(link.textContent, link.getAttribute("data-waarde")));
    });
    select.addEventListener("change", apply);
    selects[dimension] = select;
    wrapper.appendChild(label);
    wrapper.appendChild(select);
    search.appendChild(wrapper);
  });

  var status = document.createElement("p");
  status.setAttribute("role", "status");
  slot.appendChild(search);
  slot.appendChild(status);
  slot.hidden = false;

  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      var match = Object.keys(selects).every(function (dimension) {
        var wanted = selects[dimension].value;
        return !wanted || card.getAttribute("data-" + dimension).split(" ").indexOf(wanted) !== -1;
      });
      card.hidden = !match;
      if (match) { shown += 1; }
    });
    status.textContent = words.status
      .replace("{shown}", String(shown))
      .replace("{total}", String(cards.length));
  }
})();
