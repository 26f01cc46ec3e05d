"""airport, rail_link, road_link: how the place is reached.

An airport is a name with an airport head ("Zhezkazgan Airport") said to serve
the subject ("served by", "accessible by air via", "the city's"), to lie in or
near it ("X Airport is located 3 km north of the town"), or carrying its name.
Links need a connecting cue ("connected by road to ...", "a rail line to ...",
"Tram Road ... from Christchurch", "a bridge connecting Rosario with ...");
the route is the road code or road name the text gives with the place. A
distance by road alone ("612 km by road from Bamako") is a distance, not a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import about_subject, refers_to_subject, strip_intro
from placefacts.find.keywords import key_words
from placefacts.find.lexicon import alternation
from placefacts.find.lists import Item, cue_of_topic, name_items, subject_ref
from placefacts.find.textutil import CAP_WORD, NAME, Sentence
from placefacts.normalise import countries
from placefacts.normalise.numbers import NUMBER, parse_number
from placefacts.normalise.text import fold
from placefacts.normalise.units import LENGTH_UNIT, to_km

_KEYS = key_words("airport", "airfield", "aerodrome", "airstrip", "rail", "train", "road", "highway", "route", "motorway", "bridge",
         "connect", "link", "reach", "access", "tram", "bus ", "interstate")

# ---------------------------------------------------------------- airport

_AIRPORT = regex_cache.compile(
    rf"(?:The\s|the\s)?(?P<name>{NAME}(?:\s?[/–-]\s?{NAME})*)"
    r"(?:(?<=\sAirport)|(?<=\sAirfield)|(?<=\sAerodrome)|(?<=\sAirstrip)|(?<=\sAirpark))(?:\s\([A-Z]{3,4}\))?"
)
_SERVES_CUE = regex_cache.compile(
    r"\b(?:served\sby|serviced\sby|service\sfrom|accessible\s(?:by\sair\s)?(?:via|through|from)|by\sair\s(?:via|through|from)|"
    r"(?:nearest|closest|main|local|principal|primary)\s(?:\w+\s)?airport\s(?:serving\s(?:the\s)?(?:city|town|area|"
    r"metropolitan\sarea|village)\s)?(?:is|was)|flights?\s(?:from|to|at)|"
    r"home\sto|home\sof|(?:the\s)?(?:location|site)\sof|hosts|houses|includes|including|contains|comprising|has|have|"
    r"the\s(?:city|town|village|area)(?:'s|’s)|its|"
    r"air\s(?:travel|service|transport|transportation)\s(?:at|from|via|through)|"
    r"airport,|airport\sof\s(?:the\s)?(?:city|town))\s(?:(?:also|both|an?|the|two|its|own|public|civilian|military|"
    r"international|domestic|regional|municipal|small|major)\s){0,4}(?:(?:\w+\s){0,3}airports?(?:,\s|\s\()?)?"
    r"(?:around\s[\d,]+\s\w+\scomprising\s)?$",
    re.IGNORECASE,
)
# "is located about 16 kilometres (9.9 mi) west of the city centre": a decimal point ends no clause
_LOCATED = regex_cache.compile(
    r"[^.;]{0,80}?\b(?:is|are|lies|sits|located|situated|lie|stands)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,80}?"
    r"\b(?:in|inside|within|of|near|outside|serving|serves|from)\s(?P<where>(?:the\s)?(?:\w+\s)?(?:city|town|village|"
    r"municipality|community|settlement|suburb|county|district)\b|(?:the\s)?(?:city|town|municipal)\slimits\b|"
    r"[A-Z][^\s,.;]*(?:\s[A-Z][^\s,.;]*)*)"
)
_PART_OF = regex_cache.compile(r"^(?:Part|Parts|Portions?|Most|Much|All)\sof\s(?:the\s)?")
_PART_OF_END = regex_cache.compile(r"(?:Part|Parts|Portions?|Most|Much|All)\sof\s(?:the\s)?$")
_VERB = regex_cache.compile(r"\b(?:is|are|was|were|has|have|had|lies|serves|served)\b")
_NOT_SERVING = regex_cache.compile(r"\b(?:from|to|(?<!home\s)(?<!location\s)(?<!site\s)of|near|close\sto|between|and|than|like)\s(?:both\s)?(?:the\s)?$", re.IGNORECASE)


def _contains_subject(ctx: Context, value: str) -> bool:
    words = fold(value).split()
    for alias in ctx.aliases:
        parts = alias.split()
        if parts and any(words[i : i + len(parts)] == parts for i in range(len(words))):
            return True
    return False


def _airports(ctx: Context, sentence: Sentence, about: bool | None) -> Iterator[Candidate]:
    text = ctx.text
    body_start = sentence.end - len(strip_intro(sentence.text))
    served, served_end = False, 0  # "served by X, located in nearby Freeland, and Y": the list goes on
    if not ctx.says_any(sentence, _AIRPORT_WORDS):
        return  # every airport name ends in one of them
    for match in _AIRPORT.finditer(text, sentence.start, sentence.end):
        name = match.group("name")
        name_start = match.start("name")
        if re.search(r"(?<![\w'’])[A-Z]['’]$", text[max(sentence.start, name_start - 2) : name_start]):
            name_start -= 2  # "O'Hare International Airport"
            name = text[name_start : match.end("name")]
        name = _PART_OF.sub("", name)
        name_start = match.end("name") - len(name)
        if re.match(r"(?:known|called|named)\s(?:as\s)?$", text[max(sentence.start, match.start() - 12) : match.start()][-12:]):
            continue
        before = _PART_OF_END.sub("", text[max(sentence.start, name_start - 80) : name_start])
        if re.search(r"\b(?:previously|formerly|once)\s(?:known\sas|called|named)\s(?:the\s)?$", before):
            continue
        ok = _contains_subject(ctx, name)
        cue = _SERVES_CUE.search(before)
        if not ok and cue and about is not False:
            ok = cue_of_topic(sentence, name_start - len(before) + cue.start()) or cue.group().lower().startswith(
                ("served", "serviced", "accessible", "by air", "nearest", "closest", "main", "local", "principal", "primary")
            )
        if not ok and (match.start() <= body_start + 4 or not _VERB.search(text, body_start, match.start())):
            # "X Airport is located 3 km north of the town"
            located = _LOCATED.match(text, match.end(), sentence.end)
            ok = bool(located) and subject_ref(ctx, located.group("where")) and _near(located.group())
        if not ok and (about is not False or match.start() <= body_start + 4) and _NEAREST_AFTER.match(text, match.end(), sentence.end):
            ok = True  # "Raleigh-Durham International Airport is the closest major airport"
        if not ok and served and name_start - served_end < 60 and not _VERB.search(text, served_end, name_start):
            ok = True  # the next item of the same list
        if not ok or (_NOT_SERVING.search(before) and not _contains_subject(ctx, name) and not served):
            continue
        served, served_end = True, match.end()
        yield Candidate("airport", name, name_start, match.end(), confidence=0.75)


_NEAREST_AFTER = regex_cache.compile(
    r",?\s(?:is|remains)\s(?:the\s)?(?:closest|nearest)\s(?:(?:major|international|commercial|main|large)\s){0,2}airport\b|"
    r",?\s(?:is\s)?(?:an\s(?:\w+\s)?airport\s)?located\snearby\b"
)
_TRAVEL_TIME = regex_cache.compile(r"\b(?:hours?|minutes?|mins?|drive|by\scar)\b", re.IGNORECASE)
_DISTANCE = regex_cache.compile(rf"(?P<num>{NUMBER})\s?(?P<unit>(?i:{LENGTH_UNIT}))\b")


def _near(phrase: str) -> bool:
    """An airport said to lie some way from the town serves it when near: no travel time, at most 30 km."""
    if _TRAVEL_TIME.search(phrase):
        return False
    for match in _DISTANCE.finditer(phrase):
        value = parse_number(match.group("num"))
        km = None if value is None else to_km(value, match.group("unit"))
        if km is not None and km > 30:
            return False
    return True


# ---------------------------------------------------------------- routes

_ROAD_HEAD = r"(?:Road|Highway|Route|Motorway|Expressway|Freeway|Parkway|Turnpike|Pike|Trail|Autobahn|Autoroute|Autostrada|Autovía|Autopista|Rodovia|Carretera|Bypass)"
_CODE = r"(?:(?:[AEMNBDIR]|RN|RR|SR|US|SH|NH|CR|FM|E|A|N|M|B|D)-?\s?\d{1,4}[A-Z]?)"
# "Interstate 70", "U.S. Route 84", "State Route 48", "SR 204 Spur", "Pennsylvania Route 414", "County Road 22"
_NUMBERED = (
    r"(?:(?:Interstate|U\.S\.\s(?:Route|Highway)|US\s(?:Route|Highway)|(?:[A-Z][a-z]+\s){0,2}State\s(?:Route|Highway|Road)|"
    r"County\s(?:Road|Route|Highway)|Farm\sto\sMarket\sRoad|(?:[A-Z][a-z]+\s)?(?:Route|Highway)|SR|SH|CR|FM|NY|US|USH|STH|CTH)"
    r"[\s-]\d{1,4}[A-Z]?(?:\s(?:Spur|Business|Bypass|Alternate|Loop|Truck))?)"
)
_ROUTE = regex_cache.compile(
    rf"\b(?P<numbered>{_NUMBERED})\b(?!\s?(?:km|mi|m|ft|%))|"
    rf"\b(?:(?:European|Interstate|U\.S\.|US|State|National|Provincial|China\sNational|Asian)\s(?:route|Route|Highway|highway)\s)?"
    rf"(?P<code>{_CODE})\b(?!\s?(?:km|mi|m|ft|%))|(?P<named>(?:{CAP_WORD}[\s-]){{0,4}}{_ROAD_HEAD}(?:\s\d{{1,4}}[A-Z]?)?)\b|"
    rf"(?P<lead>(?:{_ROAD_HEAD})\s\d{{1,4}}[A-Z]?)\b"
)


def _route(fragment: str) -> str | None:
    """The road a fragment names: a code ("E018", "A483", "I-75") or a road name ("Tram Road")."""
    best = None
    for match in _ROUTE.finditer(fragment):
        if match.group("numbered"):
            return match.group("numbered")
        if match.group("code"):
            return re.sub(r"\s", "", match.group("code")) if not match.group("code").startswith("I ") else match.group("code")
        best = best or (match.group("named") or match.group("lead"))
    return _clean_route(best)


# ---------------------------------------------------------------- links

_RAIL = r"(?:rail(?:way|road)?s?|trains?|railway\sline|rail\sline|branch\sline|high-speed\srail|tram(?:way)?|metro|commuter\srail)"
_ROAD = r"(?:road|roads|highway|highways|motorway|expressway|freeway|bridge|causeway|bus|route)"
_BY_MODE = regex_cache.compile(
    rf"\b(?:connected|linked|joined|accessible|reachable|served|connects|links|connecting|linking)\s(?:(?:directly|well|also|only)\s)?"
    rf"(?:by\s(?P<mode>{_RAIL}|{_ROAD}|train|car|bus)\s)(?:services?\s)?(?:to|with|from)\s",
    re.IGNORECASE,
)
_TO_BY_MODE = regex_cache.compile(
    r"\b(?:connected|linked|joined)\s(?:(?:directly|well|also|only)\s)?(?:to|with)\s", re.IGNORECASE
)
_RAIL_TO = regex_cache.compile(
    r"\b(?:rail(?:way|road)?\s(?:line|link|connection|service|route)s?|railway|railroad|high-speed\srail(?:\slink)?|"
    r"(?:direct\s)?trains?(?:\sservices?)?|train\sservices?|branch\s(?:railway\s)?line|rail\stunnel)\s(?:(?!from\b)\w+\s){0,2}?"
    r"(?:from\s(?:the\s)?(?:station|town|village|city|(?-i:(?P<origin>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})))\s)?(?:to|with|towards)\s|"
    r"\bstation\s(?:has|offers|provides|with)\s(?:\w+\s){0,3}?(?:services|trains|connections)\s(?:\w+\s)?(?:to|towards)\s",
    re.IGNORECASE,
)
# "The nearest railway station is at Kelso, with trains to Edinburgh": the trains are Kelso's
_NEAREST_STATION = regex_cache.compile(r"\b(?:nearest|closest)\s(?:railway\s|train\s|rail\s)?station\b", re.IGNORECASE)
# "Trains run from the station to ...", "Tarby railway station has services to ...": the subject's station
_STATION_TOPIC = regex_cache.compile(r"(?:The\s|the\s)?(?:(?:railway|train|rail)\s)?station\b|Trains\s(?:run|operate|leave)\b")
# A road by number or name: "Interstate 70", "A483", "Great Alpine Highway"
_ROAD_NAMED = rf"(?:{_NUMBERED}|{_CODE}|(?:{CAP_WORD}[\s-]){{1,4}}{_ROAD_HEAD})"
# A sentence about a road: "The A127 road links the town with ...", "Route 220 passes through the borough, leading
# north 4 miles (6 km) to Towanda"
_ROUTE_TOPIC = regex_cache.compile(
    rf"(?:The\s|the\s)?(?P<route>{_ROAD_NAMED})"
    r"(?:\s(?:road|highway|trunk\sroad|motorway|expressway))?\s(?:(?:also|now|then)\s)?"
    r"(?P<verb>links|connects|joins|leads|runs|goes|continues|heads|passes|serves|bypasses|skirts|crosses|enters|traverses)\b"
)
_ROUTE_OBJECT = regex_cache.compile(
    rf"\s(?P<what>it|the\s(?:town|city|village|borough|community|area|hamlet|settlement|municipality|suburb)|{NAME})"
    r"(?:\s(?:with|to)\s)"
)
_SUBJECT_MENTION = regex_cache.compile(r"\b(?:the\s(?:town|city|village|borough|community|hamlet|settlement|municipality|suburb|CDP)|it)\b")
_TO_PLACE = regex_cache.compile(r"\b(?:to|towards)\s(?=(?:the\s(?:town|city|village|community|hamlet)\sof\s)?[A-Z])")
_CONNECTION_WITH = regex_cache.compile(r"\b(?:connection|junction|intersection|border|line|terminus)\s(?:with|to)\s$")
# "It lies on the A29 road between Bognor and Pulborough", "on the main road between Perth and Dundee"
_ON_ROAD_BETWEEN = regex_cache.compile(
    rf"\b(?:lies|is|located|situated|sits|stands|lying)\s(?:\w+\s)?(?:on|along|astride)\s(?:the\s)?"
    rf"(?:(?P<route>{_ROAD_NAMED})(?:\s(?:road|highway|trunk\sroad))?|"
    r"(?:main\s|old\s|principal\s)?(?:road|highway))"
    rf",?\s(?:between|from)\s(?P<a>{NAME})(?:,\s{NAME})?\s(?:and|to)\s(?P<b>{NAME})"
)
_CONNECTING = regex_cache.compile(
    r"\b(?:connect(?:s|ed|ing)?|link(?:s|ed|ing)?|join(?:s|ed|ing)?)\s(?P<what>it|the\s(?:area|city|town|village|"
    rf"community|settlement|municipality|island|suburb)|{NAME})(?:\sand\s(?:the\s)?[a-z]+)?\s(?:to|with)\s",
)
_NEIGHBOUR = regex_cache.compile(r"\bto\s(?:the\s)?(?:neighbou?ring|nearby|adjacent)\s(?:(?:town|city|village)\s(?:of\s)?)?(?=[A-Z])")
_TERMINUS = regex_cache.compile(r"\bterminus\sof\s(?:an?\s|the\s)?(?:branch\s)?(?:rail(?:way|road)?\s)?line\sfrom\s")
_REACHED_FROM = regex_cache.compile(
    rf"\b(?:reached|accessed|accessible|approached|reachable)\s(?:by\sroad\s)?from\s(?P<place>{NAME})\s(?:by|via|along|on)\s"
    r"(?:means\sof\s)?(?:the\s)?",
)
_AIRPORT_WORDS = key_words("airport", "airfield", "aerodrome", "airstrip", "airpark")
_ACCESS_BY = regex_cache.compile(r"\b(?:access|accessed|reached)\s(?:to\s[^,.;]{1,40}\s)?(?:is\s)?by\s(?:road\s)?(?P<route>[^,.;]{1,40}?)\sfrom\s")
_ON_WAY = regex_cache.compile(r"\s(?:on\sthe\sway|en\sroute|road|highway)\sto\s(?=[A-Z])")
_RAIL_WORD = regex_cache.compile(rf"\b{_RAIL}\b|\bstation\b", re.IGNORECASE)
_ROAD_WORD = regex_cache.compile(rf"(?i:\b{_ROAD}\b)|\b{_ROAD_HEAD}\b|\b{_CODE}\b|\b{_NUMBERED}\b")
_FROM_OTHER = regex_cache.compile(rf"\bfrom\s({NAME})\s$")


_NOT_PLACE = regex_cache.compile(
    rf"\b(?:{_ROAD_HEAD}|Airport|Bridge|Railways?|Railroad|Line|Street|Avenue|Lane|Drive|Way|Boulevard|Station|Routes)$|"
    rf"\s(?:{alternation('admin_units')})$|^(?:{alternation('admin_units')})\sof\b|^(?:D\.C\.|Inc)\b",
    re.IGNORECASE,
)
# "to London Fenchurch Street", "to Glasgow Queen Street": a city's terminus names the city
_TERMINUS_NAME = regex_cache.compile(r"^(?P<city>[A-Z][\w'’-]+)\s(?:[A-Z][\w'’-]+\s)?(?:Street|Road|Central|Bridge|Cross|Square)$")


# US states whose names other places share too, so that the lookup of divisions leaves them open
_AMBIGUOUS_STATES = frozenset({"Florida", "Georgia", "Maryland", "Montana"})
_NOT_LINK_PLACE = regex_cache.compile(r"\b(?:River|Creek|Lake|Bay|Trail|Mountains?|Forest|Park)$")


def _places(ctx: Context, items: list[Item]) -> list[Item]:
    """Listed names that are places other than the subject: not roads, companies, regions or the subject's own units."""
    if any(refers_to_subject(item.value, ctx.aliases) for item in items):
        return []  # "rail service to Barnwell, Allendale, Lena, and Furman": the places along a line, not links
    out = []
    previous_end = -1
    for item in items:
        value = re.sub(r"['’]s$", "", item.value)
        value = re.split(r"\son\sthe\s", value)[0]  # "Oxbow on the Oregon–Idaho border"
        qualifier = ctx.text[previous_end : item.start] == ", " and (
            countries.division_country(value) is not None or value in _AMBIGUOUS_STATES)
        previous_end = item.end
        if _NOT_PLACE.search(value) or re.fullmatch(_CODE, value) or _contains_subject(ctx, value):
            continue
        if (_NOT_LINK_PLACE.search(value) and ctx.text[max(0, item.start - 4) : item.start] == "the ") or \
                re.fullmatch(r"(?:Interstates?|U\.S\.|US|State|Route|Highway|County|U\.S\.\sRoutes?)", value):
            continue  # "to the Platte River", "to Interstate 86"
        if countries.country(value) or qualifier:
            continue  # a whole country, or the qualifier of the name before it ("Kitsap County, Washington")
        out.append(Item(value, item.start, item.end, item.note))
    return out


