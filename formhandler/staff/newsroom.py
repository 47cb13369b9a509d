"""What the newsroom may read and write, and how a save reaches decap-server.

Every call of Decap CMS passes here (formhandler/web/newsroom.py forwards it after the
login, role and CSRF checks), one at a time. This module:

- lets through only the content: pages, news, the two data files and the images folders
  (never code, configuration or git's own files);
- speaks Decap's language for French and English siblings: Decap's i18n names the Dutch
  file `page.nl.md`, the site names it `page.md`;
- shows the data files as JSON and writes a save back into their YAML
  (formhandler/staff/datafiles.py), refusing an organisation outside the schema;
- keeps two editors from losing each other's work: a save of a file that changed since
  this editor opened it is refused (409) with a Dutch message, and nothing is overwritten;
- names the editor in each commit message.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import subprocess
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from formhandler.staff import datafiles
from formhandler.staff.decap import DecapServer

PAGE_FOLDERS = ("docs", "kids", "youth")
MEDIA_FOLDERS = ("docs/images", "kids/images", "youth/images")
IMAGE = re.compile(r"\.(png|jpe?g|gif|svg|webp)$", re.IGNORECASE)
# Folders whose pages have French and English siblings (`page.fr.md`, `page.en.md`).
I18N_FOLDERS = ("docs", "docs/contact")
NEWS_FOLDER = "docs/nieuws"
# The news list page (and its translations) is generated from the items; not an item to edit.
NOT_LISTED = re.compile(r"docs/nieuws/index(\.[a-z]{2})?\.md")
READS = {"info", "entriesByFolder", "entriesByFiles", "getEntry", "getMedia", "getMediaFile"}
WRITES = {"persistEntry", "persistMedia", "deleteFile", "deleteFiles"}
CONFLICT = (
    "Niet bewaard: een collega heeft {path} intussen aangepast. Je tekst staat nog in dit "
    "venster: kopieer hem, laad de pagina opnieuw en zet je wijziging in de nieuwe versie."
)


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Answer:
    status: int
    body: bytes
    committed: bool = False


def _clean(path: object) -> str:
    if not isinstance(path, str) or not path or path.startswith("/") or "\\" in path:
        raise Refused(403, "Dit bestand hoort niet bij de inhoud van de site.")
    normal = posixpath.normpath(path)
    if normal != path.rstrip("/") or normal.startswith("..") or "/." in f"/{normal}":
        raise Refused(403, "Dit bestand hoort niet bij de inhoud van de site.")
    return normal


def writable(path: str) -> bool:
    """A file the newsroom may write: a page, a data file, or an image in an images folder."""
    folder = posixpath.dirname(path)
    if path in datafiles.DATA_FILES:
        return True
    if folder in MEDIA_FOLDERS:
        return bool(IMAGE.search(path))
    return path.endswith(".md") and path.split("/")[0] in PAGE_FOLDERS


def readable_folder(folder: str) -> bool:
    return folder.split("/")[0] in PAGE_FOLDERS


def to_disk(path: str) -> str:
    """Decap's name of a Dutch page with siblings (`privacy.nl.md`) -> the site's (`privacy.md`)."""
    if posixpath.dirname(path) in I18N_FOLDERS and path.endswith(".nl.md"):
        return path[: -len(".nl.md")] + ".md"
    return path


def to_decap(path: str) -> str:
    if (
        posixpath.dirname(path) in I18N_FOLDERS
        and path.endswith(".md")
        and not re.search(r"\.(fr|en)\.md$", path)
    ):
        return path[: -len(".md")] + ".nl.md"
    return path


class Versions:
    """Which version of each file every open newsroom window last read (bounded, in memory)."""

    def __init__(self, windows: int = 500) -> None:
        self._seen: OrderedDict[str, dict[str, str]] = OrderedDict()
        self._windows = windows

    def of(self, window: str) -> dict[str, str]:
        seen = self._seen.setdefault(window, {})
        self._seen.move_to_end(window)
        while len(self._seen) > self._windows:
            self._seen.popitem(last=False)
        return seen


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Newsroom:
    def __init__(self, repo: Path, server: DecapServer) -> None:
        self.repo = repo
        self.server = server
        self.versions = Versions()
        self._lock = threading.Lock()  # one call at a time: decap-server waits 3 s at most

    def branch(self) -> str:
        """The work tree's branch: the one decap-server reads and commits to."""
        return subprocess.run(  # noqa: S603 - fixed argv, no shell
            ["git", "-C", str(self.repo), "rev-parse", "--abbrev-ref", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    def _disk(self, path: str) -> bytes | None:
        try:
            return (self.repo / path).read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None

    def handle(self, editor: str, window: str, payload: Any) -> Answer:
        """One Decap call: check, translate, forward to decap-server, translate back."""
        try:
            with self._lock:
                return self._handle(editor, window, payload)
        except Refused as refused:
            body = json.dumps({"error": str(refused)}, ensure_ascii=False).encode("utf-8")
            return Answer(refused.status, body)

    def _handle(self, editor: str, window: str, payload: Any) -> Answer:
        if not isinstance(payload, dict) or not isinstance(payload.get("params", {}), dict):
            raise Refused(422, "Onleesbare vraag.")
        action = payload.get("action")
        if action not in READS | WRITES:
            raise Refused(422, f"De newsroom doet '{action}' niet.")
        params = dict(payload.get("params") or {})
        seen = self.versions.of(window)
        if action == "entriesByFolder" or action == "getMedia":
            key = "folder" if action == "entriesByFolder" else "mediaFolder"
            params[key] = _clean(params.get(key))
            if not readable_folder(params[key]):
                raise Refused(403, "Deze map hoort niet bij de inhoud van de site.")
        elif action == "entriesByFiles":
            params["files"] = [
                {**item, "path": self._readable(item.get("path"))}
                for item in params.get("files") or []
                if isinstance(item, dict)
            ]
        elif action in ("getEntry", "getMediaFile"):
            params["path"] = self._readable(params.get("path"))
        elif action == "persistEntry":
            self._prepare_entry(params, seen)
        elif action == "persistMedia":
            asset = dict(params.get("asset") or {})
            asset["path"] = self._writable(asset.get("path"))
            params["asset"] = asset
        elif action in ("deleteFile", "deleteFiles"):
            key = "path" if action == "deleteFile" else "paths"
            paths = params.get(key) if key == "paths" else [params.get(key)]
            checked = [self._writable(path) for path in paths or []]
            for path in checked:
                self._check_version(path, seen)
            params[key] = checked if key == "paths" else checked[0]
        if action in WRITES:
            options = dict(params.get("options") or {})
            message = str(options.get("commitMessage") or "Redactie")
            options["commitMessage"] = f"{message}\n\nRedacteur: {editor}"
            params["options"] = options
        status, body = self.server.call({**payload, "params": params})
        if status != 200:
            return Answer(status, body)
        if action in WRITES:
            self._remember_written(action, params, seen)
            return Answer(status, body, committed=True)
        return Answer(status, self._translate_read(action, params, body, seen))

    def _readable(self, path: object) -> str:
        disk = to_disk(_clean(path))
        if not (writable(disk) or posixpath.dirname(disk) in MEDIA_FOLDERS):
            raise Refused(403, "Dit bestand hoort niet bij de inhoud van de site.")
        return disk

    def _writable(self, path: object) -> str:
        disk = to_disk(_clean(path))
        if not writable(disk):
            raise Refused(
                403,
                "De newsroom bewaart alleen pagina's, nieuws, de twee gegevensbestanden en "
                "afbeeldingen in een map images/.",
            )
        return disk

    def _check_version(self, path: str, seen: dict[str, str]) -> None:
        current = self._disk(path)
        if current is not None and seen.get(path) != _digest(current):
            raise Refused(409, CONFLICT.format(path=path))

    def _prepare_entry(self, params: dict[str, Any], seen: dict[str, str]) -> None:
        files = params.get("dataFiles") or [params.get("entry")]
        prepared = []
        for item in files:
            if not isinstance(item, dict):
                raise Refused(422, "Onleesbare vraag.")
            item = dict(item)
            item["path"] = self._writable(item.get("path"))
            if item.get("newPath"):
                item["newPath"] = self._writable(item["newPath"])
                if self._disk(item["newPath"]) is not None:
                    raise Refused(409, CONFLICT.format(path=item["newPath"]))
            self._check_version(item["path"], seen)
            if item["path"] in datafiles.DATA_FILES:
                current = (self._disk(item["path"]) or b"").decode("utf-8")
                try:
                    item["raw"] = datafiles.from_editor(item["path"], str(item["raw"]), current)
                except datafiles.DataFileError as error:
                    raise Refused(422, str(error)) from error
            prepared.append(item)
        if params.get("dataFiles"):
            params["dataFiles"] = prepared
        else:
            params["entry"] = prepared[0]
        params["assets"] = [
            {**asset, "path": self._writable(asset.get("path"))}
            for asset in params.get("assets") or []
            if isinstance(asset, dict)
        ]

    def _remember_written(self, action: str, params: dict[str, Any], seen: dict[str, str]) -> None:
        if action == "persistEntry":
            for item in params.get("dataFiles") or [params["entry"]]:
                path = item.get("newPath") or item["path"]
                data = self._disk(path)
                if data is not None:
                    seen[path] = _digest(data)
        elif action in ("deleteFile", "deleteFiles"):
            for path in params.get("paths") or [params.get("path")]:
                seen.pop(path, None)

    def _translate_read(
        self, action: str, params: dict[str, Any], body: bytes, seen: dict[str, str]
    ) -> bytes:
        if action not in ("entriesByFolder", "entriesByFiles", "getEntry"):
            return body
        data = json.loads(body)
        entries = data if isinstance(data, list) else [data]
        kept = []
        for entry in entries:
            file = entry.get("file") or {}
            path = file.get("path")
            if not path or NOT_LISTED.fullmatch(path):
                continue
            if file.get("id"):
                seen[path] = file["id"]  # decap-server's id is the sha256 of the file
            if path in datafiles.DATA_FILES and entry.get("data") is not None:
                entry["data"] = datafiles.to_editor(path, entry["data"])
            file["path"] = to_decap(path)
            kept.append(entry)
        result = kept if isinstance(data, list) else (kept[0] if kept else data)
        return json.dumps(result, ensure_ascii=False).encode("utf-8")
