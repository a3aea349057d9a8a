"""Which role a unit name means: `lead: [市委政法委]` → "是否指 political_legal（党委政法委）？".

Measures name units by role key; people write the unit's name. The names a role can
have are its label, its default name at every level prefix, and the name the profile
itself gives it in `units` or `local_units`.
"""

from __future__ import annotations

from typing import Any

from ..library.model import Library
from .levels import LEVELS
from .messages import MAX_GUESS

_PREFIXES = sorted({level.prefix for level in LEVELS.values()}) + [""]


def _names(library: Library, units: dict[str, Any], local_units: dict[str, Any]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for key, role in library.roles.items():
        patterns = {pattern for pattern in (role.default, *role.by_level.values()) if pattern}
        found = names.setdefault(key, {role.label})
        for pattern in patterns:
            if "{lower_govs}" not in pattern:
                found.update(pattern.replace("{p}", prefix) for prefix in _PREFIXES)
    for key, name in [(k, v) for k, v in units.items() if k in library.roles] + list(local_units.items()):
        if isinstance(name, str):
            names.setdefault(key, set()).add(name.strip())
    return names


class RoleNames:
    """Suggests the role a typed name or a mistyped key most likely means."""

    MAX_FUZZY = 50  # fuzzy matching costs milliseconds; a file with more slips gets plain messages

    def __init__(self, library: Library, units: dict[str, Any], local_units: dict[str, Any],
                 place_names: tuple[str, ...] = ()) -> None:
        self.library = library
        self.local_units = local_units
        self.keys = sorted(library.roles) + sorted(key for key in local_units if isinstance(key, str))
        self.names = _names(library, units, local_units)
        self.place_names = sorted((p for p in place_names if p), key=len, reverse=True)
        self.fuzzy_left = self.MAX_FUZZY

    def known(self, key: str) -> bool:
        return key in self.library.roles or key in self.local_units

    def label(self, key: str) -> str:
        if key in self.library.roles:
            return self.library.roles[key].label
        return str(self.local_units.get(key, "本地单位"))

    def hint(self, text: str) -> str:
        """"，是否指 key（label）？" or "，是否想写 key？"; "" when nothing is close."""
        import difflib  # only when a role name is wrong

        if len(text) > MAX_GUESS:  # no role key or unit name is this long: not a slip, no guess
            return ""
        if text.isascii():
            if self.fuzzy_left <= 0:
                return ""
            self.fuzzy_left -= 1
            close = difflib.get_close_matches(text, self.keys, n=1, cutoff=0.6)
            return f"，是否想写 {close[0]}？" if close else ""
        word = text.strip()
        for place in self.place_names:  # 清河县司法局 → 司法局
            if word.startswith(place) and len(word) > len(place):
                word = word[len(place):]
                break
        exact = [key for key, found in self.names.items() if word in found or text.strip() in found]
        if not exact and self.fuzzy_left > 0:
            self.fuzzy_left -= 1
            scored = [(difflib.SequenceMatcher(None, word, name).ratio(), key)
                      for key, found in self.names.items() for name in found]
            best = max(scored, default=(0.0, ""))
            exact = [best[1]] if best[0] >= 0.6 else []
        return f"，是否指 {exact[0]}（{self.label(exact[0])}）？" if exact else ""
