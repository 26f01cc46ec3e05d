"""Render inline wikitext templates the way a reader sees them.

`render` turns one template into a list of parts: a `str` is text the
template produces (it maps onto the whole template's raw range), a `Show` is
a piece of the template's own wikitext to render in place (so it keeps its
exact raw offsets), `BREAK` separates list items. None: the template shows
nothing in the prose (citations, maintenance tags, navigation, infoboxes).
Which templates pass text through is data (`data/templates.json`); the few
that compute text (convert, coord, dates, language labels) are code.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry
from mwparserfromhell.nodes import Template
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from placefacts import regex_cache
from placefacts.clean.wikioffsets import params
from placefacts.normalise.numbers import parse_number

_DATA = resources.files(__package__).joinpath("data")
_COMMENT = regex_cache.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_RANGE = frozenset({"-", "–", "to", "and", "or", "to(-)", "by", "x", "×", "+/-", "±", "&", "and(-)", "−"})
_RANGE_TEXT = {"-": "–", "to(-)": " to ", "and(-)": " and ", "+/-": " ± ", "&": " & ", "x": " × "}


@dataclass(frozen=True, slots=True)
class Show:
    """Render this wikitext, which starts at raw offset `start`."""

    code: Wikicode
    start: int


BREAK = "\x00break"  # a list separator between two items
COORDINATES = frozenset({"coord", "coor dms", "coor dm", "coor d"})


@cache
def _data(name: str) -> dict:
    return json.loads(_DATA.joinpath(name).read_text("utf-8"))


# Names of templates whose parameters are a page's structured data, on English and other wikis.
INFOBOX_PREFIX = r"(?:infobox|geobox|infoskreine|infokaste|infocaseta|info[ /_-]|ficha de|caixa de informação)"


def param_name(param: Parameter) -> str:
    """A parameter's name as written, less comments and padding."""
    return _COMMENT.sub("", str(param.name)).strip()


def name_of(template: Template) -> str:
    """The template's name, normalised: "Infobox_settlement <!-- x -->" -> "infobox settlement"."""
    name = _COMMENT.sub("", str(template.name)).replace("_", " ")
    name = " ".join(name.split()).lower()
    return name[9:].strip() if name.startswith("template:") else name


def positional(template: Template, start: int) -> list[tuple[Parameter, int]]:
    return [(p, s) for p, s in params(template, start) if not p.showkey]


def named(template: Template, start: int) -> dict[str, tuple[Parameter, int]]:
    return {param_name(p).lower(): (p, s) for p, s in params(template, start) if p.showkey}


def plain(param: Parameter | None) -> str:
    if param is None:
        return ""
    return " ".join(_COMMENT.sub("", param.value.strip_code(keep_template_params=False)).split())


def render(template: Template, start: int, title: str | None = None) -> list[str | Show] | None:
    name = name_of(template)
    table = _data("templates.json")
    if name in table["text"]:
        return [table["text"][name]]
    args = positional(template, start)
    if name in table["show"]:
        index = table["show"][name]
        if index == "last":
            args = [a for a in args if plain(a[0]) or a[0].value.filter_templates()]
            return [Show(args[-1][0].value, args[-1][1])] if args else None
        if index == 0:
            return None
        return [Show(args[index - 1][0].value, args[index - 1][1])] if len(args) >= index else None
    if name in table["list"]:
        parts: list[str | Show] = []
        for param, value_start in args:
            if param.value.strip():
                if parts:
                    parts.append(BREAK)
                parts.append(Show(param.value, value_start))
        return parts or None
    if name.startswith("lang-") or name in ("langx", "lang-x"):
        code = name[5:] if name.startswith("lang-") else plain(args[0][0]) if args else ""
        text_args = args if name.startswith("lang-") else args[1:]
        if not text_args:
            return None
        label = language_name(code)
        return ([f"{label}: "] if label else []) + [Show(text_args[0][0].value, text_args[0][1])]
    for prefix, handler in _COMPUTED:
        if name == prefix or (prefix.endswith(":") and name.startswith(prefix)):
            return handler(template, start, name, title)
    code = " ".join(_COMMENT.sub("", str(template.name)).split())
    if not args and re.fullmatch(r"[A-Z]{2,3}", code):
        country = country_name(code)
        return [country] if country else None
    return None


# -- computed templates -------------------------------------------------------

