"""Other places: another province's name or its government-service platform left in the plan
(a neighbour's plan find-and-replaced)."""

from __future__ import annotations

from typing import Iterator

from ...gazetteer.platforms import foreign_platforms_in
from ...library import Library
from ...profile.places import PROVINCES
from ..model import Context, Finding, PlanText

CODES = {
    "A401": "出现其他省份的名称",
    "A402": "出现其他省份的政务服务平台",
    "A403": "出现其他省份的区域战略或地方口号",
}
# Regional strategies and local slogans and the provinces they belong to. 川渝通办, 长三角 and
# 山城有信 are printed in the seed plans (suining, bishan, datong); the others are the national
# regional strategies by their usual names (not checked with the search tool).
SLOGANS = {
    "川渝通办": ("四川省", "重庆市"), "成渝地区双城经济圈": ("四川省", "重庆市"), "山城有信": ("重庆市",),
    "长三角": ("上海市", "江苏省", "浙江省", "安徽省"), "京津冀": ("北京市", "天津市", "河北省"),
    "粤港澳大湾区": ("广东省", "香港特别行政区", "澳门特别行政区"),
}


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    if not context.knows_province:
        return
    own = context.profile.jurisdiction.province
    others = [name for name in PROVINCES if name != own]
    for paragraph in plan.paragraphs:
        text = paragraph.text
        for name in others:
            if name in text:
                yield plan.at(paragraph, "A401", name, f"出现其他省份“{name}”",
                              f"本方案是{own}{context.name}的方案；他省名称多是照抄他地方案的遗留",
                              f"核实是否确为跨省协作事项；否则改为{own}或删去")
        for platform, province in foreign_platforms_in(text, own):  # the verified registry, gazetteer/data/platforms.yaml
            yield plan.at(paragraph, "A402", platform, f"出现{province}的政务服务平台“{platform}”",
                          f"“{platform}”是{province}的平台，不是{own}的",
                          f"改为{own}的政务服务平台名称（或写“全国一体化政务服务平台”）")
        for slogan, provinces in SLOGANS.items():
            if slogan in text and own not in provinces:
                yield plan.at(paragraph, "A403", slogan, f"出现“{slogan}”",
                              f"“{slogan}”属于{'、'.join(provinces)}，{own}不在其中；多是照抄他地方案的遗留",
                              f"删去，或改为{own}所在区域的提法")
