"""Requirements (obligations.yaml) binding the locality's level: those whose key words the plan
does not carry are missing."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from ...library import Library
from ...library.obligations import cited
from ...plan.select import requirements
from ...profile.loader import Period
from ..model import Context, Finding, PlanText

CODES = {"A701": "缺少约束本层级的国家要求（国家要求登记表）"}


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    profile = replace(context.profile, period=Period(context.start, context.end), drop=frozenset())
    text = "".join(paragraph.text for paragraph in plan.paragraphs)
    for requirement, _ in requirements(profile, library):
        missing = [keyword for keyword in requirement.keywords if keyword not in text]
        if missing:
            yield Finding(
                "A701", quote=requirement.title,
                what=f"未载明“{requirement.title}”（缺少“{'”“'.join(missing)}”）",
                why=f"约束{context.profile.jurisdiction.level.label}的要求，依据{cited(requirement, library.documents)}",
                fix=f"在相应部分增加“{requirement.title}”的措施（drafter 措施库专题 {requirement.topic}）")

