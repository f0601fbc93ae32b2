// The planning board: drag a name onto a name (swap) or onto a partnership (move).
// Chips carry the student's id in data-student; that id is what every move sends.
// Without a mouse (keyboard, tablet): choose a name, then a name or "Move here".
// Every change is one htmx request that answers with the re-scored board.
(function () {
  "use strict";
  let picked = null;

  function board() { return document.getElementById("board"); }

  // The students the teacher saw on the target card: a board changed meanwhile (another
  // device) answers with the board as it is now instead of moving to another card.
  function withMembers(values, inside) {
    const card = inside.closest("[data-members]");
    return card ? { ...values, members: card.dataset.members } : values;
  }

  function send(values) {
    const el = board();
    htmx.ajax("POST", el.dataset.moveUrl, { target: "#board", swap: "outerHTML", values: values });
  }

  // A chip's data-student is the student's id; the name is the chip's own text (not
  // its partner letter or its "leads next" star).
  function nameOf(chip) {
    return Array.from(chip.childNodes)
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join("")
      .trim();
  }

  function pick(chip) {
    unpick();
    picked = chip.dataset.student;
    chip.setAttribute("aria-pressed", "true");
    board().classList.add("picking");
    say(`${nameOf(chip)} chosen: now choose a classmate to swap with, or "Move here". Esc cancels.`);
  }

  function say(text) {
    const hint = board().querySelector(".pick-hint");
    if (hint) hint.textContent = text;
  }

  function unpick() {
    picked = null;
    const el = board();
    if (!el) return;
    el.classList.remove("picking");
    say("");
    el.querySelectorAll(".chip[aria-pressed]").forEach((c) => c.removeAttribute("aria-pressed"));
  }

  document.addEventListener("click", (event) => {
    const chip = event.target.closest("button.chip");
    const here = event.target.closest(".move-here");
    if (chip && board().contains(chip)) {
      if (!picked) return pick(chip);
      const other = chip.dataset.student;
      const first = picked;
      unpick();
      if (other !== first) send({ student: first, with: other });
    } else if (here && picked) {
      const first = picked;
      unpick();
      send(withMembers({ student: first, to: here.dataset.to }, here));
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") unpick();
  });

  document.addEventListener("dragstart", (event) => {
    const chip = event.target.closest && event.target.closest("button.chip");
    if (!chip) return;
    event.dataTransfer.setData("text/plain", chip.dataset.student);
    event.dataTransfer.effectAllowed = "move";
  });

  function dropZone(target) {
    return target.closest && target.closest("#board [data-card], #board button.chip");
  }

  document.addEventListener("dragover", (event) => {
    const zone = dropZone(event.target);
    if (!zone) return;
    event.preventDefault();
    document.querySelectorAll(".drop-target").forEach((z) => z.classList.remove("drop-target"));
    zone.closest("[data-card]").classList.add("drop-target");
  });

  document.addEventListener("drop", (event) => {
    const zone = dropZone(event.target);
    if (!zone) return;
    event.preventDefault();
    const student = event.dataTransfer.getData("text/plain");
    const chip = event.target.closest("button.chip");
    if (chip && chip.dataset.student !== student) {
      send({ student: student, with: chip.dataset.student });
    } else if (!chip) {
      send(withMembers({ student: student, to: zone.closest("[data-card]").dataset.card }, zone));
    }
  });

  document.addEventListener("dragend", () => {
    document.querySelectorAll(".drop-target").forEach((z) => z.classList.remove("drop-target"));
  });

  document.documentElement.dataset.board = "ready";

  // After a move, keep the keyboard where it was: on the student who moved.
  document.addEventListener("htmx:afterSwap", () => {
    picked = null;
    const el = board();
    const moved = el && el.dataset.moved;
    const chip = moved && el.querySelector(`button.chip[data-student="${CSS.escape(moved)}"]`);
    if (chip) chip.focus();
  });
})();
