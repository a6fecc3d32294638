/* Lazy search: the search index and its worker are downloaded only when the reader
 * opens search, not on every first visit (readers often pay for every megabyte).
 *
 * Material starts its search worker and fetches the index as soon as a page loads.
 * This script, loaded before Material's bundle, hands it a stand-in worker and a
 * pending index request; both become real the first time search is opened (click or
 * tap on the search field, or Material's keyboard shortcuts / s f).
 */
(function () {
  "use strict";
  // Read from files on disk (the offline bundle) nothing is downloaded, and Material
  // needs its own file:// worker shim: leave search as it is.
  if (location.protocol === "file:") return;
  var opened = false;
  var waiting = [];

  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  function whenOpened(go) { if (opened) go(); else waiting.push(go); }

  var realFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : (input && input.url) || "";
    if (!/search\/search_index\.json(\?|$)/.test(url)) return realFetch(input, init);
    return new Promise(function (resolve, reject) {
      whenOpened(function () { realFetch(input, init).then(resolve, reject); });
    });
  };

  // Material requests the index with XMLHttpRequest: hold its send() until search opens.
  var realOpen = XMLHttpRequest.prototype.open;
  var realSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__rtSearchIndex = /search\/search_index\.json(\?|$)/.test(String(url));
    return realOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function (body) {
    var request = this;
    if (!request.__rtSearchIndex) return realSend.call(request, body);
    whenOpened(function () { realSend.call(request, body); });
  };

  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    var self = this, real = null, queue = [], listeners = [];
    this.onmessage = null;
    this.onerror = null;
    this.postMessage = function (message) { if (real) real.postMessage(message); else queue.push(message); };
    this.addEventListener = function (type, fn, opts) {
      listeners.push([type, fn, opts]);
      if (real) real.addEventListener(type, fn, opts);
    };
    this.removeEventListener = function (type, fn, opts) {
      listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
      if (real) real.removeEventListener(type, fn, opts);
    };
    this.terminate = function () { if (real) real.terminate(); };
    whenOpened(function () {
      real = new RealWorker(url, options);
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      real.onmessage = function (event) { if (self.onmessage) self.onmessage(event); };
      real.onerror = function (event) { if (self.onerror) self.onerror(event); };
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    });
  }
  window.Worker = LazyWorker;

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) open();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) open();
  });
  document.addEventListener("keydown", function (event) {
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (!typing && /^[/sf]$/.test(event.key)) open();
  }, true);
})();
