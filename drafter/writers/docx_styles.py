"""Styles, page set-up and settings for the 公文 .docx writer.

Every number here comes from /work/shared/FORMAT.md (GB/T 9704-2012). Formatting is
put on styles, not on runs, so that a reviewer who edits the draft in Word or WPS keeps
the format when typing new text, and so the navigation pane shows the outline.

python-docx only exposes part of the XML we need (East Asian fonts, indents in
characters, the document grid), so this module writes small pieces of WordprocessingML
itself, always inserting children in schema order because Word rejects out-of-order
elements as a corrupt file.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from drafter.writers.gongwen import (
    ATTACHMENT_LABEL_STYLE, BODY_PT, CONDENSE, FANGSONG, FOOTER_DISTANCE, HEADER_DISTANCE, HEITI, KAITI, LATIN,
    LINE_PITCH, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, NORMAL, PAGE_HEIGHT, PAGE_NUMBER_PT,
    PAGE_WIDTH, SIGNATURE_STYLE, SONGTI, STATUS_STYLE, TABLE_HEADER_STYLE, TABLE_LINE, TABLE_PT, TABLE_TEXT_STYLE,
    TITLE_PT, TITLE_STYLE, XIAOBIAOSONG,
)


# --- schema order of the children we touch (ECMA-376 CT_PPr, CT_RPr) ----
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
    "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr "
    "sectPr pPrChange"
).split()
RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz "
    "szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang "
    "eastAsianLayout specVanish oMath"
).split()


def set_child(parent: etree._Element, tag: str, order: list[str], **attrs: str) -> etree._Element:
    """Replace (or create) child w:<tag> with the given w: attributes, in schema order."""
    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)
    child = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        child.set(qn(f"w:{name}"), value)
    rank = order.index(tag)
    for index, sibling in enumerate(parent):
        local = etree.QName(sibling).localname
        if local in order and order.index(local) > rank:
            parent.insert(index, child)
            break
    else:
        parent.append(child)
    return child


def remove_child(parent: etree._Element, tag: str) -> None:
    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)


def set_run_props(
    rpr: etree._Element, east_asia: str, size_pt: float, bold: bool, latin: str = LATIN
) -> None:
    """Fonts for every script slot, size, weight, italic off and black colour."""
    # Quotes and dashes (U+2000 block) are "shared" characters: without the hint
    # Word draws “” and — in the Latin font, narrow and misplaced in Chinese text.
    set_child(rpr, "rFonts", RPR_ORDER, ascii=latin, hAnsi=latin, eastAsia=east_asia,
              cs=latin, hint="eastAsia")
    # Explicit off values, because the template's headings are bold and italic.
    for tag, on in (("b", bold), ("bCs", bold), ("i", False), ("iCs", False)):
        set_child(rpr, tag, RPR_ORDER, val="1" if on else "0")
    set_child(rpr, "color", RPR_ORDER, val="000000")
    half_points = str(round(size_pt * 2))
    set_child(rpr, "sz", RPR_ORDER, val=half_points)
    set_child(rpr, "szCs", RPR_ORDER, val=half_points)


def set_indent(
    ppr: etree._Element,
    first_line_chars: int = 0,
    right_chars: int = 0,
    left_twips: int = 0,
    right_twips: int | None = None,
) -> None:
    """Indents in characters plus their twips twins (for readers that ignore *Chars).

    The *Chars attributes are always written, even as 0, because a style inherits
    firstLineChars from Normal and a non-zero *Chars wins over twips; 0 is how Word
    itself says "use the twips value".
    """
    def twips(hundredths_of_chars: int) -> int:
        return hundredths_of_chars * BODY_PT * 20 // 100

    set_child(ppr, "ind", PPR_ORDER, **{
        "left": str(left_twips),
        "leftChars": "0",
        "right": str(twips(right_chars) if right_twips is None else right_twips),
        "rightChars": str(right_chars),
        "firstLine": str(twips(first_line_chars)),
        "firstLineChars": str(first_line_chars),
    })


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style of the 公文 and the GB/T 9704 numbers it carries."""
    style_id: str
    name: str
    east_asia: str
    size_pt: float = BODY_PT
    bold: bool = False
    align: str = "both"
    first_line_chars: int = 200  # hundredths of a character, as w:firstLineChars
    right_chars: int = 0
    outline_level: int | None = None
    page_break_before: bool = False
    keep_next: bool = False
    # Table and footer text is smaller than the 3号 grid; off the grid, with their own
    # line height (twips, at least), they neither double-space nor clip.
    on_grid: bool = True
    off_grid_line: int = 240
    latin: str = LATIN
    condense: bool = True  # 3号 text on the 28-character line; not the title, tables or footer
    off_grid_rule: str = "atLeast"  # line rule off the grid: the title keeps exact 28.95 pt lines



