"""Find stage: the registered finders, one module per fact family.

Importing this package registers every finder in pipeline order; the
registry (`context.REGISTRY`) lists what each reads and writes.
"""

from placefacts.find import (  # noqa: F401  (importing registers the finders, in this order)  # noqa: F401
    classification,
    coordinates,
    distances,
    inception,
    location,
    measures,
    names,
    population,
    demographics,
    climate,
    people,
    twins,
    economy,
    facilities,
    transport,
)

# isort: split
from placefacts.find import infobox, tables  # noqa: F401  (structured-data finders run after the prose ones)
from placefacts.find.context import REGISTRY, Candidate, Component, Context

__all__ = ["REGISTRY", "Candidate", "Component", "Context"]
