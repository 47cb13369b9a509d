"""The words of the organisation pages, in Dutch, French and English.

Region, group and theme names, headings, the map's texts and the card's words for each
language of the adult site. French uses a no-break space (\\u00a0) before ? : and !, as
the French pages do. The children's and youth pages are Dutch and speak in their own
words (`render.VOICES`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sitebuild.organisations.vocabulary import REGIONS, THEMES, WHO

NBSP = "\u00a0"


@dataclass(frozen=True)
class Labels:
    language: str
    regions: dict[str, str]  # slug -> name
    in_region: dict[str, str]  # slug -> "in de provincie Antwerpen", after a noun
    who: dict[str, tuple[str, str]]  # slug -> (short label, phrase after "for")
    themes: dict[str, str]  # slug -> name
    text: dict[str, str]  # sentences and format strings, by purpose

    def theme_phrase(self, slug: str) -> str:
        """The theme's name inside a sentence: 'partnergeweld', 'violence sexuelle'."""
        return self.themes[slug].lower()


def heading(phrase: str) -> str:
    """A phrase as a heading: 'in Brussel' -> 'In Brussel', 'à Bruxelles' -> 'À Bruxelles'."""
    return phrase[:1].upper() + phrase[1:]


DUTCH = Labels(
    language="nl",
    regions=REGIONS,
    in_region={
        "antwerpen": "in de provincie Antwerpen",
        "limburg": "in de provincie Limburg",
        "oost-vlaanderen": "in de provincie Oost-Vlaanderen",
        "west-vlaanderen": "in de provincie West-Vlaanderen",
        "vlaams-brabant": "in de provincie Vlaams-Brabant",
        "brussel": "in Brussel",
    },
    who={
        slug: (WHO[slug], phrase)
        for slug, phrase in {
            "kinderen": "kinderen (jonger dan 13)",
            "jongeren": "jongeren",
            "volwassenen": "volwassenen",
            "ouderen": "ouderen",
            "slachtoffers": "wie zelf geweld meemaakt",
            "naasten": "wie iemand nabij heeft die geweld meemaakt",
            "getuigen": "wie geweld ziet of hoort",
            "plegers": "wie zelf (soms) geweld gebruikt",
        }.items()
    },
    themes=THEMES,
    text={
        "region_title": "Organisaties in {name}",
        "region_description": "Waar kan je terecht {in_region} bij geweld, misbruik of "
        "kindermishandeling? Organisaties met hun contactgegevens.",
        "region_intro": "Deze organisaties helpen mensen {in_region}: eerst wie in deze regio "
        "werkt, daarna wie overal in Vlaanderen en Brussel helpt.",
        "who_title": "Organisaties voor {phrase}",
        "who_description": "Organisaties die helpen bij geweld, misbruik of "
        "kindermishandeling, voor {phrase}.",
        "who_intro": "Deze organisaties helpen {phrase}. Wil je iets anders kiezen? Gebruik de "
        "lijsten hieronder.",
        "theme_title": "Organisaties bij {theme}",
        "theme_description": "Organisaties die helpen bij {theme}, overal en per regio.",
        "theme_intro": "Deze organisaties helpen bij {theme}.",
        "what_is": "Wat is {theme}?",
        "search_heading": "Zoek op wie je bent of op het soort geweld",
        "everywhere_heading": "Overal in Vlaanderen en Brussel",
        "everywhere_intro": "Deze organisaties helpen iedereen, waar je ook woont. Kies "
        "hierboven je regio om ook de hulp dicht bij jou te zien.",
        "no_local": "Er staan nog geen organisaties op de kaart die alleen in deze regio werken.",
        "nearby_heading": "Dicht bij jou, per regio",
        "nothing_chosen": "Voor deze keuze staan er nog geen organisaties op de kaart.",
        "back": "Naar het overzicht van alle organisaties",
        "choose_region": "Kies je regio",
        "choose_region_list": "Kies je regio: {regions}.",
        "own_site_kinderen": "Ben je zelf een kind? Op [de site voor kinderen]({url}) staat wie "
        "jou kan helpen, in jouw woorden.",
        "own_site_jongeren": "Ben je zelf jong? Op [de site voor jongeren]({url}) staat wie jou "
        "kan helpen, in jouw woorden.",
        "map_title": "Kaart van Vlaanderen en Brussel: kies je regio",
        "count": "{count} organisaties",
        "filter_who": "Wie ben je?",
        "filter_theme": "Over welk soort geweld?",
        "call": "Bel {number}",
        "chat": "Chat met {name}",
        "website": "Website van {name}",
        "free": "Gratis",
        "anonymous": "Anoniem",
        "hours": "Bereikbaar: {hours}",
        "works_in": "Werkt in: {regions}",
        "in_dutch": "",
        "script_all": "Alle",
        "script_status": "{shown} van {total} organisaties getoond.",
        "script_form": "Organisaties op deze pagina filteren",
    },
)

