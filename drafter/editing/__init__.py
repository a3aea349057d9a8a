"""The editor's API (used by `drafter serve`): a profile's text → problems, preview and
downloads through the same functions the CLI calls; saving with comments kept."""

from .catalogue import catalogue, search_measures
from .drafts import DOWNLOADS, Preview, download, preview, profile_text
from .partial import default_units, without
from .places import place_choices
from .roundtrip import Changed, ProfileFile, merged_text
from .units import import_pasted

__all__ = [
    "DOWNLOADS", "Changed", "Preview", "ProfileFile", "catalogue", "default_units", "download", "import_pasted", "merged_text",
    "place_choices", "preview", "profile_text", "search_measures", "without",
]
