"""Read a YAML file into plain data plus the line of every field, for error messages.

Composition is bounded (yamlcompose); construction here turns nodes into str/int/float/
bool/None/list/dict, supports merge keys (`<<: *base`), and records as problems what
would crash or corrupt a later stage: non-string keys, duplicate keys, characters a Word
file cannot hold, numbers with thousands of digits, unsupported tags.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import DrafterError, Problem, ValidationFailed
from . import yamlerrors
from .yamlcompose import MAX_BYTES, ComposeRefused, compose

FieldPath = tuple[str | int, ...]

# Characters XML 1.0 forbids (control characters, lone surrogates from "\ud800"-style
# escapes, U+FFFE/U+FFFF): Word refuses a .docx that holds one, and a lone surrogate
# cannot even be printed.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_DIGITS = 12  # no number in a profile has more; int() of 4,301 digits raises

_TAG = "tag:yaml.org,2002:"
_SCALARS = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class YamlSource:
    """A YAML file's data with the line of every value, and its load problems."""
    path: Path
    data: Any
    lines: dict[FieldPath, int]  # field path -> 1-based line of its key (or item)
    problems: tuple[Problem, ...] = ()  # found while reading; see load_yaml(collect=True)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of the field, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def _explicit(node: yaml.ScalarNode) -> bool:
    """Whether the scalar carried a tag in the text (`!!int x`), set by the composer."""
    return bool(getattr(node, "explicit", False))


def escaped(text: str) -> str:
    """The text with every forbidden character written as \\uXXXX, safe to print."""
    return XML_FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clipped(text: str, limit: int = 40) -> str:
    """Printable and short: a 900 kB key must not fill the screen."""
    shown = escaped(text)
    return shown if len(shown) <= limit else f"{shown[:limit]}…"


def field_name(path: FieldPath) -> str:
    return ".".join(clipped(str(part)) for part in path)


