"""Generate the bundled named-entity task: data/ner/{train,validation,test,test_heldout}.jsonl.

Rows are ``{"id", "text", "entities": [{"type", "text"}, ...]}`` with types
``PER``, ``ORG`` and ``LOC``, listed in order of appearance; every entity text
appears verbatim in ``text``.

Sentences come from hand-written frames in three registers -- news, biography
and encyclopedia -- with typed slots such as ``{PER}``, ``{ORG:company}`` or
``{LOC:city}``. News frames can take an attribution tail (", a spokesperson for
X said on Tuesday"), and about one sentence in ten has no entity at all, so a
model has to learn to answer "none". Filling the slots left to right records
each entity as it is written, which gives the order of appearance for free.

Conventions (as in CoNLL-2003): a leading "the" is not part of an entity
("the Danube" -> ``Danube``); a place inside an organisation's name is not a
separate entity ("University of Marrowfield" is one ``ORG``); nationality
adjectives are avoided because this task has no MISC type.

Held-out names: every name pool is split (split_pools); train, validation and test draw
their entities from one part, test_heldout only from the other, so no person, organisation
or place in test_heldout occurs in train or validation -- not even inside a longer name
("Kestrel Bay" and "Kestrel Bay Polytechnic" always fall on the same side).

Run ``python data/generators/ner.py``; output is byte-identical on every run.
"""

from __future__ import annotations

import random
import re

from _common import (CITIES, COUNTRIES, FICTIONAL_TOWNS, FIRST_NAMES, SURNAMES, capitalize_first, cut_splits,
                     fix_articles, tidy, write_splits)

SEED = 2417
SIZES = {"train": 1100, "validation": 160, "test": 160, "test_heldout": 120}
HELDOUT_EVERY = 5   # one name in five (by position in its pool) is held out for test_heldout

# --------------------------------------------------------------------------- entity pools (fictional organisations)
ORGS = {
    "company": ["Northwind Logistics", "Halvorsen Shipping", "Brightline Energy", "Kestrel Aerospace",
                "Tamarind Foods", "Bluepeak Software", "Meridian Bank", "Orca Robotics", "Sunhollow Textiles",
                "Ironbridge Steel", "Cobalt Health", "Lumen Pharmaceuticals", "Greenway Transit",
                "Atlas Mining Group", "Verdant Farms", "Polaris Telecom", "Juniper Media", "Redfern Motors",
                "Silverline Airways", "Harbourview Insurance", "Quillon Games", "Saffron Hotels"],
    "uni": ["Marrowfield University", "Kestrel Bay Polytechnic", "Northmere College", "Ashcombe University",
            "Greyhaven Academy of Music", "Eastbrook Medical School", "Port Alder University",
            "Velden Conservatory", "Torrin Polytechnic", "Stonebridge Law School"],
    "ngo": ["Clean Rivers Trust", "World Seed Alliance", "Ocean Watch Foundation", "International Literacy Fund",
            "Red Mountain Rescue", "Open Hands Network", "Global Water Partnership", "Children's Book Council",
            "Wild Coast Society", "Harvest Relief"],
    "agency": ["Coastal Safety Agency", "National Statistics Office", "Ministry of Transport",
               "Federal Energy Board", "Stonebridge City Council", "Port Authority of Kestrel Bay",
               "Northern Health Service", "Bureau of Fisheries", "Supreme Court", "Central Bank"],
    "planning": ["Stonebridge City Council", "Greyhaven Planning Board", "Northern Development Agency",
                 "Ministry of Public Works", "Regional Planning Office"],
    "transport": ["Ministry of Transport", "National Rail Board", "Federal Roads Agency", "Port Authority of Kestrel Bay",
                  "Northern Highways Commission"],
    "team": ["Port Alder United", "Greyhaven Rovers", "Kestrel Bay Sharks", "Northmere Athletic",
             "Velden Hawks", "Doverly Town", "Fenwick Falcons", "Eastbrook Rangers"],
    "paper": ["Marrowfield Herald", "Daily Meridian", "Coastal Gazette", "Northern Ledger", "Evening Courier"],
    "arts": ["Northmere Philharmonic Orchestra", "Velden String Quartet", "Ashcombe Theatre Company",
             "National Ballet of Torrin", "Greyhaven Film Festival", "Museum of Maritime History"],
}
LOCS = {
    "city": CITIES + FICTIONAL_TOWNS,
    "country": COUNTRIES,
    "region": ["Patagonia", "Lapland", "Tasmania", "Anatolia", "Bavaria", "Andalusia", "Siberia", "Galicia",
               "Provence", "Cornwall", "Hokkaido", "Zanzibar"],
    # Frames that state geography ("X lies on the Y in Z") use fictional places, so no sentence
    # teaches a false fact about a real one.
    "town": FICTIONAL_TOWNS,
    "fcountry": ["Valdoria", "Estmark", "Kaloria", "Norvania", "Lusitra", "Marvonia", "Tarsland", "Belavia"],
    "river": ["Ashwater", "Corran", "Velde", "Mirrow", "Tamsin", "Orla", "Brenne", "Kessa", "Dunmore", "Selka"],
    "mountain": ["Mount Kenya", "Mont Blanc", "Mount Cook", "Kilimanjaro", "Mount Olympus", "Ben Nevis"],
}

