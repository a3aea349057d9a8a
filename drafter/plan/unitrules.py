"""Which rule names a role by default, and the rules that need more than the level's prefix:
vertically managed and branch bodies are named by their parent's pattern.

- 生态环境: since the 2016 reform of monitoring and enforcement (中办发〔2016〕63号), a county's
  bureau is a branch of the city's: 长沙市生态环境局浏阳分局.
- 税务: the tax bureaus are the State Taxation Administration's: 国家税务总局浏阳市税务局; a
  市辖区's carries its parent's name, 区 names repeating across China: 国家税务总局北京市海淀区税务局,
  国家税务总局成都市武侯区税务局 (both seen in public tax data, 2026-12-01).
- 政务服务: 政务服务中心 is a hall, not a department, so it is never a default lead. A province
  that set up one body by rule names it (gazetteer/data/bodies.yaml: 河北's 行政审批局, 北京's
  政务服务和数据管理局…); elsewhere the draft prints the placeholder 〔政务服务管理部门〕, which the
  review copy highlights and `check`/`draft` name as units.gov_service (13c N-W2: a 政府办公室 that
  looks right and is not was the worse error). 数据 alike: 〔数据管理部门〕 unless a rule or the
  profile names it; one body the profile names for both leads both (plan/units.py).
- A province's own merged bodies (北京's 区住房城乡建设委, 区教委…) come from the same file,
  each with its source; they come before the branch rule and the level's pattern.
"""

from __future__ import annotations

from ..gazetteer.bodies import body_rule
from ..library.model import RoleDef
from ..profile.places import MUNICIPALITIES

BY_LEVEL = "按{label}命名规则"
GENERIC = "按各层级通用命名规则"
BRANCH = "按垂直管理分局规则（县级生态环境部门为设区的市生态环境局的派出分局）"
TAX = "按垂直管理规则（税务机关以国家税务总局为主管理）"
OFFICE = ("本省没有登记统一设立的政务服务管理部门，各地名称不一，正文暂印占位符“〔政务服务管理部门〕”，"
          "请在档案 units.gov_service 中写本地机构名称（如 行政审批局、政务服务和大数据管理局；一个机构统管政务服务和数据的，"
          "写一处即可，数据工作的措施也由它牵头）")
UNVERIFIED_DATA = ("本省没有登记本层级数据管理部门的名称（数据局是否设立、是否与政务服务合设，各地不一），正文暂印占位符"
                   "“〔数据管理部门〕”，请在档案 units.data_bureau 中写本地机构名称；由政务服务管理部门一并承担的，"
                   "在 units.gov_service 写其名称即可")
SERVICE_PLACEHOLDER = "〔政务服务管理部门〕"
DATA_PLACEHOLDER = "〔数据管理部门〕"
SOURCE = "，见 drafter/gazetteer/data/bodies.yaml"


def vertical_name(key: str, name: str, short: str, tier: str, city: str | None,
                  district_of: str | None = None) -> tuple[str, str] | None:
    """(name, rule) for a vertically managed or branch body, None when the level's pattern applies.
    `district_of`: a 市辖区's province, whose district tax bureau carries its parent's name."""
    if key == "ecology" and tier == "county" and city:
        return f"{city}生态环境局{short}分局", BRANCH
    if key == "tax":
        parent = (city or (district_of if district_of in MUNICIPALITIES else "")) if district_of else ""
        return f"国家税务总局{parent}{name}税务局", TAX + ("；市辖区的税务局名称带上级市名" if parent else "")
    return None


def province_name(key: str, province: str, level_key: str, prefix: str, short: str,
                  city: str | None = None) -> tuple[str, str] | None:
    """(name, rule) when the province set the body up by its own rule (bodies.yaml), else None; a
    rule naming the city (四川's {city}{short}生态环境局) applies only where the profile names it."""
    rule = body_rule(province, level_key, key, city)
    name = rule.named(prefix, short, city) if rule else None
    return (name, rule.rule + SOURCE) if rule and name else None


def pattern_rule(role: RoleDef, level_key: str, level_label: str) -> str:
    """The rule behind a role's pattern at a level."""
    if role.key == "gov_service":
        return OFFICE
    if level_key in role.by_level:
        return BY_LEVEL.format(label="县级" if level_key in _COUNTY_KEYS else level_label)
    return GENERIC


_COUNTY_KEYS = {"county", "county_city", "autonomous_county", "banner", "autonomous_banner"}
