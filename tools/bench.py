"""How quickly the explorer answers (``make bench``). A measurement, not a test: it prints a table and
writes ``bench/results.json``; nothing fails when a number is slow.

Sections (run them all, or name some: ``python tools/bench.py python``):

- ``python``: Python-side time from one control change to the new answer (the observer renders the
  summary, grid and answer and sets the three HTML widgets), over every single characteristic switched on
  from the empty state, and over a seeded random walk of single changes visiting 2,000 combinations.
- ``browser``: click-to-updated-answer in Chromium through Voila: from the click on a toggle or checkbox
  (dispatched in the page) until the last widget that must change has changed and a frame has been drawn.
- ``collection``: each notebook's run time against a floor notebook, start-up, kernel memory
  (tools/bench_collection.py).
- ``scale``: the Python toggle time and the site build's explorer data for today's data and for copies with
  ten and fifty times the statements (tools/bench_scale.py).
- ``site`` and ``room``: the offline site's weight and page loads, and ``make explorer``'s kernel-free explorer
  against the bare-Voila floor with 300 simulated students (tools/bench_site.py).
- ``class``: a class's load (tools/bench_class.py): the explorer as ``make explorer`` serves a room against a
  bare-Voila floor, kernels given back after visits, thirty students on Voila and thirty on the JupyterHub.

Each section is a function returning a dict; ``SECTIONS`` maps names to them, so more can be added.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_class import class_section
from bench_collection import collection_section
from bench_scale import scale_section
from bench_site import room_section, site_section
from chromium_path import chromium_path
from mbc_atlas.render.answer import view
from mbc_atlas.widgets import explorer as ex

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"
SEED = 20261123
GOAL_MS = 20.0


def summarize(samples_ms) -> dict:
    """median, p95 (nearest rank), max and count of a list of milliseconds."""
    s = sorted(samples_ms)
    p95 = s[max(0, int(round(0.95 * len(s))) - 1)]
    return {"n": len(s), "median_ms": round(statistics.median(s), 3), "p95_ms": round(p95, 3),
            "max_ms": round(s[-1], 3)}


# -- the Python side ----------------------------------------------------------------------------------

def _click(app, cid, on=True):
    """Change one control as a learner would; return the milliseconds until the answer is new."""
    group = app.renderer.atlas["characteristics"].set_index("characteristic").loc[cid, "group"]
    control = app.controls.get(group) or app.controls[cid]
    value = (cid if on else ex.NOT_SET) if group in app.controls else on
    before = app.answer_html.value, app.summary_html.value
    t = time.perf_counter()
    control.value = value
    ms = (time.perf_counter() - t) * 1000
    assert (app.answer_html.value, app.summary_html.value) != before, cid
    return ms


def python_single_toggles(rounds: int = 5) -> dict:
    """Each characteristic switched on from the empty state, ``rounds`` times."""
    app = ex.explorer()
    ids = list(app.renderer.char_label)
    samples = []
    for _ in range(rounds):
        for cid in ids:
            app.reset()
            samples.append(_click(app, cid))
    return summarize(samples) | {"what": f"each of {len(ids)} characteristics switched on from empty, "
                                         f"{rounds} rounds"}


def random_walk(n: int, seed: int = SEED):
    """``n`` single changes, each to a random control: a one-choice group moves to another of its values
    (or 'not set'), a checkbox flips. Yields (control key, new value)."""
    r = view()
    rng = random.Random(seed)
    state = {}
    for group, _label, choose, ids in r.groups:
        if choose == "one":
            state[group] = ex.NOT_SET
        else:
            state.update({i: False for i in ids})
    options = {g: [ex.NOT_SET] + ids for g, _l, c, ids in r.groups if c == "one"}
    keys = list(state)
    for _ in range(n):
        k = rng.choice(keys)
        if k in options:
            state[k] = rng.choice([v for v in options[k] if v != state[k]])
        else:
            state[k] = not state[k]
        yield k, state[k]


def python_random_combinations(n: int = 2000, seed: int = SEED, atlas=None) -> dict:
    """One change at a time along a seeded random walk that visits ``n`` combinations (of ``atlas``, or of
    data/)."""
    app = ex.explorer(atlas)
    samples, seen = [], set()
    for key, value in random_walk(n, seed):
        t = time.perf_counter()
        app.controls[key].value = value
        samples.append((time.perf_counter() - t) * 1000)
        seen.add(tuple(app.selection))
    return summarize(samples) | {"what": f"{n} single changes along a random walk (seed {seed}), "
                                         f"{len(seen)} distinct combinations"}


def python_section() -> dict:
    single = python_single_toggles()
    walk = python_random_combinations()
    return {"single_toggles": single, "random_combinations": walk, "goal_p95_ms": GOAL_MS}


# -- the browser (Voila) --------------------------------------------------------------------------------

_CLICK_JS = """async ([kind, key, value, selection]) => {
  const root = document.querySelector('.mbc-explorer');
  let el;
  if (kind === 'toggle') {
    el = Array.from(root.querySelectorAll(`.mbc-group-${key} button`)).find(b => b.textContent.trim() === value);
  } else {
    el = root.querySelector(`.mbc-ctl-${key} input[type=checkbox]`);
  }
  // summary, grid and answer are set in that order; the answer is the last to show the new selection
  const target = root.querySelector('.mbc-answer-widget');
  const done = () => ['.mbc-summary', '.mbc-answer'].every(s => {
    const part = root.querySelector(s);
    return part && part.dataset.selection === selection;
  });
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no update within 10 s')), 10000);
    const obs = new MutationObserver(() => {
      if (!done()) return;
      obs.disconnect();
      requestAnimationFrame(() => { clearTimeout(timer); resolve(performance.now() - t0); });
    });
    obs.observe(target, {subtree: true, childList: true, characterData: true, attributes: true});
    const t0 = performance.now();
    el.click();
  });
}"""


def browser_voila_clicks(clicks: int = 40, warmup: int = 3, seed: int = SEED) -> dict:
    """Click-to-updated-answer in Chromium through Voila, over ``clicks`` clicks of a seeded random walk."""
    sys.path.insert(0, str(ROOT))
    from tests.browser import chromium, chromium_missing_reason, voila_server

    reason = chromium_missing_reason()
    if reason:
        return {"skipped": reason}
    r = view()
    one = {g for g, _l, c, _i in r.groups if c == "one"}
    samples = []
    with tempfile.TemporaryDirectory(prefix="mbc-bench-") as tmp:
        tmp = Path(tmp)
        with voila_server(tmp) as base, chromium(tmp) as ctx:
            page = ctx.new_page()
            page.goto(base + "/", timeout=90_000)
            page.wait_for_selector(".mbc-explorer .mbc-summary-widget", timeout=120_000)
            page.wait_for_timeout(500)
            app = ex.explorer()   # a twin in this process, to know what the page must show next
            for i, (key, value) in enumerate(random_walk(clicks + warmup, seed)):
                app.controls[key].value = value
                selection = " ".join(app.selection)
                if key in one:
                    label = ex.NOT_SET_LABEL if value == ex.NOT_SET else r.char_label[value]
                    ms = page.evaluate(_CLICK_JS, ["toggle", key, label, selection])
                else:
                    ms = page.evaluate(_CLICK_JS, ["checkbox", key, "", selection])
                if i >= warmup:
                    samples.append(ms)
            shown = page.locator(".mbc-explorer .mbc-summary-widget").inner_text()
            assert all(r.char_label[c] in shown for c in app.selection), "the page and its twin disagree"
    return summarize(samples) | {"what": f"{clicks} clicks (after {warmup} warm-up) on a random walk "
                                         f"(seed {seed}); click to the answer showing the new selection, redrawn",
                                 "chromium": _chromium_version()}


def _chromium_version() -> str:
    try:
        return subprocess.run([chromium_path(), "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def browser_section() -> dict:
    return {"voila_clicks": browser_voila_clicks()}


SECTIONS = {"python": python_section, "browser": browser_section, "collection": collection_section,
            "class": class_section, "site": site_section, "room": room_section, "scale": lambda: scale_section(summarize, lambda atlas: python_random_combinations(300, atlas=atlas))}


# -- report ----------------------------------------------------------------------------------------------

def environment() -> dict:
    import ipywidgets
    import pandas

    return {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
            "pandas": pandas.__version__, "ipywidgets": ipywidgets.__version__}


def _class_rows(prefix: str, s: dict):
    """Rows for the class section's nested figures: timings in ms, failures, kernels given back, memory."""
    for name, v in s.items():
        key = f"{prefix}.{name}"
        if name == "failures":
            yield (key, "-", str(v), "", "")
        elif name == "returned_to_pool_after_s":
            yield (f"{prefix}.kernels_back_to_pool_s", "-", str(v), "", "")
        elif name == "all_stopped_after_s":
            yield (f"{prefix}.all_servers_stopped_after_s", "-", str(v), "", "")
        elif not isinstance(v, dict):
            continue
        elif "median_ms" in v:
            yield (key, str(v["n"]), f'{v["median_ms"]:.0f}', f'{v["p95_ms"]:.0f}', f'{v["max_ms"]:.0f}')
        elif "median_s" in v:
            ratio = f' (x{v["ratio_to_floor"]:.2f} floor)' if "ratio_to_floor" in v else ""
            yield (key, str(v["n"]), f'{v["median_s"] * 1000:.0f}{ratio}', f'{v["p95_s"] * 1000:.0f}',
                   f'{v["max_s"] * 1000:.0f}')
        elif "rss_total_mib" in v:
            yield (key, str(v["count"]), f'{v["rss_median_mib"]:.0f} MiB each', f'{v["rss_total_mib"]:.0f} MiB in all',
                   f'USS {v["uss_total_mib"]:.0f}')
        elif v.get("n") == 0:
            yield (key, "0", "-", "", "")
        else:
            yield from _class_rows(key, v)


