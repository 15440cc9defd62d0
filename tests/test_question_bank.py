"""The question banks (``make question-bank``), read back: each export, parsed as an importer would, gives the
library's items exactly (prompt, option labels, key, optional options, feedback HTML) and grades every possible
answer as the self-check does. The QTI assessment is validated against the IMS QTI 1.2.1 DTD, which IMS
published and the pyslet sdist on PyPI ships; Moodle publishes no schema for its XML format, so its file is
checked for what Moodle's importer (question/format/xml) reads.
"""
import csv
import hashlib
import html
import io
import itertools
import os
import random
import subprocess
import sys
import tarfile
import zipfile
from xml.etree import ElementTree as ET

import pytest

import mbc_atlas as mbc
from mbc_atlas.analysis.quiz import Explanation, Item, grade, items
from mbc_atlas.render import question_bank as qb
from mbc_atlas.render.feedback import general_feedback_html, prompt_html, verdict_html

from .conftest import ROOT

Q = f"{{{qb.QTI_NS}}}"
CP = f"{{{qb.CP_NS}}}"
#: Moodle's grade list (question_bank::fraction_options_full): an import stops on any other grade by default.
MOODLE_GRADES = {0.0, 1.0, -1.0} | {s * f for s in (1, -1) for f in (
    0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667, 0.1428571,
    0.125, 0.1111111, 0.1, 0.05)}
PYSLET = "pyslet==0.7.20170805"
DTD_IN_SDIST = "pyslet-0.7.20170805/unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd"
DTD_SHA256 = "c991ca648247cde8f228500a4ffb7e3578505c451f54150f43258b7f1ab445bd"


def read_moodle(data: bytes) -> dict:
    """Each multichoice question by its ID number, as Moodle's importer reads it."""
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category" and category.findtext("category/text").startswith("$course$/top/")
    out = {}
    for q in questions:
        assert q.get("type") == "multichoice"
        for tag in ("questiontext", "generalfeedback", "correctfeedback", "partiallycorrectfeedback",
                    "incorrectfeedback"):
            assert q.find(tag).get("format") == "html"
        out[q.findtext("idnumber")] = {
            "name": q.findtext("name/text"), "prompt": q.findtext("questiontext/text"),
            "single": {"true": True, "false": False}[q.findtext("single")],
            "answers": [(a.findtext("text"), float(a.get("fraction"))) for a in q.findall("answer")],
            "general": q.findtext("generalfeedback/text"), "correct": q.findtext("correctfeedback/text"),
            "partly": q.findtext("partiallycorrectfeedback/text"), "incorrect": q.findtext("incorrectfeedback/text")}
    return out


def read_qti(data: bytes) -> tuple[ET.Element, dict]:
    """The package's assessment and each item by its ident, as a QTI 1.2 importer reads them."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        manifest = ET.fromstring(z.read("imsmanifest.xml"))
        assert manifest.tag == f"{CP}manifest"
        resources = manifest.findall(f"{CP}resources/{CP}resource")
        assert [r.get("type") for r in resources] == ["imsqti_xmlv1p2"]
        listed = {f.get("href") for f in resources[0].findall(f"{CP}file")}
        assert listed == names - {"imsmanifest.xml"}, "the manifest lists exactly the package's files"
        root = ET.fromstring(z.read(resources[0].get("href")))
    assert root.tag == f"{Q}questestinterop"
    out = {}
    for item in root.iter(f"{Q}item"):
        meta = {f.findtext(f"{Q}fieldlabel"): f.findtext(f"{Q}fieldentry")
                for f in item.iter(f"{Q}qtimetadatafield")}
        lid = item.find(f"{Q}presentation/{Q}response_lid")
        labels = [(r.get("ident"), r.findtext(f"{Q}material/{Q}mattext")) for r in lid.iter(f"{Q}response_label")]
        conditions = item.findall(f"{Q}resprocessing/{Q}respcondition")
        scoring = [c for c in conditions if c.find(f"{Q}setvar") is not None]
        assert len(scoring) == 1 and scoring[0].findtext(f"{Q}setvar") == "100"
        feedback = {f.get("ident"): f.findtext(f"{Q}flow_mat/{Q}material/{Q}mattext")
                    for f in item.findall(f"{Q}itemfeedback")}
        shown = [c.find(f"{Q}displayfeedback").get("linkrefid") for c in conditions]
        assert set(shown) == set(feedback), "every feedback is shown by some condition"
        out[item.get("ident")] = {"title": item.get("title"), "meta": meta, "cardinality": lid.get("rcardinality"),
                                  "prompt": item.findtext(f"{Q}presentation/{Q}material/{Q}mattext"),
                                  "labels": labels, "when": scoring[0].find(f"{Q}conditionvar"), "feedback": feedback}
    return root, out


def holds(node: ET.Element, chosen: set) -> bool:
    """A QTI 1.2 condition, evaluated for the chosen response idents."""
    tag = node.tag.removeprefix(Q)
    if tag in ("conditionvar", "and"):
        return all(holds(n, chosen) for n in node)
    if tag == "or":
        return any(holds(n, chosen) for n in node)
    if tag == "not":
        return not holds(node[0], chosen)
    if tag == "varequal":
        return node.text in chosen
    raise AssertionError(f"a condition this test does not read: {tag}")


def moodle_score(answers: list, chosen: set, single: bool) -> float:
    """Moodle's multichoice grade (0 to 1) for the chosen answer positions."""
    total = sum(answers[i][1] for i in chosen) / 100
    return total if single else min(max(total, 0.0), 1.0)


