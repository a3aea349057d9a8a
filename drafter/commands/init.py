"""`drafter init`: a commented starter profile from a few answers.

Each answer is read as a person types it (2026年, 二〇二六, 县级市, 浙江) by the same
parsers the profile loader uses; a bad answer is explained and asked again, so no answer
given is lost. Options given on the command line go through the same parsing.
"""

from __future__ import annotations

import json
import shlex
import sys
from importlib import resources
from pathlib import Path
from typing import Callable, Optional, TypeVar

import typer

from ..errors import DrafterError
from ..profile.forgiving import parse_year
from ..profile.levels import LEVELS, Level, guess_level, level_advice, parse_level
from ..profile.places import city_advice, full_city, full_province, province_advice
from ..profile.yamlsource import XML_FORBIDDEN
from ..writers.files import write_atomic
from .outfile import check_output_file
from .initplace import find_place, refuse_contradictions
from .init_local import local_facts, local_yaml

# Editors check the profile while typing against the installed schema.
SCHEMA = Path(str(resources.files("drafter") / "schemas/profile.schema.json"))

LEVEL_HELP = "、".join(f"{key}（{level.label}）" for key, level in LEVELS.items())
# The name becomes the file name profiles/<简称>.yaml: nothing that leaves the folder.
_NOT_IN_NAMES = set('/\\:*?"<>|')

T = TypeVar("T")


class BadAnswer(ValueError):
    """An answer that cannot be used, with what to type instead (Chinese)."""


def interactive() -> bool:
    """Ask questions only when a person is at a terminal; scripts must pass options."""
    return sys.stdin.isatty()


def parse_name(text: str) -> str:
    name = text.strip()
    if not name:
        raise BadAnswer("辖区全称不能为空，如 清河县")
    if len(name) > 60:
        raise BadAnswer(f"辖区全称太长（{len(name)} 字），最多 60 字")
    if any(char in _NOT_IN_NAMES for char in name) or name.startswith(".") or XML_FORBIDDEN.search(name):
        raise BadAnswer("辖区全称不能含有 / \\ : * ? \" < > | 等符号或控制字符（档案以简称命名文件），如 清河县")
    return name


def parse_level_answer(text: str) -> Level:
    level = parse_level(text)
    if level is None:
        raise BadAnswer(level_advice(text))
    return level


def parse_province(text: str) -> str:
    full = full_province(text)
    if full is None:
        raise BadAnswer(province_advice(text.strip()) or "请写省、自治区或直辖市的全称")
    if full != text.strip():
        typer.echo(f"提示：所在省按全称 {full} 填写。", err=True)
    return full


def parse_lower_govs(text: str, default: str) -> str | None:
    """下级政府的称谓: None keeps the level's default (nothing written but the commented line)."""
    names = text.strip()
    if not names or names == default:
        return None
    if len(names) > 60:
        raise BadAnswer(f"下级政府称谓太长（{len(names)} 字），最多 60 字，如 各镇人民政府、街道办事处")
    if XML_FORBIDDEN.search(names) or any(char in "{}<>" for char in names):
        raise BadAnswer("下级政府称谓不能含有控制字符或 { } < > 等符号，如 各乡镇人民政府")
    if not names.endswith(("政府", "办事处", "管委会", "管理委员会")):
        raise BadAnswer("下级政府称谓应以“人民政府”或“街道办事处”结尾，如 各镇人民政府、街道办事处；"
                        "没有街道的写 各乡镇人民政府")
    return names


def parse_city(text: str, province: str | None = None) -> str | None:
    city = text.strip()
    if not city:
        return None
    full = full_city(city, province)
    if full is not None:  # 长沙 → 长沙市, as 湖南 → 湖南省: one meaning, read as meant
        typer.echo(f"提示：上级市按全称 {full} 填写。", err=True)
        return full
    advice = city_advice(city)
    if advice:
        raise BadAnswer(advice)
    return city


def parse_start(text: str) -> int:
    year = parse_year(text)
    if year is None or not 2000 <= year <= 2100:
        raise BadAnswer("开始年应为 2000–2100 之间的四位数年份，如 2026（也可写 2026年 或 二〇二六）")
    return year


def parse_end(text: str, start: int) -> int:
    year = parse_year(text)
    if year is None or not 2000 <= year <= 2100:
        raise BadAnswer("结束年应为 2000–2100 之间的四位数年份，如 2030（也可写 2030年 或 二〇三〇）")
    if year < start:
        raise BadAnswer(f"结束年 {year} 早于开始年 {start}")
    return year


