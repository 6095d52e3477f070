"""The union statistics as HTML (tables and charts, prints cleanly), CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from footprint import __version__
from footprint.union.charts import HIDDEN, bar_chart
from footprint.union.counts import Stats
from footprint.union.suppress import RULE_DETAIL, RULE_HEADING, Cell

FORMATS = ("html", "csv", "json")


def _shown(value: Cell) -> str:
    return HIDDEN if value is None else str(value)


def render_html(stats: Stats) -> str:
    env = Environment(
        loader=PackageLoader("footprint.union", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["shown"] = _shown
    charts = {t.id: bar_chart(t) for t in stats.tables if t.chart and t.rows}
    return env.get_template("stats.html").render(
        stats=stats,
        charts=charts,
        version=__version__,
        hidden=HIDDEN,
        rule_heading=RULE_HEADING,
        rule_detail=RULE_DETAIL,
    )


def render_csv(stats: Stats) -> str:
    """One long table: table, row, calls (empty when hidden), note; the rule as the first row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["# " + stats.rule])
    writer.writerow(["table", "row", "column", "calls", "shown", "note"])
    writer.writerow(["calls", "all", "", _value(stats.calls), _shown(stats.calls), ""])
    for t in stats.tables:
        for r in t.rows:
            writer.writerow([t.id, r.label, "", _value(r.calls), _shown(r.calls), r.note])
    for x in stats.cross:
        for label, cells in zip(x.rows, x.cells, strict=True):
            for column, cell in zip(x.columns, cells, strict=True):
                writer.writerow([x.id, label, column, _value(cell), _shown(cell), ""])
    return out.getvalue()


def _value(cell: Cell) -> str:
    return "" if cell is None else str(cell)


def render_json(stats: Stats) -> str:
    data: dict[str, Any] = {
        "format": "footprint-union-stats",
        "format_version": "1.0",
        "tool_version": __version__,
        "generated_at": stats.generated_at.isoformat(),
        "rule": stats.rule,
        "calls": stats.calls,
        "refused": stats.refused,
        "tables": [
            {
                "id": t.id,
                "title": t.title,
                "partition": t.partition,
                "rows": [{"label": r.label, "calls": r.calls, "note": r.note} for r in t.rows],
            }
            for t in stats.tables
        ],
        "cross": [
            {"id": x.id, "title": x.title, "rows": x.rows, "columns": x.columns, "cells": x.cells}
            for x in stats.cross
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render(stats: Stats, fmt: str) -> str:
    """One format: html, csv or json."""
    return {"html": render_html, "csv": render_csv, "json": render_json}[fmt](stats)
