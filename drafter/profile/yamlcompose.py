"""Compose YAML text into nodes within sane limits, so no input can hang or crash the reader.

PyYAML's own composer follows aliases without a budget (a 1.7 kB "billion laughs" file
expands to billions of nodes), builds recursive node graphs from `&a [*a]` and recurses
once per level of nesting. This composer reads the same parser events but counts every
node an alias stands for, refuses recursive aliases and stops at a nesting depth, so the
worst file is refused after at most MAX_NODES steps.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_BYTES = 1_000_000  # a real profile is under 30 kB; the library's largest file is 26 kB
MAX_DEPTH = 32  # nesting levels; the deepest real structure has 9
MAX_NODES = 20_000  # nodes after expanding aliases; the largest real file has under 1,000
MAX_ITEMS = 1_000  # entries of one list or map; the longest real one has 50


class ComposeRefused(Exception):
    """The text is valid YAML-ish but past a limit, or an alias cannot be expanded."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line  # 1-based
        self.message = message


class _Resolver(yaml.resolver.Resolver):
    """Implicit types of a profile: dates stay strings (the loader reads them in every common
    form) and only true/false are booleans (YAML 1.1 would read `no:` or `on` as one)."""


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
_RESOLVER = _Resolver()


def _parser(text: str, fast: bool) -> Any:
    """An object with check_event/peek_event/get_event: libyaml's when present (30 times faster)."""
    if fast and getattr(yaml, "__with_libyaml__", False):
        from yaml.cyaml import CParser  # only importable when PyYAML was built with libyaml

        return CParser(text)
    return yaml.SafeLoader(text)


def compose(text: str, fast: bool = True) -> yaml.Node | None:
    """The node graph of a single-document YAML text, or None when it has no content.

    Raises yaml.YAMLError for syntax errors and ComposeRefused past a limit."""
    events = _parser(text, fast)
    try:
        return _Composer(events).document()
    finally:
        events.dispose()


def _line(event: Any) -> int:
    return event.start_mark.line + 1


class _Composer:
    def __init__(self, events: Any) -> None:
        self.events = events
        self.anchors: dict[str, yaml.Node] = {}
        self.open: set[str] = set()  # anchors whose node is still being composed
        self.total = 0

    def document(self) -> yaml.Node | None:
        events = self.events
        events.get_event()  # stream start
        node = None
        if not events.check_event(yaml.StreamEndEvent):
            events.get_event()  # document start
            node = self.node(1)
            events.get_event()  # document end
        if not events.check_event(yaml.StreamEndEvent):
            raise ComposeRefused(
                _line(events.get_event()),
                "YAML 格式错误：一个档案文件只能有一个文档。请删去“---”分隔线，或把后一部分另存为一个文件",
            )
        events.get_event()
        return node

    def count(self, nodes: int, event: Any, alias: str | None = None) -> None:
        self.total += nodes
        if self.total > MAX_NODES:
            why = (f"别名 *{alias} 层层引用，展开后超过 {MAX_NODES:,} 项（“别名炸弹”）。档案里的别名只用于复用一小段内容"
                   if alias else f"内容超过 {MAX_NODES:,} 项，远多于任何实际的档案。请检查是否选错了文件")
            raise ComposeRefused(_line(event), why)

    def node(self, depth: int) -> yaml.Node:
        events = self.events
        if events.check_event(yaml.AliasEvent):
            return self.alias(events.get_event(), depth)
        event = events.peek_event()
        if depth > MAX_DEPTH:
            raise ComposeRefused(_line(event), f"嵌套超过 {MAX_DEPTH} 层，档案不需要这么深的结构。请检查括号“[ ]”“{{ }}”是否成对、缩进是否正确")
        anchor = event.anchor
        if isinstance(event, yaml.ScalarEvent):
            events.get_event()
            tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
            node: yaml.Node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            node.explicit = event.tag not in (None, "!")  # type: ignore[attr-defined]
            node.size, node.height = 1, 1  # type: ignore[attr-defined]
            self.count(1, event)
        else:
            node = self.collection(events.get_event(), anchor, depth)
        if anchor is not None:
            self.anchors[anchor] = node
            self.open.discard(anchor)
        return node

    def collection(self, start: Any, anchor: str | None, depth: int) -> yaml.Node:
        mapping = isinstance(start, yaml.MappingStartEvent)
        kind, end_event = (yaml.MappingNode, yaml.MappingEndEvent) if mapping else (yaml.SequenceNode, yaml.SequenceEndEvent)
        tag = start.tag if start.tag not in (None, "!") else _RESOLVER.resolve(kind, None, start.implicit)
        node = kind(tag, [], start.start_mark, None, flow_style=start.flow_style)
        if anchor is not None:
            self.anchors[anchor] = node
            self.open.add(anchor)
        self.count(1, start)
        size, height = 1, 0
        while not self.events.check_event(end_event):
            if len(node.value) >= MAX_ITEMS:
                what = "键值表" if mapping else "列表"
                raise ComposeRefused(_line(start), f"这个{what}超过 {MAX_ITEMS:,} 项，远多于任何实际的档案。请检查是否选错了文件或重复粘贴")
            children = (self.node(depth + 1), self.node(depth + 1)) if mapping else (self.node(depth + 1),)
            node.value.append(children if mapping else children[0])
            size += sum(child.size for child in children)  # type: ignore[attr-defined]
            height = max([height] + [child.height for child in children])  # type: ignore[attr-defined]
        node.end_mark = self.events.get_event().end_mark
        node.size, node.height = size, height + 1  # type: ignore[attr-defined]
        return node

    def alias(self, event: Any, depth: int) -> yaml.Node:
        name = event.anchor
        if name in self.open:
            raise ComposeRefused(_line(event), f"别名 *{name} 引用了包含它自身的内容（递归别名），无法展开。请改为写出具体内容")
        if name not in self.anchors:
            raise ComposeRefused(_line(event), f"别名 *{name} 没有定义：请先在前面用 &{name} 标出要复用的内容，或去掉 *{name}")
        node = self.anchors[name]
        if depth + node.height - 1 > MAX_DEPTH:  # type: ignore[attr-defined]
            raise ComposeRefused(_line(event), f"别名 *{name} 展开后嵌套超过 {MAX_DEPTH} 层，档案不需要这么深的结构")
        self.count(node.size, event, alias=name)  # type: ignore[attr-defined]
        return node