def _link(prop: str, item: Item, start: int, end: int, route: str | None) -> Candidate:
    qualifiers = {"route": route} if prop == "road_link" and route else {}
    return Candidate(prop, item.value, min(start, item.start), max(end, item.end), qualifiers=qualifiers, confidence=0.7)


def _with_routes(ctx: Context, items: list[Item], default: str | None) -> list[tuple[Item, str | None]]:
    """A parenthetical route ("(both by the European route E123)") covers the names since the last one."""
    out: list[tuple[Item, str | None]] = []
    pending: list[Item] = []
    for item in items:
        pending.append(item)
        route = _route(item.note) if item.note else None
        if route:
            out.extend((p, route) for p in pending)
            pending = []
    out.extend((p, default) for p in pending)
    return out


_OWN = regex_cache.compile(r"\bthe\s(?:town|city|village|municipality|community)(?:'s|’s)\s")
_FERRY = regex_cache.compile(r"\b(?:ferry|ferries|boat|boats|footbridge|pedestrian|bounded|bordered|bounds)\b", re.IGNORECASE)
_MOTION = regex_cache.compile(r"\b(?:extends?|extending|runs?|running|leads?|leading|continues?|goes|went|ran|led)\b")


# "by road", "by a Victorian Railways branch line": a few words (an operator's name) may come before the mode
_BY_MODE_AFTER = regex_cache.compile(
    rf"\s(?:\w+\s)?by\s(?:(?:an?|the)\s(?:[\w'’-]+\s){{0,3}}?)?(?P<mode>{_RAIL}|{_ROAD}|car)\b", re.IGNORECASE
)


