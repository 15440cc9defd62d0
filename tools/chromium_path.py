"""Which Chromium to drive: the one answer for the browser tests, the benchmarks and ``make handout``.

$MBC_CHROMIUM when it is set (``make test MBC_CHROMIUM=/path/to/chromium``), else ``chromium`` or
``chromium-browser`` found on PATH, else Debian's ``/usr/bin/chromium`` (``apt-get install chromium``).
"""
from __future__ import annotations

import os
import shutil

__all__ = ["DEBIAN_CHROMIUM", "ENV_VAR", "chromium_path"]

ENV_VAR = "MBC_CHROMIUM"
DEBIAN_CHROMIUM = "/usr/bin/chromium"
NAMES = ("chromium", "chromium-browser")


def chromium_path() -> str:
    """The Chromium executable to launch (it may not exist: the caller says so, naming $MBC_CHROMIUM)."""
    named = os.environ.get(ENV_VAR, "").strip()
    if named:
        return named
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return DEBIAN_CHROMIUM
