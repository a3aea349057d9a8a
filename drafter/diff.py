"""What changed between two versions of a profile, as a reviewer's reply wants it
(反馈意见采纳情况): measures added, dropped and reworded, department names, targets.

Pure: two plans in, Markdown out. Library measures compare by id, the locality's own by title.
"""

from __future__ import annotations

import difflib

from .plan import Plan, PlannedMeasure


def _key(measure: PlannedMeasure) -> str:
    return measure.id if measure.id != "local" else f"local:{measure.title}"


def _label(measure: PlannedMeasure) -> str:
    return f"{measure.number}{measure.title}" + ("（地方举措）" if measure.id == "local" else f"（{measure.id}）")


def _inline(old: str, new: str) -> str:
    """Old → new with the changed characters marked: ~~删去~~ and **新增**."""
    out = []
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(old[a0:a1])
        if tag in ("delete", "replace"):
            out.append(f"~~{old[a0:a1]}~~")
        if tag in ("insert", "replace"):
            out.append(f"**{new[b0:b1]}**")
    return "".join(out)


def diff_plans(old: Plan, new: Plan, old_name: str, new_name: str) -> str:
    before = {_key(m): m for m in old.measures()}
    after = {_key(m): m for m in new.measures()}
    lines = [f"# 修改情况：{new.title}", "", f"原稿：{old_name}；新稿：{new_name}", ""]
    if old.title != new.title:
        lines += [f"- 标题：{old.title} → {new.title}", ""]
    added = [after[k] for k in after if k not in before]
    dropped = [before[k] for k in before if k not in after]
    reworded = [(before[k], after[k]) for k in after if k in before
                and (before[k].title, before[k].text) != (after[k].title, after[k].text)]
    lines += ["## 新增措施", ""] + ([f"- {_label(m)}" for m in added] or ["- 无"]) + [""]
    lines += ["## 删去措施", ""] + ([f"- {_label(m)}" for m in dropped] or ["- 无"]) + [""]
    lines += ["## 改写措施", ""]
    for a, b in reworded:
        lines.append(f"- {_label(b)}")
        if a.title != b.title:
            lines.append(f"  - 标题：{_inline(a.title, b.title)}")
        if a.text != b.text:
            lines.append(f"  - 正文：{_inline(a.text, b.text)}")
    lines += (["- 无"] if not reworded else []) + [""]
    units_before = {u.role: u for u in old.units}
    changed_units = [(units_before[u.role], u) for u in new.units
                     if u.role in units_before and units_before[u.role].name != u.name]
    lines += ["## 单位名称变化", ""]
    lines += [f"- {u.label}（{u.role}）：{a.name} → {u.name}" for a, u in changed_units] or ["- 无"]
    lines += [""]
    old_targets = dict(old.figures)  # every figure the text carries, listed in 主要指标 or not
    changed_targets = [(label, old_targets[label], value) for label, value in new.figures
                       if label in old_targets and old_targets[label] != value]
    lines += ["## 目标值变化", ""]
    lines += [f"- {label}：{a} → {b}" for label, a, b in changed_targets] or ["- 无"]
    lines += ["", f"合计：新增 {len(added)} 条，删去 {len(dropped)} 条，改写 {len(reworded)} 条；"
              f"单位名称变化 {len(changed_units)} 处，目标值变化 {len(changed_targets)} 处。", ""]
    return "\n".join(lines)
