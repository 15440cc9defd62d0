"""The theme: the palette and the named styles. The only module with a colour in it.

Like rich's ``default_styles``: every look has a name (``STYLES``); :func:`mbc_atlas.render.html.el` writes an
element with ``class="mbc-NAME"`` and that style, and :func:`stylesheet` gives the same names as CSS rules
(with the explorer's widget rules) for the pages that link a stylesheet (the offline site).

Text and surfaces follow JupyterLab's theme: they are written with Lab's CSS variables, each with a light
fallback for front ends without them (``var(--jp-content-font-color1, #222222)``), so the explorer and the
answers read in Lab's light, dark and high-contrast themes alike. A style sets a text colour and a
background from the same source (both Lab variables, or both fixed: the shaded cells), so the pair keeps
its contrast whichever theme is on; ``tests/test_theme.py`` checks every pair in light and dark.

The styles are written inline as well as by class: JupyterLab strips ``<style>`` from a saved notebook's
outputs until they are run again, but keeps inline styles.

Colour is never alone: every accent (a border, a fill) comes with words, a line style or a number.
"""
from __future__ import annotations

import re

__all__ = ["OKABE_ITO", "PALETTE", "INK", "INK_STRONG", "SURFACE", "PANEL", "LINK", "RULE", "STYLES",
           "GRID_SHADES", "EVIDENCE_SHADES", "CATEGORY_STYLE", "FALLBACK_STYLE", "FIGURE", "MATRIX_FILL",
           "LAB_THEMES", "contrast", "css_colour", "grid_legend", "important", "inline", "resolve", "stylesheet"]

#: Okabe-Ito, the colour-blind-safe palette every accent comes from.
OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000",
}
#: The neutrals beside it (fallbacks where no Lab theme is there, and the figures' greys).
PALETTE = {
    **OKABE_ITO,
    "white": "#FFFFFF",
    "ink": "#222222",           # body text, 16:1 on white
    "muted": "#4D4D4D",         # secondary figure text and edges, 8.5:1 on white
    "grey": "#767676",          # rules and outlines, 4.5:1 on white
    "panel": "#F2F2F2",         # quote and table-header panels
    "warm": "#FFF4EC",          # the educational-use note (outside Lab)
    "cream": "#FFF8E5",         # what is NOT from the texts (the developments band)
    "body": "#EDEDED",          # the body outline in the sites figure
    "body_edge": "#595959",
}

# Roles, each a Lab variable with its fallback.
INK = f"var(--jp-content-font-color1, {PALETTE['ink']})"
INK_STRONG = f"var(--jp-content-font-color0, {PALETTE['black']})"
SURFACE = f"var(--jp-layout-color0, {PALETTE['white']})"
PANEL = f"var(--jp-layout-color2, {PALETTE['panel']})"
WARM_PANEL = f"var(--jp-layout-color2, {PALETTE['warm']})"
LINK = f"var(--jp-content-link-color, {PALETTE['blue']})"
RULE = f"var(--jp-border-color1, {PALETTE['grey']})"

_TEXT = f"color:{INK}"
_LINE = "margin:2px 0"

