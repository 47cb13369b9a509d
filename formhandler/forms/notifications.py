"""The two mails a submission causes: the team's notification and, if asked, a confirmation.

The team notification says only that a message waits in a queue, its reference, its
due time and the link to the staff side: no text, no contact details, and a subject
without any word about violence (a colleague may glance at a screen or a phone).
The confirmation to the person has a neutral subject and no content either, and is
sent only when the person ticked the box: someone else may read their mailbox.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from formhandler.core.crypto import DataCipher
from formhandler.core.i18n import language_of
from formhandler.core.settings import Settings
from formhandler.core.teams import Queue
from formhandler.core.urls import staff_message_url
from formhandler.forms.wording import due_in_words, text
from formhandler.mail import outbox

FORM_NAMES = {"mail": "mailformulier", "klacht": "klachtenformulier"}


def notify_team(
    conn: sqlite3.Connection,
    cipher: DataCipher,
    settings: Settings,
    *,
    queue: Queue,
    reference: str,
    form: str,
    due: datetime,
    now: datetime,
    follow_up: bool = False,
) -> int:
    """The team's mail: reference, queue, due time and a link; never a word of the text."""
    link = staff_message_url(settings.base_url, reference)
    what = "een vervolgbericht" if follow_up else "een nieuw bericht"
    body = (
        f"Er wacht {what} in de wachtrij {queue.name}.\n\n"
        f"Referentie: {reference}\n"
        f"Via: {FORM_NAMES.get(form, form)}\n"
        f"Te beantwoorden {due_in_words(due, 'nl')}.\n\n"
        f"Open het in de medewerkersomgeving:\n{link}\n"
    )
    mail = outbox.compose(
        sender=settings.mail_from,
        recipients=queue.notify,
        subject=f"{'Vervolgbericht' if follow_up else 'Nieuw bericht'} {reference}"
        f" in wachtrij {queue.name}",
        body=body,
        now=now,
    )
    return outbox.enqueue(conn, cipher, mail, kind="notification", reference=reference, now=now)


def confirm_to_person(
    conn: sqlite3.Connection,
    cipher: DataCipher,
    settings: Settings,
    *,
    address: str,
    reference: str,
    variant: str,
    due: datetime,
    now: datetime,
) -> int:
    due_text = due_in_words(due, language_of(variant))
    mail = outbox.compose(
        sender=settings.mail_from,
        recipients=[address],
        subject=text("confirmation_subject", variant),
        body=text("confirmation_body", variant, reference=reference, due=due_text),
        now=now,
    )
    return outbox.enqueue(conn, cipher, mail, kind="confirmation", reference=reference, now=now)
