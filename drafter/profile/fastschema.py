"""A yes/no check of a profile against its JSON Schema, without importing jsonschema.

jsonschema and its dependencies take longer to import (~60 ms) than drafting a whole plan,
and a valid profile — the common case — needs none of its error reporting. This module
compiles the schema once into plain Python predicates and answers one question: is the
instance valid? Only when it says no does messages.schema_problems run jsonschema for the
full, worded list of problems.

The contract is one-sided and is what a test checks over thousands of mutated profiles:
when this says valid, jsonschema's Draft 2020-12 validator says valid too. Keywords it
does not know make compile() raise `Unsupported`, and the caller then always uses
jsonschema — a schema change can make drafting slower, never laxer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Annotations that do not constrain an instance.
_IGNORED = frozenset({"$schema", "$id", "title", "description", "default", "examples", "$comment"})
_TYPES: dict[str, Check] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    # as jsonschema's Draft 2020-12 checker: 2.0 is an integer (the profile checks then refuse it)
    "integer": lambda value: (isinstance(value, int) and not isinstance(value, bool))
    or (isinstance(value, float) and value.is_integer()),
    "number": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}


class Unsupported(Exception):
    """The schema uses a keyword this checker does not implement exactly."""


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _all_distinct(items: list[Any]) -> bool:
    # Python's == treats True and 1 as equal where JSON Schema does not: a false "not
    # unique" only sends the profile to jsonschema, never lets a duplicate through.
    return all(items[i] != items[j] for i in range(len(items)) for j in range(i + 1, len(items)))


class Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, pointer: str) -> Check:
        if not pointer.startswith("#/$defs/") or pointer.count("/") != 2:
            raise Unsupported(pointer)
        name = pointer.rsplit("/", 1)[1]
        if name not in self.root.get("$defs", {}):
            raise Unsupported(pointer)
        if pointer not in self.refs:
            self.refs[pointer] = lambda value: False  # placeholder while compiling a cycle
            compiled = self.compile(self.root["$defs"][name])
            self.refs[pointer] = compiled
        return lambda value: self.refs[pointer](value)

    def compile(self, schema: Any, exact: bool = False) -> Check:
        """Predicate for `schema`. `exact`: inside oneOf, where a stricter answer would be wrong."""
        if schema is True:
            return lambda value: True
        if schema is False:
            return lambda value: False
        if not isinstance(schema, dict):
            raise Unsupported(repr(schema))
        checks: list[Check] = []
        for keyword, argument in schema.items():
            if keyword in _IGNORED or keyword == "$defs":
                continue
            builder = getattr(self, "k_" + keyword.replace("$", ""), None)
            if builder is None:
                raise Unsupported(keyword)
            checks.append(builder(argument, schema, exact))
        return lambda value: all(check(value) for check in checks)

    # --- keywords --------------------------------------------------------------------
    def k_ref(self, pointer: str, schema: dict, exact: bool) -> Check:
        return self.ref(pointer)

    def k_type(self, names: Any, schema: dict, exact: bool) -> Check:
        names = [names] if isinstance(names, str) else list(names)
        tests = [_TYPES[name] for name in names]
        return lambda value: any(test(value) for test in tests)

    def k_enum(self, options: list, schema: dict, exact: bool) -> Check:
        if not all(isinstance(option, str) for option in options):
            raise Unsupported("enum of non-strings")
        allowed = frozenset(options)
        return lambda value: isinstance(value, str) and value in allowed

    def k_const(self, constant: Any, schema: dict, exact: bool) -> Check:
        return self.k_enum([constant], schema, exact)

    def k_pattern(self, pattern: str, schema: dict, exact: bool) -> Check:
        search = re.compile(pattern).search
        return lambda value: not isinstance(value, str) or search(value) is not None

    def k_minLength(self, limit: int, schema: dict, exact: bool) -> Check:
        return lambda value: not isinstance(value, str) or len(value) >= limit

    def k_maxLength(self, limit: int, schema: dict, exact: bool) -> Check:
        return lambda value: not isinstance(value, str) or len(value) <= limit

    def k_minimum(self, limit: float, schema: dict, exact: bool) -> Check:
        return lambda value: not _number(value) or not value < limit  # NaN passes, as in jsonschema

    def k_maximum(self, limit: float, schema: dict, exact: bool) -> Check:
        return lambda value: not _number(value) or not value > limit

    def k_minItems(self, limit: int, schema: dict, exact: bool) -> Check:
        return lambda value: not isinstance(value, list) or len(value) >= limit

    def k_maxItems(self, limit: int, schema: dict, exact: bool) -> Check:
        return lambda value: not isinstance(value, list) or len(value) <= limit

    def k_uniqueItems(self, on: bool, schema: dict, exact: bool) -> Check:
        if not on:
            return lambda value: True
        if not exact:
            return lambda value: not isinstance(value, list) or _all_distinct(value)
        # Inside oneOf the answer must be jsonschema's own. It is, where the items can only be
        # strings: string equality is plain, and a non-string item fails `items` anyway.
        items = schema.get("items")
        only_strings = isinstance(items, dict) and (
            items.get("type") == "string"
            or (isinstance(items.get("enum"), list) and all(isinstance(o, str) for o in items["enum"])))
        if not only_strings:
            raise Unsupported("uniqueItems inside oneOf over items that are not strings")
        return lambda value: not isinstance(value, list) or len(
            {item for item in value if isinstance(item, str)}) == sum(isinstance(item, str) for item in value)

    def k_items(self, item_schema: Any, schema: dict, exact: bool) -> Check:
        check = self.compile(item_schema, exact)
        return lambda value: not isinstance(value, list) or all(check(item) for item in value)

    def k_required(self, names: list[str], schema: dict, exact: bool) -> Check:
        return lambda value: not isinstance(value, dict) or all(name in value for name in names)

    def k_properties(self, properties: dict, schema: dict, exact: bool) -> Check:
        checks = {name: self.compile(sub, exact) for name, sub in properties.items()}
        return lambda value: not isinstance(value, dict) or all(
            check(value[name]) for name, check in checks.items() if name in value)

    def k_additionalProperties(self, extra: Any, schema: dict, exact: bool) -> Check:
        if "patternProperties" in schema:
            raise Unsupported("patternProperties")
        known = frozenset(schema.get("properties", {}))
        check = self.compile(extra, exact)
        return lambda value: not isinstance(value, dict) or all(
            check(item) for key, item in value.items() if key not in known)

    def k_propertyNames(self, name_schema: Any, schema: dict, exact: bool) -> Check:
        check = self.compile(name_schema, exact)
        return lambda value: not isinstance(value, dict) or all(check(key) for key in value)

    def k_oneOf(self, branches: list, schema: dict, exact: bool) -> Check:
        checks = [self.compile(branch, exact=True) for branch in branches]
        return lambda value: sum(1 for check in checks if check(value)) == 1


def compile_schema(schema: dict[str, Any]) -> Check:
    """is_valid(instance) for `schema`; raises Unsupported for keywords it cannot check exactly."""
    return Compiler(schema).compile(schema)
