"""The words of the pages where a person reads the answer on the site (issue 12).

Keyed like forms.wording (`nl`, `fr`, `en`, and `kinderen` or `jongeren` where they need
words of their own). Phone numbers come from data/contact.yml through forms.wording.
"""

from __future__ import annotations

from formhandler.core.i18n import say

PICKUP_TEXTS: dict[str, dict[str, str]] = {
    "reference_label": {
        "nl": "Je referentie",
        "fr": "Votre référence",
        "en": "Your reference",
    },
    "reference_hint": {
        "nl": "8 tekens, bijvoorbeeld K7MQ 2XWP. Je kreeg ze na het versturen.",
        "fr": "8 caractères, par exemple K7MQ 2XWP. Vous l'avez reçue après l'envoi.",
        "en": "8 characters, for example K7MQ 2XWP. You got it after sending.",
        "kinderen": "8 tekens, zoals K7MQ 2XWP. Je kreeg ze na het versturen.",
    },
    "code_word_label": {
        "nl": "Je codewoord",
        "fr": "Votre mot de code",
        "en": "Your code word",
        "kinderen": "Je geheime codewoord",
    },
    "open": {
        "nl": "Lees het antwoord",
        "fr": "Lire la réponse",
        "en": "Read the answer",
    },
    "no_match": {
        "nl": "De referentie of het codewoord klopt niet, of dit gesprek is al gewist. Kijk "
        "beide na en probeer opnieuw.",
        "fr": "La référence ou le mot de code ne correspond pas, ou cette conversation a déjà "
        "été effacée. Vérifiez les deux et réessayez.",
        "en": "The reference or the code word is not right, or this conversation has been "
        "deleted. Check both and try again.",
        "kinderen": "De referentie of het codewoord klopt niet. Of het gesprek is al gewist. "
        "Kijk ze na en probeer opnieuw.",
    },
    "locked": {
        "nl": "Er waren te veel foute pogingen voor deze referentie. Daarom is ze een uur "
        "op slot. Probeer het over een uur opnieuw, of bel ons gratis en anoniem op "
        "{hulplijn}, {uren}.",
        "fr": "Il y a eu trop d'essais erronés pour cette référence. Elle est donc bloquée "
        "pendant une heure. Réessayez dans une heure, ou appelez-nous gratuitement et "
        "anonymement au {hulplijn}, {uren}.",
        "en": "There were too many wrong tries for this reference. It is locked for an hour. "
        "Try again in an hour, or call us for free and anonymously on {hulplijn}, {uren}.",
        "kinderen": "Er waren te veel foute pogingen. Daarom is het gesprek een uur op slot. "
        "Probeer het over een uur opnieuw. Of bel gratis naar {hulplijn}, {uren}.",
    },
    "client_limited": {
        "nl": "Er kwamen de voorbije tijd te veel pogingen van dit toestel. Probeer het over "
        "een uur opnieuw, of bel ons gratis en anoniem op {hulplijn}, {uren}.",
        "fr": "Trop d'essais sont venus de cet appareil récemment. Réessayez dans une heure, "
        "ou appelez-nous gratuitement et anonymement au {hulplijn}, {uren}.",
        "en": "Too many tries came from this device recently. Try again in an hour, or call "
        "us for free and anonymously on {hulplijn}, {uren}.",
        "kinderen": "Er kwamen te veel pogingen van dit toestel. Probeer het over een uur "
        "opnieuw. Of bel gratis naar {hulplijn}, {uren}.",
    },
    "conversation_title": {
        "nl": "Je gesprek met 1712",
        "fr": "Votre conversation avec 1712",
        "en": "Your conversation with 1712",
    },
    "you_wrote": {
        "nl": "Jij schreef, {when}",
        "fr": "Vous avez écrit, {when}",
        "en": "You wrote, {when}",
    },
    "team_wrote": {
        "nl": "1712 antwoordde, {when}",
        "fr": "1712 a répondu, {when}",
        "en": "1712 answered, {when}",
    },
    "waiting": {
        "nl": "Ons antwoord staat hier {due}.",
        "fr": "Notre réponse sera ici {due}.",
        "en": "Our answer will be here {due}.",
    },
    "sent": {
        "nl": "Je bericht is verstuurd. Ons antwoord staat hier {due}.",
        "fr": "Votre message a été envoyé. Notre réponse sera ici {due}.",
        "en": "Your message has been sent. Our answer will be here {due}.",
    },
    "kept_until": {
        "nl": "Je kan dit gesprek lezen tot {days} dagen nadat we je vraag afsluiten. Daarna "
        "wissen we het.",
        "fr": "Vous pouvez lire cette conversation jusqu'à {days} jours après la clôture de "
        "votre question. Ensuite, nous l'effaçons.",
        "en": "You can read this conversation until {days} days after we close your "
        "question. Then we delete it.",
        "kinderen": "Je kan dit gesprek nog lezen tot {days} dagen nadat we stoppen. Daarna "
        "wissen we het.",
    },
    "kept_until_date": {
        "nl": "Je kan dit gesprek lezen tot {date}. Daarna wissen we het.",
        "fr": "Vous pouvez lire cette conversation jusqu'au {date}. Ensuite, nous l'effaçons.",
        "en": "You can read this conversation until {date}. Then we delete it.",
    },
    "reply_label": {
        "nl": "Schrijf terug",
        "fr": "Répondre",
        "en": "Write back",
    },
    "reply_hint": {
        "nl": "Je bericht komt bij hetzelfde gesprek. We antwoorden hier weer.",
        "fr": "Votre message rejoint la même conversation. Nous répondons à nouveau ici.",
        "en": "Your message joins the same conversation. We answer here again.",
        "kinderen": "Je bericht komt bij dit gesprek. We antwoorden hier.",
    },
    "reply_required": {
        "nl": "Schrijf je bericht",
        "fr": "Écrivez votre message",
        "en": "Write your message",
    },
    "send": {"nl": "Verstuur", "fr": "Envoyer", "en": "Send"},
    "close": {
        "nl": "Sluit dit gesprek",
        "fr": "Fermer cette conversation",
        "en": "Close this conversation",
    },
    "ticket_expired": {
        "nl": "Deze pagina stond lang open. Vul je referentie en je codewoord opnieuw in.",
        "fr": "Cette page est restée ouverte longtemps. Saisissez à nouveau votre référence "
        "et votre mot de code.",
        "en": "This page was open for a long time. Enter your reference and code word again.",
    },
}


def pickup_text(name: str, variant: str, **values: object) -> str:
    found = say(PICKUP_TEXTS[name], variant)
    return found.format(**values) if values else found
