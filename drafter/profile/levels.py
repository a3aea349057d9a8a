"""Administrative levels: how a locality's departments and lower governments are named."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    key: str
    label: str  # how a user would say it
    prefix: str  # 区 in 区司法局, 全区, 区政府
    tier: str  # "city" (prefecture level) or "county" (county level): selects measures
    lower_govs: str  # default name of the governments one level down


LEVELS: dict[str, Level] = {
    level.key: level
    for level in (
        Level("prefecture_city", "地级市", "市", "city", "各县（市、区）人民政府"),
        Level("autonomous_prefecture", "自治州", "州", "city", "各县（市）人民政府"),
        Level("league", "盟", "盟", "city", "各旗（县、市）人民政府"),
        Level("district", "市辖区", "区", "county", "各镇人民政府、街道办事处"),
        Level("county", "县", "县", "county", "各乡镇人民政府"),
        Level("autonomous_county", "自治县", "县", "county", "各乡镇人民政府"),
        Level("county_city", "县级市", "市", "county", "各镇人民政府、街道办事处"),
        Level("banner", "旗", "旗", "county", "各苏木乡镇人民政府"),
        Level("autonomous_banner", "自治旗", "旗", "county", "各苏木乡镇人民政府"),
    )
}
