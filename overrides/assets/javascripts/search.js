/* Search on the search page, in the browser. The index of this audience and language
   (data-index) is fetched only when someone searches. A result matches when every word of
   the query starts a word of the page (accents and case do not count); pages whose title
   matches come first. Results are built as text nodes: nothing from the index or the query
   is parsed as HTML. */
(function () {
  "use strict";

  var form = document.querySelector("[data-search]");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var root = form.getAttribute("data-root");
  var entries = null;
  var loading = null;
  var timer = null;

  form.hidden = false;
  var nojs = document.querySelector("[data-search-nojs]");
  if (nojs) { nojs.hidden = true; }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function plain(html) {
    var box = document.createElement("div");
    box.innerHTML = html.replace(/<[^>]*>/g, " ");  /* tags out first: nothing is loaded */
    return box.textContent.replace(/\s+/g, " ").trim();
  }

  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute("data-index"))
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        })
        .then(function (index) {
          var titles = {};
          index.docs.forEach(function (doc) {
            if (doc.location.indexOf("#") < 0) { titles[doc.location] = doc.title; }
          });
          entries = index.docs.map(function (doc) {
            var pagePath = doc.location.split("#")[0];
            var text = plain(doc.text || "");
            var title = plain(doc.title || "");
            return {
              page: pagePath,
              location: doc.location,
              pageTitle: plain(titles[pagePath] || title),
              title: title,
              text: text,
              foldedTitle: " " + fold(title + " " + (titles[pagePath] || "")),
              foldedText: " " + fold(text)
            };
          });
        });
    }
    return loading;
  }

  function words(query) {
    return fold(query).split(/[^a-z0-9]+/).filter(function (word) { return word.length > 1; });
  }

  function count(haystack, word) {
    var found = 0;
    var at = haystack.indexOf(word);
    while (at >= 0 && found < 5) {
      if (!/[a-z0-9]/.test(haystack.charAt(at - 1))) { found += 1; }
      at = haystack.indexOf(word, at + word.length);
    }
    return found;
  }

  function find(query) {
    var terms = words(query);
    if (!terms.length) { return []; }
    var best = {};
    entries.forEach(function (entry) {
      var score = 0;
      for (var i = 0; i < terms.length; i += 1) {
        var inTitle = count(entry.foldedTitle, terms[i]);
        var inText = count(entry.foldedText, terms[i]);
        if (!inTitle && !inText) { return; }
        score += inTitle * 10 + inText;
        /* A page whose own title starts with the word comes first. */
        if (fold(entry.pageTitle).indexOf(terms[i]) === 0) { score += 50; }
      }
      var current = best[entry.page];
      if (!current || score > current.score) { best[entry.page] = { entry: entry, score: score }; }
    });
    return Object.keys(best).map(function (key) { return best[key]; })
      .sort(function (a, b) { return b.score - a.score; })
      .slice(0, 20);
  }

  function snippet(entry, terms) {
    var text = entry.text;
    var folded = fold(text);
    var at = folded.indexOf(terms[0]);
    if (at < 0) { return text.slice(0, 160) + (text.length > 160 ? "…" : ""); }
    var start = Math.max(0, at - 60);
    return (start ? "…" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "…" : "");
  }

  function show(query) {
    var found = find(query);
    var terms = words(query);
    list.textContent = "";
    found.forEach(function (hit) {
      var entry = hit.entry;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + entry.location;
      link.textContent = entry.title && entry.title !== entry.pageTitle
        ? entry.pageTitle + ": " + entry.title
        : entry.pageTitle;
      var text = document.createElement("p");
      text.textContent = snippet(entry, terms);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
    list.hidden = !found.length;
    var key = found.length === 0 ? "data-none" : found.length === 1 ? "data-one" : "data-other";
    status.textContent = form.getAttribute(key)
      .replace("{q}", query.trim()).replace("{n}", String(found.length));
  }

  function search() {
    var query = input.value;
    if (!words(query).length) {
      list.textContent = "";
      list.hidden = true;
      status.textContent = "";
      return;
    }
    if (!entries) { status.textContent = form.getAttribute("data-busy"); }
    load().then(function () {
      if (input.value === query) { show(query); }
    }, function () {
      status.textContent = form.getAttribute("data-failed");
      loading = null;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 300);
  });
})();
