"""Things in a valid profile that are probably not what the user meant.

They do not stop a draft (the profile is valid), but each is printed as a 提示 so a
reviewer is not the first to notice. Carried as values on the plan, never raised.
"""

from __future__ import annotations

from ..library import Library
from ..profile import Profile
from .placehints import foreign_place_hints

LEVEL_PREFIXES = "区县市州盟旗"


def profile_warnings(profile: Profile, library: Library, selected: set[str], first: int | None = None) -> tuple[str, ...]:
    """`selected`: ids of the library measures that made it into the plan; `first`: the first year
    the draft can schedule (issue.first_year), from which relative deadlines count."""
    warnings: list[str] = list(profile.notes)
    used_params = set(library.general.params)
    for measure in library.measures():
        if measure.id in selected:
            used_params.update(measure.params)
    for name in sorted(set(profile.targets) - used_params):
        warnings.append(unused_target(profile, library, name))
    for measure_id in sorted(set(profile.replace) - selected):
        warnings.append(f"selection.replace.{measure_id}：改写的措施没有选入本稿（详略、层级或 drop 所致），改写不会出现")
    length = profile.period.end - (profile.period.start if first is None else first) + 1
    deadlines = [(m.id, m.deadline) for m in library.measures() if m.id in selected]
    deadlines += [(f"地方举措“{m.title}”", m.deadline) for m in profile.initiatives]
    for name, deadline in deadlines:
        if isinstance(deadline, int) and length < deadline < 2000:  # 2000+: a milestone year, see select.in_era
            span = f" {length} 年的规划期" if first in (None, profile.period.start) else f"成文后余下的 {length} 年（{first}—{profile.period.end}年）"
            warnings.append(f"{name}：时限为规划期第 {deadline} 年，超出{span}，已按期末（{profile.period.end}年底前）写入")
    place = profile.jurisdiction
    for role, name in sorted(profile.units.items()):
        if name.startswith("〔"):  # the draft's placeholder copied back into the profile (plan/units.py)
            warnings.append(f"units.{role}：“{name}”是初稿的占位符，不是机构名称，请写本地机构的名称")
        first = name[:1]
        if first in LEVEL_PREFIXES and first != place.level.prefix and not name.startswith(place.short):
            warnings.append(
                f"units.{role}：“{name}”以“{first}”开头，而本辖区是{place.level.label}（“{place.level.prefix}”），请确认单位名称"
            )
    if place.lower_govs is None and "、" in place.level.lower_govs:
        # two 司法厅 reads: 浏阳 has 乡 (13c), 武邑 no 街道 (s14); the default names every kind
        warnings.append(f"jurisdiction.lower_govs：下级政府按默认写作“{place.level.lower_govs}”；本辖区没有乡、镇或街道的，"
                        "请在 jurisdiction.lower_govs 中按实际写明，如 各镇人民政府、街道办事处 或 各乡镇人民政府")
    return tuple(warnings) + foreign_place_hints(profile)


def unused_target(profile: Profile, library: Library, name: str) -> str:
    """targets.X set but printed nowhere: which measure would print it, and how to bring it in."""
    from .select import fits, powers

    users = [m for m in library.measures() if name in m.params]
    named = "、".join(f"{m.id}（{m.title}）" for m in users) or "（没有措施用到它）"
    head = f"targets.{name} 已填写，但用到它的措施 {named}本稿没有采用"
    have = powers(profile)
    fitting = [m for m in users if fits(m, profile, have)]
    if not fitting:
        return f"{head}：这些措施不适用于本辖区的层级或规划期，该值不会出现，可删去这一行"
    dropped = [m.id for m in fitting if m.id in profile.drop]
    if dropped:
        return f"{head}：要采用，请从 selection.drop 中删去 {'、'.join(dropped)}"
    one = "这条措施" if len(fitting) == 1 else "其中一条"
    if profile.detail == "full":
        return f"{head}：要采用，请在 selection.replace 中写入{one}"
    return f"{head}：要采用，请把 selection.detail 改为 full，或在 selection.replace 中写入{one}"
