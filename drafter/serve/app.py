"""Routes of `drafter serve`. Each handler parses the request, calls the editor's API
(drafter.editing, which calls drafter.api like the CLI) and renders JSON or a file."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import editing
from ..errors import DrafterError
from ..profile import profile_schema
from . import workers
from .assets import ASSETS, asset
from .form import form_spec
from .guard import BodyTooLarge, Guard


class Workspace:
    """The profiles this server may open, by file name: the one it was started with, or a folder's."""

    def __init__(self, target: Path) -> None:
        paths = sorted(target.glob("*.y*ml")) if target.is_dir() else [target]
        self.files = {path.name: editing.ProfileFile(path) for path in paths if path.suffix in (".yaml", ".yml")}
        if not self.files:
            raise DrafterError(f"{target}：这里没有档案（.yaml 或 .yml 文件），可用 drafter init 生成一个。")

    def get(self, name: Any) -> editing.ProfileFile:
        if not isinstance(name, str) or name not in self.files:
            raise LookupError(name)
        return self.files[name]


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


async def _body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body())
    except BodyTooLarge:
        raise
    except ValueError:
        raise ValueError("请求内容不是 JSON") from None
    if not isinstance(body, dict):
        raise ValueError("请求内容应为一个 JSON 对象")
    return body


def _lifespan(drafting: workers.Drafting):  # type: ignore[no-untyped-def]
    @contextlib.asynccontextmanager
    async def lifespan(app):  # type: ignore[no-untyped-def]
        yield
        drafting.close()

    return lifespan


def make_app(target: Path, hosts: frozenset[str], any_address: bool = False, drafting_workers: int = 2,
             max_body: int | None = None):  # type: ignore[no-untyped-def]
    """The ASGI app, wrapped in the Host/Origin/size guard."""
    space = Workspace(target)
    drafting = workers.Drafting(drafting_workers)
    library_ref: dict[str, Any] = {}

    def library():  # type: ignore[no-untyped-def]
        if "library" not in library_ref:
            from ..library import load_library

            library_ref["library"] = load_library()
        return library_ref["library"]

    async def page(request: Request) -> Response:
        return asset("index.html")

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        return asset(name) if name in ASSETS else _error(404, "没有这个文件")

    async def start(request: Request) -> Response:
        return JSONResponse({"form": form_spec(profile_schema()), "catalogue": editing.catalogue(library()),
                             "profiles": list(space.files)})

    async def profile(request: Request) -> Response:
        file = space.get(request.query_params.get("name"))
        text, version = file.read()
        answer = {"name": file.path.name, "path": str(file.path), "text": text, "version": version,
                  "data": file.data(text)}
        answer["defaults"] = editing.default_units(answer["data"], library())
        if answer["data"] is None:  # not YAML the form can hold: validate's words for the file itself
            answer["problems"] = (await drafting.run(workers.preview_json, text, str(file.path)))["problems"]
        return JSONResponse(answer)

    async def preview(request: Request) -> Response:
        started = time.perf_counter()
        body = await _body(request)
        file = space.get(body.get("name"))
        data = body.get("data")
        answer = await drafting.run(workers.preview_json, editing.profile_text(data), str(file.path))
        answer = {**answer, "defaults": editing.default_units(data, library()), "omitted": []}
        if not answer["ok"] and isinstance(data, dict):
            answer.update(await _without_problems(data, answer["problems"], str(file.path)))
        spent = (time.perf_counter() - started) * 1000  # read by bench/bench_serve.py
        return JSONResponse(answer, headers={"Server-Timing": f"preview;dur={spent:.1f}"})

    async def _without_problems(data: dict, problems: list[dict], path: str) -> dict[str, Any]:
        """The preview as if the fields with problems were not filled (twice: leaving a field out can
        leave its item incomplete); nothing when that does not give a draft."""
        omitted: list[str] = []
        for _ in range(2):
            fields = [str(p["field"] or "") for p in problems]
            left = editing.without(data, fields) if all(fields) else None
            if left is None:
                return {}
            omitted += [field for field in fields if field not in omitted]
            data = left
            answer = await drafting.run(workers.preview_json, editing.profile_text(data), path)
            if answer["ok"]:
                return {key: answer[key] for key in ("html", "size", "warnings", "units")} | {"omitted": omitted}
            problems = answer["problems"]
        return {}

    async def download(request: Request) -> Response:
        body = await _body(request)
        file, kind = space.get(body.get("name")), request.path_params["kind"]
        if kind not in editing.DOWNLOADS:
            return _error(404, "没有这种下载")
        text = editing.profile_text(body.get("data"))
        result = await drafting.run(workers.download, text, str(file.path), kind)
        if "problems" in result:
            return JSONResponse({"error": "档案有问题，改好后才能下载", "problems": result["problems"]}, status_code=422)
        name, data = result["name"], result["data"]
        media = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        return Response(data, media_type=media.get(Path(name).suffix[1:], "text/markdown; charset=utf-8"),
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

    async def save(request: Request) -> Response:
        body = await _body(request)
        file = space.get(body.get("name"))
        text = editing.merged_text(str(body.get("base") or ""), body.get("data") or {})
        try:
            version = file.save(text, str(body.get("version")), bool(body.get("overwrite")))
        except editing.Changed as changed:
            return _error(409, str(changed), conflict=True)
        return JSONResponse({"version": version, "text": text, "path": str(file.path)})

    async def units(request: Request) -> Response:
        body = await _body(request)
        space.get(body.get("name"))
        return JSONResponse(editing.import_pasted(body.get("text"), body.get("data"), library()))

    async def places(request: Request) -> Response:
        return JSONResponse({"places": editing.place_choices(request.query_params.get("q", ""))})

    async def search(request: Request) -> Response:
        return JSONResponse({"measures": editing.search_measures(library(), request.query_params.get("q", ""))})

    app = Starlette(routes=[
        Route("/", page), Route("/static/{name}", static), Route("/api/start", start),
        Route("/api/profile", profile), Route("/api/library", search), Route("/api/places", places),
        Route("/api/units", units, methods=["POST"]),
        Route("/api/preview", preview, methods=["POST"]), Route("/api/save", save, methods=["POST"]),
        Route("/api/download/{kind}", download, methods=["POST"]),
    ], exception_handlers={
        404: lambda request, error: _error(404, "没有这个页面或文件"),
        405: lambda request, error: _error(405, "不支持这种请求方式"),
        LookupError: lambda request, error: _error(404, "没有这个档案：只能打开启动时给出的档案"),
        ValueError: lambda request, error: _error(400, f"请求有误：{error}"),
        BodyTooLarge: lambda request, error: _error(413, "请求太大（档案文件不超过 1 MB）"),
        DrafterError: lambda request, error: _error(400, str(error)),
    }, lifespan=_lifespan(drafting))
    kwargs = {} if max_body is None else {"max_body": max_body}
    return Guard(app, hosts, any_address, **kwargs)
