"""What a check finds, and the error that stops a build: both in Dutch, for editors."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing an editor has to fix, at a line (1-based) of the file they wrote."""

    line: int
    message: str

    def at(self, source: str) -> str:
        """The message as the build prints it: 'kids/awel.md, regel 8: …'."""
        return f"{source}, regel {self.line}: {self.message}"


class DataError(ValueError):
    """A data file or setting the build cannot use; the text says what to fix."""
