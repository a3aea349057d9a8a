"""Administrative levels: how a locality's departments and lower governments are named."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    """An administrative level: its tier and how its lower governments are called."""
    key: str
    label: str  # how a user would say it
    prefix: str  # 区 in 区司法局, 全区, 区政府
    tier: str  # "city" (prefecture level) or "county" (county level): selects measures
    lower_govs: str  # default name of the governments one level down


# A county-level locality's lower governments when the profile does not name them: without
# town-level data the default names every kind, 乡 and 镇 and 街道 (浏阳、汝州 have 乡 beside their
# 镇 and 街道; a county may have 街道, a district 乡 or 镇), so that no draft leaves one out
# (司法厅 read 13c L2, final2 §2(c)1); a 旗 names its 苏木 and 乡镇. `jurisdiction.lower_govs` narrows it;
# `check` lists it as a default.
TOWNS_AND_STREETS = "各乡镇人民政府、街道办事处"

LEVELS: dict[str, Level] = {
    level.key: level
    for level in (
        Level("prefecture_city", "地级市", "市", "city", "各县（市、区）人民政府"),
        Level("autonomous_prefecture", "自治州", "州", "city", "各县（市）人民政府"),
        Level("league", "盟", "盟", "city", "各旗（县、市）人民政府"),
        Level("district", "市辖区", "区", "county", TOWNS_AND_STREETS),
        Level("county", "县", "县", "county", TOWNS_AND_STREETS),
        Level("autonomous_county", "自治县", "县", "county", TOWNS_AND_STREETS),
        Level("county_city", "县级市", "市", "county", TOWNS_AND_STREETS),
        Level("banner", "旗", "旗", "county", "各苏木乡镇人民政府"),
        Level("autonomous_banner", "自治旗", "旗", "county", "各苏木乡镇人民政府"),
    )
}

# What people type for a level besides its key and label; 市 alone is ambiguous (地级市 or 县级市).
_ALIASES = {
    "市辖区": "district", "区": "district", "县": "county", "旗": "banner", "盟": "league",
    "地级市": "prefecture_city", "设区的市": "prefecture_city", "地市": "prefecture_city",
    "县级市": "county_city", "自治县": "autonomous_county", "自治旗": "autonomous_banner",
    "自治州": "autonomous_prefecture",
}
# The end of a locality's full name at each level: 清河县, 桐乡市, 延边朝鲜族自治州.
SUFFIXES = {
    "prefecture_city": ("市",), "autonomous_prefecture": ("自治州",), "league": ("盟",),
    "district": ("区",), "county": ("县",), "autonomous_county": ("自治县",), "county_city": ("市",),
    "banner": ("旗",), "autonomous_banner": ("自治旗",),
}
LEVEL_CHOICES = "、".join(f"{key}（{level.label}）" for key, level in LEVELS.items())


def parse_level(text: str) -> Level | None:
    """The level a user means by a key (county), its label (县级市) or a common name (地级市)."""
    word = text.strip().replace(" ", "")
    if word.lower() in LEVELS:
        return LEVELS[word.lower()]
    for level in LEVELS.values():
        if word == level.label:
            return level
    key = _ALIASES.get(word)
    return LEVELS[key] if key else None


def level_advice(text: str) -> str:
    """Why a level is not understood, and what to write."""
    if text.strip() == "市":
        return "“市”可能是地级市（prefecture_city）或县级市（county_city），请写明是哪一种"
    return f"层级 “{text.strip()}” 无法识别，请写 {LEVEL_CHOICES} 之一（键或中文名称都可以）"


def guess_level(name: str) -> Level | None:
    """The level a full name implies, when only one level ends that way (清河县 → county)."""
    matches = [key for key, suffixes in SUFFIXES.items() if name.endswith(suffixes)]
    longest = max((len(s) for key in matches for s in SUFFIXES[key]), default=0)
    best = [key for key in matches if any(len(s) == longest and name.endswith(s) for s in SUFFIXES[key])]
    return LEVELS[best[0]] if len(best) == 1 else None
