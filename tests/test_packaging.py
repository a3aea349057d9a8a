"""`pip install .` (not editable) ships every package: each folder of drafter that holds
Python modules, and each data folder, is listed in pyproject.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_python_package_of_drafter_is_listed_for_setuptools():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "drafter").rglob("*.py")
               if "__pycache__" not in path.parts}
    assert folders - listed == set()


def test_every_data_folder_is_listed_with_its_files():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    for package, patterns in config["package-data"].items():
        folder = ROOT / "templates" if package == "drafter.templates" else ROOT.joinpath(*package.split("."))
        assert package in config["packages"] and any(any(folder.glob(p)) for p in patterns), package
