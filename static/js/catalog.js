// Service page actions: print the requirements checklist and share the page's link.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details").forEach((details) => {
    details.open = true;
  });
});
document.addEventListener("click", (event) => {
  const printButton = event.target.closest("[data-catalog-print]");
  if (printButton) {
    window.print();
    return;
  }
  const shareButton = event.target.closest("[data-catalog-share]");
  if (!shareButton) return;
  const { url, title, copied } = shareButton.dataset;
  const status = document.querySelector("[data-catalog-share-status]");
  if (navigator.share) {
    navigator.share({ title, url }).catch(() => {});
  } else if (navigator.clipboard) {
    navigator.clipboard.writeText(url).then(() => {
      if (status) status.textContent = copied;
      shareButton.textContent = copied;
    });
  }
});
