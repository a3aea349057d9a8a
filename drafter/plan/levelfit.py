"""Level fit: a prefecture-level draft (地级市, 自治州, 盟) reaches the 乡镇（街道） through its counties.

A county plan tells its 乡镇（街道） what to do; a 市 or 州 plan does not command them directly — it
指导 (or 督促) its 县（市、区） (司法厅 read s14, G3: the 恩施州 draft said “探索在乡镇（街道）和园区配备企业
服务专员”, “推动乡镇（街道）合法性审查全覆盖”, “健全乡镇（街道）、村（社区）应急处置组织体系”, “乡镇（街道）综合
执法全面执行‘三项制度’”, while its measure 29 already wrote “指导各县（市）人民政府……”).

The rule, one sentence (up to 。 or ；) at a time: a sentence of a city-tier draft that names the
乡镇（街道） with neither 指导/督促 nor the draft's lower governments (各县（市）) before it, in the
sentence or earlier in the measure (said once a measure, not in each of its sentences), gets
“指导各县（市）” (the draft's lower governments without 人民政府, as the reviewer writes it) at the head
of the clause (up to ，) that names them, after a leading deadline (2028年底前); a clause that does not
begin with a verb (乡镇（街道）综合执法全面执行……) gets “指导各县（市）推动”. A county draft is unchanged, and so is a measure the profile rewrote.
"""

from __future__ import annotations

import re

GUIDES = ("指导", "督促")
# the verbs a library clause about the 乡镇（街道） begins with
VERBS = ("探索", "推动", "推进", "健全", "完善", "建立", "加强", "规范", "做好", "落实", "统筹", "引导", "严格",
         "编制", "组建", "实现", "开展", "结合", "支持", "鼓励", "提升", "深化", "巩固", "优化", "发挥",
         "全面", "把")  # 全面建立……; 把…延伸到乡镇（街道）: 指导各县（市）把……
DEADLINE = re.compile(r"^(?:到)?\d{4}年(?:\d{1,2}月)?(?:底|上半年|下半年)?前|^每年")
SENTENCE = re.compile(r"(?<=[。；])")
# 各县（市）人民政府 → 各县（市）; 各县市区人民政府、市直各部门 → 各县市区: the governments, by their short name
_SHORT = re.compile(r"各[^、（]*?(?:（[^）]*）)?(?=人民政府|、|$)")


def short_name(lower: str) -> str:
    found = _SHORT.match(lower)
    return found.group() if found else lower.removesuffix("人民政府")


def through_counties(text: str, towns: str, lower: str) -> tuple[str, bool]:
    """The text with each sentence that commands the 乡镇（街道） led through the lower governments;
    and whether any was."""
    if not towns or towns not in text or not lower:
        return text, False
    stem = short_name(lower)  # 各县（市）
    changed = False
    sentences = []
    for sentence in SENTENCE.split(text):
        at = sentence.find(towns)
        before = "".join(sentences) + sentence[:at]  # once a measure: its later sentences go on from the first
        if at >= 0 and not any(word in before for word in GUIDES + (stem,)):
            start = sentence.rfind("，", 0, at) + 1
            head = DEADLINE.match(sentence[start:])
            start += head.end() if head else 0
            lead = f"指导{stem}" if sentence[start:].startswith(VERBS) else f"指导{stem}推动"
            sentence = sentence[:start] + lead + sentence[start:]
            changed = True
        sentences.append(sentence)
    return "".join(sentences), changed
