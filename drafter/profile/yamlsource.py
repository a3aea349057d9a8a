"""Read a YAML file into plain data plus the line of every field, for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import DrafterError

FieldPath = tuple[str | int, ...]

# Characters XML 1.0 forbids: they would make Word refuse to open the .docx.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class YamlSource:
    path: Path
    data: Any
    lines: dict[FieldPath, int]  # field path -> 1-based line of its key (or item)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of the field, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys: a second `units:` would silently win."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"重复的键 “{key}”（第一次出现在第 {seen[key]} 行）", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates such as 2026-12-01 stay strings: the schema checks their form, the plan formats them.
# Only true/false are booleans: YAML 1.1 would read a key `no:` or a value `on` as one.
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_UniqueKeyLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (
        "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_UniqueKeyLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))


def _index_lines(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = path + (str(key_node.value),)
            lines[child] = key_node.start_mark.line + 1
            _index_lines(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = path + (index,)
            lines[child] = item.start_mark.line + 1
            _index_lines(item, child, lines)


def read_text(path: Path, what: str = "文件") -> str:
    """Read UTF-8 text, turning every I/O problem into a user's error."""
    if not path.exists():
        raise DrafterError(f"{path}：找不到这个{what}，请检查路径是否写对。")
    if path.is_dir():
        raise DrafterError(f"{path}：这是一个目录，请给出{what}的路径。")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DrafterError(f"{path}：无法读取（{exc.strerror}），请检查文件权限。") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DrafterError(
            f"{path}:{line}：文件不是 UTF-8 编码，请在编辑器中以 UTF-8 格式另存后重试。"
        ) from exc


def load_yaml(path: Path, what: str = "文件") -> YamlSource:
    text = read_text(path, what)
    if not text.strip():
        raise DrafterError(f"{path}：文件是空的，请按示例填写内容（可用 drafter init 生成起始档案）。")
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
        root = yaml.compose(text, Loader=_UniqueKeyLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        if "'\\t'" in problem:  # the commonest slip of people used to Word
            raise DrafterError(f"{path}{line}：YAML 缩进不能用 Tab 键，请改用空格（每级两个空格）。") from exc
        raise DrafterError(
            f"{path}{line}：YAML 格式错误（{problem}），请检查缩进、冒号和引号。"
        ) from exc
    lines: dict[FieldPath, int] = {(): 1}
    if root is not None:
        _index_lines(root, (), lines)
    return YamlSource(path=path, data=data, lines=lines)