#: Every named look: ``class="mbc-NAME"``. A name without properties is a hook for tests and scripts.
STYLES: dict[str, str] = {
    # the panes of an answer (explorer, scenario, self-check feedback)
    "pane": f"font-size:16px;line-height:1.45;{_TEXT};background:{SURFACE};padding:4px 8px",
    "heading": f"font-size:1.15em;font-weight:bold;margin:14px 0 6px 0;color:{INK_STRONG}",
    "line": _LINE,
    "para": "margin:4px 0",
    "small": "margin:2px 0;font-size:0.95em",
    "list": "margin:2px 0;padding-left:18px",
    "group-title": "margin:6px 0 2px 0",
    "chips": "list-style:none;padding:0;margin:0 0 6px 0",
    "chip": f"display:inline-block;margin:2px 8px 2px 0;padding:1px 8px;border:1px solid {OKABE_ITO['blue']};"
            "border-radius:10px",
    "statement": "margin:8px 0",
    "attribution": "margin:2px 0 2px 14px",
    "category": "padding:2px 10px;margin:10px 0",
    "category-associated": f"border-left:6px solid {OKABE_ITO['bluish_green']}",
    "category-none": f"border-left:6px dashed {PALETTE['grey']}",
    "tier": "padding:2px 10px;margin:10px 0",
    "tier-would_fit": f"border-left:6px dotted {OKABE_ITO['blue']}",
    "tier-does_not_fit": f"border-left:6px dashed {OKABE_ITO['vermillion']}",
    "silent": f"border-left:6px solid {INK_STRONG};background:{PANEL};{_TEXT};padding:2px 10px;margin:8px 0",
    "restricted": f"border-left:6px solid {OKABE_ITO['vermillion']};background:{PANEL};{_TEXT};"
                  "padding:4px 10px;margin:8px 0",
    # quotes: one look wherever a text is quoted
    "quote": f"border-left:4px solid {OKABE_ITO['blue']};margin:6px 0;padding:4px 10px;{_TEXT};"
             f"background:{PANEL}",
    "quote-context": "margin:4px 0 0 0;font-size:0.95em",
    "full-text": f"white-space:pre-wrap;border-left:4px solid {OKABE_ITO['blue']};background:{PANEL};{_TEXT};"
                 "padding:6px 12px;margin:6px 0 18px 0;max-width:46em",
    "term": "text-decoration:underline dotted;text-underline-offset:3px;cursor:help",
    "cite": f"{_TEXT};font-size:0.9em",
    # a disagreement: one look in the explorer, the comparison notebook and the self-check
    "disagreement": f"border-left:6px solid {OKABE_ITO['orange']};padding:2px 10px;margin:10px 0",
    "disagreement-heading": "margin:14px 0 4px",
    "sides": "display:flex;flex-wrap:wrap;gap:12px",
    "side": "flex:1 1 300px",
    # the evidence grid
    "grid-box": "",
    "grid": "border-collapse:collapse;margin:6px 0;font-size:16px",
    "caption": f"caption-side:top;text-align:left;font-weight:bold;padding:4px 0;font-size:16px;{_TEXT}",
    "cell": f"border:1px solid {RULE};padding:4px 10px;text-align:center;font-size:16px;{_TEXT};"
            f"background:{SURFACE}",
    "cell-head": "text-align:left",
    "total": f"border-top:3px double {INK}",
    "normal": "font-weight:normal",
    # lesson furniture
    "note": f"border-left:6px solid {OKABE_ITO['vermillion']};background:{WARM_PANEL};{_TEXT};padding:8px 12px;"
            "margin:8px 0;font-size:1.05em",
    "nav": "margin:8px 0;font-size:1.05em",
    "question": "margin:10px 0",
    "task": "margin:10px 0",      # an application task (render.tasks): a handout leaves it out, unlike a question
    "reveal": f"cursor:pointer;color:{LINK};margin:4px 0",
    "reveal-body": "padding:4px 12px",
    "key-points": "",
    "lead": "font-size:1.05em",
    "alt": f"border:1px solid {RULE};padding:6px 12px;margin:6px 0;{_TEXT}",
    "box": f"border:1px solid {RULE};padding:6px 12px;margin:6px 0;{_TEXT}",
    # the editors' voice: not from the texts (a dashed frame and its fence words, never the colour alone)
    "editors": f"border:2px dashed {OKABE_ITO['reddish_purple']};border-left:8px solid {OKABE_ITO['reddish_purple']};"
               f"background:{SURFACE};{_TEXT};padding:6px 12px;margin:8px 0",
    "editors-cite": f"{_TEXT};font-size:0.9em;margin:4px 0",
    "nursing": "margin:8px 0",
    "nursing-term": "font-weight:bold;margin-top:4px",
    "nursing-item": "margin:0 0 0 14px",
    "editors-drugs": "margin:4px 0",
    "summary-heading": "display:inline;font-size:1.05em;margin:0",
    # the self-check
    "case": f"border-left:4px solid {OKABE_ITO['blue']};padding:4px 10px;margin:4px 0",
    "feedback-right": f"border-left:6px solid {OKABE_ITO['bluish_green']};padding:4px 10px",
    "feedback-wrong": f"border-left:6px dashed {OKABE_ITO['vermillion']};padding:4px 10px",
    "score": f"border:2px solid {OKABE_ITO['blue']};padding:6px 12px;{_TEXT}",
}

