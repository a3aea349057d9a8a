"""A unit written by its name where a role key is expected: `lead: [县司法局]` → justice.

The README's rule: a name that means one role is read as that role, with a 提示; a name that
means several is refused with the choices (checks.py); a name that means none is refused with
the closest role (rolenames.py). A name means a role when it is exactly

- the name the profile gives the role in `units` or `local_units` (these win over defaults), or
- the role's default name at the profile's level (县司法局, 国家税务总局清河县税务局), or that name
  without the level's prefix (司法局), or either after the locality's own name (清河县司法局).

Another level's name (市司法局 in a county's plan) is not read as the county's own bureau: it
means another body.
"""

from __future__ import annotations

from typing import Any

from ..library.model import Library
from .levels import LEVELS, Level


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


class UnitNames:
    """Role keys by the names a profile's reader would write for them."""

    def __init__(self, library: Library, data: Any) -> None:
        data = _table(data)
        place = _table(data.get("jurisdiction"))
        level = LEVELS.get(_text(place.get("level")))
        self.places = sorted({name for name in (_text(place.get("name")), _text(place.get("short"))) if name},
                             key=len, reverse=True)
        self.own: dict[str, set[str]] = {}
        for key, name in list(_table(data.get("units")).items()) + list(_table(data.get("local_units")).items()):
            if _text(name) and isinstance(key, str) and (key in library.roles or key in _table(data.get("local_units"))):
                self.own.setdefault(_text(name), set()).add(key)
        self.defaults: dict[str, set[str]] = {}
        for key, role in library.roles.items():
            if role.default is None:  # no default name (河务部门, 开发区管理委员会)
                continue
            for name in self._defaults(key, role.default, role.by_level, level, place):
                self.defaults.setdefault(name, set()).add(key)

    @staticmethod
    def _defaults(key: str, default: str, by_level: dict[str, str], level: Level | None,
                  place: dict[str, Any]) -> set[str]:
        patterns = {default, by_level.get(level.key, default) if level else default}
        names = {pattern.replace("{p}", "") for pattern in patterns if "{lower_govs}" not in pattern}
        if level is not None:
            pattern = by_level.get(level.key, default)
            if "{lower_govs}" not in pattern:
                names.add(pattern.replace("{p}", level.prefix))
            from ..plan.unitrules import vertical_name  # here: drafter.plan imports the profile package

            vertical = vertical_name(key, _text(place.get("name")), _text(place.get("short")), level.tier,
                                     _text(place.get("city")) or None)
            if vertical and _text(place.get("name")):
                names.add(vertical[0])
        return {name for name in names if len(name) >= 2}

    def _forms(self, name: str) -> list[str]:
        """The name as written, and without the locality's own name before it."""
        forms = [name]
        for place in self.places:  # 清河县司法局 → 司法局, 清河县司法局 → 县司法局 (after 清河)
            if name.startswith(place) and len(name) > len(place):
                forms.append(name[len(place):])
        return forms

    def roles(self, name: str) -> list[str]:
        """The role keys the name means: one, several (ambiguous) or none."""
        forms = self._forms(name.strip())
        for table in (self.own, self.defaults):
            found = sorted({key for form in forms for key in table.get(form, ())})
            if found:
                return found
        return []
