"""`drafter units import FILE PROFILE`: the locality's own department list into the profile's
`units`, keeping the profile's comments and order (ruamel round-trip), written atomically."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import DrafterError
from ..ingest.deptlist import Department, read_departments, strip_place
from ..library import Library
from ..profile import Profile
from ..writers.files import write_atomic


@dataclass(frozen=True)
class ImportReport:
    """What the import did: role → name written, names not mapped, roles left on defaults."""
    written: dict[str, str]
    unmapped: tuple[Department, ...]
    duplicates: tuple[tuple[str, str, str], ...]  # (role, name kept, name not used)
    on_defaults: tuple[str, ...]


def local_name(name: str, profile: Profile) -> str:
    """浏阳市司法局 → 市司法局, 司法局 → 市司法局: a plan names its own bodies by the level's prefix;
    another place's body (长沙市生态环境局浏阳分局) is kept whole."""
    place, prefix = profile.jurisdiction, profile.jurisdiction.level.prefix
    for upper in (place.province, place.city):  # 北京市延庆区人民政府办公室: the province before the name
        if upper and name.startswith(upper) and any(name[len(upper):].startswith(own) for own in (place.name, place.short) if own):
            name = name[len(upper):]
            break
    for own in sorted({place.name, place.short}, key=len, reverse=True):
        if own and name.startswith(own) and len(name) > len(own):
            rest = name[len(own):]
            return rest if rest.startswith(prefix) else prefix + rest
    if name.startswith(prefix) or any(upper and name.startswith(upper) for upper in (place.city, place.province)):
        return name  # 长沙市生态环境局浏阳分局, 北京市公安局延庆分局: another level's body, kept whole
    if strip_place(name) != name or name.startswith("国家") or any(
            own and own in name for own in (place.name, place.province)):
        return name  # it names a place itself (国家税务总局…税务局, another division's body): kept as written
    return prefix + name


def plan_import(departments: list[Department], profile: Profile, library: Library) -> ImportReport:
    written: dict[str, str] = {}
    duplicates = []
    for department in departments:
        for role in department.roles:
            name = local_name(department.name, profile)
            if role in written:
                duplicates.append((role, written[role], name))
            else:
                written[role] = name
    named = set(profile.units) | set(written)
    on_defaults = tuple(key for key, role in library.roles.items()
                        if key not in named and not role.group and role.may_lead)
    return ImportReport(written, tuple(d for d in departments if not d.roles), tuple(duplicates), on_defaults)


def write_units(path: Path, written: dict[str, str]) -> None:
    """Set units.<role> in the file, keeping every comment, key order and the other values."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 4096
    text = path.read_text("utf-8")
    data = yaml.load(text)
    if not isinstance(data, CommentedMap):
        raise DrafterError(f"{path}：档案不是键值表，无法写入 units")
    units = data.get("units")
    if not isinstance(units, CommentedMap):
        units = CommentedMap()
        data["units"] = units
    for role, name in written.items():
        units[role] = name
    out = io.StringIO()
    yaml.dump(data, out)
    write_atomic(path, out.getvalue().encode("utf-8"), force=True)


def import_units(source: Path, profile: Profile, library: Library) -> ImportReport:
    departments = read_departments(source)
    if not departments:
        raise DrafterError(f"{source} 中没有读到单位名称：请一行写一个单位，如 县司法局")
    report = plan_import(departments, profile, library)
    if report.written:
        write_units(profile.path, report.written)
    return report


def report_lines(report: ImportReport, source: Path, profile: Path) -> list[str]:
    lines = [f"从 {source} 读到 {len(report.written)} 个角色的本地名称，已写入 {profile} 的 units："]
    lines += [f"  {role}: {name}" for role, name in report.written.items()]
    for role, kept, other in report.duplicates:
        lines.append(f"提示：{other} 也对应 {role}，已用 {kept}；如不对请在档案 units.{role} 中改写")
    if report.unmapped:
        lines.append("以下单位没有对应的角色（措施库不以它们为牵头或责任单位，可在 local_units 中定义后使用）：")
        lines.append("  " + "、".join(d.name for d in report.unmapped))
    if report.on_defaults:
        lines.append(f"仍使用默认名称的角色（{len(report.on_defaults)} 个，多为党委、人大、法院等不在政府部门名单中的单位）：")
        lines.append("  " + "、".join(report.on_defaults))
    return lines
