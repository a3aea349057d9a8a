"""Where drafter's own data files are: beside its modules, installed or in a checkout.

Plain paths from __file__ rather than importlib.resources, which with its zip readers costs
a cold start some 4 ms; drafter is always installed as files (pip install . or -e .).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
SCHEMAS = PACKAGE / "schemas"
LIBRARY_DATA = PACKAGE / "library" / "data"


def builtin_templates() -> Path:
    """The shipped templates: drafter/templates when installed (pyproject maps the top-level
    templates/ there), the checkout's templates/ when running from source."""
    installed = PACKAGE / "templates"
    return installed if (installed / "document.j2").is_file() else PACKAGE.parent / "templates"
