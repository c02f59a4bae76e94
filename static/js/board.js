// Display board: polls the boards feed, shows calls per counter and announces each new
// call once (a chime, then Indonesian speech). Runs all day: bounded lists, one timer
// chain, and backoff while the network or the server is down.
(function () {
  "use strict";
  var root = document.querySelector(".board-root");
  if (!root) { return; }
  var FEED = root.dataset.feedUrl;
  var COUNTER = root.dataset.counterLabel + " ";
  var POLL_MS = 1500;
  var MAX_BACKOFF_MS = 30000;
  var MAX_PENDING = 6;
  var RECENT_SHOWN = 8;
  var SPEECH_TIMEOUT_MS = 12000;

  var lastSeen = null;
  var delay = POLL_MS;
  var pending = [];
  var speaking = false;
  var audio = null;

  function $(selector) { return root.querySelector(selector); }

  function item(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function tickClock() {
    $("[data-clock]").textContent = new Date().toLocaleTimeString("id-ID", {
      timeZone: "Asia/Makassar", hour: "2-digit", minute: "2-digit"
    });
  }

  function chime() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var start = audio.currentTime;
      [659.25, 523.25].forEach(function (frequency, index) {
        var oscillator = audio.createOscillator();
        var gain = audio.createGain();
        oscillator.type = "sine";
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + index * 0.45);
        gain.gain.exponentialRampToValueAtTime(0.4, start + index * 0.45 + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.45 + 0.4);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(start + index * 0.45);
        oscillator.stop(start + index * 0.45 + 0.42);
      });
    } catch (error) {
      // No audio device: the call is still shown on screen.
    }
  }

  function indonesianVoice() {
    var voices = window.speechSynthesis ? window.speechSynthesis.getVoices() : [];
    for (var i = 0; i < voices.length; i += 1) {
      if (voices[i].lang && voices[i].lang.replace("_", "-").toLowerCase().indexOf("id") === 0) {
        return voices[i];
      }
    }
    return null;
  }

  function speakNext() {
    if (speaking || pending.length === 0) { return; }
    speaking = true;
    var call = pending.shift();
    var finished = false;
    function done() {
      if (finished) { return; }
      finished = true;
      speaking = false;
      window.setTimeout(speakNext, 400);
    }
    chime();
    window.setTimeout(function () {
      if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) { done(); return; }
      var utterance = new window.SpeechSynthesisUtterance(call.speech);
      utterance.lang = "id-ID";
      utterance.rate = 0.9;
      var voice = indonesianVoice();
      if (voice) { utterance.voice = voice; }
      utterance.onend = done;
      utterance.onerror = done;
      window.speechSynthesis.speak(utterance);
      // Some engines never fire onend: don't let one lost event silence the board.
      window.setTimeout(done, SPEECH_TIMEOUT_MS);
    }, 900);
  }

  function announce(call) {
    pending.push(call);
    while (pending.length > MAX_PENDING) { pending.shift(); }
    speakNext();
  }

  function showLatest(call) {
    var box = $("[data-latest]");
    $("[data-latest-number]").textContent = call ? call.number : "—";
    $("[data-latest-counter]").textContent = call ? COUNTER + call.counter + (call.counter_name ? " · " + call.counter_name : "") : "";
    box.classList.remove("flash");
    if (call) {
      void box.offsetWidth;
      box.classList.add("flash");
    }
  }

  function render(data) {
    var counters = data.counters.map(function (entry) {
      var li = item("li", "board-counter board-" + entry.status);
      li.appendChild(item("span", "board-counter-number", COUNTER + entry.counter));
      li.appendChild(item("span", "board-counter-ticket", entry.number));
      li.appendChild(item("span", "board-counter-agency", entry.agency));
      return li;
    });
    $("[data-counters]").replaceChildren.apply($("[data-counters]"), counters);
    var recent = data.recent_calls.slice(0, RECENT_SHOWN).map(function (call) {
      var li = item("li", "board-recent-item");
      li.appendChild(item("span", "board-recent-number", call.number));
      li.appendChild(item("span", "board-recent-counter", COUNTER + call.counter));
      li.appendChild(item("span", "board-recent-time", call.at));
      return li;
    });
    $("[data-recent]").replaceChildren.apply($("[data-recent]"), recent);
    var waiting = data.waiting.map(function (entry) {
      var li = item("li", "board-waiting-item");
      li.appendChild(item("span", "board-waiting-agency", entry.agency));
      li.appendChild(item("span", "board-waiting-count", String(entry.waiting)));
      return li;
    });
    $("[data-waiting]").replaceChildren.apply($("[data-waiting]"), waiting);
    var ticker = $("[data-ticker]");
    if (ticker.textContent !== data.running_text) { ticker.textContent = data.running_text; }
  }

  function handle(data) {
    render(data);
    if (lastSeen === null) {
      // First answer after (re)loading: show the state, announce nothing old.
      lastSeen = data.recent_calls.length ? data.recent_calls[0].id : 0;
      showLatest(data.recent_calls[0]);
      return;
    }
    data.new_calls.forEach(function (call) {
      if (call.id > lastSeen) {
        lastSeen = call.id;
        showLatest(call);
        announce(call);
      }
    });
  }

  function poll() {
    var url = FEED + "?after=" + (lastSeen || 0);
    fetch(url, { cache: "no-cache", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) {
        handle(data);
        delay = POLL_MS;
        $("[data-offline]").hidden = true;
      })
      .catch(function () {
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
        $("[data-offline]").hidden = false;
      })
      .then(function () { window.setTimeout(poll, delay); });
  }

  $("[data-enable-sound]").addEventListener("click", function (event) {
    // Browsers start audio only after a gesture; a TV kiosk can also allow autoplay.
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    audio.resume();
    if (window.speechSynthesis) { window.speechSynthesis.getVoices(); }
    event.currentTarget.hidden = true;
  });
  tickClock();
  window.setInterval(tickClock, 1000);
  poll();
})();
