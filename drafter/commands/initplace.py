"""`drafter init`'s use of the gazetteer: a known name fills its province, city and level;
an ambiguous one (朝阳区, 鼓楼区) is asked, or, without a terminal, refused with the candidates."""

from __future__ import annotations

from typing import Callable, Optional

import typer

from ..errors import DrafterError
from ..gazetteer import load_gazetteer
from ..gazetteer.divisions import Place
from ..profile.placecheck import candidates, place_problems, where
from ..profile.places import full_province


def find_place(name: str, province: Optional[str], city: Optional[str], interactive: Callable[[], bool]) -> Place | None:
    """The one division the name (and the province or city given) means; None when the name is not in the gazetteer."""
    places = load_gazetteer().places(name)
    if province:
        places = [p for p in places if p.province == (full_province(province) or province.strip())] or places
    if city:
        places = [p for p in places if p.city == city.strip()] or places
    if len(places) <= 1:
        return places[0] if places else None
    listed = "；".join(f"{n}. {where(p)}{p.division.name}" for n, p in enumerate(places, 1))
    if not interactive():
        raise DrafterError(f"选项 --name {name}：同名的有 {candidates(places)}，请用 --province（和 --city）说明是哪一个")
    while True:
        answer = typer.prompt(f"同名的{name}有：{listed}。请输入序号")
        if answer.strip().isdigit() and 1 <= int(answer) <= len(places):
            return places[int(answer) - 1]
        typer.echo(f"请输入 1–{len(places)} 之间的序号。", err=True)


def refuse_contradictions(name: str, level: str, province: str, city: Optional[str]) -> None:
    """The answers against the gazetteer: a contradiction is refused with its fix, nothing written."""
    found = place_problems({"name": name, "level": level, "province": province, "city": city})
    if found:
        raise DrafterError("与行政区划不符，没有写入文件：" + "；".join(message for _, message in found))