def _links(ctx: Context, sentence: Sentence, about: bool | None, own_routes: set[str]) -> Iterator[Candidate]:
    text = ctx.text
    if _FERRY.search(sentence.text):
        return  # a ferry or a boundary description is no road or rail link
    rail_here = bool(_RAIL_WORD.search(sentence.text))
    subject_sentence = about is True or _contains_subject(ctx, sentence.text) or bool(_OWN.search(sentence.text)) or \
        bool(_STATION_TOPIC.match(strip_intro(sentence.text)) and not _NEAREST_STATION.search(sentence.text))
    yield from _route_links(ctx, sentence, about, own_routes)
    # "connected by road to the cities Karaganda (...), Kyzylorda and Arkalyk (...)"
    for match in _BY_MODE.finditer(text, sentence.start, sentence.end) if about is True else ():
        mode = match.group("mode").lower()
        prop = "road_link" if re.match(_ROAD, mode) or mode in ("car", "bus") else "rail_link"
        items = _places(ctx, name_items(text, match.end(), sentence.end))
        for item, route in _with_routes(ctx, items, None):
            yield _link(prop, item, match.start(), item.end, route)
    # "well connected to Indore by road"
    for match in _TO_BY_MODE.finditer(text, sentence.start, sentence.end) if about is True else ():
        items = _places(ctx, name_items(text, match.end(), sentence.end))
        if not items:
            continue
        mode = _BY_MODE_AFTER.match(text[items[-1].end : sentence.end])
        if not mode:
            continue
        prop = "rail_link" if re.match(_RAIL, mode.group("mode"), re.IGNORECASE) else "road_link"
        for item, route in _with_routes(ctx, items, None):
            yield _link(prop, item, match.start(), item.end + mode.end(), route)
    # "a rail line to the regional capital city Karaganda", "trains to Shrewsbury and Swansea"
    for match in _RAIL_TO.finditer(text, sentence.start, sentence.end) if subject_sentence else ():
        other = _FROM_OTHER.search(text, max(sentence.start, match.start() - 60), match.start())
        before = text[max(sentence.start, match.start() - 60) : match.start()]
        if other and not refers_to_subject(other.group(1), ctx.aliases) or re.search(r"\bfrom\s[A-Z][^,]*$", before):
            continue  # "the railway line from Ljubljana to Zagreb"
        if match.group("origin") and not refers_to_subject(match.group("origin"), ctx.aliases):
            continue  # "along the railroad from Minneapolis to Duluth"
        items = name_items(text, match.end(), sentence.end)
        for item in _places(ctx, items):
            yield _link("rail_link", item, match.start(), item.end, None)
        for item in items:
            terminus = _TERMINUS_NAME.match(item.value)
            if terminus and len(item.value.split()) >= 3 and not _contains_subject(ctx, item.value):
                yield _link("rail_link", item, match.start(), item.end, None)  # "London Fenchurch Street"
    # "a rail tunnel which ... extends ... to neighboring North Adams"
    if rail_here and subject_sentence:
        for match in _NEIGHBOUR.finditer(text, sentence.start, sentence.end):
            before = text[max(sentence.start, match.start() - 100) : match.start()]
            if not (_RAIL_WORD.search(before) and _MOTION.search(before)):
                continue
            for item in _places(ctx, name_items(text, match.end(), sentence.end, descriptors=False)[:1]):
                yield _link("rail_link", item, match.start(), item.end, None)
        for match in _TERMINUS.finditer(text, sentence.start, sentence.end):
            for item in _places(ctx, name_items(text, match.end(), sentence.end)[:1]):
                yield _link("rail_link", item, match.start(), item.end, None)
    # "a bridge connecting Rosario with the city of Victoria", "I-75 (connecting the city with Atlanta ...)"
    for match in _CONNECTING.finditer(text, sentence.start, sentence.end):
        if not subject_ref(ctx, match.group("what")):
            continue
        if match.group("what").lower() == "it" and about is not True:
            continue
        clause = text[max(sentence.start, match.start() - 120) : match.start()]
        rail = bool(_RAIL_WORD.search(clause))
        road = bool(_ROAD_WORD.search(clause))
        if rail == road:
            road_here = bool(_ROAD_WORD.search(sentence.text))  # asked only here: the costliest of the word tests
            if not (rail_here ^ road_here):
                continue
            rail = rail_here
        route = None if rail else _route_before(clause)
        for item in _places(ctx, name_items(text, match.end(), sentence.end)):
            yield _link("rail_link" if rail else "road_link", item, match.start(), item.end, route)
    if about is not True and not subject_sentence:
        return
    # "Oxford can be reached from Christchurch by means of Tram Road"
    for match in _REACHED_FROM.finditer(text, sentence.start, sentence.end):
        route = _route(text[match.end() : min(sentence.end, match.end() + 50)])
        if route and not refers_to_subject(match.group("place"), ctx.aliases):
            item = Item(match.group("place"), match.start("place"), match.end("place"))
            yield _link("road_link", item, match.start(), match.end() + len(route), route)
    # "Access to the commune is by road D39 from Morlaas"
    for match in _ACCESS_BY.finditer(text, sentence.start, sentence.end):
        route = _route(match.group("route"))
        if route:
            for item in _places(ctx, name_items(text, match.end(), sentence.end)[:1]):
                if not _route(item.value):
                    yield _link("road_link", item, match.start(), item.end, route)
    # "along Oxford Road on the way to Rangiora", "the A47 road to Norwich"
    for match in _ON_WAY.finditer(text, sentence.start, sentence.end):
        route = _route_before(text[max(sentence.start, match.start() - 40) : match.start() + 5])
        if not route or not cue_of_topic(sentence, match.start()):
            continue
        for item in _places(ctx, name_items(text, match.end(), sentence.end)[:1]):
            yield _link("road_link", item, match.start() - len(route) - 1, item.end, route)


