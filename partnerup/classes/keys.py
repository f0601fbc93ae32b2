"""How the web app names a student to the engine: by id, never by display name.

The engine keys students by a string. The web gives it `student_key(pk)`: the id
between two private-use characters that no typed text may hold (see
engine.names.refused_character), so a key can never be mistaken for anything a
teacher or student wrote. Stored arrangements keep these keys, and every sentence the
engine writes about students (reasons, broken rules, clashes) is turned into words
with the class's names as they are now by `shown` — a rename is one row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

KEY_OPEN, KEY_CLOSE = "\ue000", "\ue001"
_KEY = re.compile(f"{KEY_OPEN}(\\d+){KEY_CLOSE}")
GONE = "A removed student"


def student_key(pk: int) -> str:
    return f"{KEY_OPEN}{pk}{KEY_CLOSE}"


def key_pk(key: str) -> int | None:
    """The student id inside an engine key, or None for anything else."""
    match = _KEY.fullmatch(key)
    return int(match.group(1)) if match else None


def keys_of(pks: Iterable[int]) -> tuple[str, ...]:
    return tuple(student_key(pk) for pk in pks)


def pks_of(keys: Iterable[str]) -> list[int]:
    return [pk for pk in map(key_pk, keys) if pk is not None]


def shown(text: str, names: Mapping[int, str]) -> str:
    """An engine sentence with every student key replaced by that student's name."""
    return _KEY.sub(lambda m: names.get(int(m.group(1)), GONE), text)


def shown_all(texts: Iterable[str], names: Mapping[int, str]) -> tuple[str, ...]:
    return tuple(shown(text, names) for text in texts)


def mentions(text: str, pk: int) -> bool:
    return student_key(pk) in text


def map_arrangement(arrangement: dict, rekey: Callable[[str], str | None]) -> dict:
    """A stored engine plan with every student key passed through `rekey`; a student
    it maps to None is taken out (members, roles, floaters, rules carried for repair),
    with every reason that names them, and a partnership left empty goes too."""

    def one(key: str) -> str | None:
        return rekey(key) if isinstance(key, str) else None

    def many(keys: Iterable[str]) -> list[str]:
        return [new for new in map(one, keys) if new is not None]

    groups = []
    for group in arrangement.get("groups", []):
        members = many(group.get("members", []))
        if not members:
            continue
        roles = {one(k): v for k, v in (group.get("roles") or {}).items()}
        reasons = [r for r in map(_rekey_text(one), group.get("reasons", [])) if r is not None]
        groups.append(
            {
                **group,
                "members": members,
                "roles": {k: v for k, v in roles.items() if k is not None},
                "reasons": reasons,
            }
        )
    pairs = [many(pair) for pair in arrangement.get("forbidden_pairs", [])]
    fours = [many(four) for four in arrangement.get("partner_partners", [])]
    return {
        **arrangement,
        "groups": groups,
        "floaters": many(arrangement.get("floaters", [])),
        "forbidden_pairs": [pair for pair in pairs if len(pair) == 2],
        "partner_partners": [four for four in fours if len(four) > 1],
        "emergent_bilinguals": many(arrangement.get("emergent_bilinguals", [])),
    }


def _rekey_text(rekey: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """A reason with its student keys re-keyed, or None when it names a student gone."""

    def rekeyed(text: str) -> str | None:
        if any(rekey(m.group(0)) is None for m in _KEY.finditer(text)):
            return None
        return _KEY.sub(lambda m: rekey(m.group(0)) or "", text)

    return rekeyed
