"""The checked library, compiled once: a pickle keyed by the content of every library file
and of the code that builds it, so a cold start skips YAML parsing and schema checks. The
prepared .docx package is kept the same way (writers/docx_package.py).

The cache lives in DRAFTER_CACHE_DIR, else $XDG_CACHE_HOME/drafter, else ~/.cache/drafter.
It is written atomically and ignored if missing, unreadable or stale; DRAFTER_NO_CACHE=1
turns it off. Problems in the library are always reported from the YAML, with lines.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

from .model import Library

_CODE = [Path(__file__).with_name(name) for name in ("loader.py", "model.py", "cache.py", "placeholders.py", "obligations.py",
                                                  "local_measures.py")]
_CODE.append(Path(__file__).parent.parent / "profile" / "local.py")  # LOCAL_TYPES check local_measures.yaml


def cache_dir() -> Path:
    if os.environ.get("DRAFTER_CACHE_DIR"):
        return Path(os.environ["DRAFTER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "drafter"


def _key(directory: Path, schema: Path) -> str:
    digest = hashlib.sha256()
    schemas = [schema] + [path for path in [schema.with_name("obligations.schema.json")] if path.exists()]
    for path in sorted(directory.glob("*.yaml")) + schemas + _CODE:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def cached(directory: Path, schema: Path, build: Callable[[], Library]) -> Library:
    return remembered(f"library-{_key(directory, schema)}", build, Library)


T = TypeVar("T")


def remembered(name: str, build: Callable[[], T], kind: type[T]) -> T:
    """`build()`, pickled in the cache as `name`.pickle: `name` must carry a hash of
    everything the result depends on. Any unreadable or foreign file is rebuilt."""
    if os.environ.get("DRAFTER_NO_CACHE"):
        return build()
    path = cache_dir() / f"{name}.pickle"
    try:
        with path.open("rb") as stream:
            value = pickle.load(stream)
        if isinstance(value, kind):
            return value
    except Exception:  # noqa: BLE001 - any unreadable cache is simply rebuilt
        pass
    value = build()
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name.split('-')[0]}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:  # noqa: BLE001 - a cache that cannot be written costs only speed
        if temporary is not None:
            try:
                Path(temporary).unlink(missing_ok=True)
            except Exception:  # noqa: BLE001
                pass
    return value
