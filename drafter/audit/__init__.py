"""`drafter audit`: review any plan text (a neighbour's copy, an AI draft, a department's redraft)
and hand it back with findings. ingest → paragraphs → rules (registry) → Findings → writers."""

from .context import make_context
from .model import Context, Finding
from .report import WRITERS
from .rules import CODES
from .runner import audit_file, audit_text

__all__ = ["CODES", "Context", "Finding", "WRITERS", "audit_file", "audit_text", "make_context"]
