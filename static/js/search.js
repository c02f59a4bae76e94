// Search forms that htmx submits as one types and on Enter: each query is fetched once.
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
  // Typing, a pause and Enter (or Enter and the field's change) ask for the same results.
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
