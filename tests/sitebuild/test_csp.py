"""sitebuild/csp.py: the hashes of the inline scripts a browser runs, merged for the whole site."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from pathlib import Path

from sitebuild.csp import (
    HASHES_FILE,
    NGINX_FILE,
    event_handler_problem,
    hash_site,
    inline_script_hashes,
    merge,
    script_hash,
    site_root,
)


def test_a_hash_is_the_base64_sha256_of_the_exact_script_text() -> None:
    digest = base64.b64encode(hashlib.sha256(b"alert(1)").digest()).decode()
    assert script_hash("alert(1)") == f"'sha256-{digest}'"


def test_only_inline_scripts_that_run_are_hashed() -> None:
    html = (
        "<script>var a=1</script>"
        '<script type="module">import "./x.js"</script>'
        '<script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
        "<SCRIPT type='text/javascript'>var b=2</SCRIPT>"
    )
    assert inline_script_hashes(html) == {
        script_hash("var a=1"),
        script_hash('import "./x.js"'),
        script_hash("var b=2"),
    }


def test_an_inline_event_handler_is_reported_with_the_page() -> None:
    problem = event_handler_problem('<p><a href="#" onclick="go()">x</a></p>', "docs/x.md")
    assert problem is not None
    assert problem.startswith("docs/x.md: de pagina heeft een 'onclick'-attribuut")
    assert event_handler_problem('<p class="one">online=ja</p>', "docs/x.md") is None


def test_the_root_of_an_audience_site_is_the_whole_site(tmp_path: Path) -> None:
    assert site_root(tmp_path / "site" / "kinderen", "/kinderen/") == tmp_path / "site"
    assert site_root(tmp_path / "site", "/") == tmp_path / "site"
    # mkdocs serve builds into a folder of its own: that folder is the whole site.
    assert site_root(tmp_path / "mkdocs_x1", "/kinderen/") == tmp_path / "mkdocs_x1"


def test_audiences_built_side_by_side_all_end_up_in_the_merged_files(tmp_path: Path) -> None:
    audiences = {f"audience{n}": [script_hash(f"var n={n}")] for n in range(8)}
    threads = [
        threading.Thread(target=merge, args=(tmp_path, name, hashes))
        for name, hashes in audiences.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    merged = json.loads((tmp_path / HASHES_FILE).read_text())
    every = sorted(h for hashes in audiences.values() for h in hashes)
    assert merged["script_hashes"] == every
    assert (tmp_path / NGINX_FILE).read_text().endswith(f'"{"".join(" " + h for h in every)}";\n')


def test_hashing_an_audiences_site_writes_its_own_file_and_the_merged_one(tmp_path: Path) -> None:
    kids = tmp_path / "kinderen"
    (kids / "a").mkdir(parents=True)
    (kids / "a" / "index.html").write_text("<script>var k=1</script>", encoding="utf-8")
    own, every = hash_site(kids, "kinderen", "/kinderen/")
    assert own == every == [script_hash("var k=1")]
    assert json.loads((kids / HASHES_FILE).read_text())["script_hashes"] == own
    assert json.loads((tmp_path / HASHES_FILE).read_text())["audiences"] == {"kinderen": own}
