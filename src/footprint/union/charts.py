"""Static SVG bar charts of the union tables (pygal), readable without JavaScript.

Each chart draws only what its table shows: a hidden count has no bar and its label says
"fewer than 10". The SVG is inlined in the HTML with a role and a name, and its table follows it,
so a screen reader and a printout carry the same numbers.
"""

from __future__ import annotations

import re
from html import escape

from footprint.union.counts import Table

HIDDEN = "fewer than 10"
_COLOUR = "#1d4f91"  # dark blue: 8.6:1 on white


def _style() -> object:
    from pygal.style import Style

    return Style(
        background="white",
        plot_background="white",
        foreground="#1a1a1a",
        foreground_strong="#000000",
        foreground_subtle="#4a4a4a",
        colors=(_COLOUR,),
        font_family="Helvetica, Arial, sans-serif",
        label_font_size=13,
        major_label_font_size=13,
        value_font_size=12,
        title_font_size=15,
    )


def bar_chart(table: Table) -> str:
    """The table as a horizontal bar chart: an `<svg>` element for inlining."""
    import pygal  # only when charts are drawn: `footprint --help` stays fast

    rows = table.rows
    chart = pygal.HorizontalBar(
        style=_style(),
        show_legend=False,
        disable_xml_declaration=True,
        js=[],  # no script: a static picture
        width=720,
        height=max(160, 44 + 30 * len(rows)),
        print_values=True,
        print_values_position="top",
        margin=8,
        truncate_label=48,
        show_y_guides=False,
        show_x_guides=False,
    )
    ordered = list(reversed(rows))  # pygal draws the first label at the bottom
    chart.x_labels = [r.label if r.calls is not None else f"{r.label} ({HIDDEN})" for r in ordered]
    chart.add("Calls", [r.calls for r in ordered])
    svg = chart.render(is_unicode=True)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)  # pygal's banner comments
    # pygal embeds its configuration as a script even with no scripts to load: not needed to
    # read the picture, and a report that runs no code is one a union can open anywhere.
    svg = re.sub(r"<script\b.*?</script>", "", svg, flags=re.S | re.I)
    name = escape(f"Bar chart: {table.title}. The same numbers are in the table below.")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1)
