"""Shared fixtures: the loaded library, profile files built in tmp_path, a CLI runner."""

from __future__ import annotations

import textwrap
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
