// Ticket page: polls with the status's ETag (an unchanged queue answers 304 and nothing is
// swapped), and tells the citizen by vibration, page title and notification when their
// number is near or called.
(() => {
  const STATUS = "#status-tiket";
  const VIBRATION = { called: [400, 150, 400, 150, 800], soon: [300, 150, 300] };
  const clock = new Intl.DateTimeFormat("id-ID", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Makassar",
  });
  const current = () => document.querySelector(STATUS);
  let lastAlert = current()?.dataset.alert || "";

  function notify(text) {
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    try {
      new Notification(text, { tag: "tiket-antrian", renotify: true });
    } catch {
      // Some phone browsers only notify through a service worker: vibration and title remain.
    }
  }

  function alertCitizen(section) {
    document.title = section.dataset.title;
    const alert = section.dataset.alert || "";
    if (alert && alert !== lastAlert) {
      if (navigator.vibrate) navigator.vibrate(VIBRATION[alert]);
      notify(section.dataset.title);
    }
    lastAlert = alert;
  }

  document.body.addEventListener("htmx:configRequest", (event) => {
    const section = current();
    if (section?.dataset.etag && event.detail.elt === section) {
      event.detail.headers["If-None-Match"] = section.dataset.etag;
    }
  });
  document.body.addEventListener("htmx:beforeSwap", (event) => {
    if (event.detail.xhr.status === 304) event.detail.shouldSwap = false;
  });
  document.body.addEventListener("htmx:afterRequest", () => {
    const checked = current()?.querySelector("[data-ticket-checked]");
    if (checked) checked.textContent = clock.format(new Date());
  });
  document.body.addEventListener("htmx:afterSettle", () => {
    const section = current();
    if (section) alertCitizen(section);
  });

  const button = document.querySelector("[data-ticket-notify]");
  const enabled = document.querySelector("[data-ticket-notify-on]");
  if (button && "Notification" in window && Notification.permission === "default") {
    button.hidden = false;
    button.addEventListener("click", () => {
      // Asked only now, after a tap, as browsers require; the tap also lets the page vibrate.
      Notification.requestPermission().then((permission) => {
        button.hidden = true;
        if (enabled && permission === "granted") enabled.hidden = false;
      });
    });
  } else if (enabled && "Notification" in window && Notification.permission === "granted") {
    enabled.hidden = false;
  }
})();
