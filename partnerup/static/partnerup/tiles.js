// Want-ad picture tiles: a child taps pictures in order (1st, 2nd, 3rd) and taps one
// again to take it off; the speaker beside each reads its words with the browser's own
// speech. The page's three lists per side are the same form without this script: here
// they become hidden fields that the taps fill, so the server sees one form either way.
(function () {
  "use strict";
  const canSpeak = "speechSynthesis" in window;

  function say(text) {
    window.speechSynthesis.cancel();
    const speech = new SpeechSynthesisUtterance(text);
    speech.lang = document.documentElement.lang === "es" ? "es-ES" : "en-US";
    speech.rate = 0.9;
    window.speechSynthesis.speak(speech);
  }

  function enhance(list) {
    const tiles = list.querySelector(".tiles");
    const fallback = list.querySelector(".pick-fallback");
    if (!tiles || !fallback) return;
    const selects = Array.from(fallback.querySelectorAll("select"));
    const picks = Array.from(tiles.querySelectorAll(".tile-pick"));
    const known = new Set(picks.map((button) => button.dataset.key));
    let order = [];
    selects.forEach((select) => {
      if (known.has(select.value) && !order.includes(select.value)) order.push(select.value);
    });
    const fields = selects.map((select) => {
      const field = document.createElement("input");
      field.type = "hidden";
      field.name = select.name;
      return field;
    });
    fallback.replaceWith(...fields);
    tiles.hidden = false;
    const badges = tiles.dataset.badges.split("|");
    const full = tiles.querySelector(".tiles-full");

    function show() {
      fields.forEach((field, i) => { field.value = order[i] || ""; });
      picks.forEach((button) => {
        const place = order.indexOf(button.dataset.key);
        button.setAttribute("aria-pressed", place >= 0 ? "true" : "false");
        button.querySelector(".tile-rank").textContent = place >= 0 ? badges[place] : "";
        button.closest(".tile").classList.toggle("picked", place >= 0);
      });
    }

    tiles.addEventListener("click", (event) => {
      const speaker = event.target.closest(".tile-say");
      if (speaker) { say(speaker.dataset.say); return; }
      const pick = event.target.closest(".tile-pick");
      if (!pick) return;
      const key = pick.dataset.key;
      full.textContent = "";
      if (order.includes(key)) {
        order = order.filter((picked) => picked !== key);
      } else if (order.length < fields.length) {
        order.push(key);
      } else {
        full.textContent = full.dataset.message;
        return;
      }
      show();
    });
    if (!canSpeak) tiles.querySelectorAll(".tile-say").forEach((b) => { b.hidden = true; });
    show();
  }

  document.querySelectorAll(".pick-list").forEach(enhance);
})();
