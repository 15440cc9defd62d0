"""The theme: every text colour keeps WCAG contrast (4.5:1) on its background, in JupyterLab's light and dark
themes and with no Lab at all; accents are Okabe-Ito; colour never carries meaning alone. And the small HTML
writer escapes every text and attribute."""
import re

import pytest

from mbc_atlas.render import html, theme
from mbc_atlas.render.theme import INK, OKABE_ITO, PANEL, STYLES, SURFACE, contrast, css_colour, resolve

THEMES = list(theme.LAB_THEMES)
OKABE = set(OKABE_ITO.values())


def pairs():
    """(style name, text colour, background) for every style that sets a text colour or a background; text
    without its own background sits on the pane or on a panel (a quote), so both are checked."""
    for name, props in STYLES.items():
        fg, bg = css_colour(props, "color"), css_colour(props, "background")
        if fg is None and bg is None:
            continue
        for under in ([bg] if bg else [SURFACE, PANEL]):
            yield name, fg or INK, under


@pytest.mark.parametrize("lab", THEMES)
@pytest.mark.parametrize("name,fg,bg", list(pairs()), ids=lambda v: v if isinstance(v, str) and "var" not in v
                         and "#" not in v else "")
def test_every_named_style_keeps_contrast_in_every_lab_theme(lab, name, fg, bg):
    ratio = contrast(resolve(fg, lab), resolve(bg, lab))
    assert ratio >= 4.5, f"{name} in {lab}: {resolve(fg, lab)} on {resolve(bg, lab)} is {ratio:.2f}:1"


def test_a_style_takes_text_and_background_from_the_same_source():
    """Both Lab variables or both fixed: a fixed background under the theme's text colour would be white
    text on a light box in the dark theme."""
    for name, props in STYLES.items():
        fg, bg = css_colour(props, "color"), css_colour(props, "background")
        if fg and bg:
            assert fg.startswith("var(") == bg.startswith("var("), name


def test_tables_links_and_widgets_keep_contrast():
    for lab in THEMES:
        th = dict(p.split(":", 1) for p in theme.TABLE_STYLES[2]["props"].split(";"))
        assert contrast(resolve(th["color"], lab), resolve(th["background"], lab)) >= 4.5
        assert contrast(resolve(theme.LINK, lab), resolve(SURFACE, lab)) >= 4.5
    assert contrast(theme.PALETTE["white"], OKABE_ITO["blue"]) >= 4.5            # the chosen toggle
    for fill in [*theme.EVIDENCE_SHADES.values(), *theme.MATRIX_FILL.values()]:
        assert contrast(OKABE_ITO["black"], fill) >= 4.5                        # black text on each fill
    for style in theme.CATEGORY_STYLE.values():
        assert contrast(OKABE_ITO["black"], style["color"]) >= 4.5              # figure labels on a badge
    for colour in ("text", "ink", "muted"):
        assert contrast(theme.FIGURE[colour], theme.FIGURE["background"]) >= 4.5


def test_accents_are_okabe_ito_and_never_alone():
    borders = re.compile(r"border(?:-left)?:\d+px (\w+) (#[0-9A-Fa-f]{6})")
    for name, props in STYLES.items():
        for _line, colour in borders.findall(props):
            assert colour in OKABE | {theme.PALETTE["grey"]}, name
    # the tiers and categories differ by line style as well as by colour
    lines = {n: borders.findall(STYLES[n])[0][0] for n in ("category-associated", "category-none", "tier-would_fit",
                                                           "tier-does_not_fit")}
    assert len(set(lines.values())) >= 3, lines
    assert {s["color"] for s in theme.CATEGORY_STYLE.values()} <= OKABE
    assert len({s["hatch"] for s in theme.CATEGORY_STYLE.values()}) == len(theme.CATEGORY_STYLE)


def test_the_grid_legend_names_every_shade():
    assert theme.grid_legend() == "unshaded = 0, sky blue = 1–2, blue = 3 or more"
    assert [theme.grid_shade(n) for n in range(5)] == ["count-0", "count-1", "count-1", "count-3", "count-3"]


def test_the_stylesheet_has_a_rule_for_every_named_look():
    css, lab = theme.stylesheet(site=True), theme.stylesheet()
    for name, props in STYLES.items():
        if props:
            assert f".mbc-{name} {{ {props} }}" in lab
            assert f".mbc-{name} {{ {theme.important(props)} }}" in css     # the site drops the inline styles
    assert ".mbc-explorer .widget-toggle-button.mod-active" in css and ".mbc-site-header" in css


# -- the one writer of tags -----------------------------------------------------------------------------------

def test_el_escapes_children_and_attributes_and_keeps_markup():
    out = html.el("div", "<b>&", html.el("em", "x"), cls="para", data_selection='a" onmouseover="b', title="<t>")
    assert out.startswith('<div class="mbc-para" data-selection="a&quot; onmouseover=&quot;b" title="&lt;t&gt;" '
                          'style="margin:4px 0">&lt;b&gt;&amp;<em>x</em></div>')
    assert html.Html("<p>") + "<img>" == "<p>&lt;img&gt;" and "<img>" + html.Html("<p>") == "&lt;img&gt;<p>"
    assert html.join(["<a>", html.Html("<b>")], ", ") == "&lt;a&gt;, <b>"
    assert html.text("a\n<b>") == "a<br>&lt;b&gt;"
    assert html.el("br") == "<br>" and html.el("p", None, "", False) == "<p></p>"
    with pytest.raises(KeyError):
        html.el("p", cls="no-such-look")          # a look has a name in the theme, or it does not exist


def test_a_quote_and_a_disagreement_have_one_look():
    q = html.quote("Words <here>.", "A source", "a kind", "why", context="The heading", also="Again")
    assert q.startswith('<blockquote class="mbc-quote"') and "“Words &lt;here&gt;.”" in q
    assert "In the context of: “The heading”" in q and "— A source (a kind) — why</cite>" in q
    d = html.disagreement("They differ.", "kind", ("A", q), ("B", q), "x_y", heading="1. Kind")
    assert d.startswith('<section class="mbc-disagreement" id="disagreement-x_y" data-disagreement="x_y"')
    assert d.count("<blockquote") == 2 and "<strong>A says:</strong>" in d
