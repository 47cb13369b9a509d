"""The helper's answer to a citizen: one mail through the outbox, from the helpline.

A message answered on the site (reply_by 'site', issue 12) gets no mail: the answer is
stored sealed in its thread, where the person reads it with reference and code word.

The subject is neutral in the language the person wrote in (someone else may see the
mailbox), the reference is in the body so the person can refer to it when calling, and
the mail goes from the helpline's own address (FORMHANDLER_MAIL_FROM), never from the
helper's. The first answer marks the message answered, in the same transaction that puts
the mail in the outbox: no answer is recorded that is not on its way.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from email.message import EmailMessage

from formhandler.core.crypto import DataCipher
from formhandler.core.hours_in_words import hours_in_words
from formhandler.core.settings import Settings
from formhandler.mail import outbox
from formhandler.staff import workflow
from formhandler.staff.accounts import StaffUser
from formhandler.storage import database, messages

MAX_REPLY_CHARS = 20_000

SUBJECTS = {
    "nl": "Antwoord op je bericht",
    "fr": "Réponse à votre message",
    "en": "Reply to your message",
}
FOOTERS = {
    "nl": "Referentie van je bericht: {reference}\n"
    "Je kunt niet op deze mail antwoorden. Wil je verder praten? Bel gratis en anoniem "
    "1712 {hours}, of schrijf opnieuw via het mailformulier.",
    "fr": "Référence de votre message : {reference}\n"
    "Vous ne pouvez pas répondre à ce courriel. Appelez gratuitement et anonymement le 1712 "
    "(en néerlandais) {hours}, ou écrivez à nouveau via le formulaire.",
    "en": "Reference of your message: {reference}\n"
    "You cannot reply to this e-mail. Call 1712 free and anonymously {hours} (in Dutch), "
    "or write again through the form.",
}


def compose(
    settings: Settings, message: workflow.Message, address: str, text: str, now: datetime
) -> EmailMessage:
    language = message.language if message.language in SUBJECTS else "nl"
    # The phone hours in words, from the calendar (data/contact.yml).
    hours = hours_in_words(settings.calendar, "telefoon", language)
    footer = FOOTERS[language].format(reference=message.reference, hours=hours)
    mail = outbox.compose(
        sender=settings.mail_from,
        recipients=[address],
        subject=SUBJECTS[language],
        body=f"{text.strip()}\n\n-- \n{footer}\n",
        now=now,
    )
    # Written by a person, not a machine: mail clients may treat it as an ordinary mail.
    del mail["Auto-Submitted"]
    return mail


def send_reply(
    db: sqlite3.Connection,
    settings: Settings,
    cipher: DataCipher,
    message: workflow.Message,
    user: StaffUser,
    text: str,
    now: datetime,
) -> None:
    if not text.strip():
        raise workflow.WorkflowError("Schrijf eerst een antwoord.")
    if len(text) > MAX_REPLY_CHARS:
        raise workflow.WorkflowError(f"Een antwoord is hoogstens {MAX_REPLY_CHARS} tekens lang.")
    if message.closed_at or message.purged_at:
        raise workflow.WorkflowError("Dit bericht is al afgesloten.")
    if message.reply_by == "site":
        # Read on the site with reference and code word: stored sealed in the thread,
        # never mailed anywhere.
        with database.transaction(db):
            messages.add_to_thread(db, cipher, message.id, user.name, text.strip(), now)
            messages.claim_if_unclaimed(db, message.id, user.name, now)
            workflow.record_answer(db, message, now, settings.calendar)
        return
    if message.reply_by != "email":
        raise workflow.WorkflowError("Deze persoon wil teruggebeld worden, niet gemaild.")
    _, contact = database.message_content(db, cipher, message.reference)
    address = (contact or {}).get("email")
    if not address:
        raise workflow.WorkflowError("Bij dit bericht staat geen e-mailadres.")
    mail = compose(settings, message, address, text, now)
    with database.transaction(db):
        outbox.enqueue(db, cipher, mail, kind="reply", reference=message.reference, now=now)
        messages.claim_if_unclaimed(db, message.id, user.name, now)
        workflow.record_answer(db, message, now, settings.calendar)
