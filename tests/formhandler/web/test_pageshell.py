"""The built page is the form's shell: the slot is filled, the rest of the page stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from formhandler.web.pageshell import PageShell, ShellError

PAGE = """<!doctype html><html lang="nl"><head><title>Mail 1712 - 1712</title></head>
<body><a href="#mail-1712" class="md-skip">Ga naar inhoud</a><article>
<h1 id="mail-1712">Mail 1712</h1>
<p>Inleiding bij het formulier.</p>
<div class="form-slot" data-form-slot="mail">
<p>Het formulier werkt nu niet. Bel <a href="tel:1712">1712</a>.</p>
</div>
<p>Na het formulier.</p></article></body></html>"""


def shell(tmp_path: Path, html: str = PAGE) -> PageShell:
    path = tmp_path / "index.html"
    path.write_text(html, encoding="utf-8")
    return PageShell.load(path)


def test_the_form_takes_the_place_of_the_slot_and_nothing_else(tmp_path: Path) -> None:
    page = shell(tmp_path)
    assert page.slot == "mail"
    html = page.render("<form>FORM</form>")
    assert "<form>FORM</form>" in html and "werkt nu niet" not in html
    assert "Inleiding bij het formulier." in html and "Na het formulier." in html
    assert '<link rel="stylesheet" href="/formulier/forms.css">' in html
    assert '<script src="/formulier/forms.js" defer></script>' in html


def test_errors_put_the_prefix_before_the_title(tmp_path: Path) -> None:
    html = shell(tmp_path).render("<form></form>", title_prefix="Fout: ")
    assert "<title>Fout: Mail 1712 - 1712</title>" in html


def test_a_new_heading_replaces_title_h1_and_introduction_but_keeps_the_skip_target(
    tmp_path: Path,
) -> None:
    html = shell(tmp_path).render("<p>Verstuurd</p>", heading="Je bericht is verstuurd")
    assert "<title>Je bericht is verstuurd - 1712</title>" in html
    assert '<h1 id="mail-1712">Je bericht is verstuurd</h1>' in html
    assert "Inleiding bij het formulier." not in html
    assert "Na het formulier." in html


def test_a_heading_is_escaped(tmp_path: Path) -> None:
    html = shell(tmp_path).render("", heading="<script>")
    assert "<script>" not in html.split("<body>", 1)[1].split("</h1>")[0]


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (PAGE.replace('data-form-slot="mail"', ""), "exactly one form-slot"),
        (PAGE.replace("<h1", "<h2").replace("</h1>", "</h2>"), "no <title> or no <h1>"),
    ],
)
def test_a_page_that_cannot_hold_a_form_is_named(tmp_path: Path, html: str, message: str) -> None:
    with pytest.raises(ShellError, match=message) as raised:
        shell(tmp_path, html)
    assert "index.html" in str(raised.value)


def test_every_form_page_of_the_built_site_has_its_slot(site_dir: Path) -> None:
    from formhandler.web.form_pages import PAGES

    for page in PAGES:
        loaded = PageShell.load(site_dir / page.path.strip("/") / "index.html")
        assert loaded.slot == page.form


def test_the_error_summary_goes_above_the_heading(tmp_path: Path) -> None:
    html = shell(tmp_path).render("<form></form>", top='<div class="summary"></div>')
    assert html.index('<div class="summary"></div>') < html.index('<h1 id="mail-1712">')
