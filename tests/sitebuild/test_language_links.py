"""sitebuild/language_links.py and its hook: links from French or English pages into another
language carry hreflang and, in the text, a visible note."""

from __future__ import annotations

from sitebuild.language_links import mark_links, target_language
from tests.sitebuild.conftest import FlaggedBuild
from tests.support.html import scan


def test_a_french_link_to_a_dutch_page_is_marked(flagged_build: FlaggedBuild) -> None:
    out = flagged_build.out
    links = {
        link.element.attrs["href"]: (link.element.attrs.get("hreflang"), link.text)
        for link in scan(out / "fr" / "proefpagina" / "index.html").links
        if link.in_article
    }
    assert links["../../geweld/stalking/"] == ("nl", "la page sur le harcèlement (en néerlandais)")
    assert links["/organisaties/"] == ("nl", "les organisations (en néerlandais)")
    assert links["../veelgestelde-vragen/"] == (None, "la FAQ")
    # The writer already said so right after the link: hreflang, but no second note.
    assert links["../../nieuws/"] == ("nl", "les actualités")


def test_the_language_a_link_leads_to() -> None:
    assert target_language("../../geweld/stalking/", "fr/contact/", "/") == "nl"
    assert target_language("/en/privacy/", "fr/contact/", "/") == "en"
    assert target_language("../faq/", "fr/contact/", "/") == "fr"
    assert target_language("https://www.awel.be", "fr/contact/", "/") is None
    assert target_language("#top", "fr/contact/", "/") is None
    assert target_language("../../assets/folder.pdf", "fr/contact/", "/") is None
    assert target_language("/1712/fr/faq/", "fr/contact/", "/1712/") == "fr"  # a sub-path site


def test_marked_links_get_hreflang_and_a_note_unless_the_writer_said_so() -> None:
    html = (
        '<p><a href="/organisaties/">les organisations</a> et '
        '<a href="/nieuws/">les actualités</a> (en néerlandais), '
        '<a href="../faq/">la FAQ</a>.</p><script>var a = \'<a href="/x/">x</a>\';</script>'
    )
    marked = mark_links(html, "fr", "fr/contact/", "/", notes=True)
    assert (
        '<a href="/organisaties/" hreflang="nl">les organisations'
        '<span class="lang-note"> (en néerlandais)</span></a>'
    ) in marked
    assert '<a href="/nieuws/" hreflang="nl">les actualités</a> (en néerlandais)' in marked
    assert '<a href="../faq/">la FAQ</a>' in marked
    assert "<script>var a = '<a href=\"/x/\">x</a>';</script>" in marked  # scripts untouched
    assert "lang-note" not in mark_links(html, "fr", "fr/contact/", "/", notes=False)
