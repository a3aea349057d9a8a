"""The profile file as the editor sees it: its text, a version to detect changes on disk, and
saving the form's data back into the YAML with its comments, order and quoting kept
(ruamel.yaml's round trip)."""

from __future__ import annotations

import datetime
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DrafterError
from ..profile.yamlsource import read_text
from ..writers.files import write_atomic


class Changed(DrafterError):
    """The file changed on disk since the page loaded it: saving would lose those changes."""


FACT_KEYS = {"name", "kind", "detail"}  # a local fact's fields (profile schema, $defs/local_thing)


def version_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _yaml():  # type: ignore[no-untyped-def]
    from ruamel.yaml import YAML  # only the editor needs it

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long 正文 line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def plain(value: Any) -> Any:
    """ruamel's commented data as JSON-ready values (a date as 2026-12-01)."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def _empty(value: Any) -> bool:
    return value is None or value == {} or value == []


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, (datetime.date, datetime.datetime)):
        return old.isoformat() == new
    return (isinstance(old, bool) == isinstance(new, bool) and isinstance(old, str) == isinstance(new, str)
            and old == new)


def _fresh(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        fresh = CommentedMap()
        for key, item in value.items():
            fresh[key] = _fresh(item)
        if value and set(value) <= FACT_KEYS and all(isinstance(item, str) for item in value.values()):
            fresh.fa.set_flow_style()  # a local fact: {name: 岷江, kind: 长江流域}, as the examples write it
        return fresh
    if isinstance(value, list):
        seq = CommentedSeq(_fresh(item) for item in value)
        if all(not isinstance(item, (dict, list)) for item in value):
            seq.fa.set_flow_style()  # lead: [justice, commerce], as the examples write it
        return seq
    return value


def _trailing(item: Any) -> tuple[Any, Any] | None:
    """The comment after a list item's last value (often the blank line before the next section)."""
    if isinstance(item, dict) and item and hasattr(item, "ca"):
        key = list(item)[-1]
        entry = item.ca.items.get(key)
        if entry and len(entry) > 2 and entry[2] is not None:
            return item, key
    return None


def _hand_over(holder: Any, key: Any, target: Any, target_key: Any) -> None:
    """The lines after `holder[key]` (blank lines, the next section's comment) go after
    `target[target_key]`; an end-of-line comment stays on its own line."""
    from ruamel.yaml.tokens import CommentToken

    token = holder.ca.items[key][2]
    value = token.value
    cut = value.find("\n")
    if cut < 0:
        return
    if value[:cut].strip():  # "  # 附重点任务分工表": stays; the rest moves
        rest = value[cut + 1:]
        if not rest:
            return
        holder.ca.items[key][2] = CommentToken(value[:cut + 1], token.start_mark, None)
        value = "\n" + rest
    else:
        holder.ca.items[key][2] = None
    target.ca.items.setdefault(target_key, [None, None, None, None])[2] = CommentToken(value, token.start_mark, None)


def _move_trailing_comment(items: list) -> None:
    """After items were added to or removed from a list, the lines that followed its old last item
    (the blank line before the next section) go after the new last item."""
    last = items[-1] if items else None
    if not isinstance(last, dict) or not last or not hasattr(last, "ca") or _trailing(last) is not None:
        return
    for earlier in reversed(items[:-1]):
        found = _trailing(earlier)
        if found is not None:
            _hand_over(found[0], found[1], last, list(last)[-1])
            return


