// Kiosk: print the slip once on the kiosk PC, reprint on demand, go back to the start.
(function () {
  "use strict";
  var RETURN_AFTER_MS = 30000;
  var slip = document.querySelector(".queue-slip");
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  if (!slip) { return; }
  if (slip.dataset.autoprint === "1") {
    window.addEventListener("load", function () { window.print(); });
    window.setTimeout(function () { window.location.assign(slip.dataset.returnUrl); }, RETURN_AFTER_MS);
  }
})();
