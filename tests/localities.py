"""Profiles of real localities of every level, for tests that draft many kinds of place."""

from __future__ import annotations

import textwrap

LOCALITIES = {
    # name: (level, province, city or None, lower_govs or None)
    "清河县": ("county", "河北省", "邢台市", None),
    "桐乡市": ("county_city", "浙江省", "嘉兴市", "各镇人民政府、街道办事处"),
    "渝中区": ("district", "重庆市", None, "各街道办事处"),
    "海淀区": ("district", "北京市", None, "各镇人民政府、街道办事处"),
    "延边朝鲜族自治州": ("autonomous_prefecture", "吉林省", None, None),
    "陈巴尔虎旗": ("banner", "内蒙古自治区", "呼伦贝尔市", None),
    "嘉兴市": ("prefecture_city", "浙江省", None, None),
    # 长阳 辖8镇3乡、无街道（求真百科“长阳县”、jendow.com.tw“長陽”，2016 年数据；search pages 2026-12-01）
    "长阳土家族自治县": ("autonomous_county", "湖北省", "宜昌市", "各乡镇人民政府"),
    "锡林郭勒盟": ("league", "内蒙古自治区", None, None),
}

SHORT = {"延边朝鲜族自治州": "延边", "长阳土家族自治县": "长阳", "锡林郭勒盟": "锡林郭勒", "陈巴尔虎旗": "陈旗"}


def profile_text(name: str, start: int = 2026, end: int = 2030, detail: str = "standard",
                 extra: str = "", kind: str = "实施方案") -> str:
    level, province, city, lower = LOCALITIES[name]
    short = SHORT.get(name, name[:-1])
    lines = [
        "jurisdiction:",
        f"  name: {name}",
        f"  short: {short}",
        f"  level: {level}",
        f"  province: {province}",
    ]
    if city:
        lines.append(f"  city: {city}")
    if lower:
        lines.append(f"  lower_govs: {lower}")
    lines += [
        "document:",
        f"  kind: {kind}",
        f"  period: {{start: {start}, end: {end}}}",
        "selection:",
        f"  detail: {detail}",
    ]
    return "\n".join(lines) + "\n" + textwrap.dedent(extra)
