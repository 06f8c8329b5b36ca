"""The contributor's command line: `treaties check`, `new-commentary`, `lock`, help and exit codes."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, copy_repo


def treaties(*args: str, root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "build_scripts.cli", "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def repo(tmp_path) -> Path:
    return copy_repo(tmp_path / "repo")


def test_check_on_the_real_tree_is_clean_and_fast():
    start = time.perf_counter()
    result = treaties("check", root=ROOT)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 11 instruments, 343 articles")
    print(f"treaties check: {elapsed:.2f} s including interpreter start")
    assert elapsed < 4


def test_check_reports_every_problem_as_file_line_what_and_how(repo):
    note = next((repo / "sources" / "commentary" / "tip-protocol" / "art_6").glob("*.md"))
    note.write_text(note.read_text(encoding="utf-8").replace("kind: ", "kind: keycomponent #", 1), encoding="utf-8")
    relations = repo / "sources" / "relations.yaml"
    relations.write_text(
        relations.read_text(encoding="utf-8").replace("type: mirrors", "type: mirror", 1), encoding="utf-8"
    )
    result = treaties("check", root=repo)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line and not line.endswith("problem(s) found.")]
    assert len(lines) == 2
    assert any(
        re.match(rf"{re.escape(str(note.relative_to(repo)))}:\d+: kind: unknown kind 'keycomponent'; use one of", line)
        for line in lines
    ), lines
    assert any(re.match(r"sources/relations\.yaml:\d+: unknown type 'mirror'; use one of", line) for line in lines), (
        lines
    )
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2_and_help_describes_each_command():
    assert treaties("frobnicate", root=ROOT).returncode == 2
    help_text = treaties("--help", root=ROOT)
    assert help_text.returncode == 0
    for command in ("check", "new-commentary", "lock"):
        assert command in help_text.stdout
        sub = treaties(command, "--help", root=ROOT)
        assert sub.returncode == 0 and "usage:" in sub.stdout


def test_new_commentary_writes_a_skeleton_that_passes_check(repo):
    result = treaties("new-commentary", "iccpr/art_8__para_3", "--kind", "legal-implication", root=repo)
    assert result.returncode == 0, result.stderr
    path = repo / result.stdout.strip()
    assert path == repo / "sources" / "commentary" / "iccpr" / "art_8" / "legal-implication.md"
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    assert front["targets"] == ["iccpr/art_8__para_3"] and front["kind"] == "legal-implication"
    assert treaties("check", root=repo).returncode == 0


def test_new_commentary_refuses_an_unknown_provision(repo):
    result = treaties("new-commentary", "iccpr/art_99", "--kind", "challenge", root=repo)
    assert result.returncode == 1 and "no such provision" in result.stderr


def test_a_changed_treaty_text_fails_check_until_locked_with_a_reason(repo):
    source = repo / "sources" / "instruments" / "tip-protocol.xml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("is designated depositary of this Protocol", "is named depositary of this Protocol", 1),
        encoding="utf-8",
    )
    result = treaties("check", root=repo)
    assert result.returncode == 1
    assert re.search(
        r"sources/instruments/tip-protocol\.xml:\d+: the official text of Trafficking in Persons Protocol, Article 20 has changed",
        result.stderr,
    )
    assert treaties("lock", "--reason", "x", root=repo).returncode == 2
    locked = treaties("lock", "--reason", "Test: correcting article 20(1) against the official text", root=repo)
    assert locked.returncode == 0 and "tip-protocol/art_20" in locked.stdout
    assert treaties("check", root=repo).returncode == 0
    history = (repo / "sources" / "text.lock").read_text(encoding="utf-8")
    assert "correcting article 20(1)" in history


def test_the_ci_workflow_and_templates_are_valid_yaml():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    on = workflow.get("on", workflow.get(True))
    assert "pull_request" in on and "push" in on
    steps = [s.get("run", "") for s in workflow["jobs"]["test"]["steps"]]
    assert "make test" in steps and "make build" in steps
    assert "deploy-pages" in str(workflow["jobs"]["deploy"])
    for template in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"):
        data = yaml.safe_load(template.read_text(encoding="utf-8"))
        assert data["name"] and data["body"]


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make serve" in readme
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("make test")
