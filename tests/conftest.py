"""Shared fixtures: the loaded library, profile files built in tmp_path, a CLI runner."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.commands import app
from drafter.library import Library, load_library

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"

# The smallest valid profile: a county, 2026—2030.
MINIMAL = textwrap.dedent(
    """\
    jurisdiction:
      name: 清河县
      short: 清河
      level: county
      province: 河北省
      city: 邢台市
    document:
      kind: 实施方案
      period: {start: 2026, end: 2030}
    """
)


# A draft without document.date is issued "today" (drafter/plan/issue.py). Tests fix that day
# before their 2026—2030 periods begin, so that their deadlines and stages do not move with the
# calendar; the tests of the date of issue (test_issue_date.py) set their own.
TEST_TODAY = date(2020, 12, 1)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("drafter.plan.issue.today", lambda: TEST_TODAY)
    return TEST_TODAY


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library()


@pytest.fixture
def profile_file(tmp_path: Path):
    """Write a profile (text, dedented) into tmp_path and return its path."""

    def write(text: str = MINIMAL, name: str = "profile.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run():
    """Run the CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [str(arg) for arg in args])

    return invoke
