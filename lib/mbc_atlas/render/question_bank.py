"""The self-check's questions and cases as question banks a learning-management system imports (``make
question-bank``): Moodle XML, and QTI 1.2 in the form Canvas exports and imports (an IMS content package: a zip
with ``imsmanifest.xml`` and one assessment). Each question carries its prompt (a case with its story), its
options in the self-check's order, its key, and the feedback the self-check shows, quotes and sources included:
the verdict as the right and the wrong answer's feedback, then :func:`general_feedback_html` as the general one.

Grading, for the self-check's rule (:func:`mbc_atlas.quiz.grade`: the whole key and nothing else but
optional values):

- Moodle (multichoice; several answers for a "multiple" item): a key option earns ``100 / len(key)`` %, a wrong
  option -100 % (one wrong choice scores 0), an optional option 0 %, so an optional choice changes nothing and
  full marks come exactly when the self-check says right; a key left incomplete with no wrong choice earns its
  part. A case with no required category gives each optional one 100 % (Moodle caps the sum at 100 %).
- QTI: SCORE is set to 100 when every key option is chosen and no wrong one; an optional option is in neither
  list (QTI's own semantics give the self-check's rule). Canvas reads the first list as its correct answers and
  has no third state: it imports an optional option as a wrong one (docs/instructor_guide.md says so).

XML is written by :mod:`xml.etree.ElementTree`, so every text (HTML included) is escaped by the writer.
"""
from __future__ import annotations

import argparse
import io
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree as ET

from ..analysis.quiz import Item, items
from ..load import Atlas, atlas_or_default
from .feedback import general_feedback_html, prompt_html, verdict_html
from .html import Html

__all__ = ["TITLE", "MOODLE_FILE", "QTI_FILE", "QTI_NS", "CP_NS", "ASSESSMENT", "name", "label_html", "fractions",
           "moodle_xml", "qti_assessment", "qti_manifest", "qti_package", "write", "main"]

TITLE = "Metastatic breast cancer: what the texts say (self-check)"
MOODLE_FILE = "self_check_moodle.xml"
QTI_FILE = "self_check_qti.zip"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"      # the manifest namespace of Canvas's own export
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ASSESSMENT = "mbc_atlas_self_check"
#: A fixed time for every zip entry: the same data give the same package, byte for byte.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def name(item: Item, number: int) -> str:
    """A question's name in the bank, for the lecturer: numbered as in the self-check, then its first words."""
    words = item.story or item.prompt
    return f"{'Case ' if item.story else 'Q'}{number}. {words if len(words) <= 80 else words[:79] + chr(0x2026)}"


def _numbered(bank: Sequence[Item]) -> list[tuple[Item, str]]:
    questions = [it for it in bank if not it.story]
    cases = [it for it in bank if it.story]
    return [(it, name(it, k)) for group in (questions, cases) for k, it in enumerate(group, 1)]


def label_html(label: str) -> Html:
    """An option's label as HTML (both formats give option texts as HTML)."""
    return Html.escape(label)


def fractions(item: Item) -> list[float]:
    """Moodle's grade (a percentage) for each option, in order (see the module's note)."""
    if item.kind == "single":
        return [100.0 if v in item.key else 0.0 for _, v in item.options]
    share = 100.0 / len(item.key) if item.key else 100.0
    return [share if v in item.key else 0.0 if v in item.optional else -100.0 for _, v in item.options]


def _percent(x: float) -> str:
    """A fraction as Moodle writes it (at most 5 decimals: 33.33333, -100, 0)."""
    return f"{x:.5f}".rstrip("0").rstrip(".")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    e = ET.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrib.items()})
    if text is not None:
        e.text = str(text)
    return e


def _bytes(root: ET.Element, namespace: str | None = None) -> bytes:
    """The document; ``namespace`` is declared as the default one on the root, so no element needs a prefix
    (ElementTree's own ``default_namespace`` refuses attributes without one)."""
    if namespace:
        root.set("xmlns", namespace)
    ET.indent(root)
    out = io.BytesIO()
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return out.getvalue() + b"\n"


