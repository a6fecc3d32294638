"""The GitHub files: workflows and issue forms are valid, and workflows run only `make <target>`.

Validity is checked with check-jsonschema's built-in schemas (vendored in the package, so
this works offline). Each workflow `run:` step may only call Makefile targets that the
README documents: CI then cannot do something a contributor cannot reproduce with the
README's commands, and a renamed or removed target breaks a test, not a deployment.
Each action is pinned by a full commit SHA with its version in a comment, on a major that
runs on Node 24, and checkouts keep no credentials.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.y*ml") if p.stem != "config")
ISSUE_CONFIG = GITHUB / "ISSUE_TEMPLATE" / "config.yml"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


# -- check-jsonschema ----------------------------------------------------------------

def _check_jsonschema(*args: str) -> subprocess.CompletedProcess:
    if not CHECK_JSONSCHEMA.exists():
        pytest.fail(f"{CHECK_JSONSCHEMA} is missing: check-jsonschema must be pinned in requirements.txt")
    return subprocess.run([str(CHECK_JSONSCHEMA), *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


@lru_cache(maxsize=None)
def builtin_schemas() -> frozenset[str]:
    """The names `--builtin-schema` accepts in the installed version (listed by --help)."""
    result = _check_jsonschema("--help")
    assert result.returncode == 0, result.stderr
    return frozenset(re.findall(r"\b(?:vendor|custom)\.[a-z0-9-]+", result.stdout))


def validate(schema: str, files: list[Path]) -> None:
    if schema not in builtin_schemas():
        pytest.skip(f"this check-jsonschema has no built-in schema {schema}")
    result = _check_jsonschema("--builtin-schema", schema, *map(str, files))
    assert result.returncode == 0, f"{schema}:\n{result.stdout}\n{result.stderr}"


def test_there_are_workflows_and_an_issue_form():
    names = {p.name for p in WORKFLOWS}
    assert {"pr.yml", "deploy.yml"} <= names, names
    assert "correccion.yml" in {p.name for p in ISSUE_FORMS}
    assert ISSUE_CONFIG.exists()


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid(workflow):
    validate("vendor.github-workflows", [workflow])


@pytest.mark.parametrize("form", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_form_is_valid(form):
    validate("vendor.github-issue-forms", [form])


def test_issue_template_config_is_valid():
    validate("vendor.github-issue-config", [ISSUE_CONFIG])


def test_validation_rejects_a_broken_workflow(tmp_path):
    """The schema check is not vacuous: a workflow without `runs-on` is refused."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps:\n      - run: make build\n", encoding="utf-8")
    result = _check_jsonschema("--builtin-schema", "vendor.github-workflows", str(broken))
    assert result.returncode != 0, result.stdout


# -- the correction form matches the links on the country profiles -----------------

def test_correction_form_matches_profile_links(site_data):
    from hooks.sitegen.context import RenderContext
    from hooks.sitegen.views import correction_links

    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "correccion.yml").read_text(encoding="utf-8"))
    assert form["labels"] == ["correccion"]
    link = correction_links(RenderContext(site_data, "es"), site_data.countries[0], "X")["issue"]
    assert "template=correccion.yml" in link and "labels=correccion" in link


# -- workflows call only the Makefile targets the README documents -----------------

def makefile_targets() -> set[str]:
    """Targets with a rule in the Makefile (`name:` at the start of a line, not `:=`)."""
    targets = set()
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+(?:[ \t]+[A-Za-z0-9_.-]+)*)[ \t]*::?(?!=)", line)
        if match:
            targets.update(t for t in match.group(1).split() if not t.startswith("."))
    return targets


def readme_targets() -> set[str]:
    """Targets the README tells people to run (`make <target>`)."""
    return set(re.findall(r"`make ([a-z][a-z0-9-]*)", (ROOT / "README.md").read_text(encoding="utf-8")))