# Hooks: names a test, a script or a stylesheet selects by, with no look of their own.
for _hook in ("summary", "answer", "definitions", "scenario", "disagreements", "instruments", "explanation",
              "quiz-disagreement", "feedback-empty", "feedback-optional", "appraisal-summary",
              "appraisal-reference", "appraisal-overview",
              # the offline site's explorer and self-check (their look is in the site's stylesheet)
              "offline-explorer", "offline-quiz", "offline-score", "off-group", "off-choice", "off-reset",
              "off-answer", "off-check", "off-feedback", "off-general", "off-score-text", "off-where", "off-download", "explorer-data",
              "quiz-data", "score-data"):
    STYLES.setdefault(_hook, "")

#: The evidence grid's shading: (fewest texts, style name, words for the legend). The number is always
#: written in the cell too. "0" takes the theme's own surface; the shaded cells are fixed pairs.
GRID_SHADES = (
    (0, "count-0", "unshaded"),
    (1, "count-1", "sky blue"),
    (3, "count-3", "blue"),
)
STYLES["count-0"] = f"background:{SURFACE};{_TEXT};font-weight:bold"
STYLES["count-1"] = f"background:{OKABE_ITO['sky_blue']};color:{OKABE_ITO['black']};font-weight:bold"
STYLES["count-3"] = f"background:{OKABE_ITO['blue']};color:{PALETTE['white']};font-weight:bold"

#: The lessons' evidence overview (a table): texts -> a fixed light-blue fill with black text.
EVIDENCE_SHADES = {"1": "#DDEFFA", "2": "#B8DFF5", "3": "#93CFF0", "more": "#7CC3EC"}

# -- tables (pandas Stylers): the same roles ----------------------------------------------------------------
TABLE_STYLES = [
    {"selector": "", "props": f"border-collapse:collapse;font-size:1em;{_TEXT};margin:6px 0"},
    {"selector": "caption", "props": f"caption-side:top;text-align:left;font-weight:bold;padding:4px 0;{_TEXT}"},
    {"selector": "th", "props": f"background:{PANEL};{_TEXT};text-align:left;vertical-align:bottom;"
                                f"padding:6px 8px;border-bottom:2px solid {RULE}"},
    {"selector": "td", "props": f"text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid {RULE}"},
]
#: Named looks for table cells.
CELL_STYLES = {
    "inferred": f"font-style:italic;border-left:4px dashed {RULE}",
    "not-stated": f"color:{INK};font-style:italic",
    "group-start": f"border-top:2px solid {RULE}",
    "bold": "font-weight:bold",
    "not-from-texts": f"border:3px double {INK}",
    "shade": f"color:{OKABE_ITO['black']};text-align:center;font-weight:bold",
    "on-fill": f"color:{OKABE_ITO['black']}",
    "dispute": f"outline:3px dashed {OKABE_ITO['vermillion']};outline-offset:-3px;font-weight:bold",
}
#: The comparison matrix: one fill per status (black text on each), and the edge of a disputed cell.
MATRIX_FILL = {"ties": OKABE_ITO["sky_blue"], "elsewhere": OKABE_ITO["yellow"], "silent": PALETTE["white"]}

