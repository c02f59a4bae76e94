// Exit survey station: read the slip's QR with the tablet's camera where the browser has a
// QR reader (BarcodeDetector); the typed number works everywhere, without this script.
(function () {
  "use strict";
  var SCAN_EVERY_MS = 250;
  var scanner = document.querySelector("[data-scanner]");
  var form = document.querySelector("[data-entry-form]");
  if (!scanner || !form || !("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
  var video = scanner.querySelector("[data-scan-video]");
  var status = scanner.querySelector("[data-scan-status]");
  var button = scanner.querySelector("[data-scan-start]");
  var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
  var stream = null;

  function stop() {
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
    stream = null;
  }

  function found(text) {
    stop();
    form.elements.entry.value = text;
    status.textContent = scanner.dataset.found || "";
    form.submit();
  }

  function scan() {
    if (!stream) { return; }
    detector.detect(video).then(function (codes) {
      if (codes.length) { found(codes[0].rawValue); } else { window.setTimeout(scan, SCAN_EVERY_MS); }
    }).catch(function () { window.setTimeout(scan, SCAN_EVERY_MS); });
  }

  button.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (media) {
      stream = media;
      video.srcObject = media;
      video.hidden = false;
      status.textContent = scanner.dataset.aim || "";
      return video.play();
    }).then(scan).catch(function () {
      stop();
      video.hidden = true;
      status.textContent = scanner.dataset.noCamera || "";
    });
  });
  window.addEventListener("pagehide", stop);
  scanner.hidden = false;
})();
