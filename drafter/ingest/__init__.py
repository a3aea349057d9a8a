"""Read a published 法治政府建设实施方案 and split it into citable measure items."""

from .export import dump_json, dump_yaml, items_to_records
from .model import IngestError, PlanItem
from .parser import parse_plan
from .reader import read_plan

__all__ = ["IngestError", "PlanItem", "dump_json", "dump_yaml", "items_to_records",
           "parse_plan", "read_plan"]
