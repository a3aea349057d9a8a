"""What the library commands print: listings, one measure with its sources, stats, export."""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..ingest import PlanItem, parse_plan
from .model import SEED_KEYS, TIERS, Library, Measure

EXPORT_KEYS = ("id", "chapter", "topic", "title", "text", "lead", "partners", "deadline", "tier", "levels", "sources")


@lru_cache(maxsize=1)
def seed_items() -> dict[str, PlanItem]:
    """Every item of the five shipped seed plans, by citation (datong:30 …)."""
    seeds = Path(str(resources.files("drafter") / "seeds"))
    items: dict[str, PlanItem] = {}
    for key in SEED_KEYS:
        for item in parse_plan((seeds / f"{key}.txt").read_text("utf-8"), key):
            items[item.citation] = item
    return items


def export_records(library: Library) -> list[dict]:
    """The stable export other tools read: exactly EXPORT_KEYS per measure."""
    return [
        {
            "id": m.id, "chapter": m.chapter, "topic": m.topic, "title": m.title, "text": m.text,
            "lead": list(m.lead), "partners": list(m.partners), "deadline": m.deadline, "tier": m.tier,
            "levels": sorted(m.levels), "sources": list(m.sources),
        }
        for m in library.measures()
    ]


def export_json(library: Library) -> str:
    return json.dumps(export_records(library), ensure_ascii=False, indent=2)


def listing(library: Library, topics: str | set[str] | None = None, tier: str | None = None) -> list[Measure]:
    """The measures of the topics or chapters (keys), or of all; of one tier, or of all."""
    keys = {topics} if isinstance(topics, str) else topics
    return [
        m for m in library.measures()
        if (keys is None or m.topic in keys or m.chapter in keys) and (tier is None or m.tier == tier)
    ]


def show(library: Library, measure: Measure) -> str:
    roles = library.roles
    lines = [
        f"{measure.id}  {measure.title}",
        f"专题：{measure.topic}    层级：{'、'.join(sorted(measure.levels))}    分级：{measure.tier}",
        f"正文：{measure.text}",
        f"牵头：{'、'.join(f'{r}（{roles[r].label}）' for r in measure.lead)}",
    ]
    if measure.partners:
        lines.append(f"责任：{'、'.join(f'{r}（{roles[r].label}）' for r in measure.partners)}")
    if measure.deadline is not None:
        lines.append(f"时限：{measure.deadline}")
    for name in measure.params:
        param = library.params[name]
        shown = f"{param.default}{param.unit}" if param.default is not None else f"（结果性指标，无默认值，单位：{param.unit}）"
        lines.append(f"参数：{name} = {shown}（{param.label}）")
    lines.append("来源：")
    items = seed_items()
    for citation in measure.sources:
        item = items.get(citation)
        lines.append(f"  [{citation}] {item.text if item else '（原文中找不到该条）'}")
    return "\n".join(lines)


def uncovered(library: Library) -> list[str]:
    """Seed items neither cited by a measure nor deliberately omitted."""
    accounted = library.cited() | {omission.source for omission in library.omitted}
    return [citation for citation in seed_items() if citation not in accounted]


def stats(library: Library) -> str:
    measures = list(library.measures())
    lines = [f"措施总数：{len(measures)}"]
    tiers = Counter(m.tier for m in measures)
    lines.append("分级：" + "，".join(f"{tier} {tiers[tier]}" for tier in TIERS))
    lines.append("各章：")
    for chapter in library.chapters:
        count = sum(len(topic.measures) for topic in chapter.topics)
        lines.append(f"  {chapter.part}、{chapter.title}（{chapter.id}）：{count}")
    weights = sum(topic.weight for topic in library.topics())
    compact = sum(max(1, topic.weight // 2) for topic in library.topics())
    lines.append(f"详略（每个专题取的条数之和，适用层级前）：compact {compact}，standard {weights}，full {len(measures)}")
    lines.append("各专题：措施数（standard 取几条；分级）")
    for topic in library.topics():
        by_tier = Counter(m.tier for m in topic.measures)
        detail = "，".join(f"{tier} {by_tier[tier]}" for tier in TIERS if by_tier[tier])
        lines.append(f"  {topic.no:>2} {topic.id}（{topic.title}）：{len(topic.measures)}（取 {topic.weight}；{detail}）")
    dated = [m for m in measures if m.until is not None]
    lines.append(f"属于 2021—2025 年一轮的措施（until 或绝对年份时限）：{len(dated)}；"
                 f"新政策措施（since）：{sum(1 for m in measures if m.since)}；"
                 f"注明国家依据（basis）：{sum(1 for m in measures if m.basis)}")
    covered = sum(1 for topic in library.topics() if topic.measures)
    lines.append(f"覆盖纲要专题：{covered} / 32")
    citations = Counter(c.split(":")[0] for m in measures for c in m.sources)
    items = Counter(c.split(":")[0] for c in seed_items())
    omitted = Counter(o.source.split(":")[0] for o in library.omitted)
    lines.append("各方案：条目数 / 被引用次数 / 有意略去")
    for key in SEED_KEYS:
        lines.append(f"  {key}：{items[key]} / {citations[key]} / {omitted[key]}")
    missing = uncovered(library)
    lines.append(f"既未引用也未说明略去理由的条目：{len(missing)}" + (f"（{'、'.join(missing)}）" if missing else ""))
    lines += requirement_lines(library)
    return "\n".join(lines)


LEVELS = {"city": "市", "county": "县"}


def requirement_lines(library: Library) -> list[str]:
    """Each requirement of obligations.yaml with the measure(s) that carry it."""
    carriers = {m for r in library.requirements for m in r.measures}
    lines = [f"国家要求（obligations.yaml）：{len(library.requirements)} 条，承载措施 {len(carriers)} 条",
             "各项要求：编号 标题（专题；层级）→ 承载措施；依据"]
    for r in library.requirements:
        levels = "、".join(LEVELS[level] for level in sorted(r.levels))
        basis = "、".join(library.documents[key].cited for key in r.basis) + (f"{r.article}" if r.article else "")
        lines.append(f"  {r.id} {r.title}（{r.topic}；{levels}）→ {'、'.join(r.measures)}；依据：{basis}")
    return lines
