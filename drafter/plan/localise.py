"""Words that depend on the locality and the period: title, basis, deadlines, placeholders."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..library import Library, Param
from ..profile import Profile
from ..document import Default
from ..profile.places import MUNICIPALITIES
from ..gazetteer.platforms import ServicePlatforms, service_platforms
from .basis import congress_spirit, covering
from .figures import printable
from .units import UnitName, lower_govs

DASH = "—"  # U+2014 between the years of a period: 2026—2030年


def period_text(profile: Profile) -> str:
    return f"{profile.period.start}{DASH}{profile.period.end}年"


def deadline_text(deadline: int | str | None, profile: Profile, first: int | None = None) -> str | None:
    """1..10 → end of that year counted from `first` (the first year the draft can still schedule,
    see issue.py; the period's start by default), never past the period's end; end; annual."""
    if deadline is None:
        return None
    if deadline == "annual":
        return "每年"
    end = profile.period.end
    if deadline == "end":
        return f"{end}年底前"
    first = profile.period.start if first is None else first
    if int(deadline) >= 2000:  # a milestone year of a national round (see select.in_era), not before issue
        return f"{min(max(int(deadline), first), end)}年底前"
    return f"{min(first + int(deadline) - 1, end)}年底前"


def title_lines(profile: Profile, library: Library | None = None) -> tuple[str, ...]:
    """The title as it is set on the page: the period often on a line of its own.

    A 实施意见 cites the national outline in its title only when the registry holds the one
    for its period (关于贯彻落实《法治政府建设实施纲要（2021—2025年）》的实施意见, the title of
    datong's seed). Otherwise it takes the pattern of 国务院关于加强法治政府建设的意见
    (国发〔2010〕33号) and of the local 实施意见 issued under it: 关于加快建设法治政府的实施意见,
    the period in brackets after it — never an outline that is not registered.
    """
    name, period = profile.jurisdiction.name, period_text(profile)
    if profile.title:
        title = profile.title
        cut = title.rfind("（")
        return (title[:cut], title[cut:]) if cut > 0 and title.endswith("）") else (title,)
    if profile.kind == "实施意见":
        outline = covering(library.documents, "outline", profile.period.start, profile.period.end) if library else None
        if outline is not None:
            cut = outline.title.rfind("（")
            return (f"{name}关于贯彻落实《{outline.title[:cut]}", f"{outline.title[cut:]}》的实施意见")
        return (f"{name}关于加快建设法治政府的实施意见", f"（{period}）")
    return (f"{name}法治政府建设{profile.kind}", f"（{period}）")




def province_word(province: str) -> str:
    """省 / 自治区 / 市 (a municipality): for 省级平台, 本省规定 and the like."""
    if province.endswith("自治区"):
        return "自治区"
    return "市" if province in MUNICIPALITIES else "省"


def platform_words(province: str, platforms: ServicePlatforms | None) -> dict[str, str]:
    """{prov_platform} and {prov_app}: the province's registered platforms by name (省级政务服务平台
    （湖南政务服务网、“湘易办”）, “湘易办”), or the general words where the registry holds none."""
    level = f"{province_word(province)}级"
    named = "、".join(f"“{name}”" if not name.endswith("政务服务网") else name for name in platforms.names) \
        if platforms else ""
    app = f"“{platforms.app}”" if platforms and platforms.app else f"{level}政务服务移动端"
    return {"prov_platform": f"{level}政务服务平台（{named}）" if named else f"{level}政务服务平台", "prov_app": app}


PLATFORM_MARKS = ("{prov_platform}", "{prov_app}")


def towns_word(profile: Profile) -> str:
    """乡镇（街道） as this locality says it: 镇（街道） for 各镇人民政府、街道办事处, 街道 for a district
    of streets only, 苏木乡镇 in a banner; a prefecture keeps the general 乡镇（街道）."""
    place = profile.jurisdiction
    if place.level.tier == "city":
        return "乡镇（街道）"
    named = lower_govs(profile)
    has_street = "街道" in named
    rural = "苏木乡镇" if "苏木" in named else "乡镇" if "乡" in named else "镇" if "镇" in named else ""
    if rural and has_street:
        return f"{rural}（街道）"
    return rural or ("街道" if has_street else "乡镇（街道）")


def date_text(iso: str | None) -> str | None:
    if iso is None:
        return None
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"


@dataclass(frozen=True)
class Localiser:
    """Fills library placeholders for one profile and notes which values were defaults."""

    profile: Profile
    library: Library
    units: dict[str, UnitName]
    first: int | None = None  # the first year the draft can schedule (issue.first_year)

    def base_values(self) -> dict[str, str]:
        """The words every measure may use (a fresh copy: callers add their own)."""
        return dict(self._base_values)

    @cached_property
    def _base_values(self) -> dict[str, str]:
        place, period = self.profile.jurisdiction, self.profile.period
        values = {
            "locality": place.name,
            "short": place.short,
            "scope": f"全{place.level.prefix}",
            "gov": f"{place.level.prefix}政府",
            "lower_govs": lower_govs(self.profile),
            "kind": self.profile.kind,
            "prov": province_word(place.province),
            "province": place.province,
            "towns": towns_word(self.profile),
            **platform_words(place.province, service_platforms(place.province)),
            "start": str(period.start),
            "end": str(period.end),
            # the national goal year of 法治中国建设规划 and the 十四五/十五五 documents: 2035
            "goal_2035": ("为到2035年基本建成法治国家、法治政府、法治社会奠定坚实基础" if period.end < 2035
                          else "基本建成法治国家、法治政府、法治社会"),
        }
        values.update({f"year{n}": str(period.start + n - 1) for n in range(1, 11)})
        values.update({f"role:{key}": unit.name for key, unit in self.units.items()})
        return values

    def param_value(self, param: Param) -> tuple[str, bool]:
        """The profile's target for a param, else its default; and whether it was the default."""
        if param.name in self.profile.targets:
            return _number_text(self.profile.targets[param.name]), False
        if param.name == "congress_spirit":  # the congress follows the document's year
            return congress_spirit(self.profile), True
        if param.default is None:  # an outcome indicator without a target: never printed (figures.py)
            return "", True
        return _number_text(param.default), True

    def values(self, params: tuple[str, ...], deadline: int | str | None) -> tuple[dict[str, str], list[Default]]:
        values = self.base_values()
        defaults = []
        for name in params:
            param = self.library.params[name]
            value, is_default = self.param_value(param)
            values[name] = value
            if is_default and printable(param, self.profile):  # an unprintable one: see figures.py
                defaults.append(Default(f"{value}{param.unit}", f"targets.{name}", f"默认目标值（{param.label}）"))
        values["deadline"] = deadline_text(deadline, self.profile, self.first) or ""
        return values, defaults


def _number_text(value: object) -> str:
    """60 → 60, 1.5 → 1.5, 90.0 → 90: a target prints as a person writes it."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
