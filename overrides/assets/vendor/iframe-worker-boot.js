/*! iframe-worker 1.0.4 (shim) — MIT License, Copyright (c) 2020-2022 Martin Donath.
 * The part of iframe-worker-shim.js that runs inside the worker's iframe, as a file rather
 * than an inline script (see there): the globals a worker script expects, defined in the
 * iframe's own window so that `parent` is the page that started the worker. */
"use strict";
(function () {
  var boot = document.currentScript;
  var worker = boot.getAttribute("data-worker");
  // Material's search worker finds its own address as the first script[src] of the
  // iframe, which must then be the worker's, not this one.
  boot.remove();
  self.postMessage = function (message, origin) {
    parent.postMessage(message, origin || "*");
  };
  self.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (loaded, url) {
      return loaded.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
  });
})();
