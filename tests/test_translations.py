"""The app's words go through gettext: every marked string has a Spanish translation
with the same placeholders, the compiled catalogue matches it, pages say their
language and direction, and the teacher's browser (not the student's) picks it."""

from __future__ import annotations

import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

import partnerup
from partnerup.voice.models import SignInCard
from tests.classes.factories import make_classroom, make_student
from tests.po import Entry, read_po
from tests.voice.test_student_pages import card, signed_in

PACKAGE = Path(partnerup.__file__).parent
CATALOGUE = PACKAGE / "locale" / "es" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sd]")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def untranslated(entries: list[Entry]) -> list[str]:
    return [e.msgid for e in entries[1:] if not e.is_translated]


def mismatched(entries: list[Entry]) -> list[str]:
    """Entries whose translation names other placeholders than the English."""
    wrong = []
    for e in entries[1:]:
        english = [e.msgid] + [e.msgid_plural or e.msgid] * (len(e.msgstr) - 1)
        if any(
            placeholders(en) != placeholders(es) for en, es in zip(english, e.msgstr, strict=True)
        ):
            wrong.append(e.msgid)
    return wrong


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[Entry]:
    """The Spanish catalogue as makemessages makes it now from the code and templates,
    merged with the committed translations (in a copy: the real one is untouched)."""
    copy = tmp_path_factory.mktemp("extract") / "partnerup"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "static", "*.mo"))
    locale = copy / "locale"
    here = Path.cwd()
    try:
        os.chdir(copy)  # makemessages reads the current directory
        with override_settings(LOCALE_PATHS=[locale]):
            call_command("makemessages", locale=["es"], no_location=True, verbosity=0)
    finally:
        os.chdir(here)
    return read_po((locale / "es" / "LC_MESSAGES" / "django.po").read_text())


def test_every_marked_string_has_a_spanish_translation(extracted):
    assert len(extracted) > 500  # the extraction found the app's words
    assert untranslated(extracted) == []


def test_every_spanish_translation_keeps_the_placeholders(extracted):
    assert mismatched(extracted) == []


def test_a_missing_translation_or_placeholder_is_caught():
    entries = read_po(
        'msgid ""\nmsgstr "Language: es\\n"\n\n'
        'msgid "Hi, %(name)s!"\nmsgstr "¡Hola!"\n\n'
        'msgid "Save"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Saved!"\nmsgstr "¡Guardado!"\n'
    )
    assert untranslated(entries) == ["Save", "Saved!"]
    assert mismatched(entries) == ["Hi, %(name)s!"]


def test_the_committed_mo_is_compiled_from_the_committed_po(tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(fresh), str(CATALOGUE / "django.po")], check=True
    )
    with fresh.open("rb") as new, (CATALOGUE / "django.mo").open("rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == (
            gettext.GNUTranslations(new)._catalog
        )


@pytest.mark.parametrize("template", ["home.html", "voice/signed_out.html"])
def test_a_right_to_left_language_sets_dir_rtl_on_every_base_template(template):
    with translation.override("ar"):
        page = render_to_string(template)
    assert '<html lang="ar" dir="rtl">' in page


@pytest.mark.parametrize("template", ["home.html", "voice/signed_out.html"])
def test_a_left_to_right_language_sets_dir_ltr(template):
    with translation.override("es"):
        page = render_to_string(template)
    assert '<html lang="es" dir="ltr">' in page


def test_teacher_pages_are_english_by_default(client):
    page = client.get(reverse("login")).content.decode()
    assert 'lang="en' in page and "Forgot your password?" in page


def test_a_spanish_browser_gets_the_teacher_pages_in_spanish(client):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9").content.decode()
    assert '<html lang="es" dir="ltr">' in page and "¿Olvidaste tu contraseña?" in page


def test_a_browser_language_without_a_catalogue_falls_back_to_english(client):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Forgot your password?" in page


@pytest.fixture
def room(alice):
    classroom = make_classroom(alice)
    for name in ("Ana Ruiz", "Ben Ode"):
        SignInCard.objects.create(student=make_student(classroom, name=name))
    return classroom


def test_a_students_page_speaks_the_cards_language_whatever_the_browser_asks(room):
    spanish = card(room, "Ana Ruiz")
    spanish.language = "es"
    spanish.save()
    page = signed_in(room, "Ana Ruiz").get(reverse("voice:home"), HTTP_ACCEPT_LANGUAGE="en")
    assert "¡Hola, Ana!" in page.content.decode()
    page = signed_in(room, "Ben Ode").get(reverse("voice:home"), HTTP_ACCEPT_LANGUAGE="es")
    assert "Hi, Ben!" in page.content.decode()


def test_the_signed_out_page_stays_english_on_a_spanish_browser(client):
    page = client.get(reverse("voice:home"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Scan your card to start." in page
