"""A small reader and writer for gettext .po files, enough for the translation tests
(and for filling a catalogue from a script): entries with context, plural, flags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    msgid: str
    msgstr: list[str] = field(default_factory=lambda: [""])
    msgctxt: str | None = None
    msgid_plural: str | None = None
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # every "#" line but the flags

    @property
    def is_fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def is_translated(self) -> bool:
        return all(self.msgstr) and not self.is_fuzzy


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{p}"' for p in parts)


def _blocks(text: str) -> list[list[str]]:
    """The lines of each entry: an entry ends at a blank line or where the next one's
    comments, context or msgid begin after its msgstr."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if not line.strip() or line.startswith("#~"):
            blocks.append([])
            continue
        starts_entry = line.startswith(("#", "msgctxt", "msgid "))
        if starts_entry and any(seen.startswith("msgstr") for seen in blocks[-1]):
            blocks.append([])
        blocks[-1].append(line)
    return [b for b in blocks if any(line.startswith("msgid") for line in b)]


def read_po(text: str) -> list[Entry]:
    """Every live entry (the header first, obsolete "#~" entries left out)."""
    entries = []
    for lines in _blocks(text):
        fields: dict[str, str] = {}
        flags, comments, current = [], [], ""
        for line in lines:
            if line.startswith("#,"):
                flags += [f.strip() for f in line[2:].split(",")]
            elif line.startswith("#"):
                comments.append(line)
            elif line.startswith('"'):
                fields[current] += _unquote(line)
            else:
                current, _, value = line.partition(" ")
                fields[current] = _unquote(value)
        plurals = sorted(k for k in fields if k.startswith("msgstr["))
        entries.append(
            Entry(
                msgid=fields["msgid"],
                msgstr=[fields[k] for k in plurals] or [fields["msgstr"]],
                msgctxt=fields.get("msgctxt"),
                msgid_plural=fields.get("msgid_plural"),
                flags=flags,
                comments=comments,
            )
        )
    return entries


def write_po(entries: list[Entry]) -> str:
    blocks = []
    for e in entries:
        # GNU order: comments, then flags, then the previous msgid ("#|") of a fuzzy entry.
        lines = [c for c in e.comments if not c.startswith("#|")]
        if e.flags:
            lines.append("#, " + ", ".join(e.flags))
        lines += [c for c in e.comments if c.startswith("#|")]
        if e.msgctxt is not None:
            lines.append("msgctxt " + _quote(e.msgctxt))
        lines.append("msgid " + _quote(e.msgid))
        if e.msgid_plural is None:
            lines.append("msgstr " + _quote(e.msgstr[0]))
        else:
            lines.append("msgid_plural " + _quote(e.msgid_plural))
            lines += [f"msgstr[{i}] " + _quote(s) for i, s in enumerate(e.msgstr)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
