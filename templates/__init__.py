# Makes the top-level templates/ folder installable as drafter.templates (see pyproject.toml).
