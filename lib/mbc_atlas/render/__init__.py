"""How everything looks: the one layer that writes HTML, styles tables and draws figures.

- :mod:`~mbc_atlas.render.theme`: the palette and the named styles (the only module with a colour).
- :mod:`~mbc_atlas.render.html`: :func:`~mbc_atlas.render.html.el` and the shared pieces (the only module
  that writes a tag; it escapes every text on the way in).
- :mod:`~mbc_atlas.render.answer`: an :class:`mbc_atlas.Answer` as the learner sees it (explorer, scenarios,
  self-check).
- :mod:`~mbc_atlas.render.tables`: every table, from one ``styler()``.
- :mod:`~mbc_atlas.render.figures`: every matplotlib figure, each with its text alternative.
- :mod:`~mbc_atlas.render.prose`: the answers revealed under the lessons' questions, and longer passages.
- :mod:`~mbc_atlas.render.feedback`: what the self-check and the appraisal checklist say back.
- :mod:`~mbc_atlas.render.unfolding`: the unfolding case's steps, their answers and the editors' model answers.

It reads :mod:`mbc_atlas.analysis`, :mod:`mbc_atlas.query` and below; nothing below imports it.
"""