# -- figures (matplotlib needs plain colours: figures are drawn on white) -----------------------------------
#: Each category's colour and hatching; labels always name the category too. Black text keeps 4.5:1 on each.
CATEGORY_STYLE = {
    "hormonal": {"color": OKABE_ITO["orange"], "hatch": "//"},
    "chemotherapy": {"color": OKABE_ITO["sky_blue"], "hatch": "\\\\"},
    "targeted": {"color": OKABE_ITO["bluish_green"], "hatch": "xx"},
    "radiation": {"color": OKABE_ITO["yellow"], "hatch": ".."},
    "surgery": {"color": OKABE_ITO["reddish_purple"], "hatch": "--"},
}
FALLBACK_STYLE = {"color": PALETTE["white"], "hatch": "oo"}
FIGURE = {
    "text": PALETTE["black"], "ink": "#333333", "muted": PALETTE["muted"], "background": PALETTE["white"],
    "panel": PALETTE["panel"], "body": PALETTE["body"], "body_edge": PALETTE["body_edge"],
    "accent": OKABE_ITO["blue"], "warn": OKABE_ITO["vermillion"], "met": OKABE_ITO["bluish_green"],
    "not_from_texts": PALETTE["cream"],
}

# -- the explorer's widgets (ipywidgets' own classes need selectors: they cannot take inline styles) --------
WIDGET_CSS = f"""
.mbc-explorer, .mbc-explorer .widget-label, .mbc-explorer .widget-label-basic,
.mbc-explorer .widget-toggle-button, .mbc-explorer .jupyter-button,
.mbc-explorer .widget-checkbox label, .mbc-explorer .widget-html-content {{ font-size: 16px; }}
.mbc-explorer .widget-toggle-buttons .widget-label, .mbc-explorer .mbc-group-label {{ font-weight: bold; }}
.mbc-explorer .widget-toggle-button, .mbc-explorer .jupyter-button {{ height: auto; min-height: 32px;
  white-space: normal; line-height: 1.2; padding: 4px 10px; }}
.mbc-explorer .widget-label {{ min-width: 15em; }}
.mbc-explorer .widget-checkbox {{ width: auto; margin-right: 18px; }}
.mbc-explorer .widget-checkbox input {{ width: 18px; height: 18px; }}
.mbc-explorer .jupyter-button:focus-visible, .mbc-explorer input:focus-visible {{
  outline: 3px solid {OKABE_ITO['blue']}; outline-offset: 2px; }}
.mbc-explorer .widget-toggle-button.mod-active {{ background: {OKABE_ITO['blue']}; color: {PALETTE['white']}; }}
"""

#: The offline site's own furniture (its pages are light: nbconvert's lab template).
SITE_CSS = f"""
.mbc-site-header {{ font-family: system-ui, sans-serif; padding: 6px 16px; border-bottom: 1px solid {RULE}; }}
.mbc-site-header a, .mbc-site-index a {{ color: {LINK}; }}
.mbc-site-index {{ font-family: system-ui, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
  line-height: 1.5; color: {INK}; }}
.mbc-site-index li {{ margin: .3em 0; }}
/* The explorer and the self-check with no kernel: large targets (at least 24 px), visible focus. */
.mbc-offline-explorer, .mbc-offline-quiz, .mbc-offline-score {{ font-size: 16px; line-height: 1.45; color: {INK}; }}
.mbc-offline-explorer fieldset, .mbc-offline-quiz fieldset {{ border: 1px solid {RULE}; margin: 8px 0;
  padding: 6px 10px; }}
.mbc-offline-explorer legend, .mbc-offline-quiz legend {{ font-weight: bold; padding: 0 4px; }}
.mbc-off-choice {{ display: inline-flex; align-items: center; min-height: 32px; padding: 2px 10px;
  margin: 3px 6px 3px 0; border: 1px solid {RULE}; border-radius: 6px; cursor: pointer; }}
.mbc-off-choice input {{ width: 22px; height: 22px; margin: 0 8px 0 0; }}
.mbc-off-choice:focus-within {{ outline: 3px solid {OKABE_ITO['blue']}; outline-offset: 2px; }}
.mbc-off-reset, .mbc-off-check, .mbc-off-download {{ font-size: 16px; min-height: 36px; padding: 4px 16px;
  margin: 6px 0; border: 2px solid {OKABE_ITO['blue']}; background: {SURFACE}; color: {LINK}; border-radius: 6px;
  cursor: pointer; }}
.mbc-off-reset:focus-visible, .mbc-off-check:focus-visible, .mbc-off-download:focus-visible {{
  outline: 3px solid {OKABE_ITO['blue']}; outline-offset: 2px; }}
.mbc-offline-score {{ border: 2px solid {OKABE_ITO['blue']}; padding: 6px 12px; margin: 8px 0; }}
"""