class _Answers:
    """What has been answered so far, to say how to go on if the user stops midway."""

    def __init__(self, interactive: bool = True) -> None:
        self.given: list[tuple[str, str]] = []
        self.interactive = interactive

    def ask(self, value: Optional[str], option: str, question: str, parse: Callable[[str], T],
            default: Optional[str] = None) -> T:
        if value is not None:  # from the command line: one clear message, no second chance
            try:
                result = parse(value)
            except BadAnswer as bad:
                raise DrafterError(f"选项 {option} {value}：{bad}") from None
            self.given.append((option, value))
            return result
        if not self.interactive:
            if default is not None:
                return parse(default)
            raise DrafterError(f"缺少选项：{question}。非交互运行时请用命令行选项给出（见 drafter init --help）")
        while True:
            answer = typer.prompt(question, default=default, show_default=bool(default))
            try:
                result = parse(answer)
            except BadAnswer as bad:
                typer.echo(f"{bad}。请重新输入。", err=True)
                continue
            if answer.strip():
                self.given.append((option, answer.strip()))
            return result

    def resume(self) -> str:
        options = " ".join(f"{option} {shlex.quote(value)}" if value else option for option, value in self.given)
        return f"已取消，没有写入文件。已回答的内容可以这样接着运行：drafter init {options}".rstrip()


def schema_line(target: Path, schema: Path = SCHEMA) -> str:
    """The editor's `$schema` for a profile written at `target`: relative from inside the checkout
    the schema lives in (profiles/x.yaml → ../drafter/schemas/…), else the installed file's URI;
    none for a schema in a temporary build folder (no pyproject.toml beside it), which would soon
    point nowhere."""
    import os
    import tempfile

    schema = schema.resolve()
    folder = target.resolve().parent
    checkout = schema.parents[2]  # <checkout>/drafter/schemas/profile.schema.json
    if (checkout / "pyproject.toml").exists() and (folder == checkout or checkout in folder.parents):
        return f"# yaml-language-server: $schema={Path(os.path.relpath(schema, folder)).as_posix()}"
    temporary = Path(tempfile.gettempdir()).resolve()
    if temporary in schema.parents and "site-packages" not in schema.parts and not (checkout / "pyproject.toml").exists():
        return ""  # a build folder (pip's), not a checkout that happens to live in /tmp
    return f"# yaml-language-server: $schema={schema.as_uri()}"


