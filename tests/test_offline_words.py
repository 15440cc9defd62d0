"""The kernel-free site says what Python says, word for word: offline.js builds its view-model from the site's
payload and renders it with Nunjucks and the same template (answer.html.j2, compiled as make site compiles it),
in Node, over 240 selections and every case; its whole visible text is compared with :func:`render`'s.
(The whole page, clicked in Chromium, is tests/browser/test_site.py.)"""
import json
import random
import shutil
import subprocess
import sys

import pytest
from lxml import html as lxml_html

import mbc_atlas as mbc
from mbc_atlas.analysis import quiz
from mbc_atlas.render.answer import render
from mbc_atlas.render.html import visible_text
from mbc_atlas.render.offline import SCRIPT, explorer_data

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import build_site  # noqa: E402

RUN = """
global.window = {nunjucks: require(%s)};
global.document = {readyState: "complete", querySelectorAll: function () { return []; }};
%s
%s
var data = %s, selections = %s, env = window.mbcOffline.environment(window.nunjucks);
process.stdout.write(JSON.stringify(selections.map(function (ids) {
  return window.mbcOffline.answerHtml(env, data, ids); })));
"""


def selections():
    ch = mbc.characteristics()
    one = [list(p["characteristic"]) for _, p in ch[ch["choose"] == "one"].groupby("group", sort=False)]
    many = list(ch.loc[ch["choose"] == "any", "characteristic"])
    rng = random.Random(20261202)
    out = [[], *[list(c.selection) for c in quiz.CASES]]
    out += [s[0] for s in __import__("tests.test_statements", fromlist=["SPEAKS"]).SPEAKS]
    while len(out) < 240:
        pick = [rng.choice([None, *g]) for g in one] + [c for c in many if rng.random() < 0.2]
        out.append([c for c in pick if c])
    return [list(mbc.validate_selection(ids)) for ids in out]


def each_note_once(markup: str) -> str:
    """What the page does after rendering: an editors' note shown again further down is removed."""
    tree = lxml_html.fragment_fromstring(markup, create_parent="div")
    seen = set()
    for note in tree.xpath("//*[@data-note]"):
        if note.get("data-note") in seen:
            note.drop_tree()
        seen.add(note.get("data-note"))
    return lxml_html.tostring(tree, encoding="unicode")


def test_the_site_says_what_python_says_for_every_selection(tmp_path):
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    build_site.install_js()
    chosen = selections()
    script = tmp_path / "parity.js"
    script.write_text(RUN % (json.dumps(str(build_site.NUNJUCKS)), build_site.precompiled_templates(), SCRIPT,
                             json.dumps(explorer_data()), json.dumps(chosen)), encoding="utf-8")
    run = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for ids, shown in zip(chosen, json.loads(run.stdout)):
        assert visible_text(each_note_once(shown)).split() == visible_text(str(render(ids).html())).split(), ids
