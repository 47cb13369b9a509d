"""sitebuild/frontmatter.py: a page's front matter and body, as MkDocs reads them."""

from __future__ import annotations

from sitebuild.frontmatter import field_line, split


def test_front_matter_and_the_body_with_its_first_line() -> None:
    source = split('---\ntitle: "T"\nreview: x\n---\n\n# T\n')
    assert source.meta == {"title": "T", "review": "x"}
    assert source.body == "# T\n"
    assert source.first_line == 6


def test_front_matter_that_is_not_a_mapping_or_not_yaml_is_no_front_matter() -> None:
    for text in ("---\n- a\n---\nBody\n", "---\ntitle: [x\n---\nBody\n", "# Only a body\n"):
        source = split(text)
        assert source.meta == {} and source.body == text and source.first_line == 1


def test_the_line_of_a_field_and_line_one_when_it_is_missing() -> None:
    text = "---\ntitle: T\nreview:\n---\n"
    assert field_line(text, "review") == 3
    assert field_line(text, "date") == 1