_THROUGH = regex_cache.compile(rf"\bfrom\s(?P<a>{NAME})\s(?:through|via)\s(?P<via>{NAME})\s(?:to|and\son\sto)\s(?P<b>{NAME})")
# "8 km south west of Pulborough on the A29 road", "due north of the city of Kamas on Utah State Route 32", "less than
# an hour from the center of Christchurch on State Highway 73": the place the subject is placed from, on a road
_FROM_ON_ROAD = regex_cache.compile(
    r"\b(?P<cue>(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west)){0,2}\sof|from)\s"
    r"(?:the\s(?:centre|center|heart)\sof\s)?(?:the\s(?:city|town|village|borough|township)\sof\s)?"
    rf"(?P<place>{NAME})(?:,\s{NAME})?\s(?:on|along|via)\s(?:the\s)?(?P<route>{_ROAD_NAMED})\b(?!\s(?:Bridge|Station)\b)"
)
_DISTANCE_BEFORE = regex_cache.compile(r"(?:\d|\b(?:hours?|minutes?|miles?|kilomet(?:re|er)s?|km|mi|drive)\b)\W{0,3}$")
# "the A6106 Earlston to Duns road", "the Creswick–Daylesford train line": a road or line named by its two ends
_ENDS_NAMED = regex_cache.compile(
    rf"\b(?:(?P<route>{_NUMBERED}|{_CODE})\s)?(?P<ends>{NAME}(?:\sto\s{NAME})?)\s"
    r"(?P<mode>road|highway|(?:railway|railroad|rail|train|branch)\s(?:line|link)|railway|railroad)\b"
)
_ENDS_MODES = key_words("road", "highway", "rail", "train", "branch")  # what every _ENDS_NAMED mode holds
_ENDS_SPLIT = regex_cache.compile(r"\sto\s|–")  # a name joins words with a hyphen, never two places with an en dash


