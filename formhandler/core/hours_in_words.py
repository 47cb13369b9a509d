"""The calendar in words, in Dutch, French and English: hours, the reply promise, "open now".

The site's texts ({{ hulplijn.uren }}, the contact cards, the chat pages), the mail form
and the staff side all say the hours with these functions, so the words follow the data
file. Day names come from Babel; clock times are said as each language says them
("9 uur", "9 h", "9 am").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from babel.dates import get_day_names

from formhandler.core.opening_hours import LANGUAGES, Calendar, Opening

WORKING_DAYS = frozenset(range(5))
EVERY_DAY = frozenset(range(7))
_AND = {"nl": "en", "fr": "et", "en": "and"}


def clock_in_words(moment: time, language: str) -> str:
    """'9 uur', '9.30 uur'; '9 h', '9 h 30'; '9 am', '5:30 pm', 'midday'."""
    hour, minute = moment.hour, moment.minute
    if language == "fr":
        return f"{hour} h" + (f" {minute:02d}" if minute else "")
    if language == "en":
        if (hour, minute) == (12, 0):
            return "midday"
        twelve = hour % 12 or 12
        suffix = "am" if hour < 12 else "pm"
        return f"{twelve}:{minute:02d} {suffix}" if minute else f"{twelve} {suffix}"
    return (f"{hour}.{minute:02d}" if minute else str(hour)) + " uur"


def day_name(weekday: int, language: str) -> str:
    name = str(get_day_names("wide", locale=language)[weekday])
    return name.capitalize() if language == "en" else name


def _listed(words: list[str], language: str) -> str:
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {_AND[language]} {words[-1]}"


def days_in_words(weekdays: frozenset[int], language: str) -> str:
    """'op werkdagen', 'elke dag', 'op dinsdag, woensdag en donderdag' (and fr, en)."""
    if weekdays == WORKING_DAYS:
        return {"nl": "op werkdagen", "fr": "les jours ouvrables", "en": "on working days"}[
            language
        ]
    if weekdays == EVERY_DAY:
        return {"nl": "elke dag", "fr": "tous les jours", "en": "every day"}[language]
    names = [day_name(day, language) for day in sorted(weekdays)]
    if language == "fr":
        return _listed([f"le {name}" for name in names], language)
    return ("op " if language == "nl" else "on ") + _listed(names, language)


def _block(block: Opening, language: str) -> str:
    days = days_in_words(block.weekdays, language)
    opens, closes = block.opens, block.closes
    if language == "fr":
        return f"{days} de {clock_in_words(opens, 'fr')} à {clock_in_words(closes, 'fr')}"
    if language == "en":
        return f"{days} from {clock_in_words(opens, 'en')} to {clock_in_words(closes, 'en')}"
    # "van 8 tot 12 uur": Dutch says "uur" once.
    start = clock_in_words(opens, "nl").removesuffix(" uur")
    return f"{days} van {start} tot {clock_in_words(closes, 'nl')}"


def hours_in_words(calendar: Calendar, channel: str, language: str) -> str:
    """'op werkdagen van 8 tot 12 uur'; empty when the channel has no hours."""
    blocks = [_block(block, language) for block in calendar.hours.get(channel, ())]
    return _listed(blocks, language) if blocks else ""


def promise_in_words(calendar: Calendar, language: str) -> str:
    """'binnen twee werkdagen', 'dans les deux jours ouvrables', 'within two working days'."""
    count = calendar.reply_working_days
    numbers = {
        "nl": ["een", "twee", "drie", "vier", "vijf"],
        "fr": ["un", "deux", "trois", "quatre", "cinq"],
        "en": ["one", "two", "three", "four", "five"],
    }[language]
    said = numbers[count - 1] if count <= len(numbers) else str(count)
    if language == "fr":
        return "dans le jour ouvrable" if count == 1 else f"dans les {said} jours ouvrables"
    if language == "en":
        return f"within {said} working day{'s' if count > 1 else ''}"
    return f"binnen {said} werkdag{'en' if count > 1 else ''}"


def texts(calendar: Calendar) -> dict[str, dict[str, str]]:
    """What data/contact.yml's placeholders say: hulplijn.uren, .chat_uren, .antwoordtermijn."""
    return {
        "uren": {lang: hours_in_words(calendar, "telefoon", lang) for lang in LANGUAGES},
        "chat_uren": {lang: hours_in_words(calendar, "chat", lang) for lang in LANGUAGES},
        "mail_uren": {lang: hours_in_words(calendar, "mail", lang) for lang in LANGUAGES},
        "antwoordtermijn": {lang: promise_in_words(calendar, lang) for lang in LANGUAGES},
    }


# --- open now ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenState:
    """Whether a channel is open at a moment, and what a visitor is told about it."""

    open: bool
    until: datetime | None  # when it closes, if open
    next_opening: datetime | None  # when it opens again, if closed
    holiday: str | None  # today's holiday or closing day, if any


def open_state(calendar: Calendar, channel: str, moment: datetime, language: str) -> OpenState:
    here = calendar.local(moment)
    until = calendar.open_until(channel, here)
    return OpenState(
        open=until is not None,
        until=until,
        next_opening=None if until else calendar.next_opening(channel, here),
        holiday=calendar.holiday(here.date(), language),
    )


