"""Statistics for coordinators, from the anonymous statistics rows only.

Every message gets one row in `message_statistics` (month, form, audience, queue, the
categories the person chose, the categories the helper recorded, working time to the
first answer, answered in time or not). The purge leaves that row alone, so the figures
of a month do not change when its messages are wiped.

`answered_in_time` stays empty while a message can still be answered in time; it
becomes 1 or 0 at the first answer, or 0 when the scheduler finds it overdue. The share
answered in time counts only messages whose outcome is known.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import statistics as stats
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from formhandler.core.categories import FOLLOWUPS, PROBLEMS
from formhandler.core.opening_hours import Calendar
from formhandler.core.workdays import working_time_between
from formhandler.storage import database


def _month(received_at: str) -> str:
    return database.month_of(database.moment(received_at))


def ensure_rows(db: sqlite3.Connection) -> int:
    """Give every message its statistics row: new messages get theirs when stored
    (database.insert_message); this fills in rows stored before that."""
    rows = db.execute(
        "SELECT m.id, m.form, m.audience, m.queue, m.age_group, m.writer, m.theme, m.received_at,"
        " m.reply_by FROM messages m LEFT JOIN message_statistics s ON s.message_id = m.id"
        " WHERE s.message_id IS NULL"
    ).fetchall()
    for row in rows:
        db.execute(
            "INSERT OR IGNORE INTO message_statistics (message_id, month, form, audience, queue,"
            " age_group, writer, theme, answer_channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row["id"],
                _month(row["received_at"]),
                row["form"],
                row["audience"],
                row["queue"],
                row["age_group"],
                row["writer"],
                row["theme"],
                row["reply_by"],
            ),
        )
    return len(rows)


def record_followup(db: sqlite3.Connection, message_id: int) -> None:
    """The person wrote back on the site: one more follow-up for this message."""
    ensure_rows(db)
    db.execute(
        "UPDATE message_statistics SET person_followups = person_followups + 1"
        " WHERE message_id = ?",
        (message_id,),
    )


def record_first_answer(
    db: sqlite3.Connection,
    message_id: int,
    *,
    received_at: datetime,
    due_at: datetime,
    now: datetime,
    calendar: Calendar | None = None,
) -> None:
    ensure_rows(db)
    minutes = int(working_time_between(received_at, now, calendar).total_seconds() // 60)
    db.execute(
        "UPDATE message_statistics SET working_minutes_to_answer = ?, answered_in_time = ?"
        " WHERE message_id = ?",
        (minutes, int(now <= due_at), message_id),
    )


def record_overdue(db: sqlite3.Connection, message_id: int) -> None:
    ensure_rows(db)
    db.execute(
        "UPDATE message_statistics SET answered_in_time = 0"
        " WHERE message_id = ? AND working_minutes_to_answer IS NULL",
        (message_id,),
    )


def record_closing(
    db: sqlite3.Connection, message_id: int, problem: str, followups: list[str], outcome: str
) -> None:
    ensure_rows(db)
    db.execute(
        "UPDATE message_statistics SET problem = ?, followups = ?, outcome = ?"
        " WHERE message_id = ?",
        (problem, ",".join(sorted(set(followups))), outcome, message_id),
    )


@dataclass(frozen=True)
class QueueMonth:
    month: str
    queue: str
    received: int
    answered: int
    in_time: int
    decided: int
    median_hours: float | None

    @property
    def share_in_time(self) -> float | None:
        return self.in_time / self.decided if self.decided else None


def months(db: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in db.execute("SELECT DISTINCT month FROM message_statistics ORDER BY month DESC")
    ]


def per_queue(db: sqlite3.Connection, month: str | None = None) -> list[QueueMonth]:
    """Received, answered, share in time and median working hours, per month and queue."""
    query = "SELECT * FROM message_statistics"
    params: tuple = ()
    if month:
        query += " WHERE month = ?"
        params = (month,)
    groups: dict[tuple[str, str], list[sqlite3.Row]] = {}
    for row in db.execute(query, params):
        groups.setdefault((row["month"], row["queue"]), []).append(row)
    result = []
    for (month_, queue), rows in sorted(groups.items()):
        minutes = [r["working_minutes_to_answer"] for r in rows]
        answered = [m for m in minutes if m is not None]
        decided = [r["answered_in_time"] for r in rows if r["answered_in_time"] is not None]
        result.append(
            QueueMonth(
                month=month_,
                queue=queue,
                received=len(rows),
                answered=len(answered),
                in_time=sum(decided),
                decided=len(decided),
                median_hours=round(stats.median(answered) / 60, 1) if answered else None,
            )
        )
    return result


ANSWER_CHANNELS = {"email": "e-mail", "phone": "telefoon", "site": "op de site"}


def category_counts(db: sqlite3.Connection, month: str | None = None) -> dict[str, Counter]:
    """Counts per age group, who wrote, problem and follow-up, like the annual report's tables;
    then how people asked to be answered, and how many wrote back on the site."""
    query = (
        "SELECT age_group, writer, problem, followups, answer_channel, person_followups"
        " FROM message_statistics"
    )
    params: tuple = ()
    if month:
        query += " WHERE month = ?"
        params = (month,)
    counts: dict[str, Counter] = {
        "Leeftijdsgroep": Counter(),
        "Wie schreef": Counter(),
        "Probleem": Counter(),
        "Gevolg": Counter(),
        "Antwoord via": Counter(),
        "Vervolgberichten op de site": Counter(),
    }
    for row in db.execute(query, params):
        counts["Leeftijdsgroep"][row["age_group"] or "niet opgegeven"] += 1
        counts["Wie schreef"][row["writer"] or "niet opgegeven"] += 1
        counts["Probleem"][PROBLEMS.get(row["problem"], "nog niet afgesloten")] += 1
        for item in filter(None, (row["followups"] or "").split(",")):
            counts["Gevolg"][FOLLOWUPS.get(item, item)] += 1
        channel = row["answer_channel"]
        counts["Antwoord via"][ANSWER_CHANNELS.get(channel, channel or "niet opgegeven")] += 1
        if row["person_followups"]:
            counts["Vervolgberichten op de site"]["berichten met een vervolg"] += 1
            counts["Vervolgberichten op de site"]["vervolgberichten"] += row["person_followups"]
    return counts


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def csv_text(db: sqlite3.Connection, month: str | None = None) -> str:
    """The per-queue table, then the category counts, as one CSV (a 'tabel' column)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "tabel",
            "maand",
            "wachtrij",
            "categorie",
            "ontvangen",
            "beantwoord",
            "binnen_twee_werkdagen",
            "aandeel_binnen_twee_werkdagen",
            "mediaan_werkuren_tot_antwoord",
            "aantal",
        ]
    )
    for row in per_queue(db, month):
        writer.writerow(
            [
                "wachtrij",
                row.month,
                row.queue,
                "",
                row.received,
                row.answered,
                row.in_time,
                _share(row.share_in_time),
                "" if row.median_hours is None else row.median_hours,
                "",
            ]
        )
    for table, counter in category_counts(db, month).items():
        for category, count in sorted(counter.items()):
            writer.writerow([table, month or "alle", "", category, "", "", "", "", "", count])
    return out.getvalue()