def _route_key(route: str) -> str:
    """"Interstate 10" and "I-10" are one road."""
    return re.sub(r"[^a-z0-9]", "", route.lower().replace("interstate", "i"))


def _route_links(ctx: Context, sentence: Sentence, about: bool | None, own_routes: set[str]) -> Iterator[Candidate]:
    """Links stated of a road through the subject, and the subject on a road between two places.

    `own_routes`: roads said earlier to pass the subject ("Interstate 10 passes the northern end of the town"); a
    later sentence may lead one of them on without naming the subject again ("I-10 leads west 35 miles to Houston").
    """
    text = ctx.text
    # "built a main line from Herington through Tampa to Pratt"
    gated = " through " in sentence.text or " via " in sentence.text
    for match in _THROUGH.finditer(text, sentence.start, sentence.end) if gated else ():
        if not refers_to_subject(match.group("via"), ctx.aliases):
            continue
        before = text[max(sentence.start, match.start() - 80) : match.start()]
        prop = "rail_link" if _RAIL_WORD.search(before) else "road_link" if _ROAD_WORD.search(before) else None
        if prop is None:
            continue
        route = _route_before(before) if prop == "road_link" else None
        for key in ("a", "b"):
            for place in _places(ctx, [Item(match.group(key), match.start(key), match.end(key))]):
                yield _link(prop, place, match.start(), match.end(), route)
    words = sentence.text
    on_road = " on " in words or " along " in words or " via " in words  # one of them is in every _FROM_ON_ROAD match
    ends_named = (" to " in words or "–" in words) and ctx.says_any(sentence, _ENDS_MODES)  # and in every _ENDS_NAMED one
    placed = (on_road or ends_named) and (
        about is True or about is None and _contains_subject(ctx, words)  # "Lying ... on SR 32, Marion"
    )
    for match in _FROM_ON_ROAD.finditer(text, sentence.start, sentence.end) if placed and on_road else ():
        if match.group("cue") == "from" and not _DISTANCE_BEFORE.search(text, max(sentence.start, match.start() - 30), match.start()):
            continue  # "from Christchurch" without a distance or a time is no placing ("buses from X on SH 1")
        route = _route(match.group("route"))
        if route:
            for place in _places(ctx, [Item(match.group("place"), match.start("place"), match.end("place"))]):
                yield _link("road_link", place, match.start(), match.end(), route)
    for match in _ENDS_NAMED.finditer(text, sentence.start, sentence.end) if ends_named and about is not False else ():
        parts = _ENDS_SPLIT.split(match.group("ends"))
        if len(parts) != 2:
            continue  # "the Midland railway": one name, no ends
        prop = "road_link" if match.group("mode") in ("road", "highway") else "rail_link"
        b_start = match.end("ends") - len(parts[1])
        a_start = match.start("ends") + (parts[0].rfind("'s ") + 3 if "'s " in parts[0] else 0)  # "Western Railway's Anand"
        ends = [Item(text[a_start : match.start("ends") + len(parts[0])], a_start, match.start("ends") + len(parts[0])),
                Item(parts[1], b_start, match.end("ends"))]
        own = [item for item in ends if refers_to_subject(item.value, ctx.aliases)]
        route = _route(match.group("route")) if match.group("route") else None
        for place in _places(ctx, [item for item in ends if item not in own]):
            yield _link(prop, place, match.start(), match.end(), route)
    body = strip_intro(sentence.text)
    body_start = sentence.end - len(body)
    topic_road = _ROUTE_TOPIC.match(text, body_start, sentence.end)
    if topic_road and _route(topic_road.group("route")) is not None:
        route = _route(topic_road.group("route"))
        verb = topic_road.group("verb")
        if verb in ("links", "connects", "joins"):
            what = _ROUTE_OBJECT.match(text, topic_road.end(), sentence.end)
            if what and (what.group("what") == "it" or subject_ref(ctx, what.group("what"))):
                for item in _places(ctx, name_items(text, what.end(), sentence.end)):
                    if not _route(item.value):
                        yield _link("road_link", item, topic_road.start(), item.end, route)
        elif (
            _SUBJECT_MENTION.search(text, topic_road.end(), sentence.end)
            or _contains_subject(ctx, sentence.text)
            or _route_key(route) in own_routes
        ):
            own_routes.add(_route_key(route))
            # "Route 220 passes through the borough, leading north 4 miles (6 km) to Towanda, ..., and south ... to New Albany"
            for to in _TO_PLACE.finditer(text, topic_road.end(), sentence.end):
                if _CONNECTION_WITH.search(text, max(sentence.start, to.start() - 20), to.start() + 1):
                    continue
                for item in _places(ctx, name_items(text, to.end(), sentence.end)[:1]):
                    if not _route(item.value) and not _LINE.search(text, item.end, min(sentence.end, item.end + 12)):
                        yield _link("road_link", item, topic_road.start(), item.end, route)
    if about is True and (" between " in sentence.text or " from " in sentence.text):
        for match in _ON_ROAD_BETWEEN.finditer(text, sentence.start, sentence.end):
            route = _route(match.group("route")) if match.group("route") else None
            for key in ("a", "b"):
                item = Item(match.group(key), match.start(key), match.end(key))
                for place in _places(ctx, [item]):
                    yield _link("road_link", place, match.start(), match.end(), route)