FRENCH = Labels(
    language="fr",
    regions={
        "antwerpen": "Anvers",
        "limburg": "Limbourg",
        "oost-vlaanderen": "Flandre-Orientale",
        "west-vlaanderen": "Flandre-Occidentale",
        "vlaams-brabant": "Brabant flamand",
        "brussel": "Bruxelles",
    },
    in_region={
        "antwerpen": "dans la province d'Anvers",
        "limburg": "dans la province de Limbourg",
        "oost-vlaanderen": "dans la province de Flandre-Orientale",
        "west-vlaanderen": "dans la province de Flandre-Occidentale",
        "vlaams-brabant": "dans la province du Brabant flamand",
        "brussel": "à Bruxelles",
    },
    who={
        "kinderen": ("Enfants", "les enfants (moins de 13 ans)"),
        "jongeren": ("Jeunes", "les jeunes"),
        "volwassenen": ("Adultes", "les adultes"),
        "ouderen": ("Personnes âgées", "les personnes âgées"),
        "slachtoffers": ("Victimes", "les personnes qui subissent elles-mêmes des violences"),
        "naasten": ("Proches", "les proches d'une personne qui subit des violences"),
        "getuigen": ("Témoins", "les personnes qui voient ou entendent des violences"),
        "plegers": (
            "Personnes qui usent de violence",
            "les personnes qui usent elles-mêmes (parfois) de violence",
        ),
    },
    themes={
        "kindermishandeling": "Maltraitance et négligence d'enfants",
        "partnergeweld": "Violence entre partenaires",
        "seksueel-geweld": "Violences sexuelles",
        "geweld-tegen-volwassenen": "Violence envers des adultes",
        "ouderenmishandeling": "Maltraitance des personnes âgées",
        "vechtscheiding": "Séparations conflictuelles",
        "stalking": "Harcèlement obsessionnel",
        "online-geweld": "Violence en ligne",
    },
    text={
        "region_title": "Organisations {in_region}",
        "region_description": "Où trouver de l'aide {in_region} face à la violence, aux abus "
        f"ou à la maltraitance d'enfants{NBSP}? Des organisations et leurs coordonnées.",
        "region_intro": "Ces organisations aident les personnes qui vivent "
        f"{{in_region}}{NBSP}: d'abord celles qui travaillent dans cette région, puis celles "
        "qui aident partout en Flandre et à Bruxelles.",
        "who_title": "Organisations pour {phrase}",
        "who_description": "Des organisations qui aident face à la violence, aux abus ou à la "
        "maltraitance d'enfants, pour {phrase}.",
        "who_intro": f"Ces organisations aident {{phrase}}. Vous cherchez autre chose{NBSP}? "
        "Faites un autre choix dans les listes ci-dessous.",
        "theme_title": "Organisations en cas de {theme}",
        "theme_description": "Des organisations qui aident en cas de {theme}, partout et par "
        "région.",
        "theme_intro": "Ces organisations aident en cas de {theme}.",
        "what_is": f"{{Theme}}{NBSP}: de quoi s'agit-il{NBSP}?",
        "search_heading": "Chercher selon votre situation ou la forme de violence",
        "everywhere_heading": "Partout en Flandre et à Bruxelles",
        "everywhere_intro": "Ces organisations aident tout le monde, où que vous habitiez. "
        "Choisissez votre région ci-dessus pour voir aussi l'aide près de chez vous.",
        "no_local": "La carte ne compte pas encore d'organisation qui travaille uniquement "
        "dans cette région.",
        "nearby_heading": "Près de chez vous, par région",
        "nothing_chosen": "La carte ne compte pas encore d'organisation pour ce choix.",
        "back": "Retour à la liste de toutes les organisations",
        "choose_region": "Choisissez votre région",
        "choose_region_list": f"Choisissez votre région{NBSP}: {{regions}}.",
        "own_site_kinderen": f"Tu es un enfant{NBSP}? Le [site pour les enfants]({{url}}) "
        "explique avec des mots simples qui peut t'aider.",
        "own_site_jongeren": f"Tu es jeune{NBSP}? Le [site pour les jeunes]({{url}}) explique "
        "qui peut t'aider.",
        "map_title": f"Carte de la Flandre et de Bruxelles{NBSP}: choisissez votre région",
        "count": "{count} organisations",
        "filter_who": f"Qui êtes-vous{NBSP}?",
        "filter_theme": f"Quelle forme de violence{NBSP}?",
        "call": "Appeler le {number}",
        "chat": "Chatter avec {name}",
        "website": "Site web de {name}",
        "free": "Gratuit",
        "anonymous": "Anonyme",
        "hours": f"Joignable{NBSP}: {{hours}}",
        "works_in": f"Région(s){NBSP}: {{regions}}",
        "in_dutch": "en néerlandais",
        "script_all": "Toutes",
        "script_status": "{shown} organisations affichées sur {total}.",
        "script_form": "Filtrer les organisations de cette page",
    },
)

