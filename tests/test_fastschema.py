"""The fast schema check (drafter/profile/fastschema.py) lets a valid profile draft without
importing jsonschema; it must never let through what jsonschema refuses.

Property: over generated and mutated profiles, the compiled check and jsonschema's Draft
2020-12 validator give the same answer. The schemas drafter ships compile (else every
draft would silently pay for jsonschema again), and a keyword the checker does not know
sends the profile to jsonschema instead of being ignored.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.errors import ValidationFailed
from drafter.profile import load_profile
from drafter.profile.fastschema import Unsupported, compile_schema
from drafter.profile.loader import profile_schema
from drafter.profile.messages import schema_problems
from drafter.profile.yamlsource import load_yaml
from test_properties import JUNK, LIBRARY, SETTINGS, paths_of, profiles

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = profile_schema()
FAST = compile_schema(SCHEMA)
FULL = jsonschema.Draft202012Validator(SCHEMA)


def agree(data: object) -> None:
    assert FAST(data) == FULL.is_valid(data), list(FULL.iter_errors(data))[:1]


def test_the_shipped_schemas_compile() -> None:
    compile_schema(SCHEMA)
    library_schema = json.loads((resources.files("drafter") / "schemas/library.schema.json").read_text("utf-8"))
    compile_schema(library_schema)


@pytest.mark.parametrize("path", sorted((ROOT / "profiles").glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_profiles_pass_the_fast_check(path: Path) -> None:
    source = load_yaml(path, "档案文件", collect=True)
    assert FAST(source.data) and FULL.is_valid(source.data)


@SETTINGS
@given(data=profiles())
def test_generated_profiles_get_the_same_answer(data) -> None:
    agree(data)


@SETTINGS
@given(data=profiles(), choice=st.data())
def test_mutated_profiles_get_the_same_answer(data, choice) -> None:
    for _ in range(choice.draw(st.integers(1, 3))):
        places = [p for p in paths_of(data) if p]
        if not places:
            break
        place = choice.draw(st.sampled_from(places))
        parent = data
        for key in place[:-1]:
            parent = parent[key]
        action = choice.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[place[-1]] = choice.draw(JUNK)
        elif action == "delete":
            del parent[place[-1]]
        elif isinstance(parent, dict):
            parent[choice.draw(st.one_of(st.text(min_size=1, max_size=8), st.integers()))] = choice.draw(JUNK)
        else:
            parent.append(choice.draw(JUNK))
    agree(data)


@pytest.mark.parametrize("value", [2.0, 2.5, True, float("nan"), "end", "annual", "soon", 11, 0, None])
def test_deadlines_one_of_is_exact(value) -> None:
    data = {"jurisdiction": {"name": "清河县", "level": "county", "province": "河北省"},
            "document": {"period": {"start": 2026, "end": 2030}},
            "initiatives": [{"topic": "functions.coordination", "title": "一项", "text": "一项。",
                             "lead": ["justice"], "deadline": value}]}
    agree(data)


def test_an_unknown_keyword_falls_back_to_jsonschema(tmp_path: Path) -> None:
    schema = {"type": "object", "properties": {"name": {"type": "string", "format": "email"}},
              "not": {"required": ["bad"]}}
    with pytest.raises(Unsupported):
        compile_schema(schema)
    path = tmp_path / "x.yaml"
    path.write_text("bad: 1\nname: 清河县\n", encoding="utf-8")
    problems = schema_problems(load_yaml(path, "档案文件", collect=True), schema)
    assert problems, "a schema the fast check cannot compile is still enforced, by jsonschema"


def test_a_wrong_profile_still_gets_every_problem_in_words(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    text = (ROOT / "profiles" / "qinghe.yaml").read_text("utf-8")
    path.write_text(text.replace("status: 征求意见稿", "status: [征求意见稿]").replace("  vision:", "  visoin:"),
                    encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        load_profile(path, LIBRARY)
    message = str(caught.value)
    assert "document.status" in message and "document.visoin" in message and "vision" in message


def test_a_valid_draft_loads_no_jsonschema_and_no_python_docx(tmp_path: Path) -> None:
    """What keeps a cold start short: a valid profile drafted to .docx imports neither."""
    code = (
        "import sys; from pathlib import Path; from drafter.commands import main\n"
        f"sys.argv = ['drafter', 'draft', {str(ROOT / 'profiles' / 'qinghe.yaml')!r}, '-o', {str(tmp_path)!r}]\n"
        "try:\n    main()\nexcept SystemExit as end:\n    assert not end.code, end.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('jsonschema', 'docx', 'lxml', 'openpyxl'))\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout, result.stdout
    assert list(tmp_path.glob("*.docx"))
