"""Material's drawer and search toggles are taken out of every written page."""

from __future__ import annotations

from sitebuild.theme_leftovers import without_leftovers

TOGGLE = (
    '<input class="md-toggle" data-md-toggle="{0}" type="checkbox" id="__{0}" autocomplete="off">'
)
# As Material's base.html writes them.
MATERIAL = (
    '<body dir="ltr">\n'
    f"    {TOGGLE.format('drawer')}\n"
    f"    {TOGGLE.format('search')}\n"
    '    <label class="md-overlay" for="__drawer"></label>\n'
    '    <div data-md-component="skip">\n'
)


def test_the_toggles_and_the_overlay_go_and_nothing_else() -> None:
    assert without_leftovers(MATERIAL) == '<body dir="ltr">\n    <div data-md-component="skip">\n'


def test_a_form_field_of_a_page_is_never_taken() -> None:
    page = '<input type="checkbox" id="__search" name="x">\n<label for="__drawer">Menu</label>'
    assert without_leftovers(page) == page
