"""The {name} placeholders of library texts, filled in one pass.

One pass with re.sub means a value (a profile string) is never scanned again, so
`{{ 7*7 }}` or `{scope}` inside a locality's name stays literal text.
"""

from __future__ import annotations

import re
from typing import Mapping

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*(?::[a-z][a-z0-9_]*)?)\}")

# Filled from the profile for every text; anything else must be a param or role:<key>.
FIXED = frozenset(
    {"locality", "short", "scope", "gov", "lower_govs", "start", "end", "deadline", "kind", "prov", "province", "towns", "prov_platform", "prov_app", "goal_2035"}
    | {f"year{n}" for n in range(1, 11)}
)


def names(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def fill(text: str, values: Mapping[str, str]) -> str:
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)