def run_steps(workflow: Path) -> list[tuple[str, str]]:
    """(job id, run script) for every `run:` step of every job."""
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    return [(job_id, step["run"])
            for job_id, job in (data.get("jobs") or {}).items()
            for step in job.get("steps") or []
            if "run" in step]


def make_calls(script: str) -> list[list[str]]:
    """Each command of a run script as a list of make targets; fails on anything but `make`."""
    calls = []
    script = script.replace("\\\n", " ")
    for line in script.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        for command in re.split(r"\s*(?:&&|;)\s*", line):
            words = shlex.split(command)
            while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
                words.pop(0)  # VAR=value before the command
            assert words and words[0] == "make", f"not a make command: {command!r}"
            targets = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
            assert targets, f"make without a target: {command!r}"
            calls.append(targets)
    return calls


def test_makefile_parser_sees_the_readme_targets():
    assert {"serve", "build", "test", "check", "lock", "clean"} <= makefile_targets()
    assert {"serve", "build", "test", "check", "lock", "clean"} <= readme_targets()


def test_make_calls_parser():
    assert make_calls("make check\nSITE_URL=x make build  # comment\nmake a && make b") == [
        ["check"], ["build"], ["a"], ["b"]]
    with pytest.raises(AssertionError):
        make_calls("pip install mkdocs")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_runs_only_documented_make_targets(workflow):
    allowed = makefile_targets() & readme_targets()
    steps = run_steps(workflow)
    assert steps, f"{workflow.name} has no run step"
    for job_id, script in steps:
        for targets in make_calls(script):
            for target in targets:
                assert target in makefile_targets(), f"{workflow.name} ({job_id}): no Makefile target {target!r}"
                assert target in allowed, (f"{workflow.name} ({job_id}): `make {target}` is not in README.md; "
                                           f"the workflows may use: {', '.join(sorted(allowed))}")


def workflow_targets(name: str) -> list[str]:
    return [t for _, script in run_steps(GITHUB / "workflows" / name) for call in make_calls(script) for t in call]


def test_pull_request_workflow_checks_builds_and_tests():
    targets: dict[str, list[str]] = {}
    for job_id, script in run_steps(GITHUB / "workflows" / "pr.yml"):
        targets.setdefault(job_id, []).extend(t for call in make_calls(script) for t in call)
    assert targets == {"check": ["check", "build", "test"], "facts": ["diff-facts"], "engines": ["compare-engines"]}
    uses = [step.get("uses", "") for step in _steps("pr.yml")]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)