def answers_to_try(item: Item):
    n = len(item.options)
    sizes = [1] if item.kind == "single" else range(n + 1)
    return [set(c) for r in sizes for c in itertools.combinations(range(n), r)]


@pytest.fixture(scope="module")
def bank():
    a = mbc.load()
    return a, items(a), qb.moodle_xml(atlas=a), qb.qti_package(atlas=a)


def check_moodle(data: bytes, bank_items: list, atlas) -> None:
    read = read_moodle(data)
    assert list(read) == [it.id for it in bank_items]
    for it in bank_items:
        q = read[it.id]
        assert q["prompt"] == prompt_html(it)
        assert q["single"] is (it.kind == "single")
        assert [html.unescape(text) for text, _ in q["answers"]] == [label for label, _ in it.options]
        right = [html.unescape(t) for t, f in q["answers"] if f > 0]
        assert right == (it.key_labels or [it.label(v) for _, v in it.options if v in it.optional])
        assert [f for (_, f), (_, v) in zip(q["answers"], it.options) if v in it.optional] == (
            [0.0] * len(it.optional) if it.key else [100.0] * len(it.optional))
        assert q["general"] == general_feedback_html(it, atlas)
        assert q["correct"] == verdict_html(it, True)
        assert q["partly"] == q["incorrect"] == verdict_html(it, False)


def check_qti(data: bytes, bank_items: list, atlas) -> None:
    _, read = read_qti(data)
    assert list(read) == [it.id for it in bank_items]
    for it in bank_items:
        q = read[it.id]
        single = it.kind == "single"
        assert q["meta"]["question_type"] == ("multiple_choice_question" if single else "multiple_answers_question")
        assert q["cardinality"] == ("Single" if single else "Multiple")
        assert q["prompt"] == prompt_html(it)
        assert [html.unescape(text) for _, text in q["labels"]] == [label for label, _ in it.options]
        ident = {v: i for (i, _), (_, v) in zip(q["labels"], it.options)}
        when = q["when"]
        if single:
            assert [v.text for v in when] == [ident[v] for v in it.key]
        else:
            both = when.find(f"{Q}and")
            assert [v.text for v in both.findall(f"{Q}varequal")] == [ident[v] for _, v in it.options if v in it.key]
            assert [n.findtext(f"{Q}varequal") for n in both.findall(f"{Q}not")] == [
                ident[v] for _, v in it.options if v not in it.key and v not in it.optional]
        assert q["feedback"] == {"general_fb": general_feedback_html(it, atlas), "correct_fb": verdict_html(it, True),
                                 "general_incorrect_fb": verdict_html(it, False)}


def test_moodle_reads_back_as_the_library_items(bank):
    a, bank_items, moodle, _ = bank
    check_moodle(moodle, bank_items, a)
    names = [q["name"] for q in read_moodle(moodle).values()]
    assert len(set(names)) == len(names)
    assert names[0].startswith("Q1. ") and any(n.startswith("Case 1. ") for n in names)


def test_qti_reads_back_as_the_library_items(bank):
    a, bank_items, _, qti = bank
    check_qti(qti, bank_items, a)
    root, _ = read_qti(qti)
    assert root.find(f"{Q}assessment").get("title") == qb.TITLE


def test_both_banks_grade_every_answer_as_the_self_check(bank):
    """Full marks exactly when the self-check says right, for every answer a learner could give; an optional
    category never costs a mark in Moodle; every Moodle grade is one Moodle's importer accepts."""
    _, bank_items, moodle, qti = bank
    m, (_, q) = read_moodle(moodle), read_qti(qti)
    for it in bank_items:
        values = [v for _, v in it.options]
        answers = m[it.id]["answers"]
        assert all(any(abs(f / 100 - g) < 1e-5 for g in MOODLE_GRADES) for _, f in answers), it.id
        idents = [i for i, _ in q[it.id]["labels"]]
        for chosen in answers_to_try(it):
            right = grade(it, {values[i] for i in chosen})
            assert (moodle_score(answers, chosen, it.kind == "single") > 1 - 1e-6) is right, (it.id, chosen)
            assert holds(q[it.id]["when"], {idents[i] for i in chosen}) is right, (it.id, chosen)
        optional = {values.index(v) for v in it.optional}
        if it.key and optional:
            key = {values.index(v) for v in it.key}
            assert moodle_score(answers, key | optional, False) == moodle_score(answers, key, False) == 1.0


