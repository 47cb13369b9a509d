"""The whole path over real HTTP and a real SMTP server: from the form to the citizen's reply."""

from __future__ import annotations

import asyncio
import csv
import io
import re
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import httpx2
import pyotp

from formhandler.core.workdays import BRUSSELS
from formhandler.staff import scheduler
from formhandler.storage import database
from tests.support.live import LiveServer, development_settings
from tests.support.smtp import SmtpServer
from tests.support.staff import PASSWORD, add_account, csrf_of
from tests.support.states import message_state

CITIZEN = "iemand.anders@example.org"
TEXT = "Mijn nichtje wordt thuis geslagen, wat kan ik doen? <b>dringend</b>"
REPLY = "Dank je om ons te schrijven. Je kan haar helpen door ..."


def wait_for(condition, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("waited in vain")


def staff_login(base: str, name: str, secret: str) -> httpx2.Client:
    client = httpx2.Client(base_url=base, follow_redirects=False, timeout=30)
    page = client.get("/medewerkers/aanmelden")
    response = client.post(
        "/medewerkers/aanmelden",
        data={
            "csrf": csrf_of(page.text),
            "naam": name,
            "wachtwoord": PASSWORD,
            "code": pyotp.TOTP(secret).now(),
        },
    )
    assert response.status_code == 303, response.text
    return client


def test_message_from_form_to_answer_counted_in_time(site_dir: Path, tmp_path: Path) -> None:
    with SmtpServer() as smtp:
        settings = development_settings(
            tmp_path, site_dir, FORMHANDLER_MIN_FILL_SECONDS="1", **smtp.environ()
        )
        with LiveServer(settings) as live:
            helper_secret = add_account(live.app, "an", "helper", "antwerpen")
            coordinator_secret = add_account(live.app, "coco", "coordinator")
            # A person writes through the form, over HTTP.
            citizen = httpx2.Client(base_url=live.url, follow_redirects=False, timeout=30)
            form = citizen.get("/contact/mail/")
            token = re.search(r'name="token" value="([^"]+)"', form.text).group(1)
            time.sleep(1.2)
            sent = citizen.post(
                "/contact/mail/",
                data={
                    "token": token,
                    "website": "",
                    "bericht": TEXT,
                    "email": CITIZEN,
                    "regio": "antwerpen",
                    "leeftijd": "18-25",
                    "wie": "naaste",
                },
            )
            assert sent.status_code == 303, sent.text[:500]
            db = database.connect(settings.database_path)
            reference = db.execute("SELECT reference FROM messages").fetchone()[0]

            # The team hears of it, without the text.
            notice = wait_for(lambda: smtp.to("team-antwerpen@1712.test"))[0]
            assert reference in notice.as_string()
            assert "geslagen" not in notice.as_string()

            # A helper logs in with password and TOTP, claims and answers.
            helper = staff_login(live.url, "an", helper_secret)
            queue = helper.get("/medewerkers/wachtrij/antwerpen")
            assert reference in queue.text
            page = helper.get(f"/medewerkers/bericht/{reference}")
            assert "Mijn nichtje wordt thuis geslagen" in page.text
            assert "&lt;b&gt;dringend&lt;/b&gt;" in page.text
            token = csrf_of(page.text)
            claimed = helper.post(f"/medewerkers/bericht/{reference}/opnemen", data={"csrf": token})
            assert claimed.status_code == 303
            answered = helper.post(
                f"/medewerkers/bericht/{reference}/antwoorden",
                data={"csrf": token, "antwoord": REPLY},
            )
            assert answered.status_code == 303
            assert message_state(db, reference) == "answered"

            # The scheduler delivers it; it arrives from the helpline, with a neutral subject.
            # In a thread of its own: Playwright's sync API may hold this thread's loop.
            with ThreadPoolExecutor(1) as pool:
                pool.submit(asyncio.run, scheduler.tick(settings, datetime.now(UTC))).result()
            reply = wait_for(lambda: smtp.to(CITIZEN))
            assert len(reply) == 1
            mail = reply[0]
            assert mail["Subject"] == "Antwoord op je bericht"
            assert mail["From"] == settings.mail_from
            body = mail.get_content()
            assert REPLY in body
            assert reference in body

            # The coordinator's statistics count it as answered in time.
            coordinator = staff_login(live.url, "coco", coordinator_secret)
            download = coordinator.get("/medewerkers/statistieken.csv")
            assert download.status_code == 200
            month = datetime.now(BRUSSELS).strftime("%Y-%m")
            rows = [
                row
                for row in csv.DictReader(io.StringIO(download.text))
                if row["tabel"] == "wachtrij" and row["maand"] == month
            ]
            assert len(rows) == 1
            assert rows[0]["wachtrij"] == "antwerpen"
            assert rows[0]["ontvangen"] == "1"
            assert rows[0]["beantwoord"] == "1"
            assert rows[0]["binnen_twee_werkdagen"] == "1"
            assert rows[0]["aandeel_binnen_twee_werkdagen"] == "1.000"
