"""Geometry of the server-rendered SVG charts: horizontal bars and a weekday-hour heatmap."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 180
BAR_AREA = 300
WEEKDAYS = (_("Sen"), _("Sel"), _("Rab"), _("Kam"), _("Jum"), _("Sab"), _("Min"))
CELL = 16


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str
    y: int
    width: int


def bars(rows: list[tuple[str, float, str]]) -> dict:
    """Bars for (label, value, shown text) scaled to the largest value."""
    largest = max((value for _label, value, _shown in rows), default=0) or 1
    items = [
        Bar(
            label=label,
            value=value,
            shown=shown,
            y=i * (BAR_HEIGHT + BAR_GAP),
            width=max(1, round(value / largest * BAR_AREA)) if value else 0,
        )
        for i, (label, value, shown) in enumerate(rows)
    ]
    return {
        "bars": items,
        "height": max(len(items), 1) * (BAR_HEIGHT + BAR_GAP),
        "width": LABEL_WIDTH + BAR_AREA + 80,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }


def heatmap(grid: list[list[int]]) -> dict:
    """Cells of the 7x24 arrivals grid with a darkness level 0..5 (a CSS class)."""
    largest = max((n for row in grid for n in row), default=0) or 1
    cells = [
        {
            "x": 40 + hour * CELL,
            "y": 18 + day * CELL,
            "n": n,
            "level": 0 if n == 0 else 1 + round(n / largest * 4),
            "weekday": WEEKDAYS[day],
            "hour": hour,
        }
        for day, row in enumerate(grid)
        for hour, n in enumerate(row)
    ]
    rows = [{"label": WEEKDAYS[day], "y": 18 + day * CELL + 12} for day in range(7)]
    hours = [{"label": f"{h:02d}", "x": 40 + h * CELL} for h in range(0, 24, 3)]
    return {
        "cells": cells,
        "rows": rows,
        "hours": hours,
        "width": 40 + 24 * CELL,
        "height": 18 + 7 * CELL,
    }


COLUMN_WIDTH = 18
COLUMN_GAP = 6
COLUMN_AREA = 80
COLUMN_TOP = 16


@dataclass(frozen=True)
class Column:
    label: str
    title: str
    shown: str
    x: int
    y: int
    height: int


def columns(rows: list[tuple[str, str, float | None, str]], *, ceiling: float = 0) -> dict:
    """Columns for (axis label, full label, value or None, shown text), scaled to `ceiling`
    or else to the largest value; a missing value has no column, only its text."""
    largest = ceiling or max((value or 0 for _l, _t, value, _s in rows), default=0) or 1
    items = []
    for i, (label, title, value, shown) in enumerate(rows):
        height = max(1, round(value / largest * COLUMN_AREA)) if value else 0
        items.append(
            Column(
                label=label,
                title=title,
                shown=shown,
                x=i * (COLUMN_WIDTH + COLUMN_GAP),
                y=COLUMN_TOP + COLUMN_AREA - height,
                height=height,
            )
        )
    return {
        "columns": items,
        "width": max(len(items), 1) * (COLUMN_WIDTH + COLUMN_GAP),
        "height": COLUMN_TOP + COLUMN_AREA + 16,
        "baseline": COLUMN_TOP + COLUMN_AREA,
        "label_y": COLUMN_TOP + COLUMN_AREA + 12,
        "column_width": COLUMN_WIDTH,
        "middle": COLUMN_WIDTH // 2,
    }
