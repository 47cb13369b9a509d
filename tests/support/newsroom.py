"""Helpers of the newsroom tests: a throw-away newsroom work tree and Decap's calls."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.testclient import TestClient

from tests.support.site import ROOT
from tests.support.staff import staff_app


def newsroom_repo(destination: Path) -> Path:
    """A clone of this project's last commit: the newsroom's work tree for one test."""
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", f"file://{ROOT}", str(destination)],
        check=True,
    )
    return destination


def newsroom_app(tmp_path: Path, site: Path) -> Starlette:
    repo = newsroom_repo(tmp_path / "newsroom")
    return staff_app(tmp_path / "data", site, FORMHANDLER_NEWSROOM_REPO=str(repo))


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


class Decap:
    """Decap CMS's calls, as its proxy backend makes them, through formhandler's proxy."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        config = client.get("/medewerkers/redactie/cms/config.yml").text
        self.url = re.search(r"proxy_url: (\S+)", config).group(1)  # type: ignore[union-attr]
        self.branch = re.search(r"branch: (\S+)", config).group(1)  # type: ignore[union-attr]

    def call(self, action: str, **params: Any):  # type: ignore[no-untyped-def]
        return self.client.post(
            self.url, json={"action": action, "params": {"branch": self.branch, **params}}
        )

    def read(self, path: str) -> Any:
        answer = self.call("getEntry", path=path)
        assert answer.status_code == 200, answer.text
        return answer.json()["data"]

    def save(self, path: str, raw: str, *, collection: str = "nieuws", assets=()):  # type: ignore[no-untyped-def]
        return self.call(
            "persistEntry",
            entry={"slug": Path(path).stem, "path": path, "raw": raw},
            assets=list(assets),
            options={
                "collectionName": collection,
                "commitMessage": f"Aangepast: {path}",
                "useWorkflow": False,
                "status": "draft",
            },
        )
