"""mbc_atlas: what five patient-education texts (2010-2013) say about treating metastatic breast cancer.

For teaching only: not medical advice. The texts are old; check current guidelines.

>>> import mbc_atlas as mbc
>>> mbc.associations(["hr_positive"])["category"].unique().tolist()
['hormonal', 'chemotherapy']
"""
from .load import Atlas, DataError, Problem, check, load
from .query import (Answer, answer, associations, categories, characteristics, claims, disagreements,
                    drug_mentions, drugs, glossary, passages, sources, stances, validate_selection)
from . import appraisal, compare, quiz  # notebooks 07-08; import only pandas until used

# figures, tables and the explorer pull in matplotlib and ipywidgets: load them on first use, so that
# `import mbc_atlas` and the data stay quick.
_LAZY = {"figures": ("figures", None), "tables": ("tables", None), "lesson": ("lesson", None),
         "explorer": ("explorer", "explorer")}


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError(f"module 'mbc_atlas' has no attribute {name!r}")
    import importlib

    module_name, attr = _LAZY[name]
    module = importlib.import_module(f".{module_name}", __name__)
    value = getattr(module, attr) if attr else module
    globals()[name] = value  # importing the submodule bound its name to the module; bind what we promise
    return value

DISCLAIMER = (
    "Educational use only, not medical advice. The five texts date from 2010-2013 and treatment has "
    "changed since; check current clinical guidelines. The collection says what the sources associate, "
    "never what any patient should receive."
)

__all__ = [
    "Atlas", "DataError", "Problem", "check", "load", "Answer", "answer", "associations", "categories",
    "characteristics", "claims", "disagreements", "drug_mentions", "drugs", "glossary", "passages", "sources",
    "stances", "validate_selection", "DISCLAIMER", "explorer", "figures", "lesson", "tables",
]