def _short_name(name: str) -> str:
    for suffix in ("自治州", "自治县", "自治旗", "新区", "区", "县", "市", "州", "盟", "旗"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def init(
    name: Optional[str] = typer.Option(None, "--name", help="辖区全称，如 清河县"),
    level: Optional[str] = typer.Option(None, "--level", help=f"层级（键或中文名称）：{LEVEL_HELP}"),
    province: Optional[str] = typer.Option(None, "--province", help="所在省，如 河北省"),
    city: Optional[str] = typer.Option(None, "--city", help="上级市；地市级辖区不填"),
    lower_govs: Optional[str] = typer.Option(None, "--lower-govs", help="下级政府称谓，如 各镇人民政府（没有街道、没有乡的按实际写）"),
    start: Optional[str] = typer.Option(None, "--start", help="规划期开始年，如 2026 或 2026年"),
    end: Optional[str] = typer.Option(None, "--end", help="规划期结束年，默认开始年加 4"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="档案文件路径，默认 profiles/<简称>.yaml"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的文件"),
    hazard: Optional[list[str]] = typer.Option(None, "--hazard", help="本地情况：主要自然灾害，如 地震（可重复）"),
    safety_risk: Optional[list[str]] = typer.Option(None, "--safety-risk", help="重点安全生产风险，如 危化品、烟花爆竹"),
    zone: Optional[list[str]] = typer.Option(None, "--zone", help="开发区和园区，如 浏阳经济技术开发区"),
    heritage: Optional[list[str]] = typer.Option(None, "--heritage", help="景区、文物和历史文化名镇"),
    red_resource: Optional[list[str]] = typer.Option(
        None, "--red-resource", help="红色资源和精神谱系，如 焦裕禄精神、某某革命旧址（可重复）"),
    river: Optional[list[str]] = typer.Option(None, "--river", help="河流、流域和灌区，如 浏阳河、长江"),
    reserve: Optional[list[str]] = typer.Option(None, "--reserve", help="国家公园、自然保护区、重点生态功能区"),
    farmland: Optional[bool] = typer.Option(None, "--farmland/--no-farmland", help="耕地保护和粮食生产重点地区"),
    ethnic: Optional[list[str]] = typer.Option(None, "--ethnic", help="民族地区，如 土家族聚居区"),
    border: Optional[list[str]] = typer.Option(None, "--border", help="边境和口岸，如 某某口岸"),
    big_city: Optional[list[str]] = typer.Option(None, "--big-city", help="超大特大城市治理，如 接诉即办、城市更新"),
    innovation: Optional[list[str]] = typer.Option(None, "--innovation", help="科技创新平台，如 某某科学城"),
    industry: Optional[list[str]] = typer.Option(None, "--industry", help="本地特色产业，如 花炮、羊绒"),
    cooperation: Optional[list[str]] = typer.Option(None, "--cooperation", help="区域协同，如 成渝地区双城经济圈"),
    platform: Optional[list[str]] = typer.Option(None, "--platform", help="本辖区自建的政务服务和社会治理平台，如 某某市民热线"),
    web: bool = typer.Option(False, "--web", help="不在终端里逐项询问：省、市、层级按行政区划表填写，本地情况留到网页（drafter serve）里填"),
) -> None:
    """生成带注释的起始档案：在终端里逐项询问，也可全部用选项给出。"""
    answers = _Answers(interactive() and not web)
    try:
        if output is not None:
            check_output_file(output, force)
        full_name = answers.ask(name, "--name", "辖区全称（如 清河县）", parse_name)
        target = output or Path("profiles") / f"{_short_name(full_name)}.yaml"
        check_output_file(target, force)  # now, not after every question has been answered
        known = find_place(full_name, province, city, interactive)
        guess = LEVELS.get(known.division.level or "") if known else guess_level(full_name)
        chosen = answers.ask(level, "--level", f"层级（{LEVEL_HELP}）", parse_level_answer,
                             default=guess.key if guess else None)
        place = answers.ask(province, "--province", "所在省（自治区、直辖市）", parse_province,
                            default=known.province if known else None)
        upper = None
        if city is not None or chosen.tier == "county":
            upper = answers.ask(city, "--city", "上级市（直辖市的区县直接回车）", lambda text: parse_city(text, place),
                                default=(known.city or "") if known else "")
        refuse_contradictions(full_name, chosen.key, place, upper)
        towns = None
        if lower_govs is not None or chosen.tier == "county":
            towns = answers.ask(lower_govs, "--lower-govs",
                                f"下级政府称谓（直接回车为 {chosen.lower_govs}；没有街道或没有乡的按实际写，如 各镇人民政府）",
                                lambda text: parse_lower_govs(text, chosen.lower_govs), default=chosen.lower_govs)
        first = answers.ask(start, "--start", "规划期开始年", parse_start, default="2026")
        last = answers.ask(end, "--end", "规划期结束年", lambda text: parse_end(text, first), default=str(first + 4))
        given = {key: values for key, values in (
            ("hazards", hazard), ("safety_risks", safety_risk), ("zones", zone), ("heritage", heritage),
            ("red_resources", red_resource),
            ("rivers", river), ("reserves", reserve), ("ethnic", ethnic), ("border", border),
            ("big_city", big_city), ("innovation", innovation), ("industries", industry),
            ("cooperation", cooperation), ("platforms", platform)) if values}
        local = local_facts(given, farmland, answers.interactive, lambda option, value: answers.given.append((option, value)))
    except typer.Abort:
        raise DrafterError(answers.resume()) from None
    short = known.division.short if known else _short_name(full_name)  # 长阳土家族自治县 → 长阳
    from ..render import make_environment  # jinja only when a profile is written
    from ..render.limits import budget_for_render

    with budget_for_render():
        template = make_environment().get_template("starter_profile.yaml.j2")
        text = template.render(
            name=full_name, short=short, level=chosen.key, level_label=chosen.label, province=place,
            city=upper, lower_govs=towns, lower_default=chosen.lower_govs, level_tier=chosen.tier, start=first, end=last, q=lambda value: json.dumps(value, ensure_ascii=False),
            schema=schema_line(target), local=local_yaml(local),
        )
    text = text.rstrip("\n") + "\n"  # one final newline, as editors and git expect
    write_atomic(target, text.encode("utf-8"), force)
    typer.echo(str(target))
    typer.echo(next_step(target), err=True)


def next_step(target: Path) -> str:
    """What to run after init: the page to fill the profile in, or the draft straight away."""
    text = str(target)  # quoted only where a shell needs it (a Chinese name need not be)
    shown = shlex.quote(text) if any(char in text for char in " '\"$`\\&|;<>()*?!#~") else text
    return (f"下一步：drafter serve {shown}（在浏览器中填写档案、旁边看初稿，再下载 Word 稿）；"
            f"或直接起草：drafter draft {shown}")
