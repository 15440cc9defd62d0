"""mbc_atlas: what five patient-education texts say about treating metastatic breast cancer.

For teaching only: not medical advice. The texts are old (``mbc.lesson.dates_sentence()``); check current
guidelines.

>>> import mbc_atlas as mbc
>>> [c.category for c in mbc.answer(["hr_negative", "postmenopausal"]).associated]
['chemotherapy']
"""
from .load import Atlas, DataError, Problem, check, load
from .query import (Answer, CategoryAnswer, Contradiction, Disagreement, DrugNote, Placement, Statement, answer,
                    associations, categories, characteristics, claims, disagreements, drug_mentions, drugs, glossary,
                    passages, sources, stances, statements, validate_selection)
from . import appraisal, compare, quiz  # notebooks 07-08; import only pandas until used

# figures, tables and the explorer pull in matplotlib and ipywidgets: load them on first use, so that
# `import mbc_atlas` and the data stay quick.
_LAZY = {"figures": ("figures", None), "tables": ("tables", None), "lesson": ("lesson", None),
         "explorer": ("explorer", "explorer")}


def __getattr__(name):
    if name == "DISCLAIMER":
        from .lesson import dates_sentence
        return ("Educational use only, not medical advice. " + dates_sentence() + " Treatment has changed since; "
                "check current clinical guidelines. The collection says what the sources associate, never what "
                "any patient should receive.")
    if name not in _LAZY:
        raise AttributeError(f"module 'mbc_atlas' has no attribute {name!r}")
    import importlib

    module_name, attr = _LAZY[name]
    module = importlib.import_module(f".{module_name}", __name__)
    value = getattr(module, attr) if attr else module
    globals()[name] = value  # importing the submodule bound its name to the module; bind what we promise
    return value

__all__ = [
    "Atlas", "DataError", "Problem", "check", "load", "Answer", "CategoryAnswer", "Contradiction", "Disagreement",
    "DrugNote", "Placement", "Statement", "statements", "answer", "associations", "categories",
    "characteristics", "claims", "disagreements", "drug_mentions", "drugs", "glossary", "passages", "sources",
    "stances", "validate_selection", "DISCLAIMER", "explorer", "figures", "lesson", "tables",
]
