/* Quick exit: leave the site at once, leaving as little behind in the tab as a page can.
 *
 * - The control is moved to the very start of the page: the first thing a keyboard reaches.
 * - A click on it, or Shift pressed three times (as GOV.UK's "Exit this page"), blanks the
 *   page at once and replaces it with the neutral site. Escape is left alone: it stops page
 *   loads and closes search, and a reader presses it for those.
 * - Every link to another page of this site replaces the current entry of the tab's history
 *   instead of adding one, so a whole visit holds a single entry and the exit replaces that
 *   one: after it, neither Back nor Forward reaches a page of the site. (location.replace
 *   removes only the current entry; pages pushed earlier would stay reachable.)
 * - If the page is ever shown again from the back-forward cache after an exit, it is
 *   blanked again and leaves again.
 * Without JavaScript the control is an ordinary link to the same neutral site.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-rt-quick-exit]");
  if (!box) return;
  var exit = box.querySelector("[data-rt-quick-exit-link]");
  var banner = box.closest("[data-md-component=announce]") || box;
  document.body.insertBefore(banner, document.body.firstChild);

  var leaving = false;

  function blank() {
    document.title = "";
    document.body.style.display = "none";
  }

  function leave(event) {
    if (event) event.preventDefault();
    leaving = true;
    blank();
    window.location.replace(exit.href);
  }

  exit.addEventListener("click", leave);

  window.addEventListener("pageshow", function (event) {
    if (leaving && event.persisted) leave();
  });

  // Shift three times, each within 5 seconds of the one before; a Shift used to type a
  // capital letter does not count, and any other key starts the count again.
  var shifts = 0, shiftTimer = null, lastKeyWasModified = false;
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !lastKeyWasModified) {
      shifts += 1;
      window.clearTimeout(shiftTimer);
      if (shifts >= 3) {
        shifts = 0;
        leave();
      } else {
        shiftTimer = window.setTimeout(function () { shifts = 0; }, 5000);
      }
    } else {
      shifts = 0;
    }
    lastKeyWasModified = event.shiftKey;
  }, true);

  function sameSite(url) {
    return url.protocol === location.protocol && url.host === location.host;
  }

  // Links inside the site (Material's search results and language switcher are plain
  // links too) replace the current history entry. Left to the browser: clicks that open a
  // new tab or window (modifier keys), downloads, links with a target, other sites.
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link === exit) return;
    if (link.hasAttribute("download")) return;
    var target = link.getAttribute("target");
    if (target && target !== "_self") return;
    var url;
    try {
      url = new URL(link.getAttribute("href"), document.baseURI);  // SVG links too
    } catch (error) {
      return;
    }
    if (!sameSite(url) || !/^(https?|file):$/.test(url.protocol)) return;
    // Also an in-page "#" link: replacing keeps its scroll, :target and focus, but adds
    // no entry that Back could return to after an exit.
    event.preventDefault();
    window.location.replace(url.href);
  });
})();
