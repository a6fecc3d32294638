/* Filters of the materials catalogue (materiales/): type, topic, country and language.
 * - Without JavaScript the form stays hidden and every material is listed, grouped by type.
 * - With it, the form is shown; each change hides the cards that do not match (a material
 *   meant for every country matches any country), hides the groups left empty, and tells
 *   how many are shown in a polite live region, which screen readers announce.
 * - The choices are kept in the address (?type=poster&country=ar), so a filtered list can
 *   be shared, and a country profile can link to its materials.
 * No library, no request to any other site. Does nothing on pages without the form.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-rt-filters]");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-rt-material]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-rt-group]"));
  var status = form.querySelector("[data-rt-filter-status]");
  var empty = document.querySelector("[data-rt-filter-empty]");
  var clear = form.querySelector("[data-rt-filter-clear]");
  var names = ["type", "topic", "country", "language"];
  var selects = names.map(function (name) { return form.elements[name]; });

  function words(element, attribute) {
    return (element.getAttribute(attribute) || "").split(/\s+/).filter(Boolean);
  }

  function matches(card, chosen) {
    if (chosen.type && card.getAttribute("data-type") !== chosen.type) return false;
    if (chosen.topic && words(card, "data-topics").indexOf(chosen.topic) < 0) return false;
    if (chosen.country) {
      var countries = words(card, "data-countries");
      if (countries.indexOf("all") < 0 && countries.indexOf(chosen.country) < 0) return false;
    }
    if (chosen.language && words(card, "data-languages").indexOf(chosen.language) < 0) return false;
    return true;
  }

  function remember(chosen) {
    var query = names.filter(function (name) { return chosen[name]; })
      .map(function (name) { return name + "=" + encodeURIComponent(chosen[name]); }).join("&");
    try {
      window.history.replaceState(null, "", (query ? "?" + query : window.location.pathname) + window.location.hash);
    } catch (error) { /* file:// pages may refuse: the filter still works */ }
  }

  function apply() {
    var chosen = {};
    selects.forEach(function (select) { chosen[select.name] = select.value; });
    var shown = 0;
    cards.forEach(function (card) {
      var visible = matches(card, chosen);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    groups.forEach(function (group) {
      var visible = !!group.querySelector("[data-rt-material]:not([hidden])");
      group.hidden = !visible;
      var heading = document.getElementById(group.getAttribute("data-rt-heading"));
      if (heading) heading.hidden = !visible;
    });
    if (empty) empty.hidden = shown > 0;
    if (status) {
      status.textContent = status.getAttribute("data-template")
        .replace("{shown}", String(shown)).replace("{total}", String(cards.length));
    }
    remember(chosen);
  }

  // Choices from the address, when they are among the options.
  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (select) {
    var wanted = params.get(select.name);
    if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
      select.value = wanted;
    }
  });

  selects.forEach(function (select) { select.addEventListener("change", apply); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  clear.addEventListener("click", function () {
    selects.forEach(function (select) { select.value = ""; });
    apply();
  });
  form.hidden = false;
  apply();
})();
