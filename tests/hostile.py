"""Hostile text for the extractor: every shape that makes a backtracking or quadratic pattern blow up.

Used by tests/test_adversarial.py (does 5 MB of it finish?) and bench/adversarial.py (how long each shape
takes on its own).
"""

from __future__ import annotations

SIZE = 5_000_000


def _repeat(unit: str, size: int, prefix: str = "", suffix: str = "") -> str:
    return prefix + unit * max(1, size // len(unit)) + suffix


def shapes(size: int) -> dict[str, str]:
    """Each hostile shape, by name, in a block of about `size` characters."""
    quarter, half = size // 4, size // 2
    return {
        # the subject and a defining sentence, so that subject-bound finders engage everywhere
        "defining chain": "Testville is a town in " + "".join(f"Abc{i} County, " for i in range(size // 15))
        + "United States.",
        # long runs of digits, digit groups, numbers with units, years, coordinates
        "digit run": _repeat("9", size, "The population was ", " at the 2010 census."),
        "digit groups": _repeat("123,", half, "It has ", "1 inhabitants and ") + _repeat("1 234 ", half, "", "people."),
        "measures": _repeat("10 m (33 ft), ", half, "The elevation is ") + _repeat("12.5 km2 (4.8 sq mi) ", half),
        "years": "It was founded in " + ", ".join(str(1000 + i % 999) for i in range(size // 6)) + ".",
        "coordinates": _repeat("47°46′N 67°42′E ", size, "Coordinates: "),
        "temperatures": _repeat("-12.5 °C (9.5 °F) ", size, "The mean temperature is "),
        # nested and unbalanced brackets
        "nested parentheses": "(" * half + "Testville" + ")" * half,
        "nested markup": _repeat("[[", quarter) + "Link|Testville" + _repeat("]]", quarter) + _repeat(" {{", quarter)
        + "convert|1|km" + _repeat("}}", quarter),
        "unbalanced brackets": _repeat("(also (known (as ", half, "Testville (") + "Test" + _repeat("))", half),
        # repeated separators and blank runs
        "separators": _repeat(", ", quarter) + _repeat(";", quarter) + _repeat(" -- ", quarter) + _repeat(".", quarter),
        "blank runs": _repeat("\u00a0 \t", half, "Testville") + "is a town" + " " * half + "in Wales",
        # very long lines: no sentence end, and every locative cue over and over
        "long line": _repeat("the town lies on the river and in the valley of the hills ", size),
        "cue run": _repeat("located in the county of the state of the region of ", size, "", "Wales"),
        # long capitalised-word runs, with connectors, initials, abbreviations and hyphens
        "capitalised run": " ".join(
            f"{chr(65 + i % 26)}{chr(97 + i % 23)}{chr(97 + i % 19)}ville" for i in range(size // 9)
        ),
        "connector run": _repeat("Bay of the Isle of San de la ", size, "", "Mountain"),
        "abbreviations": _repeat("St. ", size // 3) + _repeat("U.S. ", size // 3) + _repeat("A.B.C.D.", size // 3),
        "hyphen run": _repeat("Kara-", size, "", "Kara River"),
        "head words": _repeat("Lake ", size // 3) + _repeat("River ", size // 3) + _repeat("Mount ", size // 3),
        # many commas: long lists of names after locative cues
        "comma list": "It is near " + ", ".join(f"Name{i} River" for i in range(size // 13)) + " and the Sea.",
        "twin list": "Twin towns: " + ", ".join(f"Town{i}" for i in range(size // 9)) + ".",
        # many short lines and blank lines (headings, bullets)
        "many headings": "\n".join(f"Heading {i}\n\nTestville is a town.\n" for i in range(size // 30)),
        "many bullets": "\n".join(f"* Item {i}, in Somewhere" for i in range(size // 25)),
    }


def adversarial_text(size: int = SIZE) -> str:
    """`size` characters holding every hostile shape, each given an equal share."""
    count = len(shapes(100))
    return "\n\n".join(shapes(size // count).values()).ljust(size, " ")[:size]