_LINE = regex_cache.compile(r"^\s(?:state\s|county\s)?line\b")


def _clean_route(route: str | None) -> str | None:
    """"The Pan-American Highway" -> "Pan-American Highway"; a bare "Highway" names no route."""
    if route is None:
        return None
    route = re.sub(r"^(?:The|the)\s", "", route)
    return None if re.fullmatch(_ROAD_HEAD, route) else route


def _route_before(fragment: str) -> str | None:
    """The last road named in a fragment ("Rhode Island Route 138 ... connecting")."""
    last = None
    for match in _ROUTE.finditer(fragment):
        last = match
    if last is None:
        return None
    if last.group("numbered"):
        return last.group("numbered")
    if last.group("code"):
        return re.sub(r"\s", "", last.group("code"))
    return _clean_route(last.group("named") or last.group("lead"))


@component("transport", reads=("prose",), writes=("airport", "rail_link", "road_link"))
def find_transport(ctx: Context) -> Iterator[Candidate]:
    seen: set[tuple[str, str]] = set()  # one link per place: the first route the text gives it
    own_routes: set[str] = set()
    keyed = {sentence.start for sentence in ctx.sentences_with(_KEYS)}
    for sentence in ctx.sentences:
        if sentence.start not in keyed:
            if own_routes:  # "I-10 leads west 35 miles (56 km) to Houston": no key word, a road met before
                about = about_subject(sentence.text, ctx.aliases)
                yield from _unseen(_route_links(ctx, sentence, about, own_routes), seen)
            continue
        about = about_subject(sentence.text, ctx.aliases)
        yield from _unseen((*_airports(ctx, sentence, about), *_links(ctx, sentence, about, own_routes)), seen)


def _unseen(candidates: Iterable[Candidate], seen: set[tuple[str, str]]) -> Iterator[Candidate]:
    for candidate in candidates:
        key = (candidate.property, fold(str(candidate.value)))
        if key not in seen:
            seen.add(key)
            yield candidate