@pytest.fixture(scope="session")
def qti_dtd(pytestconfig, tmp_path_factory):
    """The IMS QTI ASI 1.2.1 DTD (IMS, 14 Feb 2003, "approved as a Final release"), from the pyslet sdist (kept in
    pytest's cache, or fetched for this run when the cache is turned off)."""
    cache = getattr(pytestconfig, "cache", None)
    folder = cache.mkdir("ims_qti_dtd") if cache else tmp_path_factory.mktemp("ims_qti_dtd")
    dtd = folder / "ims_qtiasiv1p2p1.dtd"
    if not dtd.exists():
        got = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                              "--quiet", "-d", str(folder), PYSLET], capture_output=True, text=True, timeout=300)
        sdists = list(folder.glob("pyslet-*.tar.gz"))
        if got.returncode or not sdists:
            pytest.skip(f"could not download {PYSLET} (which ships the IMS QTI 1.2.1 DTD): {got.stderr[-300:]}")
        with tarfile.open(sdists[0]) as t:
            dtd.write_bytes(t.extractfile(DTD_IN_SDIST).read())
    assert hashlib.sha256(dtd.read_bytes()).hexdigest() == DTD_SHA256
    return dtd


def test_qti_assessment_is_valid_against_the_ims_dtd(bank, qti_dtd):
    """The DTD is the un-namespaced form of the schema: validate the assessment with its namespace taken off."""
    etree = pytest.importorskip("lxml.etree")
    _, _, _, qti = bank
    with zipfile.ZipFile(io.BytesIO(qti)) as z:
        doc = etree.fromstring(z.read(f"{qb.ASSESSMENT}/{qb.ASSESSMENT}.xml"))
    for e in doc.iter():
        e.tag = etree.QName(e).localname
    doc.attrib.clear()
    etree.cleanup_namespaces(doc)
    dtd = etree.DTD(str(qti_dtd))
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()
    idents = [e.get("ident") for e in doc.iter("item", "response_label")]
    assert len(set(idents)) == len(idents)


def test_every_text_is_escaped_and_read_back_exactly():
    """Markup, CDATA ends, quotes and ampersands in a prompt, a label or a quote come back as written."""
    a = mbc.load()
    nasty = 'a <b>bold</b> & "quoted" \'x\' ]]> </text> <![CDATA[ x ]]>'
    it = Item("nasty", "multiple", nasty, ((nasty, "a"), ("B & <i>c</i>", "b"), ("]]>", "c")), frozenset({"a"}),
              Explanation(intro=nasty, after="</mattext>"), "escaping", story=nasty, selection_labels=(nasty,),
              optional=frozenset({"b"}), optional_why=(("b", nasty),))
    check_moodle(qb.moodle_xml([it], a), [it], a)
    check_qti(qb.qti_package([it], a), [it], a)


def test_make_question_bank_writes_one_file_per_format(tmp_path):
    out = tmp_path / "out"
    make = subprocess.run(["make", "-n", "question-bank", f"OUT={out}"], cwd=ROOT, capture_output=True, text=True)
    assert f'-m mbc_atlas.render.question_bank --out "{out}"' in make.stdout, make.stdout + make.stderr
    run = subprocess.run([sys.executable, "-m", "mbc_atlas.render.question_bank", "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([qb.MOODLE_FILE, qb.QTI_FILE])
    assert (out / qb.QTI_FILE).read_bytes() == qb.qti_package(), "the same data give the same package"


def _rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


@pytest.mark.parametrize("seed", range(3))
def test_a_data_edit_check_passes_never_breaks_the_bank(data_copy, tmp_path, seed):
    """Remove one statement (a random one) from a copy of the data; when ``check`` passes, the command
    ``make question-bank`` runs, pointed at the copy by $MBC_ATLAS_DATA, writes both banks, and they read back
    as the copy's items."""
    path = data_copy / "statements.csv"
    rows = _rows(path)
    del rows[random.Random(seed).randrange(1, len(rows))]
    _write(path, rows)
    if mbc.check(data_copy):
        pytest.skip("check fails on this edit, so the promise does not apply")
    env = {**os.environ, "MBC_ATLAS_DATA": str(data_copy)}
    run = subprocess.run([sys.executable, "-m", "mbc_atlas.render.question_bank", "--out", str(tmp_path / "qb")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    a = mbc.load(data_copy)
    check_moodle((tmp_path / "qb" / qb.MOODLE_FILE).read_bytes(), items(a), a)
    check_qti((tmp_path / "qb" / qb.QTI_FILE).read_bytes(), items(a), a)
