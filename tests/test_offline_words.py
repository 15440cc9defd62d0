"""The kernel-free site says what each category's texts are about in Python's words: offline.js's ``about`` and
``speaks`` run in Node over 200+ selections and every case, against :meth:`AnswerView.about` and ``speaks``.
(The whole page, clicked in Chromium, is tests/browser/test_site.py.)"""
import json
import random
import shutil
import subprocess

import pytest

import mbc_atlas as mbc
from mbc_atlas.analysis import quiz
from mbc_atlas.render.answer import view
from mbc_atlas.render.html import visible_text
from mbc_atlas.render.offline import SCRIPT, explorer_data

RUN = """
global.window = {}; global.document = {readyState: "complete", querySelectorAll: function () { return []; }};
%s
var data = %s, cases = %s;
process.stdout.write(JSON.stringify(cases.map(function (c) {
  return c.cats.map(function (x) {
    return [window.mbcOffline.about(x, c.chosen, data), window.mbcOffline.speaks(x, c.chosen, data)]; });
})));
"""


def _selections():
    ch = mbc.characteristics()
    one = [list(p["characteristic"]) for _, p in ch[ch["choose"] == "one"].groupby("group", sort=False)]
    many = list(ch.loc[ch["choose"] == "any", "characteristic"])
    rng = random.Random(20261202)
    out = [list(c.selection) for c in quiz.CASES] + [s[0] for s in __import__("tests.test_statements",
                                                                                 fromlist=["SPEAKS"]).SPEAKS]
    while len(out) < 240:
        pick = [rng.choice([None, *g]) for g in one] + [c for c in many if rng.random() < 0.2]
        out.append([c for c in pick if c])
    return out


def test_the_site_says_what_python_says_about_each_category(tmp_path):
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    data, v = explorer_data(), view()
    cases, want = [], []
    for ids in _selections():
        a = mbc.answer(ids)
        cases.append({"chosen": list(a.selection), "cats": [
            {"n": len(c.sources), "fits": [{"conditions": list(p.statement.conditions), "source": p.statement.source_id,
                                            "qualifier": p.statement.qualifier, "implied": p.statement.implied}
                                           for p in c.fits]} for c in a.associated]})
        want.append([[v.about(c), visible_text(str(v.speaks(c))).strip()] for c in a.associated])
    script = tmp_path / "parity.js"
    script.write_text(RUN % (SCRIPT, json.dumps(data), json.dumps(cases)), encoding="utf-8")
    run = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    for ids, g, w in zip(_selections(), got, want):
        assert [[x[0], visible_text(x[1]).strip()] for x in g] == w, ids