# -- Moodle XML ---------------------------------------------------------------------------------------------

def _moodle_text(parent: ET.Element, tag: str, html: str) -> None:
    _sub(_sub(parent, tag, format="html"), "text", html)


def moodle_xml(bank: Sequence[Item] | None = None, atlas: Atlas | None = None) -> bytes:
    """Every item as a Moodle multichoice question, in a category named :data:`TITLE`."""
    a = atlas_or_default(atlas)
    bank = items(a) if bank is None else bank
    quiz = ET.Element("quiz")
    category = _sub(_sub(quiz, "question", type="category"), "category")
    _sub(category, "text", f"$course$/top/{TITLE}")
    for it, title in _numbered(bank):
        q = _sub(quiz, "question", type="multichoice")
        _sub(_sub(q, "name"), "text", title)
        _moodle_text(q, "questiontext", prompt_html(it))
        _moodle_text(q, "generalfeedback", general_feedback_html(it, a))
        _sub(q, "defaultgrade", "1")
        _sub(q, "hidden", "0")
        _sub(q, "idnumber", it.id)
        _sub(q, "single", "true" if it.kind == "single" else "false")
        _sub(q, "shuffleanswers", "false")       # the self-check's order: "None" stays last
        _sub(q, "answernumbering", "none")
        _moodle_text(q, "correctfeedback", verdict_html(it, True))
        _moodle_text(q, "partiallycorrectfeedback", verdict_html(it, False))
        _moodle_text(q, "incorrectfeedback", verdict_html(it, False))
        for (label, _), fraction in zip(it.options, fractions(it)):
            answer = _sub(q, "answer", fraction=_percent(fraction), format="html")
            _sub(answer, "text", label_html(label))
            _moodle_text(answer, "feedback", "")
    return _bytes(quiz)


# -- QTI 1.2, Canvas's form ---------------------------------------------------------------------------------

def _mattext(parent: ET.Element, html: str) -> None:
    _sub(_sub(parent, "material"), "mattext", html, texttype="text/html")


def _meta(parent: ET.Element, fields: dict) -> None:
    md = _sub(parent, "qtimetadata")
    for label, entry in fields.items():
        f = _sub(md, "qtimetadatafield")
        _sub(f, "fieldlabel", label)
        _sub(f, "fieldentry", entry)


def _always(rp: ET.Element, linkrefid: str) -> None:
    """Show the feedback ``linkrefid`` whatever was chosen (and go on to the next condition)."""
    cond = _sub(rp, "respcondition", continue_="Yes")
    _sub(_sub(cond, "conditionvar"), "other")
    _sub(cond, "displayfeedback", feedbacktype="Response", linkrefid=linkrefid)


def _scores(rp: ET.Element, chosen: Sequence[str], not_chosen: Sequence[str] | None) -> None:
    """SCORE 100 and the right answer's feedback when every ident of ``chosen`` is chosen and none of
    ``not_chosen``; ``None`` for a single-answer question, whose one key ident is enough."""
    cond = _sub(rp, "respcondition", continue_="No")
    var = _sub(cond, "conditionvar")
    if not_chosen is None:
        _sub(var, "varequal", chosen[0], respident="response1")
    else:
        both = _sub(var, "and")
        for ident in chosen:
            _sub(both, "varequal", ident, respident="response1")
        for ident in not_chosen:
            _sub(_sub(both, "not"), "varequal", ident, respident="response1")
    _sub(cond, "setvar", "100", action="Set", varname="SCORE")
    _sub(cond, "displayfeedback", feedbacktype="Response", linkrefid="correct_fb")


