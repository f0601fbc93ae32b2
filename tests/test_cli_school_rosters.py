"""`--class` on plan, rotate and roster: one class of a school's OneRoster or Clever zip."""

import json

import pytest

from tests.school_bundles import PRIVATE, clever_bundle, oneroster_bundle
from tests.test_cli import run


@pytest.fixture
def bundle(tmp_path):
    path = tmp_path / "school.zip"
    path.write_bytes(oneroster_bundle("1.2"))
    return path


def test_roster_reads_the_class_named_by_class(bundle):
    result = run("roster", bundle, "--class", "Writing 3B")
    assert result.returncode == 0, result.stderr
    assert "school.zip: OneRoster 1.2 bundle, class 'Writing 3B' (3B-W)" in result.stdout
    assert "Eli Stone" in result.stdout and "Ana Ruiz" not in result.stdout


def test_roster_prints_nothing_private(bundle):
    result = run("roster", bundle, "--class", "3A-M")
    assert result.returncode == 0, result.stderr
    assert [value for value in PRIVATE if value in result.stdout + result.stderr] == []


def test_without_class_a_bundle_of_several_asks_for_it(bundle):
    result = run("roster", bundle)
    assert result.returncode == 2
    assert (
        "school.zip: this bundle holds 3 classes; pass --class with the title or code of one: "
        "'Writing 3A (3A-W)', 'Writing 3B (3B-W)', 'Math 3A (3A-M)'"
    ) in result.stderr


def test_an_unknown_class_exits_2_naming_the_classes(bundle):
    result = run("plan", bundle, "--class", "Art 5")
    assert result.returncode == 2
    assert "there is no class 'Art 5' in this bundle; it has 'Writing 3A (3A-W)'" in result.stderr


def test_plan_partners_the_class_chosen_from_a_clever_zip(tmp_path):
    path = tmp_path / "clever.zip"
    path.write_bytes(clever_bundle())
    result = run("plan", path, "--class", "3A-W", "--format", "json")
    assert result.returncode == 0, result.stderr
    members = {m for g in json.loads(result.stdout)["groups"] for m in g["members"]}
    assert members == {"Ana Ruiz", "Ben Okafor", "Cy Lee", "Di Park"}


def test_rotate_reads_the_class_chosen(bundle):
    result = run("rotate", bundle, "--class", "Math 3A", "--weeks", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    week = json.loads(result.stdout)["weeks"][0]
    assert sum(len(g["members"]) for g in week["groups"]) == 5


def test_class_is_in_the_help():
    result = run("plan", "--help")
    assert "--class TITLE" in result.stdout
