"""The glossary search box (notebook 09)."""
from __future__ import annotations

import ipywidgets as widgets

from ..load import Atlas, atlas_or_default
from ..render.prose import glossary_results_html

__all__ = ["GlossaryBrowser", "glossary_browser"]


class GlossaryBrowser(widgets.VBox):
    """A search box (``.search``) and a results area (``.results``, an HTML widget)."""

    def __init__(self, atlas: Atlas | None = None):
        self.atlas = atlas_or_default(atlas)
        self.search = widgets.Text(value="", description="Search", placeholder="a word, e.g. biopsy",
                                   continuous_update=True, layout=widgets.Layout(width="28em"))
        self.results = widgets.HTML(value=glossary_results_html("", self.atlas))
        self.search.observe(self._update, names="value")
        super().__init__([self.search, self.results])

    def _update(self, change) -> None:
        self.results.value = glossary_results_html(change["new"], self.atlas)


def glossary_browser(atlas: Atlas | None = None) -> GlossaryBrowser:
    """A search box and a results area.

    >>> box = glossary_browser()
    >>> box.search.value = "palliative"
    >>> "Aimed at controlling" in box.results.value
    True
    """
    return GlossaryBrowser(atlas)
