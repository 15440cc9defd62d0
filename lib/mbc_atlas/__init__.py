"""mbc_atlas: what a few patient-education texts say about treating metastatic breast cancer.

For teaching only: not medical advice. The texts are old (``mbc.compare.dates_sentence()``); check current
guidelines.

>>> import mbc_atlas as mbc
>>> [c.category for c in mbc.answer(["hr_negative", "postmenopausal"]).associated]
['chemotherapy']

The data and the answers (this module) import only pandas. The rest loads on first use, by layer
(``docs/architecture.md``): ``mbc.compare``, ``mbc.appraisal``, ``mbc.quiz``, ``mbc.sites`` and
``mbc.evidence`` (pure data, :mod:`mbc_atlas.analysis`); ``mbc.tables``, ``mbc.figures`` (matplotlib) and
``mbc.prose`` (:mod:`mbc_atlas.render`); ``mbc.lesson``; and the widgets (ipywidgets): ``mbc.explorer()``,
``mbc.checklist()``, ``mbc.self_check()``, ``mbc.glossary_browser()``, ``mbc.unfolding_case()``.
"""
# No `from __future__ import annotations` here: it would bind a public name, `annotations`, and the namespace must
# be __all__ (tests/test_house.py); for the same reason the two imports below are private.
import importlib as _importlib
from typing import Any as _Any

from . import words
from .load import Atlas, DataError, Problem, atlas_or_default, check, load
from .query import (
    Answer,
    CategoryAnswer,
    Contradiction,
    Disagreement,
    DrugNote,
    Placement,
    Statement,
    answer,
    associations,
    categories,
    characteristics,
    claims,
    disagreements,
    drug_mentions,
    drugs,
    glossary,
    passages,
    placements,
    sources,
    stances,
    statements,
    validate_selection,
)

__version__ = "0.4.0"      # the one place (pyproject.toml reads it); CHANGELOG.md says what each version added

# name -> (module, attribute or None for the module itself); imported on first use, so that
# `import mbc_atlas` and the data stay quick (matplotlib and ipywidgets load only with what needs them).
_LAZY = {
    "analysis": ("analysis", None), "render": ("render", None), "widgets": ("widgets", None),
    "evidence": ("analysis.evidence", None), "sites": ("analysis.sites", None),
    "compare": ("analysis.compare", None), "appraisal": ("analysis.appraisal", None),
    "quiz": ("analysis.quiz", None),
    "tables": ("render.tables", None), "figures": ("render.figures", None), "prose": ("render.prose", None),
    "lesson": ("lesson", None), "scenario": ("lesson", "scenario"),
    "explorer": ("widgets.explorer", "explorer"), "checklist": ("widgets.checklist", "checklist"),
    "self_check": ("widgets.self_check", "self_check"), "glossary_browser": ("widgets.glossary", "glossary_browser"),
    "unfolding": ("analysis.unfolding", None), "unfolding_case": ("widgets.unfolding", "unfolding_case"),
}


def __getattr__(name: str) -> _Any:
    if name == "DISCLAIMER":        # its dates follow the data: made afresh each time
        return _importlib.import_module(".lesson", __name__).disclaimer()
    if name not in _LAZY:
        raise AttributeError(f"module 'mbc_atlas' has no attribute {name!r}")
    module_name, attr = _LAZY[name]
    module = _importlib.import_module(f".{module_name}", __name__)
    value = getattr(module, attr) if attr else module
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | {"DISCLAIMER"})


__all__ = [
    "Atlas", "DataError", "Problem", "atlas_or_default", "check", "load",
    "Answer", "CategoryAnswer", "Contradiction", "Disagreement", "DrugNote", "Placement", "Statement",
    "answer", "placements", "associations", "categories", "characteristics", "claims", "disagreements",
    "drug_mentions", "drugs", "glossary", "passages", "sources", "stances", "statements", "validate_selection", "words",
    "evidence", "sites", "compare", "appraisal", "quiz", "tables", "figures", "prose", "lesson",
    "scenario", "explorer", "checklist", "self_check", "glossary_browser", "unfolding", "unfolding_case", "DISCLAIMER",
]
