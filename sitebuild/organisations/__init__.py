"""The organisation map: data/organisaties.yml drives /organisaties/ (in Dutch, French and
English) and the children's and youth pages.

- `vocabulary`: the slugs of regions, groups and themes the data file uses;
- `data`: one checked organisation; `schema` and `rules`: the checks, in Dutch, with lines;
- `labels`: the pages' words in each language; `render`: the HTML, from Jinja partials;
- `pages`: the generated pages and the content behind each page's marker.
hooks/organisations.py wires them into MkDocs.
"""

from sitebuild.organisations.data import CheckResult, Organisation
from sitebuild.organisations.schema import check, is_belgian_number, load
from sitebuild.organisations.vocabulary import EVERYWHERE, REGIONS, THEMES, WHO

__all__ = [
    "EVERYWHERE",
    "REGIONS",
    "THEMES",
    "WHO",
    "CheckResult",
    "Organisation",
    "check",
    "is_belgian_number",
    "load",
]