def test_pull_request_workflow_comments_what_changes_with_the_least_permission():
    """`make diff-facts` against the base commit (there: whole history), on `pull_request` only
    (never `pull_request_target`, which would give untrusted code a write token); only the
    `facts` job may write, and only to pull requests."""
    data = yaml.safe_load((GITHUB / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    events = data.get("on", data.get(True))  # PyYAML reads the key `on` as True
    assert list(events) == ["pull_request"]
    assert data["permissions"] == {"contents": "read"}
    writers = {job_id: job["permissions"] for job_id, job in data["jobs"].items() if "permissions" in job}
    assert writers == {"facts": {"contents": "read", "pull-requests": "write"}}
    steps = data["jobs"]["facts"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    compare = next(s for s in steps if "diff-facts" in s.get("run", ""))
    assert compare["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
    assert "${{" not in compare["run"]  # the revision reaches the script through the environment
    comment = steps[steps.index(compare) + 1]
    assert comment["uses"].startswith("actions/github-script@")
    script = comment["with"]["script"]
    assert "diff-facts.md" in script and "updateComment" in script and "403" in script


def test_deploy_workflow_builds_and_publishes_with_pages_actions():
    assert workflow_targets("deploy.yml") == ["build"]
    data = yaml.safe_load((GITHUB / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert data["concurrency"]["cancel-in-progress"] is False
    uses = [step.get("uses", "").split("@")[0] for step in _steps("deploy.yml")]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses, action


def _steps(name: str) -> list[dict]:
    data = yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))
    return [step for job in data["jobs"].values() for step in job.get("steps") or []]


# -- actions pinned by commit, on Node 24, checkouts without credentials ---------------

# The first major of each action that runs on Node 24 (Node 20 left GitHub's runners on
# 2026-09-16). An action missing here must be added, with that major, before it is used.
NODE24_MAJORS = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/setup-node": 5,
    "actions/cache": 5,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
    "actions/upload-artifact": 6,
    "actions/github-script": 8,
}
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$")
PINNED = re.compile(r"^(?P<action>[\w.-]+/[\w.-]+)(?:/[\w./-]+)?@(?P<sha>[0-9a-f]{40})$")
VERSION_COMMENT = re.compile(r"^v(?P<major>\d+)(?:\.\d+){0,2}$")


def pin_problems(text: str) -> list[str]:
    """What is wrong with the `uses:` lines and checkouts of one workflow's text."""
    problems = []
    uses_lines = [m for m in map(USES_LINE.match, text.splitlines()) if m]
    data = yaml.safe_load(text) or {}
    steps = [step for job in (data.get("jobs") or {}).values() for step in job.get("steps") or []]
    if len(uses_lines) != sum(1 for step in steps if "uses" in step):
        problems.append("a `uses:` is not on a line of its own (`uses: owner/name@sha # vN`)")
    for match in uses_lines:
        ref, comment = match["ref"].strip("'\""), (match["comment"] or "").strip()
        pinned, version = PINNED.match(ref), VERSION_COMMENT.match(comment)
        if not pinned:
            problems.append(f"{ref}: not pinned by a full 40-hex commit SHA")
            continue
        if not version:
            problems.append(f"{ref}: no `# vN` comment naming its version")
            continue
        first = NODE24_MAJORS.get(pinned["action"])
        if first is None:
            problems.append(f"{pinned['action']}: not in NODE24_MAJORS (add its first Node 24 major)")
        elif int(version["major"]) < first:
            problems.append(f"{ref} # {comment}: runs on Node 20; Node 24 from v{first}")
    for step in steps:
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            if (step.get("with") or {}).get("persist-credentials") is not False:
                problems.append(f"{step['uses']}: needs `persist-credentials: false` (nothing here pushes)")
    return problems


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_on_node24_majors(workflow):
    assert pin_problems(workflow.read_text(encoding="utf-8")) == []


SHA = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize("step, problem", [
    ("uses: actions/checkout@v5\n        with: {persist-credentials: false}", "not pinned"),
    (f"uses: actions/checkout@{SHA[:12]} # v5.0.0\n        with: {{persist-credentials: false}}", "not pinned"),
    (f"uses: actions/setup-python@{SHA}", "no `# vN` comment"),
    (f"uses: actions/upload-artifact@{SHA} # v4.6.2", "runs on Node 20"),
    (f"uses: someone/unknown-action@{SHA} # v1.0.0", "not in NODE24_MAJORS"),
    (f"uses: actions/checkout@{SHA} # v5.1.0", "persist-credentials"),
    (f"uses: actions/checkout@{SHA} # v5.1.0\n        with: {{persist-credentials: true}}", "persist-credentials"),
    (f"{{uses: actions/checkout@{SHA}}}", "not on a line of its own"),
])
def test_pin_check_refuses_what_it_should(step, problem):
    text = f"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - {step}\n"
    assert any(problem in p for p in pin_problems(text)), pin_problems(text)


def test_pin_check_accepts_a_good_step():
    text = (f"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
            f"      - uses: actions/checkout@{SHA} # v5.1.0\n        with:\n          persist-credentials: false\n"
            f"      - name: x\n        uses: actions/upload-artifact@{SHA} # v6\n")
    assert pin_problems(text) == []
