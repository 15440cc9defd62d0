"""The interactive parts (ipywidgets): the explorer, the appraisal checklist, the self-check and the
glossary search box. They hold state and react to the learner; what they show comes from
:mod:`mbc_atlas.render` (each sets an HTML widget's ``.value``, so a plain test can drive them with no
kernel: set a control's ``.value``, read what the learner would see).

The package is reached as ``mbc.explorer()``, ``mbc.checklist()``, ``mbc.self_check()`` and
``mbc.glossary_browser()``, and the unfolding case ``mbc.unfolding_case()``; importing it loads
ipywidgets.
"""
