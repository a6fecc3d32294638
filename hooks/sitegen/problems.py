"""Problems found in editors' data files, reported as `file:line:col: field: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, told in Spanish first and then in English."""

    file: str
    line: int
    column: int
    field: str
    message_es: str
    message_en: str

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {field}{self.message_es}\n    (en) {self.message_en}"

    def github_annotation(self) -> str:
        # GitHub Actions shows these on the pull request's diff.
        text = f"{self.field}: {self.message_es} / {self.message_en}".replace("\n", " ")
        return f"::error file={self.file},line={self.line},col={self.column}::{text}"


class DataProblems(Exception):
    """Raised when data files are wrong; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = (
            f"{count} problema(s) en los archivos de datos; no se publicó nada. "
            f"/ {count} problem(s) in the data files; nothing was published."
        )
        return "\n".join([head, *(p.format() for p in self.problems)])
