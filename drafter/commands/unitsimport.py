"""`drafter units import FILE PROFILE`: the locality's own department list into the profile's
`units`, keeping the profile's comments and order (ruamel round-trip), written atomically."""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import DrafterError
from ..ingest.deptlist import read_list, skipped_note, skipped_text
from ..ingest.deptmap import ImportReport, Locality, plan_import
from ..library import Library
from ..profile import Profile
from ..writers.files import write_atomic


def locality(profile: Profile) -> Locality:
    place = profile.jurisdiction
    return Locality(place.name, place.short, place.province, place.city, place.level.prefix)


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
    found = read_list(source)
    if not found.departments:
        raise DrafterError(f"{source} 中没有读到单位名称：{skipped_note(found.skipped)}请一行写一个单位，如 县司法局")
    report = plan_import(found.departments, locality(profile), profile.units, library, found.skipped)
    if report.written:
        write_units(profile.path, report.written)
    return report


def report_lines(report: ImportReport, source: Path, profile: Path) -> list[str]:
    lines = [f"从 {source} 读到 {len(report.written)} 个角色的本地名称，已写入 {profile} 的 units："]
    lines += [f"  {role}: {name}" for role, name in report.written.items()]
    for role, kept, other in report.duplicates:
        lines.append(f"提示：{other} 也对应 {role}，已用 {kept}；如不对请在档案 units.{role} 中改写")
    if report.unmapped:
        lines.append("以下单位没有对应的角色：措施库不以它们为牵头或责任单位，不会写入正文，一般不用处理（只有地方举措要以它们为牵头或责任单位时，才在 local_units 中定义）：")
        lines.append("  " + "、".join(d.name for d in report.unmapped))
    if report.skipped:
        lines.append("以下各行不是单位名称（标题，或没有“局、委、办、中心”等字样），已跳过；如是单位，请写出全称：")
        lines.append("  " + skipped_text(report.skipped))
    if report.on_defaults:
        lines.append(f"仍使用默认名称的角色（{len(report.on_defaults)} 个，多为党委、人大、法院等不在政府部门名单中的单位）：")
        lines.append("  " + "、".join(report.on_defaults))
    return lines
