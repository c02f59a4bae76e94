// Catalog: the search is fetched once per query; the service page prints its requirements
// checklist and shares its link.
const lastQuery = new WeakMap();
const queryOf = (form) => new URLSearchParams(new FormData(form)).toString();
document.querySelectorAll("[data-search-once]").forEach((form) => {
  lastQuery.set(form, queryOf(form));
  // The phone's keyboard would cover the results it was typed for.
  form.addEventListener("submit", () => document.activeElement?.blur());
});
document.addEventListener("htmx:confirm", (event) => {
  const form = event.target.closest("[data-search-once]");
  if (!form) return;
  // Typing, a pause and Enter ask for the same results twice.
  const query = queryOf(form);
  if (query === lastQuery.get(form)) {
    event.preventDefault();
    return;
  }
  lastQuery.set(form, query);
});
["htmx:sendError", "htmx:responseError"].forEach((name) => {
  document.addEventListener(name, (event) => {
    const form = event.target.closest("[data-search-once]");
    if (form) lastQuery.delete(form);
  });
});
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
