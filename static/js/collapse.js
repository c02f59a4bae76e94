/* Show and hide the blocks that a [data-bs-toggle="collapse"] button controls (the menu on
   a phone, the showcase's filters): the one behaviour of Bootstrap's script that pages use,
   without its 80 KB. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest('[data-bs-toggle="collapse"]');
    if (!button) { return; }
    var target = document.querySelector(button.getAttribute("data-bs-target"));
    if (!target) { return; }
    var open = target.classList.toggle("show");
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.classList.toggle("collapsed", !open);
  });
}());
