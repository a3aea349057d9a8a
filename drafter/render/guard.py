"""What went wrong in a template, in Chinese words with the template's file and line: jinja's
and Python's own English never reaches the user."""

from __future__ import annotations

import re
import traceback

from ..errors import DrafterError
from .limits import MAX_TEXT, TemplateLimit, TemplateProblem
from .sandbox import NotAFile, OutsideFolder

# jinja's syntax messages, by their stable openings, and the words for them.
_SYNTAX = (
    (re.compile(r"Encountered unknown tag '([^']+)'"), lambda m: f"未知的标签 {m.group(1)}（可用 if、for、set、include、macro 等）"),
    (re.compile(r"Unexpected end of template\. Jinja was looking for the following tags: (.*?)\. The innermost block "
                r"that needs to be closed is '([^']+)'", re.S),
     lambda m: f"模板在 {m.group(2)} 块结束前就结束了，缺少 {{% end{m.group(2)} %}}"),
    (re.compile(r"unexpected end of template, expected '([^']+)'"), lambda m: "模板提前结束：有 {{ 或 {% 没有闭合"),
    (re.compile(r"Encountered unknown tag '([^']+)'\. Jinja was looking for"), lambda m: f"标签 {m.group(1)} 放错了位置"),
    (re.compile(r"Expected an expression, got '([^']+)'"), lambda m: "这里缺少表达式（如 if 后面要写条件）"),
    (re.compile(r"expected token '([^']+)', got '([^']+)'"), lambda m: f"这里应为“{_token(m.group(1))}”，却是“{_token(m.group(2))}”"),
    (re.compile(r"unexpected '([^']+)'"), lambda m: f"多余的“{m.group(1)}”"),
    (re.compile(r"No filter named '([^']+)'", re.I), lambda m: f"没有名为 {m.group(1)} 的过滤器"),
    (re.compile(r"No test named '([^']+)'", re.I), lambda m: f"没有名为 {m.group(1)} 的判断"),
    (re.compile(r"unexpected char '(.+?)'"), lambda m: f"无法识别的字符 {m.group(1)}"),
    (re.compile(r"unexpected end of string"), lambda m: "字符串没有结束：少了一个引号"),
    (re.compile(r"tag name expected"), lambda m: "{% 后面应写标签名"),
    (re.compile(r"block '([^']+)' defined twice"), lambda m: f"块 {m.group(1)} 定义了两次"),
)
_TOKENS = {"end of print statement": "}}", "end of statement block": "%}", "end of template": "模板结尾",
           "name": "名称", "string": "字符串", "integer": "整数"}
_ERRORS = {  # in order: a subclass before its base
    UnicodeDecodeError: "模板文件不是 UTF-8 编码的文本，请用 UTF-8 保存",
    ZeroDivisionError: "模板中除以了零",
    OverflowError: "模板中的数值过大，超出计算范围",
    RecursionError: "模板递归过深（include 或宏调用了自己），请检查",
    MemoryError: "模板生成的内容过大，内存不足",
    IndexError: "模板用到了列表中不存在的一项（下标超出范围）",
    KeyError: "模板用到了键值表中不存在的键",
    AttributeError: "模板用到了不存在的属性",
    ValueError: "模板中的值无法按要求转换（如把文字转成数字，或数字位数过多）",
    TypeError: "模板调用函数或运算的参数不对；heading(级别, 编号, 标题)、measure(措施)、row(单元格…) 的用法见 README",
}


def _token(text: str) -> str:
    return _TOKENS.get(text, text)


def template_place(exc: BaseException, default: str) -> str:
    """file:line of the innermost template frame of the exception, as jinja rewrites them."""
    filename = getattr(exc, "filename", None)
    lineno = getattr(exc, "lineno", None)
    if filename and lineno:
        return f"{filename}:{lineno}"
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".j2", ".jinja", ".html"))]
    if frames:
        return f"{frames[-1].filename}:{frames[-1].lineno}"
    return default


def _syntax(message: str) -> str:
    for pattern, words in _SYNTAX:
        found = pattern.search(message)
        if found:
            return words(found)
    return "请对照这一行检查 {{ }}、{% %}、括号和引号是否成对"


def _undefined(message: str) -> str:
    name = re.match(r"'([^']+)' is undefined", message)
    if name:
        return f"模板用到了不存在的变量 {name.group(1)}"
    attribute = re.search(r"has no attribute '([^']+)'", message)
    if attribute:
        return f"模板用到了不存在的变量或属性 {attribute.group(1)}"
    key = re.search(r"has no element ('?[^']+'?)", message)
    if key:
        return f"模板用到了不存在的变量或属性 {key.group(1).strip(chr(39))}"
    return "模板用到了不存在的变量或属性"


def explain(exc: BaseException) -> str:
    """What went wrong, in words a template author can act on."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError, TemplateNotFound

    if isinstance(exc, TemplateLimit):
        return f"{exc}，请检查模板中的循环和运算"
    if isinstance(exc, TemplateProblem):
        return str(exc)
    if isinstance(exc, TemplateSyntaxError):
        return f"模板语法错误：{_syntax(exc.message or '')}"
    if isinstance(exc, UndefinedError):
        return _undefined(exc.message or "")
    if isinstance(exc, SecurityError):
        return "模板试图访问不安全的内容，已被沙箱拒绝"
    if isinstance(exc, OutsideFolder):
        return f"模板 {exc.name} 指向模板目录以外的文件（多半是符号链接），已拒绝读取；请把模板文件本身放进模板目录"
    if isinstance(exc, NotAFile):
        return f"模板 {exc.name} 不是普通文件（是文件夹、设备或管道），请检查"
    if isinstance(exc, TemplateNotFound):
        return f"找不到模板文件 {exc.name}"
    for kind, words in _ERRORS.items():
        if isinstance(exc, kind):
            return words
    return "模板运行出错，请检查这一行"


def check_output(text: str, where: str) -> None:
    if len(text) > MAX_TEXT:
        raise DrafterError(f"{where}：模板生成的文字超过 {MAX_TEXT:,} 字，请检查模板中的循环")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DrafterError(f"{where}：模板输出了无法保存的字符（孤立的代理字符 \\u{ord(text[exc.start]):04x}），请检查模板") from exc
