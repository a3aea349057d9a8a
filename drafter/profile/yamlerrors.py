"""PyYAML's syntax errors as Chinese advice on the line where the slip is.

PyYAML reports where it noticed a problem, which is often one or two lines after the
slip (an unclosed quote is noticed at the end of the file, a missing colon on the next
line). Each rule below picks the mark that points at the slip and says how to fix it.
"""

from __future__ import annotations

import re

import yaml

PREFIX = "YAML 格式错误："
NO_SPACE = PREFIX + "冒号后缺少空格：键和值之间要用半角冒号加一个空格，如 “name: 清河县”"
GENERIC = "请检查这一行和上一行：键和值之间用半角冒号加空格（name: 清河县），同级的键左端对齐，引号和括号成对"

# A key typed with a full-width colon: at the start of a line, after "- ", or inside { }.
_FULL_WIDTH_KEY = re.compile(r"(?:^[ ]*(?:-[ ]+)?|[{,][ ]*)([A-Za-z_][A-Za-z0-9_]*)[ \t]*(：)")
# "key:value" with no space after the colon (a URL's "://" is not one).
_NO_SPACE = re.compile(r"^[ ]*(?:-[ ]+)?[A-Za-z_][A-Za-z0-9_]*:(?![ /]|$)")


def full_width_colons(text: str) -> list[tuple[int, int, str]]:
    """(line, column, key) of every key followed by a full-width colon (both 1-based)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        for match in _FULL_WIDTH_KEY.finditer(line):
            found.append((number, match.start(2) + 1, match.group(1)))
    return found


def full_width_message(column: int, key: str) -> str:
    return (f"第 {column} 列“{key}”后面的冒号是全角冒号“：”（中文输入法打出的），YAML 不认。"
            f"请把全角冒号“：”改为半角冒号“:”，冒号后加一个空格，如 “{key}: …”")


def with_half_width_colons(text: str) -> str:
    """The text with every full_width_colons() hit replaced by ": ", lines unchanged."""
    return "\n".join(
        _FULL_WIDTH_KEY.sub(lambda m: m.group(0)[: m.start(2) - m.start(0)].rstrip() + ": ", line)
        if not line.lstrip().startswith("#") else line
        for line in text.split("\n")
    )


def _line(mark: yaml.Mark | None) -> int | None:
    return mark.line + 1 if mark is not None else None


def _previous_content_line(lines: list[str], line: int) -> int | None:
    """The 1-based number of the nearest non-blank, non-comment line before `line`."""
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def explain(error: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """(1-based line, Chinese message) for a PyYAML error."""
    problem = str(getattr(error, "problem", None) or "")
    context = str(getattr(error, "context", None) or "")
    problem_line = _line(getattr(error, "problem_mark", None))
    context_line = _line(getattr(error, "context_mark", None))
    line = problem_line or context_line
    lines = text.split("\n")
    if "'\\t'" in problem or "tab" in problem:
        return line, "YAML 缩进不能用 Tab 键，请改用空格（每级两个空格）。"
    if "cannot start any token" in problem:
        return line, PREFIX + "值不能以“@”“`”“%”等符号开头。请给这个值加上引号，如 \"@某某\""
    if problem.startswith("mapping values are not allowed"):
        previous = _previous_content_line(lines, problem_line or 1)
        if previous is not None and _NO_SPACE.match(lines[previous - 1]):
            return previous, NO_SPACE
        return line, PREFIX + ("这一行的“: ”放错了地方：可能是这一行比上一行多缩进了，或一行里写了两个“键: ”。"
                               "同级的键要左端对齐；值里含有“: ”时请给值加引号")
    if "could not find expected ':'" in problem:
        if context_line and _NO_SPACE.match(lines[context_line - 1]):
            return context_line, NO_SPACE
        if context_line and len(lines[context_line - 1].split(":", 1)[0]) > 1000:
            return context_line, PREFIX + "这一行的键超过 1,000 个字符（YAML 的键最多 1,024 个字符），请检查是否把正文写成了键"
        return context_line or line, PREFIX + ("这一行缺少冒号：键和值之间要用半角冒号加一个空格，如 “name: 清河县”；"
                                               "如果这一行是上一行文字的延续，请缩进到比键更靠右的位置")
    if "flow sequence" in context:
        return context_line or line, PREFIX + "方括号“[”没有对应的“]”：写在一行的列表要以“]”结束，各项之间用半角逗号“,”分开"
    if "flow mapping" in context:
        return context_line or line, PREFIX + "花括号“{”没有对应的“}”：写在一行的键值表要以“}”结束，各项之间用半角逗号“,”分开"
    if "quoted scalar" in context:
        if "escape" in problem:
            return line, PREFIX + ("双引号里的反斜杠“\\”是转义符，后面的字符不是有效的转义。"
                                   "要写反斜杠本身请写两个“\\\\”，或改用单引号")
        return context_line or line, PREFIX + "引号没有配对：这一行开始的引号一直没有结束，请在文字末尾补上同样的引号（中文引号“”不算）"
    if "block mapping" in context or "block collection" in context:
        if "'-'" in problem or "'<block sequence start>'" in problem:
            return line, PREFIX + "这一行的列表项“- ”缩进不对：列表项要写在某个键的下一行，并比这个键多缩进两个空格"
        return line, PREFIX + "缩进不对：这一行没有和同级的键左端对齐（每级缩进两个空格，同级的键要对齐）"
    if "anchor" in context or "alias" in context:
        return line, PREFIX + "“&”和“*”是 YAML 的锚点和别名记号，后面要跟名字；如果是文字内容，请给这个值加上引号"
    if "block scalar" in context:
        return line, PREFIX + "“|”或“>”表示下面几行是一段文字，它后面不能再写内容；请把文字移到下一行并缩进"
    if "directive" in context:
        return line, PREFIX + "“%”不能作为一行的开头，请给这个值加上引号"
    return line, PREFIX + GENERIC