STYLE_SPECS: tuple[StyleSpec, ...] = (
    StyleSpec(NORMAL, "Normal", FANGSONG),
    StyleSpec("Heading1", "heading 1", HEITI, outline_level=0, keep_next=True),
    StyleSpec("Heading2", "heading 2", KAITI, outline_level=1, keep_next=True),
    StyleSpec("Heading3", "heading 3", FANGSONG, bold=True, outline_level=2, keep_next=True),
    # Level 4 （1） is restyled Heading 4 (仿宋, not bold) so it too is in the outline.
    StyleSpec("Heading4", "heading 4", FANGSONG, outline_level=3, keep_next=True),
    # The 22 pt title is off the line grid: LibreOffice would give each title line two grid lines.
    StyleSpec(TITLE_STYLE, "公文标题", XIAOBIAOSONG, TITLE_PT, align="center",
              first_line_chars=0, keep_next=True, on_grid=False, off_grid_line=LINE_PITCH, condense=False,
              off_grid_rule="exact"),
    StyleSpec(STATUS_STYLE, "公文状态", KAITI, align="center", first_line_chars=0,
              keep_next=True),
    StyleSpec(ATTACHMENT_LABEL_STYLE, "附件标识", HEITI, align="left", first_line_chars=0,
              page_break_before=True, keep_next=True),
    StyleSpec(SIGNATURE_STYLE, "落款", FANGSONG, align="right", first_line_chars=0,
              right_chars=400),
    StyleSpec(TABLE_TEXT_STYLE, "表格文字", FANGSONG, TABLE_PT, align="left",
              first_line_chars=0, on_grid=False, off_grid_line=TABLE_LINE, condense=False),
    StyleSpec(TABLE_HEADER_STYLE, "表格表头", FANGSONG, TABLE_PT, bold=True,
              align="center", first_line_chars=0, on_grid=False, off_grid_line=TABLE_LINE, condense=False),
    StyleSpec("Footer", "footer", SONGTI, PAGE_NUMBER_PT, align="left",
              first_line_chars=0, on_grid=False, latin=SONGTI, condense=False),
)


def _style_element(doc: DocxDocument, spec: StyleSpec) -> etree._Element:
    styles = doc.styles.element
    found = styles.xpath(f'w:style[@w:styleId="{spec.style_id}"]')
    if found:
        return found[0]
    style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = spec.style_id  # ASCII ids; the Chinese name is what users see
    style.base_style = doc.styles[NORMAL]
    style.quick_style = True
    return style.element


