"""Templates: the strict environment, user overrides, the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.render import make_environment


def draft_md(run, profile: Path, out: Path, *extra: str):
    return run("draft", profile, "-o", out, "--format", "md", *extra)


def test_a_user_overrides_one_template_and_keeps_the_rest(profile_file, run, tmp_path):
    custom = tmp_path / "mine"
    custom.mkdir()
    (custom / "preamble.j2").write_text(
        "{{ para() }}根据{{ plan.basis | first }}，结合{{ plan.locality }}实际，制定本{{ plan.kind }}。\n",
        encoding="utf-8",
    )
    result = draft_md(run, profile_file(), tmp_path / "out", "--templates", custom)
    assert result.exit_code == 0, result.output
    text = Path(result.stdout.strip()).read_text(encoding="utf-8")
    assert "根据党中央、国务院关于法治政府建设的决策部署，结合清河县实际，制定本实施方案。" in text
    assert "## 一、总体要求" in text  # the built-in templates still do the rest


def test_user_templates_run_sandboxed(profile_file, run, tmp_path):
    custom = tmp_path / "mine"
    custom.mkdir()
    (custom / "preamble.j2").write_text("{{ para() }}{{ plan.__class__.__mro__[1].__subclasses__() }}\n",
                                        encoding="utf-8")
    out = tmp_path / "out"
    result = draft_md(run, profile_file(), out, "--templates", custom)
    assert result.exit_code == 1
    assert "preamble.j2:1：模板试图访问不安全的内容，已被沙箱拒绝" in result.stderr
    assert not out.exists()


def test_a_missing_value_is_an_error_never_a_blank(profile_file, run, tmp_path):
    custom = tmp_path / "mine"
    custom.mkdir()
    (custom / "preamble.j2").write_text("{{ para() }}{{ plan.no_such_field }}\n", encoding="utf-8")
    result = draft_md(run, profile_file(), tmp_path / "out", "--templates", custom)
    assert result.exit_code == 1 and "no_such_field" in result.stderr


def test_none_never_reaches_the_draft():
    template = make_environment().from_string("{{ value }}")
    with pytest.raises(DrafterError, match="None"):
        template.render(value=None)


def test_missing_template_directory(profile_file, run, tmp_path):
    result = draft_md(run, profile_file(), tmp_path / "out", "--templates", tmp_path / "nope")
    assert result.exit_code == 1 and "找不到模板目录" in result.stderr
