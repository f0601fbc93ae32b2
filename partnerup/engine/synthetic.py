"""Reproducible synthetic classes with realistic profiles, for benchmarks and tests."""

from __future__ import annotations

import random

from .model import Rule, Student

FIRST_NAMES = [
    "Ana",
    "Ben",
    "Maya",
    "Leo",
    "Sofia",
    "Omar",
    "Lily",
    "Noah",
    "Zoe",
    "Eli",
    "Ava",
    "Sam",
    "Mia",
    "Jack",
    "Nia",
    "Luis",
    "Ruby",
    "Theo",
    "Ivy",
    "Max",
    "Emma",
    "Kai",
    "Isla",
    "Finn",
    "Aria",
    "Jude",
    "Lena",
    "Owen",
    "Rosa",
    "Hugo",
    "Esme",
    "Ravi",
    "Tala",
    "Ezra",
    "Cora",
    "Amir",
    "June",
    "Milo",
    "Hana",
    "Diego",
    "Nora",
    "Ian",
    "Priya",
    "Caleb",
    "Yara",
    "Adam",
    "Lucia",
    "Reid",
    "Maren",
    "Tomas",
    "Ada",
    "Felix",
    "Gia",
    "Nico",
    "Iris",
    "Jon",
    "Alma",
    "Dev",
    "Elsa",
    "Gus",
]
SKILLS = (
    "lead", "transitions", "ending", "elaboration", "craft", "spelling", "punctuation",
    "plan box", "dialogue", "focus",
)  # fmt: skip
INTERESTS = (
    "fantasy", "soccer", "animals", "comics", "space", "mysteries", "cooking", "dinosaurs",
    "horses", "video games", "poetry", "sharks",
)  # fmt: skip
LANGUAGES = ("Spanish", "Spanish", "Spanish", "Arabic", "Vietnamese", "Mandarin")


def class_names(n: int) -> list[str]:
    names = []
    for i in range(n):
        base = FIRST_NAMES[i % len(FIRST_NAMES)]
        names.append(base if i < len(FIRST_NAMES) else f"{base} {chr(65 + i // len(FIRST_NAMES))}.")
    return names


def synthetic_class(n: int, seed: int) -> tuple[tuple[Student, ...], tuple[Rule, ...]]:
    """A class of n with choices, a few avoids, ~20% emergent bilinguals and a few rules.

    Every emergent bilingual has at least two proficient classmates available, so the
    class is always solvable (the benchmark measures speed, not diagnosis).
    """
    rng = random.Random(f"partnerup-class:{n}:{seed}")
    names = class_names(n)
    friends = {name: rng.sample([o for o in names if o != name], k=min(6, n - 1)) for name in names}
    english: dict[str, float | None] = {}
    for name in names:
        english[name] = rng.choice([1.5, 2.0, 2.5, 3.0, 3.5]) if rng.random() < 0.2 else None
    reading = names[:]
    rng.shuffle(reading)
    reading_partner = {}
    for a, b in zip(reading[::2], reading[1::2], strict=False):
        reading_partner[a], reading_partner[b] = b, a
    students = []
    for name in names:
        learner = english[name] is not None
        students.append(
            Student(
                name=name,
                level=rng.choice([1, 2, 2, 3, 3, 3, 4]),
                goals=tuple(rng.sample(SKILLS, k=rng.randint(1, 2))),
                strengths=tuple(rng.sample(SKILLS, k=rng.randint(1, 2))),
                interests=tuple(rng.sample(INTERESTS, k=rng.randint(1, 3))),
                home_language=rng.choice(LANGUAGES)
                if learner
                else rng.choice(["", "", "", "Spanish"]),
                english_level=english[name],
                choices=tuple(friends[name][:3]),
                avoid=tuple(rng.sample(friends[name][3:], k=1))
                if rng.random() < 0.1 and n > 4
                else (),
                talk=rng.choice(["quiet", "balanced", "balanced", "dominant"]),
                often_absent=rng.random() < 0.08,
                social_support=rng.random() < 0.05,
                reading_partner=reading_partner.get(name, ""),
            )
        )
    rules = []
    if n >= 8:
        a, b, c, d = rng.sample(names, 4)
        rules.append(Rule("keep_apart", (a, b)))
        rules.append(Rule("keep_apart", (c, d)))
    return tuple(students), tuple(rules)
