// Display board: polls the boards feed, shows calls per counter and announces each new
// call once (a chime, then the Indonesian words as audio clips). Runs all day: bounded
// lists, one timer chain, and backoff while the network or the server is down.
(function () {
  "use strict";
  var root = document.querySelector(".board-root");
  if (!root) { return; }
  var FEED = root.dataset.feedUrl;
  var COUNTER = root.dataset.counterLabel + " ";
  var POLL_MS = 1500;
  var MAX_BACKOFF_MS = 30000;
  var AUTOPLAY_CHECK_MS = 1000;
  var MAX_PENDING = 6;
  var RECENT_SHOWN = 8;
  var SPEECH_TIMEOUT_MS = 12000;
  var SOUND_KEY = "mpp-board-sound";
  var CHIME = root.dataset.chimeUrl;
  // The board speaks with the clips the server made; the browser's own speech synthesis only
  // when the address asks for it (?suara=sintesis), as it needs an Indonesian voice installed.
  var SYNTHESIS = new URLSearchParams(window.location.search).get("suara") === "sintesis";

  var lastSeen = null;
  var delay = POLL_MS;
  var pending = [];
  var speaking = false;
  var clips = {};

  function $(selector) { return root.querySelector(selector); }
  var soundButton = $("[data-enable-sound]");

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

  function clip(url) {
    // One element per clip, kept for the day: about forty small files in all.
    if (!clips[url]) {
      clips[url] = new Audio(url);
      clips[url].preload = "auto";
    }
    return clips[url];
  }

  function soundBlocked() {
    soundButton.hidden = false;
  }

  function playClips(urls, done) {
    if (urls.length === 0) { done(); return; }
    var element = clip(urls[0]);
    var next = function () {
      element.onended = element.onerror = null;
      playClips(urls.slice(1), done);
    };
    element.onended = next;
    element.onerror = next;
    element.currentTime = 0;
    var playing = element.play();
    if (playing && playing.catch) {
      playing.catch(function (error) {
        // A clip that fails to load moves on through its error event; a browser that
        // refuses sound ends the whole call here.
        if (!error || error.name !== "NotAllowedError") { return; }
        element.onended = element.onerror = null;
        soundBlocked();
        done();
      });
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

  function speak(text, done) {
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) { done(); return; }
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = "id-ID";
    utterance.rate = 0.9;
    var voice = indonesianVoice();
    if (voice) { utterance.voice = voice; }
    utterance.onend = done;
    utterance.onerror = done;
    window.speechSynthesis.speak(utterance);
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
    // A lost "ended" event must not silence the board for the rest of the day.
    window.setTimeout(done, SPEECH_TIMEOUT_MS);
    if (SYNTHESIS || call.clips.length === 0) {
      playClips(CHIME ? [CHIME] : [], function () { speak(call.speech, done); });
    } else {
      playClips(call.clips, done);
    }
  }

  function announce(call) {
    // Fetch the call's clips now, so that they follow each other without gaps.
    if (!SYNTHESIS) { call.clips.forEach(clip); }
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

  function enableSound() {
    // A gesture lets this page play sound until it reloads; the choice is kept so that the
    // next load asks for nothing more than a key press on the TV's remote.
    window.localStorage.setItem(SOUND_KEY, "on");
    soundButton.hidden = true;
    if (window.speechSynthesis) { window.speechSynthesis.getVoices(); }
    clip(CHIME);
  }

  function checkAutoplay() {
    // An audio context starts running only where the browser lets pages play sound without
    // a gesture (a kiosk started with --autoplay-policy=no-user-gesture-required).
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    var context = new Context();
    var allowed = false;
    context.resume().then(function () { allowed = true; context.close(); }, function () {});
    window.setTimeout(function () {
      if (allowed) { return; }
      context.close();
      soundBlocked();
      if (window.localStorage.getItem(SOUND_KEY) === "on") {
        document.addEventListener("keydown", enableSound, { once: true });
      }
    }, AUTOPLAY_CHECK_MS);
  }

  soundButton.addEventListener("click", enableSound);
  checkAutoplay();
  tickClock();
  window.setInterval(tickClock, 1000);
  poll();
})();
