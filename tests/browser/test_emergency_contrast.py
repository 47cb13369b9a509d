"""Issue 15, point 2: the 112 and 101 links in the emergency bar keep at least 4.5:1 against
their background when focused and when hovered (they turned to the accent colour: 1.9:1 to
2.6:1). The contrast is computed in the page from the colours the browser uses."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

CONTRAST = """(link) => {
  const parse = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  let background = null;
  for (let e = link; e && !background; e = e.parentElement) {
    const colour = parse(getComputedStyle(e).backgroundColor);
    const opaque = colour.length === 3 || (colour.length === 4 && colour[3] === 1);
    if (opaque) background = colour.slice(0, 3);
  }
  background = background || [255, 255, 255];
  const text = parse(getComputedStyle(link).color).slice(0, 3);
  const [a, b] = [luminance(text), luminance(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("url", ["/", "/kinderen/", "/jongeren/", "/fr/contact/mail/"])
@pytest.mark.parametrize("state", ["focus", "hover"])
def test_emergency_links_keep_their_contrast_when_focused_and_hovered(
    page: Page, url: str, state: str
) -> None:
    page.goto(url)
    links = page.locator(".emergency a")
    assert links.count() == 2
    for index in range(2):
        link = links.nth(index)
        if state == "focus":
            link.focus()
        else:
            link.hover()
        page.wait_for_timeout(300)  # past any colour transition
        ratio = link.evaluate(CONTRAST)
        assert ratio >= 4.5, f"{url} {link.inner_text()} {state}: {ratio:.2f}:1"
