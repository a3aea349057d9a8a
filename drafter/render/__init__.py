"""The Jinja stage: templates → block stream → document model."""

from .blocks import BLOCK, BOLD, FIELD, builtin_templates, make_environment, render_stream

__all__ = ["BLOCK", "BOLD", "FIELD", "builtin_templates", "make_environment", "render_stream"]
