"""One error base class for everything a user can fix; the CLI catches it once."""

from __future__ import annotations

from dataclasses import dataclass


class DrafterError(Exception):
    """A user's error: the message is Chinese, names the file and says what to do."""


@dataclass(frozen=True)
class Problem:
    """One validation problem, located in a file."""

    file: str
    line: int | None  # 1-based; None when the problem has no place in the file
    field: str  # dotted field path, e.g. "units.justice"; "" for the whole file
    message: str  # what is wrong and how to fix it

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" 字段 {self.field}" if self.field else ""
        return f"{where}{field}：{self.message}"


class ValidationFailed(DrafterError):
    """Every problem found in one or more files, reported at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.render())

    def render(self) -> str:
        lines = [str(problem) for problem in self.problems]
        lines.append(f"共 {len(self.problems)} 个问题，请逐条修改后重试。")
        return "\n".join(lines)
