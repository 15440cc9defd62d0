"""Pure data for the lessons: frames, typed records, keys, scores and sentences, computed from an atlas.

Nothing here writes HTML or draws (that is :mod:`mbc_atlas.render`), and nothing imports matplotlib or
ipywidgets: only pandas and the layers below (``load``, ``query``, ``words``, ``schema``).

- :mod:`~mbc_atlas.analysis.evidence`: the statements, drugs, glossary terms and disagreements a lesson shows.
- :mod:`~mbc_atlas.analysis.sites`: where the cancer has spread, and which categories the texts tie to it.
- :mod:`~mbc_atlas.analysis.compare`: the texts side by side: who ties what, who wrote each, when, and since.
- :mod:`~mbc_atlas.analysis.appraisal`: the JAMA benchmarks and DISCERN, with the reference answers.
- :mod:`~mbc_atlas.analysis.quiz`: the self-check's questions and cases, each key computed from the data.
- :mod:`~mbc_atlas.analysis.unfolding`: the unfolding case (notebook 11), its steps and their keys.
"""