def table(results: dict) -> str:
    rows = [("measure", "n", "median ms", "p95 ms", "max ms")]
    for section, parts in results.items():
        if not isinstance(parts, dict):
            continue
        if section == "class":
            rows.extend(_class_rows(section, parts))
            continue
        for name, s in parts.items():
            if isinstance(s, dict) and "median_ms" in s:
                rows.append((f"{section}.{name}", str(s["n"]), f'{s["median_ms"]:.2f}', f'{s["p95_ms"]:.2f}',
                             f'{s["max_ms"]:.2f}'))
            elif isinstance(s, dict) and "median_s" in s:
                rows.append((f"{section}.{name}", str(s.get("runs", s.get("n"))), f'{s["median_s"] * 1000:.0f}',
                             f'x{s["ratio_to_floor"]:.2f} floor' if "ratio_to_floor" in s else "", ""))
            elif isinstance(s, dict) and "median_peak_mib" in s:
                rows.append((f"{section}.{name}", str(s["runs"]), f'{s["median_peak_mib"]:.0f} MiB peak', "", ""))
            elif isinstance(s, dict) and "skipped" in s:
                rows.append((f"{section}.{name}", "-", "skipped", s["skipped"][:40], ""))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sections", nargs="*", help=f"which to run (default: all of {', '.join(SECTIONS)})")
    args = parser.parse_args(argv)
    names = args.sections or list(SECTIONS)
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    previous = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    results = dict(previous)
    for name in names:
        print(f"running {name} ...", flush=True)
        results[name] = SECTIONS[name]()
        if name == "class" and isinstance(previous.get(name), dict):
            # MBC_BENCH_CLASS may run only some of its parts: keep the others' last results
            results[name] = previous[name] | results[name]
    results["environment"] = environment()
    results["measured"] = time.strftime("%Y-%m-%d")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(table({k: v for k, v in results.items() if k in names}))
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return results


if __name__ == "__main__":
    main()
