"""The 公文 page in numbers (GB/T 9704-2012, via /work/shared/FORMAT.md) and the style ids.

Pure constants, shared by the style builder (docx_styles, python-docx) and the body writer
(docx_body, plain text): importing them costs nothing.
"""

from __future__ import annotations

# --- fonts (named exactly as Chinese Word/WPS installations know them) -------------
FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
LATIN = "Times New Roman"  # digits and Latin letters in body text

# --- page geometry, in twips (1/20 pt); mm are rounded the way Word rounds them ----
def mm_to_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


PAGE_WIDTH = mm_to_twips(210)  # 11906
PAGE_HEIGHT = mm_to_twips(297)  # 16838
MARGIN_TOP = mm_to_twips(37)
MARGIN_BOTTOM = mm_to_twips(35)
MARGIN_LEFT = mm_to_twips(28)
MARGIN_RIGHT = mm_to_twips(26)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm type area
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm type area
HEADER_DISTANCE = mm_to_twips(15)
# GB/T 9704 puts the page-number dash 7 mm below the type area (28 mm from the page
# edge). The footer distance is measured to the bottom of the footer line, and a
# 14 pt line has its dash about 2.5 mm above its bottom, hence 25.5 mm.
FOOTER_DISTANCE = mm_to_twips(25.5)

# A 横排 attachment (the 分工表, GB/T 9704 §10.1 allows 横排表格): its own A4 landscape
# section, the page turned so that the portrait binding edge (left, 28 mm) is the top and the
# portrait right edge (26 mm) the bottom; the page numbers continue in the same footers,
# 7 mm below the type area as on the portrait pages.
LANDSCAPE_MARGIN_TOP = mm_to_twips(28)
LANDSCAPE_MARGIN_BOTTOM = mm_to_twips(26)
LANDSCAPE_MARGIN_LEFT = mm_to_twips(35)
LANDSCAPE_MARGIN_RIGHT = mm_to_twips(37)
LANDSCAPE_TEXT_WIDTH = PAGE_HEIGHT - LANDSCAPE_MARGIN_LEFT - LANDSCAPE_MARGIN_RIGHT  # 225 mm
LANDSCAPE_TEXT_HEIGHT = PAGE_WIDTH - LANDSCAPE_MARGIN_TOP - LANDSCAPE_MARGIN_BOTTOM  # 156 mm
LANDSCAPE_FOOTER_DISTANCE = mm_to_twips(16.5)

BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
TABLE_PT = 12  # 小四: a 分工表 with 3号 cells would be unreadably tall
TABLE_LINE = 400  # twips: 20 pt lines give 12 pt cell text some air
LANDSCAPE_TABLE_LINE = 320  # twips: 16 pt lines (single spacing) in the 横排 分工表, rows one third shorter

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = 579  # twips = 28.95 pt; 22 × 579 = 12738 ≤ TEXT_HEIGHT (12756)
# 28 characters a line without Word's character grid (which LibreOffice cannot squeeze:
# it gives each 16 pt character two grid cells, 14 a line): the body text is condensed by
# a quarter point (w:spacing -5 twentieths), the setting Word and WPS users apply by hand.
# 28 × (320 − 5) = 8,820 twips fit the 8,845-twip line; 29 do not; −4 fits only 27.
CONDENSE = -5  # twentieths of a point
assert CHARS_PER_LINE * (BODY_PT * 20 + CONDENSE) <= TEXT_WIDTH < (CHARS_PER_LINE + 1) * (BODY_PT * 20 + CONDENSE)

ONE_PAGE_NUMBER_CHAR = PAGE_NUMBER_PT * 20  # 280 twips

# --- paragraph style ids -------------------------------------------------------
NORMAL = "Normal"
TITLE_STYLE = "GongwenTitle"
STATUS_STYLE = "GongwenStatus"
ATTACHMENT_LABEL_STYLE = "AttachmentLabel"
SIGNATURE_STYLE = "GongwenSignature"  # not Word's built-in "Signature"
TABLE_TEXT_STYLE = "TableText"
TABLE_HEADER_STYLE = "TableHeader"
HEADING_STYLES = {1: "Heading1", 2: "Heading2", 3: "Heading3", 4: "Heading4"}
