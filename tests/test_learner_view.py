"""What a learner who does not code sees: no code unless they ask for it, and no internal id, Python name or
file name in anything shown (prose, tables, figures' words, answers)."""
import json
import re

import pytest

from mbc_atlas.render.html import visible_text

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def internal_names(atlas) -> re.Pattern:
    """Ids from data/ that a reader could take for words of the lesson (snake_case or numbered), the notebooks'
    file names, and file endings."""
    ids = set()
    for table, column in (("statements", "statement_id"), ("passages", "passage_id"), ("disagreements", "disagreement_id"),
                          ("characteristics", "characteristic"), ("sources", "source_id"), ("editor_notes", "note_id"),
                          ("stances", "stance"), ("drugs", "nursing_class")):
        # a drug class of several words ("anti-HER2 antibody") is a heading and a phrase of the notes, not an id
        ids |= {i for i in atlas[table][column] if "_" in i or (re.search(r"\d", i) and " " not in i)}
    ids |= {p.stem for p in NOTEBOOKS}
    words = "|".join(sorted(map(re.escape, ids), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({words})(?![\w-])|\.(csv|ipynb|py|md)\b|\bmbc_atlas\b|\bmbc\.")


def shown(cell) -> list[str]:
    """What a reader sees of a cell: its prose (link targets left out) or its outputs, as visible text."""
    if cell["cell_type"] == "markdown":
        return [re.sub(r"\]\([^)]*\)", "]", "".join(cell["source"]))]
    out = []
    for o in cell.get("outputs", []):
        data = o.get("data", {})
        if "text/html" in data:
            out.append(visible_text("".join(data["text/html"])))
        elif "text/plain" in data and "application/vnd.jupyter.widget-view+json" not in data:
            out.append("".join(data["text/plain"]))
        out.append("".join(o.get("text", "")))
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_is_folded_in_jupyterlab(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    unfolded = [i for i, c in enumerate(cells) if c["cell_type"] == "code"
                and not c["metadata"].get("jupyter", {}).get("source_hidden")]
    assert not unfolded, f"{path.name}: code cells {unfolded} show their code (set jupyter.source_hidden)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_nothing_internal_is_shown(atlas, path):
    pattern = internal_names(atlas)
    found = []
    for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        for text in shown(cell):
            found += [f"cell {i}: {m.group(0)!r} in …{text[max(0, m.start() - 40):m.end() + 20]!r}"
                      for m in pattern.finditer(text)]
    assert not found, f"{path.name}:\n" + "\n".join(found[:20])


def test_the_scan_finds_what_it_looks_for(atlas):
    pattern = internal_names(atlas)
    assert pattern.search("see disagreement 1 (after_hormonal_stops)") and pattern.search("data/sources.csv")
    assert pattern.search("read 01_the_big_picture first") and not pattern.search("hormone-receptor-positive cancer")
