"""The whole path of an answer on the site (issue 12), over real HTTP, SMTP and SQLite.

A child writes with `site` and no address or number; the team mail has no text; a helper
logs in with password and TOTP and answers; the child reads the answer with reference and
code word and writes back; the helper sees the follow-up in the same thread, open again
with its own due time. No answer to the citizen sets a cookie; the markers are in no log
and not in the raw database files.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import httpx2
import pytest

from formhandler.storage import database
from tests.formhandler.web.test_staff_whole_path import staff_login, wait_for
from tests.support.live import LiveServer, development_settings
from tests.support.smtp import SmtpServer
from tests.support.staff import add_account, csrf_of
from tests.support.states import message_state

MARKER = "Mk7q9Zr2"  # in the message, the code word and the follow-up
TEXT = f"Thuis wordt er geslagen {MARKER}-bericht"
CODE = f"Codewoord-{MARKER}"
FOLLOW_UP = f"Dank je, het is weer gebeurd {MARKER}-terug"
REPLY = "Fijn dat je ons schreef. Je kan ons ook bellen."


def _token(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def test_a_child_writes_reads_the_answer_and_writes_back(
    site_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with SmtpServer() as smtp:
        settings = development_settings(
            tmp_path, site_dir, FORMHANDLER_MIN_FILL_SECONDS="1", **smtp.environ()
        )
        with LiveServer(settings) as live:
            secret = add_account(live.app, "an", "helper", "limburg")
            citizen = httpx2.Client(base_url=live.url, follow_redirects=False, timeout=30)
            responses = []

            form = citizen.get("/kinderen/mail/")
            time.sleep(1.2)
            sent = citizen.post(
                "/kinderen/mail/",
                data={
                    "token": _token(form.text),
                    "website": "",
                    "bericht": TEXT,
                    "antwoord_via": "site",
                    "codewoord": CODE,
                    "regio": "limburg",
                },
            )
            assert sent.status_code == 303, sent.text[:300]
            confirmation = citizen.get(sent.headers["location"])
            responses += [form, sent, confirmation]
            db = database.connect(settings.database_path)
            reference = db.execute("SELECT reference FROM messages").fetchone()[0]
            assert reference in confirmation.text and "/kinderen/antwoord/" in confirmation.text

            notice = wait_for(lambda: smtp.to("team-limburg@1712.test"))[0]
            assert reference in notice.as_string() and MARKER not in notice.as_string()

            # Before the answer: the page says when it will be there.
            empty = citizen.get("/kinderen/antwoord/")
            time.sleep(1.2)
            waiting = citizen.post(
                "/kinderen/antwoord/",
                data={"token": _token(empty.text), "referentie": reference, "codewoord": CODE},
            )
            responses += [empty, waiting]
            assert waiting.status_code == 200 and "Ons antwoord staat hier" in waiting.text

            helper = staff_login(live.url, "an", secret)
            page = helper.get(f"/medewerkers/bericht/{reference}")
            assert "antwoord op de site" in page.text and "gelezen op" in page.text
            assert TEXT in page.text and CODE not in page.text
            answered = helper.post(
                f"/medewerkers/bericht/{reference}/antwoorden",
                data={"csrf": csrf_of(page.text), "antwoord": REPLY},
            )
            assert answered.status_code == 303
            assert message_state(db, reference) == "answered"
            assert db.execute("SELECT count(*) FROM outbox WHERE kind = 'reply'").fetchone()[0] == 0

            empty = citizen.get("/kinderen/antwoord/")
            time.sleep(1.2)
            opened = citizen.post(
                "/kinderen/antwoord/",
                data={"token": _token(empty.text), "referentie": reference, "codewoord": CODE},
            )
            responses += [empty, opened]
            assert opened.status_code == 200
            assert opened.text.index(MARKER + "-bericht") < opened.text.index(REPLY)
            assert CODE not in opened.text
            time.sleep(1.2)
            wrote = citizen.post(
                "/kinderen/antwoord/",
                data={
                    "token": _token(opened.text),
                    "toegang": re.search(r'name="toegang" value="([^"]+)"', opened.text).group(1),  # type: ignore[union-attr]
                    "bericht": FOLLOW_UP,
                },
            )
            responses.append(wrote)
            assert wrote.status_code == 200 and "Je bericht is verstuurd" in wrote.text
            assert message_state(db, reference) == "claimed"
            due = database.moment(db.execute("SELECT due_at FROM messages").fetchone()[0])

            followed = wait_for(lambda: [m for m in smtp.to("team-limburg@1712.test")][1:])[0]
            assert "Vervolgbericht" in followed["Subject"] and MARKER not in followed.as_string()

            queue = helper.get("/medewerkers/wachtrij/limburg")
            assert reference in queue.text
            page = helper.get(f"/medewerkers/bericht/{reference}")
            assert page.text.index(REPLY) < page.text.index(FOLLOW_UP)
            local = due.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Brussels"))
            assert local.strftime("%d-%m-%Y %H:%M") in page.text

            for response in responses:
                assert "set-cookie" not in response.headers, response.url
                assert response.url.query in (b"", "") or "bevestiging" in str(response.url)
            db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            db.close()
        raw = b"".join(p.read_bytes() for p in sorted(tmp_path.glob("formhandler.sqlite3*")))
        assert MARKER.encode() not in raw
        assert MARKER not in caplog.text
        assert all(MARKER.encode() not in m.raw for m in smtp.received)
