"""README promises that stay true: the field reference and the quick start."""

from __future__ import annotations

import re

from conftest import ROOT
from drafter.profile.reference import BEGIN, END, reference
from drafter.profile import profile_schema


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_profile_reference_matches_the_schema():
    text = readme()
    section = BEGIN + text.split(BEGIN, 1)[1].split(END, 1)[0] + END
    assert section == reference(), "运行 python -m drafter.profile.reference 更新 README 的档案字段参考"


def test_reference_lists_every_top_level_section():
    text = readme()
    for key in profile_schema()["properties"]:
        assert f"| `{key}` |" in text


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    block = re.search(r"## 快速开始.*?```bash\n(.*?)```", readme(), re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "drafter draft profiles/qinghe.yaml" in commands[0]
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_the_limits_section_states_the_budgets_the_code_enforces():
    from drafter.ingest import reader
    from drafter.profile import yamlcompose
    from drafter.render import blocks, limits, sandbox

    text = readme()
    section = text[text.index("## 上限"):text.index("## 公文格式")]
    for figure in (f"{limits.LOOP_STEPS:,}", f"{limits.RENDER_SECONDS:g} 秒", f"{limits.MAX_REPEAT:,}",
                   f"{limits.MAX_BITS:,}", f"{limits.MEMORY_HEADROOM / 1e9:g} GB", f"{blocks.CACHE_FILES} 个文件",
                   f"{sandbox.MAX_TEMPLATE_BYTES // 1_000_000} MB", f"{reader.MAX_PARAGRAPHS:,} 段",
                   f"{reader.MAX_XML // 1_000_000} MB", f"{reader.MAX_TEXT_FILE // 1_000_000} MB",
                   f"{reader.MAX_CHARACTERS:,} 字", f"{reader.MAX_LINES:,} 行", f"{yamlcompose.MAX_NODES:,} 项",
                   f"{yamlcompose.MAX_DEPTH} 层", f"{yamlcompose.MAX_ITEMS:,} 项"):
        assert figure in section, figure


def test_review_workflow_says_to_send_the_docx_and_how_to_print_comments():
    """Issue 16.3: the review copy's comments survive only if it goes out as .docx."""
    text = readme()
    section = text[text.index("## 送审流程"):text.index("## 审查方案")]
    assert "审阅稿请以 .docx 发送" in section
    for words in ("“审阅”→“显示标记”", "批注", "打印标记", "导出为 PDF", "注释在页边", "--review --format pdf"):
        assert words in section, words