def _apply_spec(doc: DocxDocument, spec: StyleSpec) -> None:
    element = _style_element(doc, spec)
    ppr = element.get_or_add_pPr()
    for tag in ("keepNext", "pageBreakBefore", "outlineLvl", "snapToGrid", "numPr", "tabs"):
        remove_child(ppr, tag)
    # Heading 4 is hidden in the template's style gallery; we use it, so show it.
    remove_child(element, "semiHidden")
    if spec.keep_next:
        set_child(ppr, "keepNext", PPR_ORDER)
    if spec.page_break_before:
        set_child(ppr, "pageBreakBefore", PPR_ORDER)
    # Widow/orphan control off, said explicitly: LibreOffice (and WPS) otherwise move a
    # paragraph's last two lines to the next page and leave 21 lines; a 公文 page holds 22.
    set_child(ppr, "widowControl", PPR_ORDER, val="0")
    if spec.on_grid:
        # Exact 28.95 pt, the grid pitch, so 22 lines fill the 225 mm type area.
        set_child(ppr, "spacing", PPR_ORDER, before="0", beforeLines="0", after="0",
                  afterLines="0", line=str(LINE_PITCH), lineRule="exact")
    else:
        set_child(ppr, "snapToGrid", PPR_ORDER, val="0")
        set_child(ppr, "spacing", PPR_ORDER, before="0", beforeLines="0", after="0",
                  afterLines="0", line=str(spec.off_grid_line), lineRule=spec.off_grid_rule)
    # Punctuation may overflow the margin, as Word's and WPS's Chinese default: with it off,
    # LibreOffice 7.4 drops a line's 29th character when that is a comma or full stop (the
    # 宜都 draft lost 33 marks in its PDF; tests/test_layout_render.py counts them), while with
    # it on LibreOffice breaks before the last character and keeps 28 a line.
    set_child(ppr, "overflowPunct", PPR_ORDER, val="1")
    set_indent(ppr, first_line_chars=spec.first_line_chars, right_chars=spec.right_chars)
    set_child(ppr, "jc", PPR_ORDER, val=spec.align)
    if spec.outline_level is not None:
        set_child(ppr, "outlineLvl", PPR_ORDER, val=str(spec.outline_level))
    set_run_props(element.get_or_add_rPr(), spec.east_asia, spec.size_pt, spec.bold,
                  spec.latin)
    if spec.condense:
        set_child(element.get_or_add_rPr(), "spacing", RPR_ORDER, val=str(CONDENSE))
    else:
        remove_child(element.get_or_add_rPr(), "spacing")
    # Linked character styles ("Heading 1 Char") must agree, or Word shows the
    # template's blue Calibri when a heading is partly reformatted.
    linked = element.find(qn("w:link"))
    if linked is not None:
        char_styles = doc.styles.element.xpath(
            f'w:style[@w:styleId="{linked.get(qn("w:val"))}"]'
        )
        for char_style in char_styles:
            set_run_props(char_style.get_or_add_rPr(), spec.east_asia, spec.size_pt,
                          spec.bold, spec.latin)


def _strip_theme_fonts(doc: DocxDocument) -> None:
    """Drop theme-font references so no style falls back to the (Japanese) theme."""
    theme_attrs = [qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")]
    for rfonts in doc.styles.element.iter(qn("w:rFonts")):
        for attr in theme_attrs:
            rfonts.attrib.pop(attr, None)
        if not rfonts.attrib:
            rfonts.getparent().remove(rfonts)


def _set_doc_defaults(doc: DocxDocument) -> None:
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    set_child(rpr, "rFonts", RPR_ORDER, ascii=LATIN, hAnsi=LATIN, eastAsia=FANGSONG,
              cs=LATIN, hint="eastAsia")
    set_child(rpr, "sz", RPR_ORDER, val=str(BODY_PT * 2))
    set_child(rpr, "szCs", RPR_ORDER, val=str(BODY_PT * 2))
    set_child(rpr, "lang", RPR_ORDER, val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = styles.find(qn("w:docDefaults") + "/" + qn("w:pPrDefault") + "/" + qn("w:pPr"))
    set_child(ppr, "spacing", PPR_ORDER, before="0", after="0", line=str(LINE_PITCH),
              lineRule="exact")


def setup_styles(doc: DocxDocument) -> None:
    _set_doc_defaults(doc)
    _strip_theme_fonts(doc)
    for spec in STYLE_SPECS:
        _apply_spec(doc, spec)


def setup_section(doc: DocxDocument) -> None:
    """A4 portrait, GB/T 9704 margins, a 22 lines × 28 characters grid."""
    section = doc.sections[0]
    sect_pr = section._sectPr
    sect_order = ["headerReference", "footerReference", "pgSz", "pgMar", "cols", "docGrid"]
    set_child(sect_pr, "pgSz", sect_order, w=str(PAGE_WIDTH), h=str(PAGE_HEIGHT))
    set_child(sect_pr, "pgMar", sect_order, top=str(MARGIN_TOP), right=str(MARGIN_RIGHT),
              bottom=str(MARGIN_BOTTOM), left=str(MARGIN_LEFT),
              header=str(HEADER_DISTANCE), footer=str(FOOTER_DISTANCE), gutter="0")
    grid = set_child(sect_pr, "docGrid", sect_order, type="lines", linePitch=str(LINE_PITCH))
    grid.attrib.pop(qn("w:charSpace"), None)


def setup_settings(doc: DocxDocument) -> None:
    settings = doc.settings.element
    for lang in settings.findall(qn("w:themeFontLang")):
        lang.set(qn("w:eastAsia"), "zh-CN")


def setup_document(doc: DocxDocument) -> None:
    """Styles, page and settings; footers are in docx_fields, properties in docx."""
    setup_styles(doc)
    setup_section(doc)
    setup_settings(doc)
