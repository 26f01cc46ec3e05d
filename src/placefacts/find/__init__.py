"""Find stage: the registered finders, one module per fact family.

Importing this package registers every finder in pipeline order; the
registry (`context.REGISTRY`) lists what each reads and writes.
"""

from importlib import import_module

from placefacts.find.context import REGISTRY, Candidate, Component, Context

# Pipeline order, kept as data so that import sorting can never reorder it: names first (they add
# the subject's other names, which later finders use to keep facts on the subject), the prose
# finders next, the structured-data finders (infobox rows, tables) last, as they skip what prose said.
PIPELINE = (
    "names",
    "classification",
    "location",
    "features",
    "coordinates",
    "measures",
    "population",
    "distances",
    "inception",
    "demographics",
    "climate",
    "people",
    "twins",
    "products",
    "industries",
    "employers",
    "facilities",
    "transport",
    "infobox",
    "tables",
)

for _module in PIPELINE:
    import_module(f"{__name__}.{_module}")

__all__ = ["PIPELINE", "REGISTRY", "Candidate", "Component", "Context"]