class _Builder:
    """Nodes → data, lines and problems. Recursion depth and size are bounded by the composer."""

    def __init__(self, path: Path) -> None:
        self.file = str(path)
        self.lines: dict[FieldPath, int] = {(): 1}
        self.problems: list[Problem] = []

    def problem(self, path: FieldPath, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, field_name(path), message))

    def value(self, node: yaml.Node, path: FieldPath) -> Any:
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            if node.tag != _TAG + "map":
                return self.unsupported(node, path)
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                return self.unsupported(node, path)
            return [self.item(child, path + (index,)) for index, child in enumerate(node.value)]
        tag = node.tag
        if tag == _TAG + "str" or tag == _TAG + "value" or tag == _TAG + "merge":  # "=" and "<<" as values are text
            return self.text(node.value, path, line)
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            if node.value.lower() not in _SCALARS.bool_values:  # `!!bool maybe`: an explicit tag on any text
                return self.mistagged(node, path, " true 或 false")
            return _SCALARS.construct_yaml_bool(node)
        if tag in (_TAG + "int", _TAG + "float"):
            digits = sum(char.isdigit() for char in node.value)
            if digits > MAX_DIGITS:
                self.problem(path, line, f"数字有 {digits} 位，档案中没有这么大的数，请检查（年份、目标值等都只有几位）")
                return None
            construct = _SCALARS.construct_yaml_int if tag == _TAG + "int" else _SCALARS.construct_yaml_float
            try:
                return construct(node)
            except (ValueError, TypeError, OverflowError):
                if node.tag is not None and node.style is None and not _explicit(node):
                    return self.text(node.value, path, line)  # an implicit number PyYAML cannot build: text
                return self.mistagged(node, path, "整数" if tag == _TAG + "int" else "数字")
        return self.unsupported(node, path)

    def mistagged(self, node: yaml.ScalarNode, path: FieldPath, wanted: str) -> None:
        """`!!float abc`: the value cannot be what its explicit tag says."""
        tag = escaped(str(node.tag)).replace(_TAG, "!!")
        value = clipped(str(node.value), 20)
        self.problem(path, node.start_mark.line + 1, f"标记 {tag} 要求值为{wanted}，但这里是 “{value}”：请删去标记“{tag}”"
                     f"（档案里不需要以“!”开头的标记），并把值改为{wanted.strip()}")
        return None

    def item(self, node: yaml.Node, path: FieldPath) -> Any:
        self.lines[path] = node.start_mark.line + 1
        return self.value(node, path)

    def unsupported(self, node: yaml.Node, path: FieldPath) -> None:
        tag = escaped(str(node.tag)).replace(_TAG, "!!")
        self.problem(path, node.start_mark.line + 1, f"不支持的 YAML 标记 {tag}：档案里只用文字、数字、"
                     "true/false、列表和键值表，请删去这个标记（以“!”开头的部分）")
        return None

    def text(self, value: str, path: FieldPath, line: int) -> str:
        bad = XML_FORBIDDEN.search(value)
        if bad is None:
            return value
        kind = "单独的代理字符，多半是写错的 \\u 转义" if "\ud800" <= bad.group() <= "\udfff" else "控制字符"
        self.problem(path, line, f"含有 Word 文档不能容纳的字符 {escaped(bad.group())}（{kind}），请删除"
                     "（常见于从网页或 PDF 复制的文字）")
        return escaped(value)

    def key(self, node: yaml.Node, path: FieldPath) -> str | None:
        line = node.start_mark.line + 1
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            what = "键值表" if isinstance(node, yaml.MappingNode) else "列表"
            self.problem(path, line, f"键不能是{what}：键应为一个名称，如 justice。请检查这一行是否多了“?”、括号或缩进")
            return None
        if node.tag == _TAG + "null":
            self.problem(path, line, "这一行的键是空的（冒号前没有名称），请写出键的名称，或删去这一行")
            return None
        if node.tag != _TAG + "str":
            value = clipped(node.value, 20)
            self.problem(path, line, f"键 {value} 不是文字：键应为名称，如 justice、sheep_office 或措施编号；"
                         f"确要用它作键请加引号，如 \"{value}\"")
            return None
        return self.text(node.value, path + (node.value,), line)

    def mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:  # `<<: *base` first, so that explicit keys win
            if key_node.tag != _TAG + "merge":
                continue
            sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            if not all(isinstance(source, yaml.MappingNode) for source in sources):
                self.problem(path, key_node.start_mark.line + 1,
                             "合并键 << 的值应为一个别名（如 <<: *基本信息）或别名列表（如 <<: [*甲, *乙]）")
                continue
            for source in sources:  # an earlier mapping wins over a later one
                for key, value in self.mapping(source, path).items():
                    merged.setdefault(key, value)
        explicit: dict[str, Any] = {}
        in_list = bool(path) and isinstance(path[-1], int)
        first: str | None = None
        again: set[str] | None = None  # the keys since the item's first key came back: a list item without its "- "
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                continue
            key = self.key(key_node, path)
            if key is None:
                continue
            first = key if first is None else first
            child, line = path + (key,), key_node.start_mark.line + 1
            if key in explicit:
                if in_list and key == first:
                    again = {key}
                    self.problem(path, line, missing_dash(path, line, key))
                elif again is not None and key not in again:
                    again.add(key)  # explained once, with the missing "- "
                else:
                    self.problem(child, line, f"重复的键 “{key}”（第一次出现在第 {self.lines[child]} 行），请删去一个或合并")
                continue
            self.lines[child] = line
            explicit[key] = self.value(value_node, child)
        return {**merged, **explicit}


_ITEMS = {"initiatives": "另一条地方举措", "measures": "另一条措施", "topics": "另一个专题", "chapters": "另一章"}


