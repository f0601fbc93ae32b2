"""The starter roles a class begins with: the partner roles teachers chart (cheerleader,
thought partner, accountability partner, editor, listener and talker), each with an
icon and sentence frames. English here, Spanish from the gettext catalogue; a class
gets its own copy to reword (services.roles_of)."""

# ruff: noqa: E501  (one frame per line reads best)

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop as _


@dataclass(frozen=True)
class StarterRole:
    key: str
    en: str
    pair_en: str  # the other half of a pair role ("" for one job)
    icon: str  # an SVG path in a 24×24 box
    frames: tuple[str, ...]


STARTERS = (
    StarterRole(
        "cheerleader",
        _("Cheerleader"),
        "",
        "M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z",
        (
            _("I noticed that you…"),
            _("Your story makes me picture…"),
            _("The way you… was so important because…"),
            _("When you wrote… as a reader I…"),
        ),
    ),
    StarterRole(
        "thought-partner",
        _("Thought partner"),
        "",
        "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z",
        (
            _("Say more about that…"),
            _("What did you really mean?"),
            _("Can you explain that?"),
            _("Which plan seems best to you?"),
        ),
    ),
    StarterRole(
        "accountability-partner",
        _("Accountability partner"),
        "",
        "M4 5h3v3H4zM4 11h3v3H4zM4 17h3v3H4zM10 6.5h10M10 12.5h10M10 18.5h10",
        (
            _("What is your goal today?"),
            _("How is your goal going?"),
            _("What will you try next?"),
            _("Keep going! You can do it."),
        ),
    ),
    StarterRole(
        "editor",
        _("Editor"),
        "",
        "M4 20l4-1L19 8l-3-3L5 16zM14 7l3 3",
        (
            _("Two pluses and a wish: I liked… I also liked… I wish…"),
            _("Praise, question, polish: I like… I wonder… You could fix…"),
            _("Let's check the spelling and the punctuation together."),
        ),
    ),
    StarterRole(
        "listener-talker",
        _("Listener"),
        _("Talker"),
        "M3 5h12v8H8l-4 3v-3H3zM18 9h3v8h-1v3l-3-3h-5v-2",
        (
            _(
                "Read, retell, respond: the talker reads, the listener tells it back, then says what they think."
            ),
            _("I heard you say…"),
            _("My favorite part was…"),
        ),
    ),
)
BY_KEY = {starter.key: starter for starter in STARTERS}
