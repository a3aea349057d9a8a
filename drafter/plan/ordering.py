"""The plan's heading numbers, from position: 一、 chapters, （一） topics, 1. measures, and 实施步骤's place."""

from __future__ import annotations

from dataclasses import replace
from itertools import count

from .model import Plan
from .numbering import number_text


def number_plan(plan: Plan, numbering: str) -> Plan:
    """Numbers are text computed from position, so dropping a measure renumbers the rest."""
    # chapters layout: 一、chapter （一）topic 1. measure; tasks: （一）chapter 1. topic （1）measure.
    base = 1 if plan.layout == "chapters" else 2
    continuous = numbering == "continuous"
    chapter_no = count(2)  # 一、 is 总体要求
    # 总体要求 holds （一）指导思想 （二）主要原则 （三）总体目标, as in the national outline.
    topic_no, measure_no = count(4 if plan.layout == "chapters" else 1), count(1)
    numbered = []
    for chapter in plan.chapters + (plan.guarantee,):
        if not continuous:
            topic_no = count(1)
        topics = []
        for topic in chapter.topics:
            if not continuous:
                measure_no = count(1)
            measures = tuple(
                replace(m, level=base + 2, number=number_text(base + 2, next(measure_no))) for m in topic.measures
            )
            topics.append(replace(topic, level=base + 1, number=number_text(base + 1, next(topic_no)),
                                  measures=measures))
        if plan.layout == "chapters":
            level, number = 1, number_text(1, next(chapter_no))
        elif chapter is plan.guarantee:
            level, number = 1, number_text(1, 3)
        else:
            level, number = 2, number_text(2, len(numbered) + 1)
        numbered.append(replace(chapter, level=level, number=number, topics=tuple(topics)))
    # 实施步骤 last, after the 党的领导 / 组织保障 chapter (s14 O1). The five seeds (drafter/seeds): none has
    # 实施步骤; 5 of 5 run their tasks unbroken to that chapter; 3 of 5 (datong, zhangye, bishan) follow it
    # with an unnumbered 落实 paragraph, where 实施步骤 now stands, before our closing paragraph.
    stages_number = number_text(1, next(chapter_no) if plan.layout == "chapters" else 4) if plan.stages else ""
    return replace(plan, chapters=tuple(numbered[:-1]), guarantee=numbered[-1], stages_number=stages_number)