def missing_dash(path: FieldPath, line: int, key: str) -> str:
    """A list item's first key again at its indentation: the next item lost its "- "."""
    what = _ITEMS.get(str(path[-2]) if len(path) > 1 else "", "列表的另一项")
    return (f"第 {line} 行起像是{what}，但前面少了“- ”：请在 {clipped(key)} 前加“- ”（与上一条的“- ”对齐）；"
            "不加的话，这几行会被当作上一条里重复的键")


def read_text(path: Path, what: str = "文件") -> str:
    """Read UTF-8 text, turning every I/O problem and an oversized file into a user's error."""
    if not path.exists():
        raise DrafterError(f"{path}：找不到这个{what}，请检查路径是否写对。")
    if path.is_dir():
        raise DrafterError(f"{path}：这是一个目录，请给出{what}的路径。")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DrafterError(f"{path}：文件有 {size / 1e6:.1f} MB，超过{what}的上限 {MAX_BYTES / 1e6:.0f} MB"
                               "（实际的档案不到 30 KB），请检查是否选错了文件。")
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        why = "没有读取权限" if exc.errno in (errno.EACCES, errno.EPERM) else f"系统错误 {errno.errorcode.get(exc.errno or 0, exc.errno)}"
        raise DrafterError(f"{path}：无法读取（{why}），请检查文件权限，或文件是否被其他程序占用。") from exc
    if len(raw) > MAX_BYTES:  # grew while we looked, or a device that reports no size
        raise DrafterError(f"{path}：文件超过{what}的上限 {MAX_BYTES / 1e6:.0f} MB，请检查是否选错了文件。")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DrafterError(
            f"{path}:{line}：文件不是 UTF-8 编码，请在编辑器中以 UTF-8 格式另存后重试。"
        ) from exc


def _refused(path: Path, problems: list[Problem], line: int | None, message: str) -> ValidationFailed:
    return ValidationFailed(problems + [Problem(str(path), line, "", message)])


def _compose(path: Path, text: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The node graph; after a syntax error, full-width colons are reported and fixed for a
    second try, so that one run reports every such colon and the problems behind them."""
    try:
        return compose(text), []
    except ComposeRefused as refused:
        raise _refused(path, [], refused.line, refused.message) from None
    except yaml.YAMLError:
        pass
    try:  # libyaml words its errors differently: PyYAML's parser gives the ones explained here
        return compose(text, fast=False), []
    except ComposeRefused as refused:
        raise _refused(path, [], refused.line, refused.message) from None
    except yaml.YAMLError as error:
        first = error
    colons = [Problem(str(path), line, "", yamlerrors.PREFIX + yamlerrors.full_width_message(column, key))
              for line, column, key in yamlerrors.full_width_colons(text)]
    if not colons:
        raise _refused(path, [], *yamlerrors.explain(first, text)) from None
    fixed = yamlerrors.with_half_width_colons(text)
    try:
        return compose(fixed, fast=False), colons
    except ComposeRefused as refused:
        raise _refused(path, colons, refused.line, refused.message) from None
    except yaml.YAMLError as error:
        raise _refused(path, colons, *yamlerrors.explain(error, fixed)) from None


def load_yaml(path: Path, what: str = "文件", collect: bool = False) -> YamlSource:
    """Read a YAML file. Syntax errors and limits raise at once; other problems (duplicate or
    non-string keys, forbidden characters, ...) are returned in `problems` when `collect`,
    so that the caller reports them with its own, else raised."""
    text = read_text(path, what)
    if not text.strip():
        raise DrafterError(f"{path}：文件是空的，请按示例填写内容（可用 drafter init 生成起始档案）。")
    root, problems = _compose(path, text)
    if root is None:
        raise DrafterError(f"{path}：文件里只有注释，没有内容，请按示例填写（可用 drafter init 生成起始档案）。")
    builder = _Builder(path)
    data = builder.value(root, ())
    problems += builder.problems
    if problems and not collect:
        raise ValidationFailed(problems)
    return YamlSource(path=path, data=data, lines=builder.lines, problems=tuple(problems))
