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
        """A GitHub Actions workflow command, escaped (annotations.py prints at most what GitHub shows)."""
        from .annotations import annotation  # annotations.py imports this module
        return annotation(self)


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
