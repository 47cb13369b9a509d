"""The words around the forms: error summary, confirmation, problem pages, mails.

Texts are keyed like the form specs (`nl`, `fr`, `en`, and `kinderen` or
`jongeren` where children and young people need other words; see forms.say).
Phone numbers and hours come from `data/contact.yml`, the site's single source,
never typed here.
"""

from __future__ import annotations

from formhandler.core.contact import helpline_hours, phone
from formhandler.core.i18n import due_in_words, say

__all__ = ["TEXTS", "due_in_words", "helpline_hours", "phone", "text"]

TEXTS: dict[str, dict[str, str]] = {
    "error_prefix": {"nl": "Fout: ", "fr": "Erreur : ", "en": "Error: "},
    "summary_title": {
        "nl": "Er is een probleem",
        "fr": "Il y a un problème",
        "en": "There is a problem",
        "kinderen": "Kijk dit nog even na",
    },
    "optional": {"nl": "(niet verplicht)", "fr": "(facultatif)", "en": "(optional)"},
    # At the e-mail and phone fields: one of the two is needed (specs.ONE_OF_CONTACT).
    "or_telefoon": {
        "nl": "(dit of een telefoonnummer)",
        "fr": "(ceci ou un numéro de téléphone)",
        "en": "(this or a phone number)",
        "kinderen": "(dit of je telefoonnummer)",
    },
    "or_email": {
        "nl": "(dit of een e-mailadres)",
        "fr": "(ceci ou une adresse e-mail)",
        "en": "(this or an email address)",
        "kinderen": "(dit of je e-mailadres)",
    },
    "limit": {
        "nl": "Hoogstens {max} tekens.",
        "fr": "{max} caractères au maximum.",
        "en": "{max} characters at most.",
    },
    "counter_left": {
        "nl": "Je kan nog {n} tekens schrijven",
        "fr": "Il vous reste {n} caractères",
        "en": "You have {n} characters left",
    },
    "counter_over": {
        "nl": "{n} tekens te veel",
        "fr": "{n} caractères en trop",
        "en": "{n} characters too many",
    },
    "honeypot": {
        "nl": "Laat dit veld leeg",
        "fr": "Laissez ce champ vide",
        "en": "Leave this field empty",
    },
    "expired": {
        "nl": "Het formulier stond lang open. Je tekst staat er nog: kijk hem na en verstuur "
        "opnieuw.",
        "fr": "Le formulaire est resté ouvert longtemps. Votre texte est toujours là : "
        "relisez-le et envoyez-le à nouveau.",
        "en": "The form was open for a long time. Your text is still here: check it and send "
        "it again.",
        "kinderen": "Het formulier stond lang open. Je tekst staat er nog. Druk nog eens op "
        "versturen.",
    },
    "too_fast": {
        "nl": "Je bericht is nog niet verstuurd: het ging sneller dan we verwachten. Je tekst "
        "staat er nog: kijk hem na en verstuur opnieuw.",
        "fr": "Votre message n'est pas encore envoyé : c'est allé plus vite que prévu. Votre "
        "texte est toujours là : relisez-le et envoyez-le à nouveau.",
        "en": "Your message has not been sent yet: that went faster than we expect. Your text "
        "is still here: check it and send it again.",
        "kinderen": "Je bericht is nog niet verstuurd. Je tekst staat er nog. Druk nog eens op "
        "versturen.",
    },
    "rate_limited": {
        "nl": "Er kwamen de voorbije minuten al veel berichten van dit toestel. Je tekst staat "
        "er nog: probeer het over een tijdje opnieuw, of bel ons gratis en anoniem.",
        "fr": "Beaucoup de messages sont déjà venus de cet appareil ces dernières minutes. "
        "Votre texte est toujours là : réessayez dans un moment, ou appelez-nous "
        "gratuitement et anonymement.",
        "en": "Many messages came from this device in the last few minutes. Your text is "
        "still here: try again in a while, or call us for free and anonymously.",
    },
    "reference": {"nl": "Je referentie", "fr": "Votre référence", "en": "Your reference"},
    "answer_email": {
        "nl": "Je krijgt ons antwoord per e-mail, {due}.",
        "fr": "Vous recevrez notre réponse par e-mail, {due}.",
        "en": "You will get our answer by email, {due}.",
    },
    "answer_phone": {
        "nl": "We bellen je terug, {due}.",
        "fr": "Nous vous rappellerons, {due}.",
        "en": "We will call you back, {due}.",
    },
    "answer_site": {
        "nl": "Ons antwoord staat hier op de website klaar {due}.",
        "fr": "Notre réponse sera prête ici, sur le site, {due}.",
        "en": "Our answer will be ready here on the website {due}.",
        "kinderen": "Ons antwoord staat klaar op de website {due}.",
    },
    "site_keep": {
        "nl": "Bewaar je referentie samen met je codewoord. Je hebt ze allebei nodig om ons "
        "antwoord te lezen.",
        "fr": "Gardez votre référence avec votre mot de code. Il vous faut les deux pour lire "
        "notre réponse.",
        "en": "Keep your reference together with your code word. You need both to read our answer.",
        "kinderen": "Schrijf je referentie op. Onthoud ook je geheime codewoord. Je hebt ze "
        "allebei nodig.",
        "jongeren": "Bewaar je referentie en onthoud je codewoord. Je hebt ze allebei nodig "
        "om ons antwoord te lezen.",
    },
    "site_where": {
        "nl": "Lees ons antwoord op de pagina {link}. Daar kan je ons ook terugschrijven.",
        "fr": "Lisez notre réponse sur la page {link}. Vous pourrez aussi nous y répondre.",
        "en": "Read our answer on the page {link}. You can also write back to us there.",
        "kinderen": "Je leest ons antwoord op de pagina {link}. Daar kan je ook terugschrijven.",
    },
    "site_where_link": {
        "nl": "Antwoord lezen",
        "fr": "Lire la réponse",
        "en": "Read the answer",
        "kinderen": "Antwoord lezen",
    },
    "site_nobody": {
        "nl": "Zonder je referentie én je codewoord kan niemand ons antwoord tonen, ook 1712 "
        "niet. We kunnen je codewoord niet opzoeken.",
        "fr": "Sans votre référence et votre mot de code, personne ne peut afficher notre "
        "réponse, pas même 1712. Nous ne pouvons pas retrouver votre mot de code.",
        "en": "Without your reference and your code word nobody can show our answer, not even "
        "1712. We cannot look up your code word.",
        "kinderen": "Zonder allebei kan niemand ons antwoord zien. Ook 1712 niet. "
        "Wij kunnen je codewoord niet opzoeken.",
        "jongeren": "Zonder je referentie én je codewoord kan niemand ons antwoord tonen, ook "
        "1712 niet. Wij kunnen je codewoord niet opzoeken.",
    },
    "next_title": {
        "nl": "Wat gebeurt er nu?",
        "fr": "Et maintenant ?",
        "en": "What happens next",
    },
    "next_body": {
        "nl": "Een hulpverlener van 1712 leest wat je schreef en antwoordt je persoonlijk.",
        "fr": "Un intervenant de 1712 lit ce que vous avez écrit et vous répond "
        "personnellement. Les intervenants de 1712 répondent en néerlandais.",
        "en": "A 1712 counsellor reads what you wrote and answers you personally. 1712's "
        "counsellors answer in Dutch.",
        "kinderen": "Iemand van 1712 leest wat je schreef en antwoordt alleen aan jou.",
    },
    "keep_reference": {
        "nl": "Noteer je referentie als je later nog iets over dit bericht wil vragen. We tonen "
        "je bericht hier niet meer, zodat niemand het op dit toestel kan teruglezen.",
        "fr": "Notez votre référence si vous voulez poser une question sur ce message plus "
        "tard. Nous n'affichons plus votre message ici, pour que personne ne puisse le "
        "relire sur cet appareil.",
        "en": "Write down your reference if you want to ask about this message later. We do "
        "not show your message here again, so nobody can read it back on this device.",
        "kinderen": "Schrijf je referentie op als je later nog iets wil vragen. Je bericht staat "
        "hier niet meer, zodat niemand anders het kan lezen.",
    },
    "spam": {
        "nl": "Kijk ook in je map met ongewenste mail (spam): soms belandt ons antwoord daar.",
        "fr": "Regardez aussi dans vos courriers indésirables (spam) : notre réponse y arrive "
        "parfois.",
        "en": "Also look in your junk mail (spam) folder: our answer sometimes ends up there.",
        "kinderen": "Kijk ook bij je ongewenste mail (spam). Soms komt ons antwoord daar terecht.",
    },
    "sooner_title": {
        "nl": "Liever meteen praten?",
        "fr": "Vous préférez parler tout de suite ?",
        "en": "Rather talk straight away?",
    },
    "sooner_body": {
        "nl": "Bel gratis en anoniem naar {hulplijn}, {uren}.",
        "fr": "Appelez gratuitement et anonymement le {hulplijn}, {uren}.",
        "en": "Call {hulplijn} for free and anonymously, {uren}.",
        "kinderen": "Bel gratis naar {hulplijn}, {uren}. Of bel Awel op {awel}.",
        "jongeren": "Bel gratis en anoniem naar {hulplijn}, {uren}. Of bel Awel op {awel}.",
    },
    "emergency": {
        "nl": "In nood: bel {noodnummer} of de politie op {politie}.",
        "fr": "En cas d'urgence : appelez le {noodnummer} ou la police au {politie}.",
        "en": "In an emergency: call {noodnummer}, or the police on {politie}.",
        "kinderen": "Ben je in gevaar? Bel {noodnummer} of de politie op {politie}.",
    },
    "back_to_form": {
        "nl": "Terug naar het formulier",
        "fr": "Retour au formulaire",
        "en": "Back to the form",
    },
    "rejected_title": {
        "nl": "We konden je formulier niet aannemen",
        "fr": "Nous n'avons pas pu accepter votre formulaire",
        "en": "We could not accept your form",
    },
    "rejected_body": {
        "nl": "Er ging iets mis met het formulier, waardoor je bericht niet bij ons is "
        "aangekomen. Dat ligt niet aan jou. Probeer het formulier opnieuw, of neem op een "
        "andere manier contact op.",
        "fr": "Un problème avec le formulaire a empêché votre message de nous parvenir. Ce "
        "n'est pas de votre faute. Réessayez le formulaire, ou contactez-nous autrement.",
        "en": "Something went wrong with the form, so your message did not reach us. It is "
        "not your fault. Try the form again, or contact us another way.",
    },
    "unreadable_title": {
        "nl": "We konden dit formulier niet lezen",
        "fr": "Nous n'avons pas pu lire ce formulaire",
        "en": "We could not read this form",
    },
    "unreadable_body": {
        "nl": "Je browser stuurde iets wat dit formulier niet aanneemt, bijvoorbeeld een "
        "bestand of een foto. Je bericht is niet bij ons aangekomen. Ga terug en verstuur "
        "alleen tekst.",
        "fr": "Votre navigateur a envoyé quelque chose que ce formulaire n'accepte pas, par "
        "exemple un fichier ou une photo. Votre message ne nous est pas parvenu. Revenez en "
        "arrière et envoyez uniquement du texte.",
        "en": "Your browser sent something this form does not take, such as a file or a "
        "photo. Your message did not reach us. Go back and send text only.",
    },
    "too_large_title": {
        "nl": "Je bericht is te lang",
        "fr": "Votre message est trop long",
        "en": "Your message is too long",
    },
    "too_large_body": {
        "nl": "Een bericht mag hoogstens {max} tekens lang zijn. Ga terug met de terugknop van "
        "je browser, maak je bericht korter en verstuur het opnieuw. Je mag ook twee "
        "berichten sturen.",
        "fr": "Un message peut compter au maximum {max} caractères. Revenez en arrière avec "
        "le bouton de votre navigateur, raccourcissez votre message et envoyez-le à "
        "nouveau. Vous pouvez aussi envoyer deux messages.",
        "en": "A message may be at most {max} characters long. Go back with your browser's "
        "back button, make your message shorter and send it again. You may also send two "
        "messages.",
    },
    "confirmation_subject": {
        "nl": "Je bericht is goed aangekomen",
        "fr": "Votre message est bien arrivé",
        "en": "Your message has arrived",
    },
    "confirmation_body": {
        "nl": "Hallo,\n\nWe hebben je bericht goed ontvangen.\n\nJe referentie: {reference}\n"
        "Je krijgt antwoord {due}.\n\nKijk ook in je map met ongewenste mail.\n\n"
        "Dit is een automatische mail; antwoorden kan niet.\n",
        "fr": "Bonjour,\n\nNous avons bien reçu votre message.\n\n"
        "Votre référence : {reference}\nVous recevrez une réponse {due}.\n\n"
        "Regardez aussi dans vos courriers indésirables.\n\n"
        "Ceci est un e-mail automatique ; il n'est pas possible d'y répondre.\n",
        "en": "Hello,\n\nWe have received your message.\n\nYour reference: {reference}\n"
        "You will get an answer {due}.\n\nAlso look in your junk mail folder.\n\n"
        "This is an automatic email; replies are not read.\n",
    },
}


def text(name: str, variant: str, **values: object) -> str:
    found = say(TEXTS[name], variant)
    return found.format(**values) if values else found
