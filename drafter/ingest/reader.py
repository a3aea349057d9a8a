"""The text of a plan file (.txt, .md or .docx), within budgets that refuse at once what no
plan is: a real plan has a few hundred lines and paragraphs, 20,000–50,000 characters, and
its .docx holds a document.xml of a few MB.

A .docx is read by streaming its document.xml (expat, which also stops entity expansion
bombs), so memory stays small whatever the file; the paragraphs are those of the body, as
Word shows them (tables and text boxes left out, as python-docx's `document.paragraphs`)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from .model import IngestError

MAX_FILE = 50_000_000  # bytes of a .docx: real ones are well under 1 MB, with pictures a few MB
MAX_TEXT_FILE = 8_000_000  # bytes of a .txt or .md: 2.6 million Chinese characters
MAX_UNPACKED = 200_000_000  # bytes a .docx may inflate to
MAX_XML = 30_000_000  # bytes of its document.xml
MAX_PARAGRAPHS = 20_000  # paragraphs of the body
MAX_LINES = 20_000  # non-empty lines of the text
MAX_CHARACTERS = 2_000_000  # characters of the text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY, _P, _T, _TAB, _BR, _CR = (_W + name for name in ("body", "p", "t", "tab", "br", "cr"))
_REDO = "请确认文件是否正确；一份方案通常不到 1 MB、几百段，可用 Word 重新另存为 .docx，或另存为 UTF-8 编码的 .txt 后重试。"


def read_plan(path: Path) -> str:
    """The text of a .txt (UTF-8) or .docx plan; IngestError when it cannot be read or is past a budget."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise IngestError(f"找不到文件 {path}。请检查路径是否正确。")
    if path.is_dir():
        raise IngestError(f"{path} 是文件夹，不是文件。请给出一份方案文件（.txt 或 .docx）。")
    if not path.is_file():
        raise IngestError(f"{path} 不是普通文件（可能是设备或管道）。请给出一份方案文件（.txt 或 .docx）。")
    size = path.stat().st_size
    if suffix == ".docx":
        if size > MAX_FILE:
            raise IngestError(f"{path} 有 {size / 1e6:.0f} MB，超过 {MAX_FILE // 1_000_000} MB 的上限；{_REDO}")
        return checked(path, _read_docx(path))
    if suffix not in (".txt", ".text", ".md", ""):
        raise IngestError(f"无法读取文件 {path}：不支持 {suffix} 格式。"
                          "请提供 UTF-8 编码的 .txt 文件或 .docx 文件（旧版 .doc 请先用 Word 另存为 .docx）。")
    if size > MAX_TEXT_FILE:
        raise IngestError(f"{path} 有 {size / 1e6:.0f} MB，超过文本方案 {MAX_TEXT_FILE // 1_000_000} MB 的上限；{_REDO}")
    try:
        raw = path.read_bytes()[: MAX_TEXT_FILE + 1]
        return checked(path, raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise IngestError(
            f"无法读取文件 {path}：它不是 UTF-8 编码（第 {error.start + 1} 个字节处无法解码，"
            "可能是 GBK/GB2312 编码）。请用文本编辑器将其另存为 UTF-8 编码后重试，或改用 .docx 文件。"
        ) from None
    except OSError as error:
        raise IngestError(f"无法读取文件 {path}（系统错误 {error.errno}），请检查文件权限。") from None


def checked(path: Path, text: str) -> str:
    """The text, or a refusal when it has more lines or characters than any plan."""
    if len(text) > MAX_CHARACTERS:
        raise IngestError(f"{path} 有 {len(text):,} 个字符，超过 {MAX_CHARACTERS:,} 的上限；{_REDO}")
    lines = sum(1 for line in text.splitlines() if line.strip())
    if lines > MAX_LINES:
        raise IngestError(f"{path} 有 {lines:,} 行，超过 {MAX_LINES:,} 行的上限；{_REDO}")
    return text


def _damaged(path: Path) -> IngestError:
    return IngestError(f"无法读取文件 {path}：文件已损坏或不是有效的 .docx 文档。"
                       "请用 Word 重新另存为 .docx，或另存为 UTF-8 编码的 .txt 后重试。")


def _read_docx(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            total = sum(entry.file_size for entry in entries)
            packed = sum(entry.compress_size for entry in entries) or 1
            if len(entries) > 10_000 or total > MAX_UNPACKED or total / packed > 200:
                raise IngestError(f"{path} 解压后有 {total / 1e6:.0f} MB（压缩比 {total / packed:.0f} 倍），"
                                  "不像一份方案文档，已拒绝读取。请用 Word 重新另存为 .docx 后重试。")
            try:
                info = archive.getinfo("word/document.xml")
            except KeyError:
                raise _damaged(path) from None
            if info.file_size > MAX_XML:
                raise IngestError(f"{path} 的正文部分有 {info.file_size / 1e6:.0f} MB，超过 {MAX_XML // 1_000_000} MB 的上限；{_REDO}")
            with archive.open(info) as stream:
                return "\n".join(_paragraphs(path, stream))
    except IngestError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError, OSError, EOFError,
            NotImplementedError, RuntimeError, ValueError):
        raise _damaged(path) from None


def _paragraphs(path: Path, stream) -> list[str]:  # type: ignore[no-untyped-def]
    """The body's paragraphs, streamed: at most MAX_XML bytes read, MAX_PARAGRAPHS kept."""
    parser = ElementTree.XMLPullParser(events=("start", "end"))
    stack: list[str] = []
    paragraphs: list[str] = []
    parts: list[str] = []
    read = 0
    while chunk := stream.read(1 << 16):
        read += len(chunk)
        if read > MAX_XML:
            raise IngestError(f"{path} 的正文部分超过 {MAX_XML // 1_000_000} MB 的上限；{_REDO}")
        parser.feed(chunk)
        for event, element in parser.read_events():
            if event == "start":
                stack.append(element.tag)
                continue
            stack.pop()
            body_paragraph = stack.count(_P) == 0 and stack[-1:] == [_BODY]
            if element.tag == _P:
                if body_paragraph:
                    paragraphs.append("".join(parts))
                    if len(paragraphs) > MAX_PARAGRAPHS:
                        raise IngestError(f"{path} 有超过 {MAX_PARAGRAPHS:,} 个段落，超过上限；{_REDO}")
                parts = []
                element.clear()
            elif stack.count(_P) == 1 and _BODY in stack and "tbl" not in "".join(stack):
                if element.tag == _T:
                    parts.append(element.text or "")
                elif element.tag == _TAB:
                    parts.append("\t")
                elif element.tag in (_BR, _CR):
                    parts.append("\n")
            elif element.tag == _BODY:
                element.clear()
    parser.close()
    return paragraphs
