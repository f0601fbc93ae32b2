"""The web app and the CLI use the engine only through its public API (`__all__`)."""

import ast
from pathlib import Path

import partnerup.engine as engine

ROOT = Path(__file__).resolve().parent.parent / "partnerup"


def _imports_of_engine_internals(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            module = node.module if node.level == 0 else "partnerup." + node.module
            if module.startswith("partnerup.engine."):
                found.append(f"{path.relative_to(root)}:{node.lineno} from {module}")
            if module == "partnerup.engine":
                found += [
                    f"{path.relative_to(root)}:{node.lineno} {alias.name} is not in __all__"
                    for alias in node.names
                    if alias.name not in engine.__all__
                ]
        elif isinstance(node, ast.Import):
            found += [
                f"{path.relative_to(root)}:{node.lineno} import {alias.name}"
                for alias in node.names
                if alias.name.startswith("partnerup.engine.")
            ]
    return found


def test_nothing_outside_the_engine_imports_its_internals():
    outside = [p for p in ROOT.rglob("*.py") if "engine" not in p.relative_to(ROOT).parts]
    assert len(outside) > 50
    problems = [problem for path in outside for problem in _imports_of_engine_internals(path)]
    assert problems == []


def test_the_check_would_catch_an_internal_import(tmp_path):
    sample = tmp_path / "views.py"
    sample.write_text(
        "from partnerup.engine.rules import hard_rules\nfrom partnerup.engine import search\n",
        encoding="utf-8",
    )
    assert _imports_of_engine_internals(sample, tmp_path) == [
        "views.py:1 from partnerup.engine.rules",
        "views.py:2 search is not in __all__",
    ]


def test_every_public_name_exists():
    missing = [name for name in engine.__all__ if not hasattr(engine, name)]
    assert missing == []
