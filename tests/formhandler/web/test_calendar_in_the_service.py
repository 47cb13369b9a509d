"""The service follows data/contact.yml (issue 13): a copy with other hours, named by
FORMHANDLER_CONTACT_FILE, changes the due time stored for a message, the words on the
confirmation page and the staff side's working time left. Real HTTP and SQLite."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from formhandler.core.calendar_file import CONTACT_FILE, load_calendar
from formhandler.core.hours_in_words import hours_in_words
from formhandler.core.settings import SettingsError
from formhandler.core.workdays import reply_due, working_time_between
from formhandler.storage import database
from tests.support.forms import client_for, form_settings, submit


def _copy(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    text = CONTACT_FILE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "contact-copy.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_other_hours_in_the_contact_file_give_other_due_times_and_words(
    site_dir: Path, tmp_path: Path
) -> None:
    # The phone until 18:00 (the first block), and three working days to answer.
    copy = _copy(
        tmp_path,
        ('tot: "17:00"', 'tot: "18:00"'),
        ("antwoordtermijn_werkdagen: 2", "antwoordtermijn_werkdagen: 3"),
    )
    settings = form_settings(tmp_path / "data", site_dir, FORMHANDLER_CONTACT_FILE=str(copy))
    client = client_for(settings)
    sent = submit(client, "/contact/mail/", {"bericht": "Een vraag", "email": "a@example.org"})
    assert sent.status_code == 303
    conn = database.connect(settings.database_path)
    row = conn.execute("SELECT received_at, due_at FROM messages").fetchone()
    conn.close()
    received, due = database.moment(row["received_at"]), database.moment(row["due_at"])
    later = load_calendar(copy)
    # Stored to the second: 24 working hours, one working day later than with the real file.
    assert abs(due - reply_due(received, later)) < timedelta(seconds=1)
    assert working_time_between(received, due, later) > timedelta(hours=23, minutes=59)
    assert abs(
        working_time_between(received, reply_due(received), later) - timedelta(hours=16)
    ) < timedelta(seconds=1)
    page = client.get(sent.headers["location"]).text
    assert hours_in_words(later, "telefoon", "nl") == "op werkdagen van 9 tot 18 uur"
    # The service's own words (the page shell around them comes from the built site).
    assert "op werkdagen van 9 tot 18 uur" in page


def test_a_contact_file_with_a_mistake_stops_the_service_with_the_line(
    site_dir: Path, tmp_path: Path
) -> None:
    copy = _copy(tmp_path, ('van: "09:00"', 'van: "negen uur"'))
    with pytest.raises(SettingsError, match=r"contact-copy\.yml, regel \d+: 'negen uur'"):
        form_settings(tmp_path / "data", site_dir, FORMHANDLER_CONTACT_FILE=str(copy))
