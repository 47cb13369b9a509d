"""The words of data/organisaties.yml: regions, groups of people and themes, by slug.

The slugs are what editors write in the data file and what the URLs use; the Dutch names
here are the ones the data's error messages name. The words on the pages, in Dutch, French
and English, are in `labels.py`.
"""

from __future__ import annotations

SOURCE = "data/organisaties.yml"
SCHEMA = "data/organisaties.schema.json"
EVERYWHERE = "vlaanderen-en-brussel"
REGIONS = {
    "antwerpen": "Antwerpen",
    "limburg": "Limburg",
    "oost-vlaanderen": "Oost-Vlaanderen",
    "west-vlaanderen": "West-Vlaanderen",
    "vlaams-brabant": "Vlaams-Brabant",
    "brussel": "Brussel",
}
WHO = {
    "kinderen": "Kinderen",
    "jongeren": "Jongeren",
    "volwassenen": "Volwassenen",
    "ouderen": "Ouderen",
    "slachtoffers": "Slachtoffers",
    "naasten": "Naasten",
    "getuigen": "Getuigen",
    "plegers": "Wie zelf geweld gebruikt",
}
THEMES = {
    "kindermishandeling": "Kindermishandeling en verwaarlozing",
    "partnergeweld": "Partnergeweld",
    "seksueel-geweld": "Seksueel geweld",
    "geweld-tegen-volwassenen": "Geweld tegen volwassenen",
    "ouderenmishandeling": "Ouderenmis(be)handeling",
    "vechtscheiding": "Vechtscheiding",
    "stalking": "Stalking",
    "online-geweld": "Online geweld",
}
# The audiences with a site of their own, whose organisation page speaks in their words.
OWN_SITES = ("kinderen", "jongeren")
