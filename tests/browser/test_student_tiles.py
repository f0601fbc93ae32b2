"""Student pages for five-year-olds, in the language of home (phone 390×844), and what
the teacher sees of their answers (tablet): picture tiles ranked by taps and read
aloud, offer and wanted wordings, Spanish from the home language, and answers that
clash with the class's rules."""

import pytest
from django.urls import reverse

from partnerup import demo
from partnerup.classes.models import Classroom
from partnerup.voice.models import Answers, SignInCard
from tests.classes.factories import pk_of

from .conftest import SCREENSHOTS, TABLET, shot

PHONE = {"width": 390, "height": 844}
PASSWORD = "writing-partners-2026"
LOOKING, OFFERING = "I am looking for a partner who…", "What I can offer"
SMALLEST_TARGET = 64  # px: a five-year-old's finger
SPEECH = (
    "window.spoken = [];window.speechSynthesis.speak = (u) => window.spoken.push([u.lang, u.text]);"
)


@pytest.fixture
def room(django_user_model):
    """The example class: Ana speaks Spanish at home; a rule keeps Ben and Jayden apart."""
    teacher = django_user_model.objects.create_user("ms.lee", password=PASSWORD)
    classroom = Classroom.objects.create(teacher=teacher, name="Room 12")
    demo.fill_with_example(classroom)
    return classroom


def student_on_phone(open_page, room, name):
    """The student's card (made now, or as the teacher's cards page made it) opened on a
    phone whose speech is recorded in window.spoken."""
    card, _ = SignInCard.objects.get_or_create(student=room.students.get(name=name))
    page = open_page(PHONE)
    page.add_init_script(SPEECH)
    page.goto(reverse("voice:card", args=[card.token]))
    return page


def teacher_on_tablet(open_page):
    page = open_page(TABLET)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("ms.lee")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return page


def tiles_ready(page):
    """tiles.js has turned the lists into tiles (it is deferred)."""
    page.wait_for_function("!document.querySelector('.pick-fallback')")


def tile(page, group, words):
    return page.get_by_role("group", name=group).locator(".tile-pick", has_text=words)


def ranks(page, group) -> dict[str, str]:
    """{tile words: its badge} for the picked tiles of one side, as the child sees them."""
    picked = page.get_by_role("group", name=group).locator(".tile-pick[aria-pressed=true]")
    return {
        button.locator(".tile-word").inner_text(): button.locator(".tile-rank").inner_text()
        for button in picked.all()
    }


