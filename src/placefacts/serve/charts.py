"""A small server-side SVG line-chart renderer (no JavaScript, nothing fetched).

Every piece of text that reaches the SVG (titles, series names, labels) is
escaped here, since it may come from article text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

PALETTE = ("#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#555555")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(slots=True)
class Series:
    name: str
    points: list[tuple[float, float]]  # (x, y), sorted by x when drawn
    color: str = ""
    dashed: bool = False


@dataclass(slots=True)
class Axis:
    lo: float
    hi: float
    ticks: list[tuple[float, str]] = field(default_factory=list)


def nice_step(span: float, count: int = 5) -> float:
    """A 1/2/2.5/5 x 10^n step giving about `count` intervals over `span`."""
    if span <= 0:
        return 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if raw <= mult * power:
            return mult * power
    return 10 * power


def number_label(value: float) -> str:
    if abs(value) >= 1000 or value == int(value):
        return f"{value:,.0f}".replace("-", "\u2212")
    return f"{value:,.1f}".replace("-", "\u2212")


def value_axis(values: list[float], include_zero: bool) -> Axis:
    lo, hi = min(values), max(values)
    if include_zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    step = nice_step(hi - lo)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    ticks = []
    count = round((hi - lo) / step)
    for i in range(count + 1):
        v = lo + i * step
        ticks.append((v, number_label(v)))
    return Axis(lo, hi, ticks)


def year_axis(years: list[float]) -> Axis:
    lo, hi = min(years), max(years)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    step = max(1.0, nice_step(hi - lo, 6))
    first = math.ceil(lo / step) * step
    ticks = []
    v = first
    while v <= hi + 1e-9:
        ticks.append((v, f"{v:.0f}".replace("-", "\u2212")))
        v += step
    pad = (hi - lo) * 0.04
    return Axis(lo - pad, hi + pad, ticks)


def month_axis() -> Axis:
    return Axis(0.5, 12.5, [(float(i + 1), m) for i, m in enumerate(MONTHS)])


def line_chart(series: list[Series], x: Axis, y: Axis, title: str, y_unit: str = "",
               width: int = 450, height: int = 280, point_label: str = "{x}: {y}") -> Markup:
    """An accessible SVG line chart; `point_label` formats each point's tooltip ({x}, {y}, {series})."""
    left, right, top, bottom = 64, 16, 36, 56
    plot_w, plot_h = width - left - right, height - top - bottom

    def px(v: float) -> float:
        return left + (v - x.lo) / (x.hi - x.lo) * plot_w

    def py(v: float) -> float:
        return top + plot_h - (v - y.lo) / (y.hi - y.lo) * plot_h

    e = escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="img" aria-label="{e(title)}" class="chart">',
           f"<title>{e(title)}</title>",
           f'<text x="{left}" y="20" class="chart-title" font-size="14" font-weight="bold">{e(title)}</text>']
    for value, label in y.ticks:
        yy = py(value)
        stroke = "#999" if value == 0 else "#e3e3e3"
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{stroke}"/>')
        out.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11">{e(label)}</text>')
    if y_unit:
        out.append(f'<text x="14" y="{top + plot_h / 2:.1f}" font-size="11" text-anchor="middle" '
                   f'transform="rotate(-90 14 {top + plot_h / 2:.1f})">{e(y_unit)}</text>')
    base = top + plot_h
    out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{base}" y2="{base}" stroke="#333"/>')
    for value, label in x.ticks:
        xx = px(value)
        out.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{base}" y2="{base + 4}" stroke="#333"/>')
        out.append(f'<text x="{xx:.1f}" y="{base + 17}" text-anchor="middle" font-size="11">{e(label)}</text>')
    legend_x = left
    for index, s in enumerate(series):
        color = s.color or PALETTE[index % len(PALETTE)]
        pts = sorted(s.points)
        dash = ' stroke-dasharray="5 3"' if s.dashed else ""
        if len(pts) > 1:
            path = " ".join(f"{px(a):.1f},{py(b):.1f}" for a, b in pts)
            out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2"{dash} points="{path}"/>')
        for a, b in pts:
            tip = point_label.format(x=e(_tick_name(x, a)), y=e(number_label(b)), series=e(s.name))
            out.append(f'<circle cx="{px(a):.1f}" cy="{py(b):.1f}" r="3.5" fill="{color}" class="point">'
                       f"<title>{tip}</title></circle>")
        ly = height - 14
        out.append(f'<rect x="{legend_x}" y="{ly - 9}" width="12" height="12" fill="{color}"/>')
        out.append(f'<text x="{legend_x + 16}" y="{ly + 1}" font-size="12">{e(s.name)}</text>')
        legend_x += 28 + 7 * len(s.name)
    out.append("</svg>")
    return Markup("\n".join(out))  # noqa: S704 - every text above went through escape()


def _tick_name(axis: Axis, value: float) -> str:
    for tick, label in axis.ticks:
        if tick == value and not label[-1].isdigit():
            return label  # a month name
    return f"{value:.0f}"