def inline(*names: str) -> str:
    """The inline style of one or more named looks ('' when none has properties)."""
    return ";".join(STYLES[n] for n in names if STYLES[n])


def stylesheet(site: bool = False) -> str:
    """Every named look as a CSS rule (``.mbc-NAME {...}``), the explorer's widget rules and, for the
    offline site, the site's own rules.

    The site's pages drop the inline styles (:func:`mbc_atlas.render.html.without_inline_looks`), so there each
    declaration of a look is ``!important``: it ranks as the inline style did, above the lab template's rules
    for the same elements (``.jp-RenderedHTMLCommon blockquote`` and the like), and the page looks the same."""
    rules = [f".mbc-{name} {{ {important(props) if site else props} }}" for name, props in STYLES.items() if props]
    return "\n".join(rules) + "\n" + WIDGET_CSS + (SITE_CSS if site else "")


def important(props: str) -> str:
    """Each declaration of a style string made ``!important``.

    >>> important("margin:2px 0;color:red")
    'margin:2px 0 !important;color:red !important'
    """
    return ";".join(f"{p} !important" for p in props.split(";") if p.strip())


# -- contrast ------------------------------------------------------------------------------------------------

#: What JupyterLab's light and dark themes set the variables used here to (JupyterLab 4), so that a test can
#: check each text/background pair in both; the browser test checks the dark theme in a real Lab too.
LAB_THEMES = {
    "light": {"--jp-content-font-color0": "#000000", "--jp-content-font-color1": "#212121",
              "--jp-layout-color0": "#FFFFFF", "--jp-layout-color2": "#EEEEEE",
              "--jp-content-link-color": "#0D47A1", "--jp-border-color1": "#BDBDBD"},
    "dark": {"--jp-content-font-color0": "#FFFFFF", "--jp-content-font-color1": "#FFFFFF",
             "--jp-layout-color0": "#111111", "--jp-layout-color2": "#424242",
             "--jp-content-link-color": "#64B5F6", "--jp-border-color1": "#616161"},
    # a front end with no Lab variables: every fallback applies
    "none": {},
}

_VAR = re.compile(r"var\((--[\w-]+),\s*(#[0-9A-Fa-f]{6})\)")


def resolve(value: str, theme: str = "none") -> str:
    """A CSS colour as one of :data:`LAB_THEMES` would compute it: ``var(--x, #fallback)`` -> '#RRGGBB'.

    >>> resolve(INK, "dark"), resolve(INK, "none")
    ('#FFFFFF', '#222222')
    """
    m = _VAR.fullmatch(value.strip())
    if m:
        return LAB_THEMES[theme].get(m.group(1), m.group(2))
    return value.strip()


def css_colour(props: str, prop: str) -> str | None:
    """The value of ``color`` or ``background`` in a style string (None when it does not set it)."""
    for part in props.split(";"):
        name, _, value = part.partition(":")
        if name.strip() == prop:
            return value.strip()
    return None


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two '#RRGGBB' colours (4.5 or more is readable text).

    >>> round(contrast("#000000", "#FFFFFF"), 1)
    21.0
    """
    def lum(c):
        rgb = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(foreground), lum(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def grid_legend() -> str:
    """The grid's shading in words, e.g. 'unshaded = 0, sky blue = 1–2, blue = 3 or more'.

    >>> grid_legend()
    'unshaded = 0, sky blue = 1–2, blue = 3 or more'
    """
    out = []
    for k, (lo, _, words) in enumerate(GRID_SHADES):
        hi = GRID_SHADES[k + 1][0] - 1 if k + 1 < len(GRID_SHADES) else None
        out.append(f"{words} = {lo}" + (" or more" if hi is None else "" if hi == lo else f"–{hi}"))
    return ", ".join(out)


def grid_shade(n: int) -> str:
    """The style name of a grid cell that counts ``n`` texts."""
    return [name for lo, name, _ in GRID_SHADES if n >= lo][-1]
