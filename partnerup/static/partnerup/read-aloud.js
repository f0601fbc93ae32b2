// "Read to me": the browser's own speech reads the page's words (no outside service).
(function () {
  "use strict";
  const button = document.querySelector(".kid-read");
  if (!button) return;
  if (!("speechSynthesis" in window)) { button.hidden = true; return; }
  button.addEventListener("click", () => {
    window.speechSynthesis.cancel();
    const main = document.querySelector(".kid-main");
    const parts = main.querySelectorAll("h1, h2, h3, p, label, li, option:checked, button");
    const text = Array.from(parts, (el) => el.textContent.trim()).filter(Boolean).join(". ");
    const speech = new SpeechSynthesisUtterance(text);
    speech.lang = document.documentElement.lang === "es" ? "es-ES" : "en-US";
    speech.rate = 0.9;
    window.speechSynthesis.speak(speech);
  });
})();
