"""The mail form and the complaint form, each defined once.

A `FormSpec` lists its fields with label, hint, type, limits and error texts in
every wording the site uses: `nl`, `fr`, `en` for adults, and `kinderen` and
`jongeren` for the children's and youth sites (Dutch in their words; a text
without such an entry falls back to `nl`). The same spec renders the HTML
(web/templates/form_body.html), validates a submission (forms.validation) and feeds the
tests, so a field added here is drawn, checked and tested without other edits.

Fields that could end up in a mail header (name, e-mail, phone, one-line texts)
refuse every Unicode line break; the long texts keep their lines.
"""

from __future__ import annotations

from formhandler.forms.complaint_form import COMPLAINT
from formhandler.forms.mail_form import MAIL
from formhandler.forms.validation import FormSpec

FORMS: dict[str, FormSpec] = {spec.name: spec for spec in (MAIL, COMPLAINT)}
