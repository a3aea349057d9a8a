"""A one-file HTML preview laid out like the 公文 page: A4 width, the official fonts first with
common CJK fallbacks, 2-character indents, heading levels, tables. For a quick look in a
browser without Word; nothing outside the file is loaded.
"""

from __future__ import annotations

from html import escape

from ..document import Attachment, Block, Document, Heading, Paragraph, StatusLine, Table, Title

FANGSONG = "'仿宋_GB2312', FangSong, STFangsong, 'Noto Serif CJK SC', 'Source Han Serif SC', serif"
CSS = f"""
body {{ background: #e8e8e8; margin: 0; }}
.page {{ width: 156mm; margin: 12mm auto; padding: 37mm 26mm 35mm 28mm; background: #fff;
  box-shadow: 0 0 4mm rgba(0,0,0,.2); font: 16pt/28.95pt {FANGSONG}; color: #000; text-align: justify; }}
p {{ margin: 0; text-indent: 2em; }}
h1, h2, h3, h4 {{ font-size: 16pt; line-height: 28.95pt; margin: 0; text-indent: 2em; font-weight: normal; }}
h1 {{ font-family: '黑体', SimHei, 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif; }}
h2 {{ font-family: '楷体_GB2312', KaiTi, STKaiti, 'AR PL UKai CN', serif; }}
h3 {{ font-weight: bold; }}
.title {{ font: 22pt/28.95pt '方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', serif;
  text-align: center; text-indent: 0; }}
.status {{ font-family: '楷体_GB2312', KaiTi, serif; text-align: center; text-indent: 0; }}
.title-block {{ margin-bottom: 28.95pt; }}
.signature, .date {{ text-align: right; text-indent: 0; padding-right: 4em; }}
.attachment {{ break-before: page; margin-top: 20mm; }}
.attachment-label {{ font-family: '黑体', SimHei, sans-serif; text-indent: 0; margin-bottom: 28.95pt; }}
table {{ width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 20pt; margin: 6pt 0; }}
th, td {{ border: 0.5pt solid #000; padding: 2pt 4pt; text-align: left; vertical-align: middle; }}
th {{ text-align: center; }}
@media print {{ body {{ background: none; }} .page {{ margin: 0; box-shadow: none; }} }}
"""


def write_html(document: Document) -> bytes:
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(document.title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
        '<main class="page">',
    ]
    parts += [_block(block) for block in document.blocks]
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")


def _block(block: Block) -> str:
    if isinstance(block, Title):
        return '<div class="title-block">' + "".join(
            f'<p class="title">{escape(line)}</p>' for line in block.lines) + "</div>"
    if isinstance(block, StatusLine):
        return f'<p class="status">{escape(block.text)}</p>'
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 4)
        return f"<h{level}>{escape(block.number + block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        text = "".join(f"<strong>{escape(r.text)}</strong>" if r.bold else escape(r.text) for r in block.runs)
        role = "" if block.role == "body" else f' class="{block.role.replace("_", "-")}"'
        measure = f' data-measure="{escape(block.provenance.measure_id)}"' if block.provenance else ""
        return f"<p{role}{measure}>{text}</p>"
    if isinstance(block, Table):
        head = "".join(f"<th>{escape(cell)}</th>" for cell in block.header)
        rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    if isinstance(block, Attachment):
        inner = "".join(_block(b) for b in block.blocks)
        return (f'<section class="attachment"><p class="attachment-label">{escape(block.label)}</p>'
                f'<p class="title">{escape(block.title)}</p>{inner}</section>')
    raise TypeError(f"unknown block {block!r}")