ENGLISH = Labels(
    language="en",
    regions={
        "antwerpen": "Antwerp",
        "limburg": "Limburg",
        "oost-vlaanderen": "East Flanders",
        "west-vlaanderen": "West Flanders",
        "vlaams-brabant": "Flemish Brabant",
        "brussel": "Brussels",
    },
    in_region={
        "antwerpen": "in the province of Antwerp",
        "limburg": "in the province of Limburg",
        "oost-vlaanderen": "in the province of East Flanders",
        "west-vlaanderen": "in the province of West Flanders",
        "vlaams-brabant": "in the province of Flemish Brabant",
        "brussel": "in Brussels",
    },
    who={
        "kinderen": ("Children", "children (under 13)"),
        "jongeren": ("Young people", "young people"),
        "volwassenen": ("Adults", "adults"),
        "ouderen": ("Older people", "older people"),
        "slachtoffers": ("Victims", "people who experience violence themselves"),
        "naasten": ("Family and friends", "people close to someone who experiences violence"),
        "getuigen": ("Witnesses", "people who see or hear violence"),
        "plegers": ("People who use violence", "people who (sometimes) use violence themselves"),
    },
    themes={
        "kindermishandeling": "Child abuse and neglect",
        "partnergeweld": "Partner violence",
        "seksueel-geweld": "Sexual violence",
        "geweld-tegen-volwassenen": "Violence against adults",
        "ouderenmishandeling": "Abuse of older people",
        "vechtscheiding": "High-conflict divorce",
        "stalking": "Stalking",
        "online-geweld": "Online abuse",
    },
    text={
        "region_title": "Organisations {in_region}",
        "region_description": "Where can you get help {in_region} with violence, abuse or "
        "child abuse? Organisations and how to reach them.",
        "region_intro": "These organisations help people {in_region}: first those that work "
        "in this region, then those that help everywhere in Flanders and Brussels.",
        "who_title": "Organisations for {phrase}",
        "who_description": "Organisations that help with violence, abuse or child abuse, for "
        "{phrase}.",
        "who_intro": "These organisations help {phrase}. Looking for something else? Make "
        "another choice in the lists below.",
        "theme_title": "Organisations that help with {theme}",
        "theme_description": "Organisations that help with {theme}, everywhere and by region.",
        "theme_intro": "These organisations help with {theme}.",
        "what_is": "What is {theme}?",
        "search_heading": "Search by who you are or by the kind of violence",
        "everywhere_heading": "Everywhere in Flanders and Brussels",
        "everywhere_intro": "These organisations help everyone, wherever you live. Choose your "
        "region above to also see the help close to you.",
        "no_local": "The map has no organisations yet that work only in this region.",
        "nearby_heading": "Close to you, by region",
        "nothing_chosen": "The map has no organisations for this choice yet.",
        "back": "Back to the list of all organisations",
        "choose_region": "Choose your region",
        "choose_region_list": "Choose your region: {regions}.",
        "own_site_kinderen": "Are you a child? The [site for children]({url}) shows who can "
        "help you, in words for you.",
        "own_site_jongeren": "Are you young? The [site for young people]({url}) shows who can "
        "help you.",
        "map_title": "Map of Flanders and Brussels: choose your region",
        "count": "{count} organisations",
        "filter_who": "Who are you?",
        "filter_theme": "What kind of violence?",
        "call": "Call {number}",
        "chat": "Chat with {name}",
        "website": "Website of {name}",
        "free": "Free",
        "anonymous": "Anonymous",
        "hours": "Open: {hours}",
        "works_in": "Works in: {regions}",
        "in_dutch": "in Dutch",
        "script_all": "All",
        "script_status": "{shown} of {total} organisations shown.",
        "script_form": "Filter the organisations on this page",
    },
)

LABELS = {labels.language: labels for labels in (DUTCH, FRENCH, ENGLISH)}
