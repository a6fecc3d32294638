"""Problems as GitHub Actions annotations (shown next to the line, in "Files changed").

Workflow commands (`::error file=…,line=…::message`) must escape `%`, CR and LF in the
message, and also `:` and `,` in the properties. GitHub shows at most 10 error annotations
per step (and 50 per job) and drops the rest without a word, so only the first
`PER_STEP` are printed, and the full list goes to the job summary ($GITHUB_STEP_SUMMARY).
"""

from __future__ import annotations

import os
import sys
from typing import Mapping, TextIO

from . import mdtext
from .problems import Problem

# actions/toolkit, docs/problem-matchers.md, "Limitations": 10 error annotations per step.
PER_STEP = 10


def escape_data(text: str) -> str:
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    field = f"{problem.field}: " if problem.field else ""
    message = escape_data(f"{field}{problem.message_es} / {problem.message_en}")
    props = ",".join(f"{key}={escape_property(value)}" for key, value in
                     (("file", problem.file), ("line", problem.line), ("col", problem.column)))
    return f"::error {props}::{message}"


def summary(problems: list[Problem], shown: int) -> str:
    """The full list, in Markdown, for the job summary."""
    count, hidden = len(problems), len(problems) - shown
    lines = [f"### {count} problema(s) en los datos / {count} problem(s) in the data", ""]
    if hidden:
        lines += [f"GitHub muestra {shown} anotaciones por paso: {hidden} problema(s) no se anotaron junto a su "
                  f"línea; están todos aquí. / GitHub shows {shown} annotations per step: {hidden} problem(s) were "
                  "not annotated next to their line; they are all here.", ""]
    for p in problems:
        field = f"{mdtext.code(p.field)}: " if p.field else ""
        lines.append(f"- {mdtext.code(f'{p.file}:{p.line}:{p.column}')} {field}{mdtext.escape(p.message_es)}  \n"
                     f"  (en) {mdtext.escape(p.message_en)}")
    return "\n".join(lines) + "\n"


def report(problems: list[Problem], environ: Mapping[str, str] = os.environ, out: TextIO | None = None) -> None:
    """Prints the first PER_STEP annotations and appends the full list to the job summary."""
    out = out or sys.stdout
    shown = min(len(problems), PER_STEP)
    for problem in problems[:shown]:
        print(annotation(problem), file=out)
    path = environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as summary_file:
            summary_file.write(summary(problems, shown))
