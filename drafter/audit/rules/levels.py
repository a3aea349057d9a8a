"""Level words: 全县 in a 市 plan, 立法 powers the locality lacks, 乡镇 in a district of streets."""

from __future__ import annotations

import re
from typing import Iterator

from ...library import Library
from ...plan.select import AUTONOMOUS_LEVELS, LEGISLATIVE_LEVELS
from ...plan.units import lower_govs
from ..model import Context, Finding, PlanText

CODES = {
    "A501": "层级用语与本地层级不符（如市方案写“全县”）",
    "A502": "写了本地没有的立法权限",
    "A503": "下级单位与本地不符（如只有街道的区写“乡镇”）",
}
_WHOLE = re.compile(r"(全|本|我)(市|县|区|州|盟|旗)(?![委长域内外])")
_LEGISLATION = re.compile(r"(?<!自治)地方立法权|制定地方性法规|地方性法规草案|设区的市立法|政府规章|制定规章|规章草案")
_AUTONOMY = re.compile(r"自治条例|单行条例")
_TOWNSHIP = re.compile(r"乡镇|乡人民政府|镇人民政府")


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    level = context.profile.jurisdiction.level
    below = lower_govs(context.profile)
    city = context.profile.jurisdiction.city or (
        context.profile.jurisdiction.province if context.profile.jurisdiction.province.endswith("市") else "")
    parent = city[-1:] if level.tier == "county" and city else level.prefix
    streets_only = "街道" in below and not re.search("乡|镇|苏木", below)
    for paragraph in plan.paragraphs:
        text = paragraph.text
        for match in _WHOLE.finditer(text):
            if match.group(2) not in (level.prefix, parent):
                word = match.group(0)
                yield plan.at(paragraph, "A501", word, f"“{word}”与本地层级不符",
                              f"{context.name}是{level.label}，应称“{match.group(1)}{level.prefix}”",
                              f"改为“{match.group(1)}{level.prefix}”")
        if level.key not in LEGISLATIVE_LEVELS and (match := _LEGISLATION.search(text)):
            yield plan.at(paragraph, "A502", match.group(0), f"“{match.group(0)}”是本地没有的立法权限",
                          f"依立法法，设区的市、自治州才可制定地方性法规和政府规章；{context.name}是{level.label}",
                          "改为“配合上级做好地方立法工作”或写行政规范性文件管理")
        if level.key not in AUTONOMOUS_LEVELS and (match := _AUTONOMY.search(text)):
            yield plan.at(paragraph, "A502", match.group(0), f"“{match.group(0)}”只有民族自治地方才能制定",
                          f"依立法法，自治条例和单行条例由民族自治地方制定；{context.name}不是民族自治地方",
                          "删去，或改为行政规范性文件管理")
        if streets_only and (match := _TOWNSHIP.search(text)):
            yield plan.at(paragraph, "A503", match.group(0), f"“{match.group(0)}”与本地下级单位不符",
                          f"{context.name}的下级是{below}，没有乡镇", f"改为“{below}”或“街道”")
