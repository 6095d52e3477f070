// Progressive enhancement: show only the fields for the country chosen (no US state field for a
// doctor in the UK). Without JavaScript the page shows the fields for the country it was loaded
// with, and the server ignores fields that do not apply to the country sent.
(function () {
  "use strict";
  var country = document.getElementById("f-jurisdiction");
  if (!country) { return; }
  function show() {
    var parts = document.querySelectorAll("[data-countries]");
    for (var i = 0; i < parts.length; i++) {
      var list = parts[i].getAttribute("data-countries").split(" ");
      parts[i].hidden = list.indexOf(country.value) < 0;
    }
  }
  country.addEventListener("change", show);
  show();
})();
