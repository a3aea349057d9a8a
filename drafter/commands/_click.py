"""click's exceptions, as the installed typer ships them: vendored in recent typer (with Abort
in typer.exceptions), a dependency in older versions."""

from __future__ import annotations

try:
    from typer._click.exceptions import ClickException, UsageError
    from typer.exceptions import Abort
except ImportError:  # typer that depends on click itself
    from click.exceptions import Abort, ClickException, UsageError  # type: ignore[assignment]

__all__ = ["Abort", "ClickException", "UsageError"]
