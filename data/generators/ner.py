"""Generate the bundled named-entity task: data/ner/{train,validation,test}.jsonl.

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

Run ``python data/generators/ner.py``; output is byte-identical on every run.
"""

from __future__ import annotations

import random
import re

from _common import (CITIES, COUNTRIES, FICTIONAL_TOWNS, FIRST_NAMES, SURNAMES, capitalize_first, dedupe,
                     fix_articles, tidy, write_splits)

SEED = 2417
SIZES = {"train": 1100, "validation": 160, "test": 160}

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

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")


def _fill(rng: random.Random, frame: str) -> tuple[str, list[dict]]:
    """Fill a frame left to right; return the sentence and its entities in order of appearance.

    Values are drawn without repeats within one sentence ("Lisbon and Lisbon"),
    and a frame that ends up with two adjacent entities keeps them as two.
    """
    used: set[str] = set()
    entities: list[dict] = []
    last_surname = None
    pieces: list[str] = []
    position = 0

    def draw(pool):
        # Sorted pool + rng.choice keeps the draw independent of set/hash order.
        options = [value for value in pool if value not in used]
        value = rng.choice(options)
        used.add(value)
        return value

    for match in _SLOT.finditer(frame):
        pieces.append(frame[position:match.start()])
        name, kind = match.group(1), match.group(2)
        if name == "PER":
            first = rng.choice(FIRST_NAMES)
            surname = draw(SURNAMES)
            value, last_surname = f"{first} {surname}", surname
            entities.append({"type": "PER", "text": value})
        elif name == "SUR":
            value = last_surname
            entities.append({"type": "PER", "text": value})
        elif name in ("ORG", "LOC"):
            value = draw((ORGS if name == "ORG" else LOCS)[kind])
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


def make_sentence(rng: random.Random) -> dict:
    register = rng.choices(["news", "biography", "encyclopedia", "none"], weights=[40, 25, 24, 11])[0]
    if register == "news":
        frame = rng.choice(NEWS)
        if rng.random() < 0.45:
            frame += rng.choice(ATTRIBUTION)
    elif register == "biography":
        frame = rng.choice(BIOGRAPHY)
    elif register == "encyclopedia":
        frame = rng.choice(ENCYCLOPEDIA)
    else:
        frame = rng.choice(NO_ENTITY)
    text, entities = _fill(rng, frame)
    text = tidy(fix_articles(capitalize_first(text) + "."))
    # Every entity must be found, in order, in the final text (tidy() must not have touched it).
    cursor = 0
    for entity in entities:
        found = text.find(entity["text"], cursor)
        assert found >= 0, (text, entity)
        cursor = found + len(entity["text"])
    return {"text": text, "entities": entities}


def build(seed: int = SEED) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    needed = sum(SIZES.values())
    candidates = dedupe([make_sentence(rng) for _ in range(needed * 2)], key="text")
    if len(candidates) < needed:
        raise RuntimeError(f"only {len(candidates)} distinct sentences; add frames or candidates")
    rng.shuffle(candidates)
    splits, start = {}, 0
    for split, size in SIZES.items():
        splits[split] = candidates[start:start + size]
        start += size
    return splits


if __name__ == "__main__":
    write_splits("ner", "ner", build())