def _when(opening: datetime, now: datetime, language: str) -> str:
    """'vandaag om 9 uur', 'morgen om 9 uur', 'maandag om 9 uur' (and fr, en)."""
    days = (opening.date() - now.date()).days
    clock = clock_in_words(opening.timetz().replace(tzinfo=None), language)
    if language == "fr":
        day = {0: "aujourd'hui", 1: "demain"}.get(days, day_name(opening.weekday(), "fr"))
        return f"{day} à {clock}"
    if language == "en":
        day = {0: "today", 1: "tomorrow"}.get(days, f"on {day_name(opening.weekday(), 'en')}")
        return f"{day} at {clock}"
    day = {0: "vandaag", 1: "morgen"}.get(days, day_name(opening.weekday(), "nl"))
    return f"{day} om {clock}"


def state_in_words(calendar: Calendar, channel: str, moment: datetime, language: str) -> str:
    """'Nu open tot 12 uur', 'Nu gesloten. Weer open maandag om 9 uur',
    'Vandaag gesloten (Paasmaandag). Weer open dinsdag om 9 uur'."""
    here = calendar.local(moment)
    state = open_state(calendar, channel, here, language)
    if state.open and state.until is not None:
        clock = clock_in_words(state.until.timetz().replace(tzinfo=None), language)
        return {"nl": f"Nu open tot {clock}", "fr": f"Ouvert jusqu'à {clock}",
                "en": f"Open now until {clock}"}[language]  # fmt: skip
    closed = {"nl": "Nu gesloten", "fr": "Fermé maintenant", "en": "Closed now"}[language]
    if state.holiday:
        closed = {"nl": "Vandaag gesloten", "fr": "Fermé aujourd'hui",
                  "en": "Closed today"}[language] + f" ({state.holiday})"  # fmt: skip
    if state.next_opening is None:
        return closed
    again = {"nl": "Weer open", "fr": "Réouverture", "en": "Open again"}[language]
    return f"{closed}. {again} {_when(state.next_opening, here, language)}"


def next_closing_days(
    calendar: Calendar, start: datetime, days: int, language: str
) -> list[tuple[date, str]]:
    """Holidays and closing days on which the channel would otherwise be open, in order."""
    here = calendar.local(start).date()
    found = []
    for offset in range(days):
        day = here + timedelta(days=offset)
        name = calendar.holiday(day, language)
        if name and any(day.weekday() in b.weekdays for b in calendar.hours["telefoon"]):
            found.append((day, name))
    return found


# --- open now, as the browser says it ----------------------------------------------------
# The site's "open now" line is computed in the browser (overrides/assets/javascripts/
# open-now.js) from a calendar the build writes. These are its words, per language and for
# children in plainer Dutch ("dicht"); `state_in_words_for` is the Python reference the
# browser is tested against, and for adults it says exactly what `state_in_words` says.

STATE_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "open": "Nu open tot {klok}",
        "closed": "Nu gesloten",
        "closed_today": "Vandaag gesloten ({naam})",
        "reopens": "{gesloten}. Weer open {wanneer}",
        "today": "vandaag om {klok}",
        "tomorrow": "morgen om {klok}",
        "weekday": "{dag} om {klok}",
    },
    "fr": {
        "open": "Ouvert jusqu'à {klok}",
        "closed": "Fermé maintenant",
        "closed_today": "Fermé aujourd'hui ({naam})",
        "reopens": "{gesloten}. Réouverture {wanneer}",
        "today": "aujourd'hui à {klok}",
        "tomorrow": "demain à {klok}",
        "weekday": "{dag} à {klok}",
    },
    "en": {
        "open": "Open now until {klok}",
        "closed": "Closed now",
        "closed_today": "Closed today ({naam})",
        "reopens": "{gesloten}. Open again {wanneer}",
        "today": "today at {klok}",
        "tomorrow": "tomorrow at {klok}",
        "weekday": "on {dag} at {klok}",
    },
}
# Children read "dicht" on their site ("Is 1712 dicht?"), not "gesloten".
STATE_WORDS["kinderen"] = {
    **STATE_WORDS["nl"],
    "closed": "Nu dicht",
    "closed_today": "Vandaag dicht ({naam})",
}


def language_of(key: str) -> str:
    return "nl" if key == "kinderen" else key


def state_words(calendar: Calendar, key: str) -> dict[str, object]:
    """Everything the browser needs to say the state in one set of words: the sentences,
    the day names and every opening and closing time of the calendar in words."""
    language = language_of(key)
    moments = sorted(
        {
            moment
            for blocks in calendar.hours.values()
            for b in blocks
            for moment in (b.opens, b.closes)
        }
    )
    return {
        **STATE_WORDS[key],
        "language": language,
        "days": [day_name(weekday, language) for weekday in range(7)],
        "clock": {f"{m:%H:%M}": clock_in_words(m, language) for m in moments},
    }


def state_in_words_for(calendar: Calendar, channel: str, moment: datetime, key: str) -> str:
    """The "open now" line in the words of `key` (a language, or 'kinderen')."""
    words, language = STATE_WORDS[key], language_of(key)
    here = calendar.local(moment)
    state = open_state(calendar, channel, here, language)
    if state.open and state.until is not None:
        return words["open"].format(klok=clock_in_words(state.until.time(), language))
    closed = words["closed"]
    if state.holiday:
        closed = words["closed_today"].format(naam=state.holiday)
    if state.next_opening is None:
        return closed
    opening = state.next_opening
    days = (opening.date() - here.date()).days
    clock = clock_in_words(opening.time(), language)
    if days == 0:
        when = words["today"].format(klok=clock)
    elif days == 1:
        when = words["tomorrow"].format(klok=clock)
    else:
        when = words["weekday"].format(dag=day_name(opening.weekday(), language), klok=clock)
    return words["reopens"].format(gesloten=closed, wanneer=when)
