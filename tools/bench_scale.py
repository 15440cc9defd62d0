"""How the explorer and the site build grow with the data (``make bench`` section ``scale``): copies of data/
with every statement repeated 10 and 50 times (new ids, the same verbatim quotes), then the Python toggle time
along a seeded random walk, and the site build's explorer data (``render.offline.explorer_data``). Linear
growth puts the 50x build at five times the 10x build."""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pandas as pd

import mbc_atlas as mbc
from mbc_atlas.render.offline import explorer_data

ROOT = Path(__file__).resolve().parents[1]
FACTORS = (1, 10, 50)


def scaled_copy(folder: Path, factor: int) -> Path:
    """data/ copied to ``folder`` with statements.csv repeated ``factor`` times."""
    shutil.copytree(ROOT / "data", folder)
    st = pd.read_csv(folder / "statements.csv", dtype=str, keep_default_na=False)
    copies = [st] + [st.assign(statement_id=st["statement_id"] + f"-x{i}") for i in range(1, factor)]
    pd.concat(copies).to_csv(folder / "statements.csv", index=False)
    return folder


def _build_ms(atlas, runs: int, summarize) -> dict:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        explorer_data(atlas)
        samples.append((time.perf_counter() - t) * 1000)
    return summarize(samples)


def scale_section(summarize, walk, runs: int = 3) -> dict:
    """``walk(atlas)`` times the random walk of toggles (bench.python_random_combinations) on one copy."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in FACTORS:
            atlas = mbc.load(scaled_copy(Path(tmp) / f"x{k}", k))
            out[f"toggle_x{k}"] = walk(atlas)
            out[f"site_data_x{k}"] = _build_ms(atlas, runs, summarize)
    out["site_data_ratio_50_to_10"] = round(out["site_data_x50"]["median_ms"] / out["site_data_x10"]["median_ms"], 2)
    return out
