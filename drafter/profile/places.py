"""Place names as a 公文 prints them: provinces and cities by their full names.

The preamble cites 《浙江省法治政府建设实施方案》; a profile that says 浙江 would print
《浙江法治政府建设实施方案》, so short names are refused with the full name suggested.
"""

from __future__ import annotations


# China's 34 provincial-level divisions.
PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市",
    "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省",
    "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省",
    "云南省", "陕西省", "甘肃省", "青海省", "台湾省",
    "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    "香港特别行政区", "澳门特别行政区",
)
_SHORT = {
    full.removesuffix("特别行政区").removesuffix("维吾尔自治区").removesuffix("壮族自治区")
    .removesuffix("回族自治区").removesuffix("自治区").removesuffix("省").removesuffix("市"): full
    for full in PROVINCES
}
CITY_ENDINGS = ("市", "州", "盟", "地区")
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")  # 直辖市: their districts have no city above


def full_province(text: str) -> str | None:
    """The full name a user means by 浙江, 浙江省 or 内蒙古; None when it is not clear."""
    word = text.strip().replace(" ", "")
    if word in PROVINCES:
        return word
    if word in _SHORT:
        return _SHORT[word]
    starts = [full for short, full in _SHORT.items() if word.startswith(short) and len(short) >= 2]
    return starts[0] if len(starts) == 1 else None


def province_advice(text: str) -> str | None:
    """None when the province is one of the 34 full names, else what to write."""
    if text in PROVINCES:
        return None
    import difflib  # only for a misspelt province

    guess = None if len(text) > 64 else (  # a long text is no slip of a province's name: no guess
        full_province(text) or next(iter(difflib.get_close_matches(text, PROVINCES, n=1, cutoff=0.6)), None))
    if guess:
        return f"“{text}”不是省级行政区的全称，是否指 {guess}？公文中省名要写全称（如 河北省、内蒙古自治区、重庆市）"
    return f"“{text}”不是全国 34 个省级行政区之一，请写省、自治区或直辖市的全称，如 河北省、内蒙古自治区、重庆市"


def city_advice(text: str) -> str | None:
    """None when the city's name ends as a prefecture-level name does, else what to write."""
    word = text.strip()
    if word.endswith(CITY_ENDINGS):
        return None
    if word.endswith(("省", "自治区")):
        return f"“{word}”是省级名称；city 填上级市（州、盟）的全称，如 嘉兴市，直辖市的区县不填"
    return (f"上级市要写全称，以“市”“州”“盟”或“地区”结尾，是否指 {word}市？"
            "（自治州、盟、地区请照实写，如 延边朝鲜族自治州、锡林郭勒盟、阿克苏地区）")



def full_city(text: str, province: str | None = None) -> str | None:
    """The prefecture a user means by 长沙 (→ 长沙市) or 延边 (→ 延边朝鲜族自治州), by the gazetteer;
    None when no prefecture, or more than one, has that short name (in that province, if given)."""
    from ..gazetteer import load_gazetteer
    from ..gazetteer.divisions import PREFECTURE_TYPES

    word = text.strip().replace(" ", "")
    if not word or len(word) > 20 or word.endswith(CITY_ENDINGS):
        return None
    gazetteer = load_gazetteer()
    found = {place.division.name for division in gazetteer if division.type in PREFECTURE_TYPES
             and (division.short == word or division.name == word + "市")
             for place in [gazetteer.place(division)] if province is None or place.province == province}
    return found.pop() if len(found) == 1 else None
