"""Precision and recall of `drafter audit` on the planted-defect corpus (tests/fixtures/audit)."""

from __future__ import annotations

from collections import Counter

import yaml

from audit_corpus import CORPUS, UNSCORED, audit_case, cases
from drafter.audit import CODES


def test_corpus_has_every_kind_of_text_and_every_rule():
    texts = cases()
    assert len(texts) >= 12
    specs = [yaml.safe_load(t.with_suffix(".yaml").read_text("utf-8")) for t in texts]
    kinds = " ".join(spec["kind"] for spec in specs)
    for kind in ("AI 写作助手", "照抄", "部门修改稿"):
        assert kind in kinds
    planted = {entry["code"] for spec in specs for entry in spec["findings"]}
    assert planted == set(CODES) - UNSCORED


def test_precision_and_recall_at_least_0_9(library, tmp_path):
    planted_total = found_total = hits = 0
    misses, extras = [], []
    for text in cases():
        planted, found = audit_case(text, library, tmp_path)
        common = Counter(planted) & Counter(found)
        planted_total, found_total, hits = planted_total + len(planted), found_total + len(found), hits + sum(common.values())
        misses += [(text.name, *x) for x in (Counter(planted) - common).elements()]
        extras += [(text.name, *x) for x in (Counter(found) - common).elements()]
    precision, recall = hits / found_total, hits / planted_total
    print(f"precision {precision:.3f} recall {recall:.3f} ({hits}/{found_total} found, {hits}/{planted_total} planted)")
    assert precision >= 0.9, extras
    assert recall >= 0.9, misses


def test_clean_text_has_no_finding(library, tmp_path):
    planted, found = audit_case(CORPUS / "13_clean_qinghe.txt", library, tmp_path)
    assert planted == [] and found == []