def _convert(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    text = convert_text(template, abbreviate=name in ("cvt", "convert/abbr"))
    return [text] if text else None


def convert_text(template: Template, abbreviate: bool = False) -> str | None:
    """{{convert|12|km|mi}} -> "12 kilometres (7.5 mi)", as Module:Convert shows it (precision by significant figures)."""
    units = _data("convert_units.json")
    args = [plain(p) for p, _ in positional(template, 0)]
    opts = {k: plain(p) for k, (p, _) in named(template, 0).items()}
    if not args:
        return None
    values = [args[0]]
    seps: list[str] = []
    i = 1
    while i + 1 < len(args) and args[i] in _RANGE:
        seps.append(args[i])
        values.append(args[i + 1])
        i += 2
    if i >= len(args) or args[i] not in units:
        return None
    unit_in = units[args[i]]
    out_code = (args[i + 1].split() or [""])[0] if i + 1 < len(args) and args[i + 1] else unit_in[5]
    unit_out = units.get(out_code)
    numbers = [parse_number(v) for v in values]
    if unit_out is None or unit_out[0] != unit_in[0] or any(n is None for n in numbers):
        return None
    digits = args[i + 2] if i + 2 < len(args) and re.fullmatch(r"-?\d", args[i + 2]) else None
    converted = [_format(_to(n, unit_in, unit_out), v, digits, unit_in[0], opts.get("sigfig")) for n, v in zip(numbers, values, strict=True)]  # type: ignore[arg-type]
    # Convert prints the input unit's name and the output's symbol, but symbols for temperatures.
    abbr = opts.get("abbr", "on" if abbreviate or unit_in[0] == "temperature" else "")
    in_label = unit_in[2] if abbr in ("on", "in", "values") else (unit_in[3] if numbers[0] == 1 and len(values) == 1 else unit_in[4])
    if opts.get("sp") == "us":
        in_label = in_label.replace("metre", "meter").replace("litre", "liter")
    out_label = unit_out[2] if abbr not in ("off", "out") else unit_out[4]
    written = _join(values, seps)
    if opts.get("adj") == "on" and abbr not in ("on",):
        in_label = unit_in[3]
        first = f"{written}-{in_label}"
    else:
        first = f"{written}{_space(in_label)}{in_label}"
    second = f"{_join(converted, seps)}{_space(out_label)}{out_label}"
    disp = opts.get("disp", "")
    if disp == "flip":
        first, second = second, first
    if disp in ("out", "output only", "output number only"):
        return second
    if disp == "or":
        return f"{first} or {second}"
    if disp in ("x", "sqbr"):
        return f"{first} [{second}]"
    return f"{first} ({second})"


def _space(label: str) -> str:
    return "" if label.startswith(("/",)) else " "


def _join(values: list[str], seps: list[str]) -> str:
    out = values[0]
    for sep, value in zip(seps, values[1:], strict=True):
        out += _RANGE_TEXT.get(sep, "–" if sep in ("-", "–", "−") else f" {sep} ") + value
    return out


def _to(value: float, unit_in: list, unit_out: list) -> float:
    if unit_in[0] == "temperature":
        celsius = {"°C": value, "°F": (value - 32) * 5 / 9, "K": value - 273.15}[unit_in[2]]
        return {"°C": celsius, "°F": celsius * 9 / 5 + 32, "K": celsius + 273.15}[unit_out[2]]
    return value * unit_in[1] / unit_out[1]


def _format(value: float, written: str, digits: str | None, dimension: str, sigfig: str | None) -> str:
    decimals_in = len(written.split(".")[1]) if "." in written else 0
    if digits is not None:
        decimals = int(digits)
    elif dimension == "temperature":
        decimals = decimals_in
    else:
        figures = int(sigfig) if sigfig and sigfig.isdigit() else max(2, _significant(written))
        decimals = figures - 1 - math.floor(math.log10(abs(value))) if value else 0
    rounded = round(value, decimals)
    if decimals > 0:
        return f"{rounded:,.{decimals}f}".replace("-", "−")
    return f"{int(rounded):,}".replace("-", "−")


def _significant(written: str) -> int:
    digits = re.sub(r"[^0-9.]", "", written)
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0")) or 1
    return len(digits.lstrip("0").rstrip("0")) or 1


def _coord(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    display = plain(named(template, start).get("display", (None, 0))[0])
    if display and "inline" not in display and display not in ("it", "i"):
        return None  # shown beside the page title, not in the text
    text = coord_text(template)
    return [text] if text else None


def coord_text(template: Template) -> str | None:
    """{{coord|39|11|19|N|120|6|32|W}} -> "39°11′19″N 120°6′32″W"; {{coord|39.18|-120.1}} -> "39.18°N 120.1°W"."""
    args = [plain(p) for p, _ in positional(template, 0)]
    args = [a for a in args if a and ":" not in a and "=" not in a]
    hemis = [i for i, a in enumerate(args) if a.upper() in ("N", "S")]
    if hemis:
        ns = hemis[0]
        ew = next((i for i in range(ns + 1, len(args)) if args[i].upper() in ("E", "W")), None)
        if ew is None or not 1 <= ns <= 3 or not 1 <= ew - ns - 1 <= 3:
            return None
        return f"{_dms(args[:ns])}{args[ns].upper()} {_dms(args[ns + 1 : ew])}{args[ew].upper()}"
    if len(args) >= 2:
        lat, lon = parse_number(args[0]), parse_number(args[1])
        if lat is None or lon is None:
            return None
        return f"{args[0].lstrip('-−')}°{'S' if lat < 0 else 'N'} {args[1].lstrip('-−')}°{'W' if lon < 0 else 'E'}"
    return None


def _dms(parts: list[str]) -> str:
    marks = ("°", "′", "″")
    return "".join(f"{part}{mark}" for part, mark in zip(parts, marks, strict=False))


def _date(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    args = [plain(p) for p, _ in positional(template, start)]
    args = [a for a in args if a]
    opts = {k: plain(p) for k, (p, _) in named(template, start).items()}
    if not args or not args[0].lstrip("-").isdigit():
        return [args[0]] if args else None
    months = _data("templates.json")["month_names"]
    year = args[0]
    month = months[int(args[1]) - 1] if len(args) > 1 and args[1].isdigit() and 1 <= int(args[1]) <= 12 else ""
    day = args[2] if len(args) > 2 and args[2].isdigit() else ""
    if month and day:
        text = f"{day} {month} {year}" if opts.get("df", "").startswith("y") else f"{month} {day}, {year}"
    else:
        text = f"{month} {year}".strip()
    if name == "as of":
        text = ("as of " if opts.get("lc", "").startswith("y") else "As of ") + text
    return [text]


def _circa(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    args = positional(template, start)
    return ["c. "] + ([Show(args[0][0].value, args[0][1])] if args else [])


def _formatnum(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    number = parse_number(name.split(":", 1)[1])
    if number is None:
        return None
    return [f"{number:,.{len(name.split('.')[1]) if '.' in name else 0}f}"]


def _pagename(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    return [title] if title else None


def _chinese(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    labels = _data("templates.json")["chinese_keys"]
    parts: list[str | Show] = []
    for param, value_start in params(template, start):
        key = str(param.name).strip().lower()
        if param.showkey and key in labels and param.value.strip():
            parts.extend(["; " if parts else "", f"{labels[key]}: ", Show(param.value, value_start)])
    return [p for p in parts if p] or None


def _nihongo(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    args = [(p, s) for p, s in positional(template, start) if p.value.strip()]
    if not args:
        return None
    parts: list[str | Show] = [Show(args[0][0].value, args[0][1])]
    if len(args) > 1:
        parts.append(" (")
        for index, (param, value_start) in enumerate(args[1:3]):
            parts.extend(([", "] if index else []) + [Show(param.value, value_start)])
        parts.append(")")
    return parts


def _frac(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    args = [plain(p) for p, _ in positional(template, start)]
    if len(args) == 3:
        return [f"{args[0]} {args[1]}/{args[2]}"]
    if len(args) == 2:
        return [f"{args[0]}/{args[1]}"]
    return [f"1/{args[0]}"] if args else None


def _sortname(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    args = positional(template, start)[:2]
    parts: list[str | Show] = []
    for index, (param, value_start) in enumerate(args):
        parts.extend(([" "] if index else []) + [Show(param.value, value_start)])
    return parts or None


def _currency(template: Template, start: int, name: str, title: str | None) -> list[str | Show] | None:
    args = positional(template, start)
    return [name.upper() if name != "us$" else "US$", Show(args[0][0].value, args[0][1])] if args else None


_COMPUTED = (
    ("convert", _convert), ("cvt", _convert), ("convert/abbr", _convert),
    *((name, _coord) for name in sorted(COORDINATES)),
    ("start date", _date), ("start date and age", _date), ("end date", _date), ("birth date", _date),
    ("birth date and age", _date), ("death date", _date), ("dts", _date), ("date", _date), ("as of", _date),
    ("circa", _circa), ("c.", _circa), ("formatnum:", _formatnum), ("pagename", _pagename),
    ("zh", _chinese), ("chinese", _chinese), ("nihongo", _nihongo), ("frac", _frac), ("fraction", _frac),
    ("sortname", _sortname), ("us$", _currency), ("sort", lambda t, s, n, ti: _nth(t, s, 2)),
    ("nts", lambda t, s, n, ti: _nth(t, s, 1)),
)


def _nth(template: Template, start: int, index: int) -> list[str | Show] | None:
    args = positional(template, start)
    return [Show(args[index - 1][0].value, args[index - 1][1])] if len(args) >= index else None


@cache
def language_name(code: str) -> str | None:
    code = code.strip().lower().split("-")[0]
    overrides = _data("templates.json")["languages"]
    if code in overrides:
        return overrides[code]
    found = (
        pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    ) if code else None
    if found is None:
        return None
    return re.sub(r"\s*\(.*\)$", "", found.name)


@cache
def country_name(code: str) -> str | None:
    table = _data("templates.json")["country_codes"]
    if code in table:
        return table[code]
    found = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if found is None:
        return None
    return getattr(found, "common_name", None) or found.name