def screen(page, name):
    """What the phone shows now (the part of the page on screen, not the whole page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_a_child_ranks_traits_by_the_order_of_taps_on_big_tiles(open_page, room):
    page = student_on_phone(open_page, room, "Zoe")
    page.get_by_role("link", name="My want ad").click()
    tiles_ready(page)
    for target in page.locator(".tile-pick, .tile-say").all():
        box = target.bounding_box()
        assert box["width"] >= SMALLEST_TARGET and box["height"] >= SMALLEST_TARGET, box
    assert not page.locator("select").count()  # the lists are the no-JavaScript form
    for words in ("listens to my writing", "helps me find ideas", "helps with spelling"):
        tile(page, LOOKING, words).click()
    assert ranks(page, LOOKING) == {
        "listens to my writing": "1st",
        "helps me find ideas": "2nd",
        "helps with spelling": "3rd",
    }
    tile(page, LOOKING, "is kind about my work").click()
    page.get_by_text("You picked 3. Tap one to take it off.").wait_for()
    assert "is kind about my work" not in ranks(page, LOOKING)
    tile(page, LOOKING, "listens to my writing").click()  # a second tap takes it off
    assert ranks(page, LOOKING) == {"helps me find ideas": "1st", "helps with spelling": "2nd"}
    assert not page.get_by_text("You picked 3").is_visible()
    tile(page, LOOKING, "is kind about my work").click()
    tile(page, OFFERING, "I can make writing fun").click()
    page.get_by_role("heading", name=LOOKING).scroll_into_view_if_needed()
    screen(page, "40-phone-tiles-ranked")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved!").wait_for()
    answers = Answers.objects.get(student__name="Zoe")
    assert answers.wanted == ["ideas", "spelling", "kind"] and answers.offered == ["funny"]
    page.reload()
    tiles_ready(page)
    assert ranks(page, LOOKING) == {
        "helps me find ideas": "1st",
        "helps with spelling": "2nd",
        "is kind about my work": "3rd",
    }
    assert ranks(page, OFFERING) == {"I can make writing fun": "1st"}


def test_the_speaker_on_a_tile_reads_its_words_in_the_language_of_home(open_page, room):
    page = student_on_phone(open_page, room, "Ana")  # Spanish at home: a Spanish card
    assert SignInCard.objects.get(student__name="Ana").language == "es"
    page.get_by_role("link", name="Mi anuncio").click()
    offering = "Lo que puedo ofrecer"
    page.get_by_role("button", name="Leer en voz alta: Puedo ayudar a encontrar ideas").click()
    assert page.evaluate("window.spoken") == [["es-ES", "Puedo ayudar a encontrar ideas"]]
    tile(page, "Busco un compañero que…", "me ayuda a encontrar ideas").click()
    tile(page, offering, "Puedo escuchar tu escritura").click()
    assert ranks(page, offering) == {"Puedo escuchar tu escritura": "1.º"}
    page.get_by_role("button", name="Léemelo").click()
    lang, text = page.evaluate("window.spoken[1]")
    assert lang == "es-ES" and "Puedo escuchar tu escritura" in text
    assert "Lo más importante" not in text and "(elige)" not in text  # no hidden lists
    page.get_by_role("heading", name=offering).scroll_into_view_if_needed()
    screen(page, "41-phone-tiles-spanish")


def test_without_javascript_the_want_ad_is_three_lists_per_side(browser, live_server, room):
    card = SignInCard.objects.create(student=room.students.get(name="Zoe"))
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(reverse("voice:card", args=[card.token]))
        page.get_by_role("link", name="My want ad").click()
        assert not page.locator(".tiles").first.is_visible()
        page.get_by_label("Most important").first.select_option(label="helps me find ideas")
        page.locator("#offer1").select_option(label="I can listen to your writing")
        page.locator("#offer2").select_option(label="I can ask good questions")
        page.get_by_role("button", name="Save").click()
        page.get_by_text("Saved!").wait_for()
        shot(page, "42-phone-want-ad-without-javascript")
    finally:
        context.close()
    answers = Answers.objects.get(student__name="Zoe")
    assert answers.wanted == ["ideas"] and answers.offered == ["listens", "questions"]


def test_posters_and_classmates_ads_read_the_offer_wording(open_page, room):
    ana = student_on_phone(open_page, room, "Ana")
    ana.goto(reverse("voice:ad"))
    tile(ana, "Busco un compañero que…", "me ayuda a encontrar ideas").click()
    tile(ana, "Lo que puedo ofrecer", "Puedo ayudar con la ortografía").click()
    ana.get_by_label("Con mis palabras").fill("Me gustan los caballos")
    ana.get_by_role("button", name="Guardar").click()
    poster = ana.locator(".poster")
    poster.wait_for()
    assert "Lo que puedo ofrecer\nPuedo ayudar con la ortografía" in poster.inner_text()
    assert "Yo puedo ofrecer" not in poster.inner_text()
    poster.scroll_into_view_if_needed()
    screen(ana, "43-phone-poster-spanish")
    ben = student_on_phone(open_page, room, "Ben")
    ben.get_by_role("link", name="Read the want ads").click()
    text = ben.locator(".poster").first.inner_text()
    assert "I am looking for a partner who…\nhelps me find ideas" in text
    assert "What I can offer\nI can help with spelling" in text
    screen(ben, "44-phone-ads-offer-wording")


def test_the_teacher_sets_card_languages_and_writes_spanish_for_a_student(open_page, room):
    teacher = teacher_on_tablet(open_page)
    teacher.goto(reverse("classes:detail", args=[room.pk]))
    teacher.get_by_role("link", name="Student sign-in cards").click()
    cards = {c.student.name: c.language for c in SignInCard.objects.select_related("student")}
    assert cards["Ana"] == "es" and cards["Ben"] == "en" and cards["Mateo"] == "es"
    teacher.get_by_label("Set every card to:").select_option(label="English")
    teacher.get_by_role("button", name="Set every card").click()
    teacher.get_by_text("Every card is set to: English.").wait_for()
    assert set(SignInCard.objects.values_list("language", flat=True)) == {"en"}
    teacher.get_by_label("Set every card to:").select_option(label="From home language")
    teacher.get_by_role("button", name="Set every card").click()
    teacher.get_by_text("Every card is set to: From home language.").wait_for()
    shot(teacher, "45-tablet-cards-language")
    assert SignInCard.objects.get(student__name="Ana").language == "es"

    teacher.goto(reverse("voice_teacher:survey", args=[room.pk]))
    teacher.get_by_label("Or write your own").fill("Who helps you write?")
    teacher.get_by_label("… in Spanish (optional)").fill("¿Quién te ayuda a escribir?")
    teacher.get_by_role("button", name="Add", exact=True).click()
    teacher.goto(reverse("voice_teacher:traits", args=[room.pk]))
    add = teacher.locator("form.card")
    add.get_by_label("Looking for a partner who… (English)").fill("reads my work aloud")
    add.get_by_label("… in Spanish (optional)").first.fill("lee mi trabajo en voz alta")
    add.get_by_label("Can offer (English)").fill("I can read your work aloud")
    add.get_by_label("… in Spanish (optional)").last.fill("Puedo leer tu trabajo en voz alta")
    add.get_by_role("button", name="Add").click()
    teacher.get_by_text("I can read your work aloud").wait_for()
    shot(teacher, "46-tablet-traits-offer-wording")

    ana = student_on_phone(open_page, room, "Ana")
    ana.get_by_role("link", name="Encuesta de escritura").click()
    ana.get_by_label("¿Quién te ayuda a escribir?").fill("Mi hermana")
    screen(ana, "47-phone-survey-spanish")
    ana.get_by_role("button", name="Guardar").click()
    ana.get_by_text("¡Guardado!").wait_for()
    ana.get_by_role("link", name="Inicio").click()
    ana.get_by_role("link", name="Mi anuncio").click()
    tile(ana, "Lo que puedo ofrecer", "Puedo leer tu trabajo en voz alta").click()
    tile(ana, "Busco un compañero que…", "lee mi trabajo en voz alta").wait_for()
    ana.get_by_role("button", name="Guardar").click()
    ana.get_by_text("¡Guardado!").wait_for()
    assert Answers.objects.get(student__name="Ana").offered == ["reads-my-work-aloud"]


def test_the_teacher_sees_a_choice_that_clashes_with_a_rule(open_page, room):
    ben = student_on_phone(open_page, room, "Ben")
    ben.get_by_role("link", name="3 classmates").click()
    ben.get_by_label("1st choice").select_option(label="Jayden")
    ben.get_by_label("2nd choice").select_option(label="Liam")
    ben.get_by_label("3rd choice").select_option(label="Noah")
    ben.get_by_role("button", name="Save").click()
    ben.get_by_text("Saved!").wait_for()
    ben.get_by_role("link", name="Home").click()
    ben.get_by_role("link", name="My want ad").click()
    tile(ben, LOOKING, "helps me find ideas").click()
    tile(ben, OFFERING, "I can make writing fun").click()
    ben.get_by_role("button", name="Save").click()
    ben.get_by_text("Saved!").wait_for()
    ben.get_by_role("link", name="Home").click()
    ben.get_by_role("link", name="My goal", exact=True).click()
    ben.get_by_label("a strong ending").check()
    ben.get_by_role("button", name="Save").click()
    ben.get_by_role("link", name="Home").click()
    finished = ben.locator(".kid-tile.finished").all_inner_texts()
    assert [text.split("finished:")[-1].strip() for text in finished] == [
        "My want ad",
        "3 classmates",
        "My goal",
    ]
    screen(ben, "48-phone-home-ticks")

    teacher = teacher_on_tablet(open_page)
    teacher.goto(reverse("classes:detail", args=[room.pk]))
    teacher.get_by_role("link", name="Student answers").click()
    clash = "Ben chose Jayden, but they are kept apart (rule)."
    teacher.get_by_role("alert").get_by_text(clash).wait_for()
    row = teacher.get_by_role("row").filter(has=teacher.get_by_role("link", name="Ben"))
    cells = row.get_by_role("cell").all_inner_texts()
    assert cells[1:3] == ["helps me find ideas", "I can make writing fun"]
    assert cells[5:7] == ["Jayden, Liam, Noah", "a strong ending"]
    shot(teacher, "49-tablet-answers-clash")
    teacher.goto(reverse("classes:student", args=[room.pk, pk_of(room, "Ben")]))
    teacher.get_by_role("heading", name="In Ben's own words").wait_for()
    teacher.get_by_role("alert").get_by_text(clash).wait_for()
    shot(teacher, "50-tablet-profile-clash")
