"""The data files as the newsroom shows them (JSON) and how a save goes back into the YAML:
unchanged text, comments and shared blocks stay; an unknown theme is refused."""

from __future__ import annotations

import json
from datetime import date, time

import pytest
import yaml

from formhandler.core.calendar_file import parse_calendar
from formhandler.staff import datafiles
from formhandler.staff.decap_config import config
from tests.support.site import ROOT


def original(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", datafiles.DATA_FILES)
def test_a_save_without_changes_writes_the_file_byte_for_byte(path: str) -> None:
    text = original(path)
    assert datafiles.from_editor(path, datafiles.to_editor(path, text), text) == text


def organisations() -> tuple[str, dict]:
    text = original(datafiles.ORGANISATIONS)
    return text, json.loads(datafiles.to_editor(datafiles.ORGANISATIONS, text))


def by_id(data: dict, key: str) -> dict:
    return next(entry for entry in data["organisaties"] if entry["id"] == key)


def test_a_changed_shared_block_stays_shared_by_the_others() -> None:
    text, data = organisations()
    by_id(data, "caw-antwerpen")["wat"]["nl"] = "Een eigen tekst voor het CAW in Antwerpen."
    written = datafiles.from_editor(datafiles.ORGANISATIONS, json.dumps(data), text)
    assert written.startswith("# De sociale kaart van 1712")  # the guide on top stays
    assert "Een eigen tekst voor het CAW in Antwerpen." in written
    assert written.count("&caw_wat") == 1 and written.count("*caw_wat") == 4
    loaded = yaml.safe_load(written)
    unchanged = yaml.safe_load(text)
    for old, new in zip(unchanged, loaded, strict=True):
        if old["id"] != "caw-antwerpen":
            assert old == new, old["id"]


def test_yes_no_and_not_known_are_three_words_in_the_newsroom() -> None:
    text, data = organisations()
    assert by_id(data, "hulplijn-1712")["gratis"] == "ja"
    assert by_id(data, "noodnummer-112")["anoniem"] == "weten we niet zeker"
    by_id(data, "noodnummer-112")["anoniem"] = "nee"
    written = yaml.safe_load(datafiles.from_editor(datafiles.ORGANISATIONS, json.dumps(data), text))
    assert next(e for e in written if e["id"] == "noodnummer-112")["anoniem"] is False


def test_an_unknown_theme_is_refused_in_dutch() -> None:
    text, data = organisations()
    by_id(data, "hulplijn-1712")["themas"].append("partnergewelt")
    with pytest.raises(datafiles.DataFileError) as refused:
        datafiles.from_editor(datafiles.ORGANISATIONS, json.dumps(data), text)
    assert str(refused.value).startswith("Niet bewaard. Pas eerst aan: 1712: 'partnergewelt'")
    assert "Kies uit: kindermishandeling, partnergeweld" in str(refused.value)


def test_the_newsrooms_choices_are_the_schemas() -> None:
    schema = json.loads((ROOT / "data" / "organisaties.schema.json").read_text(encoding="utf-8"))
    decap = yaml.safe_load(config("/medewerkers/redactie/api/t/v1", "main"))
    collections = {collection["name"]: collection for collection in decap["collections"]}
    fields = collections["organisaties"]["files"][0]["fields"][0]["fields"]
    for name in ("voor", "themas", "regios"):
        field = next(f for f in fields if f["name"] == name)
        assert field["widget"] == "select"
        assert field["options"] == schema["items"]["properties"][name]["items"]["enum"]
    news = {f["name"]: f for f in collections["nieuws"]["fields"]}
    assert news["audiences"]["options"] == ["volwassenen", "jongeren", "kinderen"]
    assert news["from"]["widget"] == news["until"]["widget"] == "datetime"
    assert news["banner"]["pattern"][0] == "^.{0,160}$"
    assert collections["volwassenen"]["i18n"]["locales"] == ["nl", "fr", "en"]
    assert decap["backend"]["proxy_url"] == "/medewerkers/redactie/api/t/v1"


def contact() -> tuple[str, dict]:
    text = original(datafiles.CONTACT)
    return text, json.loads(datafiles.to_editor(datafiles.CONTACT, text))


def test_other_hours_from_the_newsroom_are_written_into_the_calendar() -> None:
    text, data = contact()
    data["kalender"]["telefoon"][0]["tot"] = "18:00"
    data["kalender"]["sluitingsdagen"] = [
        {
            "datum": "2026-12-24",
            "naam": {"nl": "Kerstavond", "fr": "Veille de Noël", "en": "Christmas Eve"},
        }
    ]
    written = datafiles.from_editor(datafiles.CONTACT, json.dumps(data), text)
    calendar = parse_calendar(ROOT / datafiles.CONTACT, written)
    assert calendar.hours["telefoon"][0].closes == time(18, 0)
    assert calendar.holiday(date(2026, 12, 24), "fr") == "Veille de Noël"
    assert "# --- De kalender van 1712" in written  # the comments for editors stay


def test_hours_the_service_could_not_read_are_refused_in_dutch() -> None:
    text, data = contact()
    data["kalender"]["telefoon"][0]["van"] = "9u"
    with pytest.raises(datafiles.DataFileError) as refused:
        datafiles.from_editor(datafiles.CONTACT, json.dumps(data), text)
    assert str(refused.value).startswith("Niet bewaard. Pas eerst aan: contact.yml, regel ")
    assert "'9u' bij 'telefoon: van' is geen uur" in str(refused.value)
