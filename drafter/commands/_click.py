"""click's exceptions, as typer ships them: click is vendored in typer (0.27 and later, the
versions pyproject.toml allows), with Abort in typer.exceptions."""

from __future__ import annotations

from typer._click.exceptions import (BadParameter, ClickException, MissingParameter, NoArgsIsHelpError,
                                     NoSuchOption, UsageError)
from typer.exceptions import Abort

__all__ = ["Abort", "BadParameter", "ClickException", "MissingParameter", "NoArgsIsHelpError", "NoSuchOption",
           "UsageError"]
