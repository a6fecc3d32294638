/* Quick exit: leave the site at once, leaving as little behind as a page can.
 * - The control is moved to the very start of the page, so it is the first thing a
 *   keyboard reaches.
 * - A click, or Escape pressed twice within a second, blanks the page and replaces it
 *   with the neutral site: the replaced page is not in the history, so Back does not
 *   return to it.
 * Without JavaScript the control is an ordinary link to the same neutral site.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-rt-quick-exit]");
  if (!box) return;
  var link = box.querySelector("[data-rt-quick-exit-link]");
  var banner = box.closest("[data-md-component=announce]") || box;
  document.body.insertBefore(banner, document.body.firstChild);

  function leave(event) {
    if (event) event.preventDefault();
    var target = link.href;
    document.title = "";
    document.body.style.display = "none";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 1000) leave(event);
    lastEscape = now;
  });
})();
