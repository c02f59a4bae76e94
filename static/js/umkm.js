// Share box of a product page: copy the link, or use the phone's own share sheet.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const input = document.getElementById(button.dataset.copyTarget);
  if (navigator.share) {
    try {
      await navigator.share({ title: document.title, url: input.value });
      return;
    } catch (error) {
      if (error.name === "AbortError") return;
    }
  }
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
    button.textContent = button.dataset.copiedLabel;
  } catch (error) {
    document.execCommand("copy");
  }
});