# --------------------------------------------------------------------------- non-entity slots
FILLERS = {
    "year": [str(y) for y in range(1962, 2025)],       # recent events
    "founded": [str(y) for y in range(1821, 1991)],    # institutions, buildings, first ascents
    "born": [str(y) for y in range(1921, 2001)],
    "by_when": ["2030", "2035", "2040", "2050", "the end of the decade"],
    "num": ["12", "15", "20", "40", "65", "120", "300", "2,500"],
    "few": ["two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "age": ["16", "18", "19", "21", "23", "30"],
    "score": ["2-0", "3-1", "1-0", "4-2", "2-1", "3-2"],
    "tally": ["seven to two", "five to four", "eleven to three", "six to one", "nine to nothing"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"],
    "role": ["chief executive", "finance director", "head of research", "spokesperson", "chair",
             "chief engineer", "director of operations", "press officer"],
    "job": ["engineer", "economist", "poet", "marine biologist", "architect", "surgeon", "journalist",
            "composer", "mathematician", "photographer", "botanist", "historian", "civil servant", "chef"],
    "thing": ["bridge", "railway line", "harbour", "library", "power station", "hospital wing", "stadium",
              "water treatment plant", "ferry terminal", "concert hall"],
    "product": ["electric bus", "satellite", "vaccine", "budget phone", "cargo drone", "weather app",
                "wind turbine", "solar roof tile", "hearing aid", "water filter"],
    "topic": ["coastal erosion", "child literacy", "antibiotic resistance", "urban heat", "soil health",
              "bird migration", "ocean plastics", "rural broadband", "early music", "glacier retreat"],
    "pct": ["2", "3.5", "4", "7", "11", "18", "25"],
    "weather": ["Heavy rain", "Strong winds", "Thick fog", "Snow", "A heatwave", "Hail"],
    "body": ["the committee", "the board", "the city council", "the union", "the panel", "the jury",
             "the steering group", "the ethics board"],
}

# --------------------------------------------------------------------------- frames
# {PER} a full name; {SUR} the surname of the last {PER} (a second mention, also PER);
# {ORG:kind} and {LOC:kind} draw from the pools above; other {slots} from FILLERS.
NEWS = [
    "{ORG:company} will open a new factory in {LOC:city}, creating {few} hundred jobs",
    "{PER}, the {role} of {ORG:company}, resigned on {weekday} after {few} years in the post",
    "Shares in {ORG:company} fell {pct} percent after the firm cut its forecast",
    "Flooding along the {LOC:river} forced hundreds of families in {LOC:town} to leave their homes",
    "the {ORG:planning} has approved plans for a new {thing} in {LOC:city}",
    "{ORG:team} beat {ORG:team} {score} in {LOC:city} on {weekday} night",
    "Police in {LOC:city} are looking for witnesses to a robbery on the high street",
    "{PER} of {ORG:team} scored twice as the visitors came from behind to win",
    "{ORG:company} has agreed to buy {ORG:company} for an undisclosed sum",
    "{ORG:ngo} warned that neglecting {topic} could cost {LOC:country} billions by {by_when}",
    "The mayor of {LOC:city}, {PER}, unveiled a plan to plant {few} thousand trees",
    "Talks between {ORG:company} and its unions broke down in {LOC:city} late on {weekday}",
    "{PER} was elected to lead the {ORG:agency} by a narrow margin",
    "Firefighters from {LOC:town} and {LOC:town} spent the night fighting a blaze in the hills above {LOC:town}",
    "{ORG:company} recalled {few} thousand units of its {product} sold in {LOC:country}",
    "A court in {LOC:town} fined {ORG:company} for polluting the {LOC:river}",
    "{PER} and {PER} were named joint winners of a prize awarded by the {ORG:arts}",
    "Researchers at {ORG:uni} say they have found a cheaper way to make a {product}",
    "{ORG:ngo} has sent {num} tonnes of food aid to {LOC:region}",
    "{LOC:country} and {LOC:country} signed a trade agreement in {LOC:city} on {weekday}",
    "Trains between {LOC:town} and {LOC:town} were cancelled after a landslide",
    "{PER}, who coaches {ORG:team}, was banned for {few} matches for abusing a referee",
    "{ORG:company} reported record profits, helped by strong sales in {LOC:country}",
    "Thousands marched through {LOC:city} to protest against the closure of the local {thing}",
    "the {ORG:planning} said the new {thing} in {LOC:city} would open in {month}",
    "{PER} won the {LOC:city} marathon in just over two hours",
    "{ORG:company} named {PER} as its new {role}, replacing {PER}",
    "A strike at {ORG:company} halted production in {LOC:city} for {few} days",
    "{ORG:agency} opened an inquiry into a fire at a {thing} in {LOC:town}",
    "{PER} denied reports that {ORG:company} would leave {LOC:country}",
    "Fans of {ORG:team} lined the streets of {LOC:city} to welcome the team home",
    "{ORG:uni} will lead a {num}-million study of {topic} with partners in {LOC:country}",
    "The {ORG:arts} cancelled its tour of {LOC:country} after {PER} fell ill",
    "Ferries between {LOC:town} and {LOC:town} were suspended because of storms",
    "{PER}, a {job} from {LOC:city}, was among the winners announced by the {ORG:ngo}",
    "{ORG:company} and {ORG:ngo} will jointly fund a new {thing} in {LOC:town}",
    "Voters in {LOC:city} chose {PER} over {PER} in a close race for mayor",
    "{ORG:paper} said {PER} had agreed to testify before the {ORG:agency}",
    "Exports from {LOC:country} to {LOC:country} rose by {pct} percent in {month}",
    "{PER} signed a two-year contract with {ORG:team}",
    "A landslide closed the only road between {LOC:town} and {LOC:region} on {weekday}",
    "{ORG:company} will cut {few} hundred jobs at its plant near {LOC:city}",
]
# Tails that fit any news frame: they name a source, not a party to the story.
ATTRIBUTION = [
    ", according to the {ORG:paper}",
    ", the {ORG:paper} reported on {weekday}",
    ", a report by {PER} in the {ORG:paper} said",
    ", {PER} reported from {LOC:city} for the {ORG:paper}",
    ", according to local reports",
]
BIOGRAPHY = [
    "{PER} grew up in {LOC:town} and later became the first {job} to lead the {ORG:arts}",
    "Before joining {ORG:uni}, {PER} spent {few} years working as a {job} in {LOC:country}",
    "{PER} is best known for a series of books about {topic}, written while living in {LOC:region}",
    "In {year}, {PER} left {ORG:company} to set up a small firm in {LOC:city}",
    "{PER} was the youngest member of the {ORG:arts} when it toured {LOC:country} in {year}",
    "After studying at {ORG:uni}, {PER} worked for {ORG:ngo} in {LOC:region}",
    "{PER} was born in {LOC:city} in {born} and studied law at {ORG:uni}",
    "After leaving {LOC:country} in {year}, {PER} worked as a {job} in {LOC:city}",
    "{PER} joined {ORG:company} as a junior {job} and rose to become its {role}",
    "Born in {LOC:city}, {PER} trained as a {job} before moving to {LOC:country}",
    "{PER} married the {job} {PER} in {year}, and the couple settled in {LOC:city}",
    "As a young {job}, {PER} spent {few} years in {LOC:region} studying {topic}",
    "{PER} taught at {ORG:uni} for two decades and wrote a standard book on {topic}",
    "In {year} {PER} founded {ORG:ngo} with a small grant from {ORG:company}",
    "{PER} played for {ORG:team} until a knee injury ended a promising career in {year}",
    "The child of a {job} from {LOC:city}, {PER} became the youngest person ever to lead the {ORG:agency}",
    "{PER} was a photographer whose pictures of {LOC:region} became famous in the 1970s",
    "{PER} spent the final years of a long life in {LOC:city} and died there in {year}",
    "{PER} studied under {PER} at {ORG:uni} and later succeeded {SUR} as head of department",
    "Raised in {LOC:country}, {PER} moved to {LOC:city} at the age of {age} to join the {ORG:arts}",
    "{PER}, a {job} by training, ran {ORG:company} from {year} until retiring to {LOC:region}",
    "{PER} never went to university and learned the trade as a {job} in {LOC:city}",
]
ENCYCLOPEDIA = [
    "{LOC:town} grew around a market on the {LOC:river} and is now the capital of {LOC:fcountry}",
    "{ORG:company} began as a family workshop in {LOC:town} in {founded}",
    "The {ORG:arts} performs in {LOC:city} each winter and tours {LOC:country} in the summer",
    "{LOC:region} is home to {few} national parks and the town of {LOC:town}",
    "{ORG:team} plays its home games in {LOC:town} and was founded in {founded} by {PER}",
    "The main campus of {ORG:uni} lies on the banks of the {LOC:river}",
    "{LOC:town} lies on the {LOC:river} and is the second largest city in {LOC:fcountry}",
    "{LOC:mountain} attracts thousands of climbers every year, and its first recorded ascent was in {founded}",
    "{ORG:uni} was founded in {founded} and is known for its research on {topic}",
    "The {LOC:river} rises in {LOC:fcountry} and flows for more than {few} hundred kilometres",
    "{ORG:company} makes the {product} at its plant in {LOC:city}, with offices in {LOC:country} and {LOC:country}",
    "The {ORG:arts} was established in {LOC:city} in {founded} by {PER} and {PER}",
    "{LOC:region} is famous for its wildlife, and its largest town is {LOC:town}",
    "{ORG:team} is a football club from {LOC:town}, founded in {founded}",
    "The {ORG:paper} has been published in {LOC:town} since {founded}",
    "{ORG:ngo} works in more than {num} countries and has its headquarters in {LOC:city}",
    "The old {thing} in {LOC:city} was designed by {PER} and completed in {founded}",
    "{LOC:town} is linked to {LOC:town} by a ferry across the bay",
    "the {ORG:transport} is responsible for roads, ports and railways across {LOC:country}",
    "The {LOC:river} forms part of the border between {LOC:fcountry} and {LOC:fcountry}",
    "{ORG:uni} has campuses in {LOC:city} and {LOC:city} and about {few} thousand students",
]
# Sentences with no entity at all: a model must learn to say "none".
NO_ENTITY = [
    "The price of bread has risen by {pct} percent since {month}, the survey found",
    "{Body} agreed to extend the opening hours of the {thing} from {month}",
    "A {job} who had been missing for {few} days was found safe on {weekday}",
    "The new {product} will be tested on {num} volunteers before it goes on sale",
    "Heavy traffic is expected on {weekday} as the holiday weekend begins",
    "{weather} is expected across much of the region on {weekday}, forecasters said",
    "{Body} will meet again in {month} to review the budget",
    "Prices of fresh vegetables rose by {pct} percent last year",
    "The new {thing} is expected to open in {month}, two years later than planned",
    "Scientists say {topic} is now one of the most pressing problems for coastal towns",
    "The {product} went on sale on {weekday} and sold out within hours",
    "{Body} voted {tally} to approve the plan",
    "Most of the {thing} was rebuilt after a fire in {founded}",
    "A {job} who found a rare coin in a field has handed it to the local museum",
    "The survey found that {pct} percent of adults never read a book for pleasure",
    "Work on the {thing} stopped in {month} when the money ran out",
    "Volunteers collected {num} bags of rubbish from the beach on {weekday} morning",
    "The festival returns in {month} with a programme of free concerts",
    "{Body} has promised a decision on {topic} before the end of {month}",
]

# Tails for biography and encyclopedia frames: the source of the fact.
SOURCE_TAIL = [", a new biography says", ", according to the {ORG:paper}", ", records at {ORG:uni} show",
               ", friends later recalled", ", according to the {ORG:agency}", ", local records show",
               ", the {ORG:paper} once noted", ", as {PER} wrote in a memoir"]
# Optional openings for news frames: "On Tuesday, ..." (a common word that opened the frame is lower-cased).
NEWS_PREFIX = ["On {weekday}, ", "Late on {weekday}, ", "Earlier this month, ", "In {month}, ", "Last year, ",
               "Early on {weekday}, ", "This week, ", "After months of delays, "]

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")


# Held-out organisations and places: written for test_heldout only, never used by the other splits.
HELDOUT_ORGS = {
    "company": ["Marlowe Freight", "Sablewood Foods", "Tidewell Energy", "Corvan Systems", "Ambergate Steel", "Fenlight Pharma"],
    "uni": ["Wrenfield University", "Ostmere Institute of Technology", "Calloway College"],
    "ngo": ["Green Corridor Trust", "Safe Harbour Alliance", "Open Pages Foundation"],
    "agency": ["Ministry of Water", "National Audit Bureau", "Wrenfield City Council"],
    "planning": ["Wrenfield Planning Board", "Ostmere Development Agency", "Coastal Works Office"],
    "transport": ["National Ferry Board", "Ostmere Transit Authority", "Western Railways Commission"],
    "team": ["Wrenfield Harriers", "Ostmere Mariners", "Calloway Comets", "Brackwater City"],
    "paper": ["Wrenfield Chronicle", "Ostmere Post", "Evening Lantern"],
    "arts": ["Wrenfield Symphony Orchestra", "Ostmere Dance Company", "Calloway Opera House", "Brackwater Jazz Festival"],
}
HELDOUT_LOCS = {
    "city": ["Bologna", "Pune", "Cordoba", "Kumasi", "Arequipa", "Sendai", "Aarhus", "Plovdiv"],
    "country": ["Argentina", "Tanzania", "Croatia", "Malaysia", "Greece", "Senegal"],
    "region": ["Transylvania", "Moravia", "Sardinia", "Yucatan", "Kerala"],
    "town": ["Wrenfield", "Ostmere", "Calloway", "Brackwater", "Elderslie"],
    "fcountry": ["Ostravia", "Meridonia", "Caldoria"],
    "river": ["Ostwater", "Callan", "Brackwell", "Wendle"],
    "mountain": ["Mount Elgon", "Aconcagua", "Mount Rainier"],
}


def split_pools() -> tuple[dict, dict]:
    """Name pools for the seen splits and for test_heldout, one dict per side:
    ``{"PER_first": [...], "PER_last": [...], "ORG": {kind: [...]}, "LOC": {kind: [...]}}``.

    People: every HELDOUT_EVERY-th first name and surname is held out. Organisations and places:
    the seen side uses ORGS and LOCS, the held-out side HELDOUT_ORGS and HELDOUT_LOCS. The function
    checks that no held-out name equals, contains or is contained in a seen one (so "Kestrel Bay"
    could never leak through "Kestrel Bay Polytechnic").
    """
    def part(names, held):
        return [name for i, name in enumerate(names) if (i % HELDOUT_EVERY == HELDOUT_EVERY - 1) == held]

    seen = {"PER_first": part(FIRST_NAMES, False), "PER_last": part(SURNAMES, False), "ORG": ORGS, "LOC": LOCS}
    held = {"PER_first": part(FIRST_NAMES, True), "PER_last": part(SURNAMES, True), "ORG": HELDOUT_ORGS, "LOC": HELDOUT_LOCS}

    def names(side):
        return [*side["PER_first"], *side["PER_last"], *(n for group in ("ORG", "LOC") for pool in side[group].values() for n in pool)]

    seen_names = names(seen)
    for name in names(held):
        clash = [other for other in seen_names
                 if re.search(rf"\b{re.escape(name)}\b", other) or re.search(rf"\b{re.escape(other)}\b", name)]
        assert not clash, f"held-out name {name!r} overlaps seen names {clash}"
    return seen, held


def _fill(rng: random.Random, frame: str, pools: dict) -> tuple[str, list[dict]]:
    """Fill a frame left to right from ``pools``; return the sentence and its entities in order of appearance.

    Values are drawn without repeats within one sentence ("Lisbon and Lisbon"),
    and a frame that ends up with two adjacent entities keeps them as two.
    """
    used: set[str] = set()
    entities: list[dict] = []
    last_surname = None
    pieces: list[str] = []
    position = 0

    def draw(pool):
        # A list pool + rng.choice keeps the draw independent of set/hash order.
        options = [value for value in pool if value not in used]
        value = rng.choice(options)
        used.add(value)
        return value

    for match in _SLOT.finditer(frame):
        pieces.append(frame[position:match.start()])
        name, kind = match.group(1), match.group(2)
        if name == "PER":
            first = rng.choice(pools["PER_first"])
            surname = draw(pools["PER_last"])
            value, last_surname = f"{first} {surname}", surname
            entities.append({"type": "PER", "text": value})
        elif name == "SUR":
            value = last_surname
            entities.append({"type": "PER", "text": value})
        elif name in ("ORG", "LOC"):
            value = draw(pools[name][kind])
            entities.append({"type": name, "text": value})
        elif name in FILLERS:
            value = rng.choice(FILLERS[name])
        elif name.lower() in FILLERS:                    # {Body}: same pool, capitalised
            value = capitalize_first(rng.choice(FILLERS[name.lower()]))
        else:
            raise KeyError(f"unknown slot {{{name}}} in frame: {frame}")
        pieces.append(value)
        position = match.end()
    pieces.append(frame[position:])
    return "".join(pieces), entities


def make_sentence(rng: random.Random, pools: dict) -> dict:
    register = rng.choices(["news", "biography", "encyclopedia", "none"], weights=[40, 25, 24, 11])[0]
    if register == "news":
        frame = rng.choice(NEWS)
        if rng.random() < 0.3:
            # "On Tuesday, shares in ..." -- a frame that opens with a common word loses its capital.
            first = frame.split(" ", 1)[0]
            frame = rng.choice(NEWS_PREFIX) + (frame[:1].lower() + frame[1:] if first.isalpha() and first != "A" else frame)
        if rng.random() < 0.45:
            frame += rng.choice(ATTRIBUTION)
    elif register in ("biography", "encyclopedia"):
        frame = rng.choice(BIOGRAPHY if register == "biography" else ENCYCLOPEDIA)
        if rng.random() < 0.3:
            frame += rng.choice(SOURCE_TAIL)
    else:
        frame = rng.choice(NO_ENTITY)
    text, entities = _fill(rng, frame, pools)
    text = tidy(fix_articles(capitalize_first(text) + "."))
    # Every entity must be found, in order, in the final text (tidy() must not have touched it).
    cursor = 0
    for entity in entities:
        found = text.find(entity["text"], cursor)
        assert found >= 0, (text, entity)
        cursor = found + len(entity["text"])
    return {"text": text, "entities": entities}


def held_out_names() -> list[str]:
    """Every name test_heldout may use; none of them occurs in train, validation or test."""
    held = split_pools()[1]
    return sorted({*held["PER_first"], *held["PER_last"], *(n for names in held["ORG"].values() for n in names),
                   *(n for names in held["LOC"].values() for n in names)})


def build(seed: int = SEED) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    seen_pools, held_pools = split_pools()
    needed = sum(size for split, size in SIZES.items() if split != "test_heldout")
    seen = [make_sentence(rng, seen_pools) for _ in range(needed * 2)]
    held = [make_sentence(rng, held_pools) for _ in range(SIZES["test_heldout"] * 3)]
    return cut_splits(rng, seen, held, SIZES, key="text")


if __name__ == "__main__":
    write_splits("ner", "ner", build())