def _merge(old: Any, new: Any) -> Any:
    """`new` written into `old` in place where both are tables or lists, so that comments stay."""
    if isinstance(old, dict) and isinstance(new, dict):
        tail = _trailing(old)
        token = old.ca.items[tail[1]][2] if tail else None
        for key in [key for key in old if key not in new]:
            del old[key]
        for key, value in new.items():
            if key in old:
                merged = _merge(old[key], value)
                if merged is not old[key]:
                    old[key] = merged
            elif not _empty(value):
                old[key] = _fresh(value)
        if tail and old and list(old)[-1] != tail[1]:  # keys added after the last, or the last deleted
            if tail[1] in old:
                _hand_over(old, tail[1], old, list(old)[-1])
            elif _trailing(old) is None:
                old.ca.items.setdefault(list(old)[-1], [None, None, None, None])[2] = token
        return old
    if isinstance(old, list) and isinstance(new, list):
        length = len(old)
        del old[len(new):]
        for index, value in enumerate(new):
            if index < len(old):
                merged = _merge(old[index], value)
                if merged is not old[index]:
                    old[index] = merged
            else:
                old.append(_fresh(value))
        if len(old) != length:
            _move_trailing_comment(old)
        return old
    if (old is None and _empty(new)) or _same(old, new):
        return old
    return _fresh(new)


def merged_text(base: str, data: dict[str, Any]) -> str:
    """The YAML text of `data`, laid out as `base` (its comments, order, quotes and flow style)."""
    yaml = _yaml()
    try:
        document = yaml.load(base) if base.strip() else None
    except Exception:  # a file the editor cannot round-trip: written afresh (YAML's errors vary)
        document = None
    filled = _newly_filled(document, data)
    document = _merge(document, data) if isinstance(document, dict) else _fresh(data)
    stream = io.StringIO()
    yaml.dump(document, stream)
    return _drop_examples(stream.getvalue(), filled)


def _newly_filled(document: Any, data: dict[str, Any]) -> dict[str, set[str]]:
    """Per section, the keys the form fills that the file did not have (`local: hazards`)."""
    old = document if isinstance(document, dict) else {}
    filled: dict[str, set[str]] = {}
    for section, value in data.items():
        before = old.get(section)
        before = before if isinstance(before, dict) else {}
        if isinstance(value, dict):
            filled[section] = {key for key, item in value.items() if not _empty(item) and key not in before}
        elif isinstance(value, list) and value and not before and not old.get(section):
            filled[section] = {"-"}  # initiatives: the first item replaces the commented example
    return filled


def _drop_examples(text: str, filled: dict[str, set[str]]) -> str:
    """The commented example lines `drafter init` writes (`  # hazards: [地震, 山洪]`) go once the
    form has filled that key, so the saved file does not hold the example beside the value
    (third new-user trial, F7). Other comments stay."""
    if not any(filled.values()):
        return text
    lines, kept, section, in_example = text.splitlines(keepends=True), [], "", False
    for line in lines:
        if line[:1].isalpha():
            section, in_example = line.split(":", 1)[0], False
        body = line.strip()
        keys = filled.get(section, set())
        if body.startswith("#") and line.startswith("  "):
            words = body[1:].strip()
            key = words.split(":", 1)[0].strip()
            if words.startswith("- ") and "-" in keys:
                in_example = True
                continue
            if in_example and line.startswith("  #   "):
                continue
            if ":" in words and key in keys:
                continue
        in_example = False
        kept.append(line)
    return "".join(kept)


@dataclass(frozen=True)
class ProfileFile:
    """One profile file the server may open: read it with its version, save over that version."""
    path: Path

    def read(self) -> tuple[str, str]:
        text = read_text(self.path, "档案文件")
        return text, version_of(text)

    def data(self, text: str) -> Any:
        """The file's data for the form (None when it cannot be read as YAML)."""
        try:
            return plain(_yaml().load(text))
        except Exception:  # the page then shows `drafter validate`'s message for it
            return None

    def save(self, text: str, version: str, overwrite: bool = False) -> str:
        """Write `text`; refuse when the file is not the `version` the page loaded (unless asked to
        overwrite). Returns the new version."""
        if self.path.exists() and not overwrite:
            current = version_of(read_text(self.path, "档案文件"))
            if current != version:
                raise Changed(f"{self.path}：打开之后，这个档案已在别处被修改（例如在编辑器里）。"
                              "现在保存会覆盖那些修改。")
        write_atomic(self.path, text.encode("utf-8"), True)
        return version_of(text)
