// A print button of a page made for paper: the browser's own print dialog, on the page's
// print stylesheet.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
