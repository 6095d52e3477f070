// Progressive enhancement: keep the lookup status line up to date without reloading the page.
// Without JavaScript the line shows the status as of the page load, and nothing else changes.
(function () {
  "use strict";
  var box = document.getElementById("lookup-status");
  if (!box || !window.fetch) { return; }
  function refresh() {
    fetch("/status.json", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        box.textContent = data.line;
        if (data.running) { window.setTimeout(refresh, 2000); }
      })
      .catch(function () { /* the server stopped: leave the last line */ });
  }
  window.setTimeout(refresh, 2000);
})();