def _qti_item(section: ET.Element, it: Item, title: str, atlas: Atlas) -> None:
    idents = [f"{it.id}_{k}" for k in range(1, len(it.options) + 1)]
    by_value = {v: ident for (_, v), ident in zip(it.options, idents)}
    single = it.kind == "single"
    item = _sub(section, "item", ident=it.id, title=title)
    _meta(_sub(item, "itemmetadata"), {"question_type": "multiple_choice_question" if single
                                        else "multiple_answers_question",
                                        "points_possible": "1", "original_answer_ids": ",".join(idents)})
    presentation = _sub(item, "presentation")
    _mattext(presentation, prompt_html(it))
    lid = _sub(presentation, "response_lid", ident="response1", rcardinality="Single" if single else "Multiple")
    choices = _sub(lid, "render_choice", shuffle="No")
    for (label, _), ident in zip(it.options, idents):
        _mattext(_sub(choices, "response_label", ident=ident), label_html(label))
    rp = _sub(item, "resprocessing")
    _sub(_sub(rp, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    _always(rp, "general_fb")
    key = [by_value[v] for _, v in it.options if v in it.key]
    wrong = [by_value[v] for _, v in it.options if v not in it.key and v not in it.optional]
    _scores(rp, key, None if single else wrong)
    _always(rp, "general_incorrect_fb")
    for ident, html in (("general_fb", general_feedback_html(it, atlas)), ("correct_fb", verdict_html(it, True)),
                        ("general_incorrect_fb", verdict_html(it, False))):
        _mattext(_sub(_sub(item, "itemfeedback", ident=ident), "flow_mat"), html)


def qti_assessment(bank: Sequence[Item] | None = None, atlas: Atlas | None = None) -> bytes:
    """Every item in one QTI 1.2 assessment (Canvas makes a quiz and a question bank of it)."""
    a = atlas_or_default(atlas)
    bank = items(a) if bank is None else bank
    root = ET.Element("questestinterop",
                      {f"{{{XSI}}}schemaLocation": f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"})
    assessment = _sub(root, "assessment", ident=ASSESSMENT, title=TITLE)
    _meta(assessment, {"cc_maxattempts": "1"})
    section = _sub(assessment, "section", ident="root_section")
    for it, title in _numbered(bank):
        _qti_item(section, it, title, a)
    return _bytes(root, QTI_NS)


def qti_manifest(files: Sequence[str]) -> bytes:
    """The package's ``imsmanifest.xml``: one QTI resource that lists ``files`` (the first is the assessment)."""
    root = ET.Element("manifest", identifier=f"{ASSESSMENT}_package")
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", "IMS Content")
    _sub(metadata, "schemaversion", "1.1.3")
    _sub(root, "organizations")
    resource = _sub(_sub(root, "resources"), "resource", identifier=ASSESSMENT, type="imsqti_xmlv1p2", href=files[0])
    for f in files:
        _sub(resource, "file", href=f)
    return _bytes(root, CP_NS)


def qti_package(bank: Sequence[Item] | None = None, atlas: Atlas | None = None) -> bytes:
    """The zip Canvas imports as a "QTI .zip file": ``imsmanifest.xml`` and the assessment."""
    assessment = f"{ASSESSMENT}/{ASSESSMENT}.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in (("imsmanifest.xml", qti_manifest([assessment])),
                           (assessment, qti_assessment(bank, atlas))):
            z.writestr(zipfile.ZipInfo(path, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write(out: str | Path = "question-bank", atlas: Atlas | None = None) -> list[Path]:
    """Write both banks into the folder ``out``; return their paths."""
    a = atlas_or_default(atlas)
    bank = items(a)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file, data in ((MOODLE_FILE, moodle_xml(bank, a)), (QTI_FILE, qti_package(bank, a))):
        (folder / file).write_bytes(data)
        written.append(folder / file)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m mbc_atlas.render.question_bank [--out FOLDER] [--data DATA_DIR]`` (``make question-bank``)."""
    parser = argparse.ArgumentParser(prog="python -m mbc_atlas.render.question_bank",
                                     description="Write the self-check as question banks: Moodle XML and QTI 1.2.")
    parser.add_argument("--out", default="question-bank", help="the folder to write into (default: question-bank)")
    parser.add_argument("--data", default=None, help="the data folder (default: $MBC_ATLAS_DATA, else data/)")
    args = parser.parse_args(argv)
    for path in write(args.out, atlas_or_default(args.data)):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
