"""Which rule names a role by default, and the rules that need more than the level's prefix:
vertically managed and branch bodies are named by their parent's pattern.

- 生态环境: since the 2016 reform of monitoring and enforcement (中办发〔2016〕63号), a county's
  bureau is a branch of the city's: 长沙市生态环境局浏阳分局.
- 税务: the tax bureaus are the State Taxation Administration's: 国家税务总局浏阳市税务局.
- 政务服务: 政务服务中心 is a hall, not a department; the default is kept but marked 提示.
"""

from __future__ import annotations

from ..library.model import RoleDef

BY_LEVEL = "按{label}命名规则"
GENERIC = "按各层级通用命名规则"
BRANCH = "按垂直管理分局规则（县级生态环境部门为设区的市生态环境局的派出分局）"
TAX = "按垂直管理规则（税务机关以国家税务总局为主管理）"
HALL = "提示：政务服务中心是办事大厅，不是政府部门，请按本地机构改写（如 行政审批局、政务服务管理局、政务服务和数据管理局）"


def vertical_name(key: str, name: str, short: str, tier: str, city: str | None) -> tuple[str, str] | None:
    """(name, rule) for a vertically managed or branch body, None when the level's pattern applies."""
    if key == "ecology" and tier == "county" and city:
        return f"{city}生态环境局{short}分局", BRANCH
    if key == "tax":
        return f"国家税务总局{name}税务局", TAX
    return None


def pattern_rule(role: RoleDef, level_key: str, level_label: str) -> str:
    """The rule behind a role's pattern at a level."""
    if role.key == "gov_service" and "政务服务中心" in role.by_level.get(level_key, role.default):
        return HALL
    if level_key in role.by_level:
        return BY_LEVEL.format(label="县级" if level_key in _COUNTY_KEYS else level_label)
    return GENERIC


_COUNTY_KEYS = {"county", "county_city", "autonomous_county", "banner", "autonomous_banner"}
