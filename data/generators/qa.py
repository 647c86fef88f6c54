"""Generate the bundled extractive QA task: data/qa/{train,validation,test,test_heldout}.jsonl.

Rows are ``{"id", "context", "question", "answer"}``; ``answer`` is an exact span
of ``context`` that occurs there exactly once, so exact-match scoring is fair.

Each context describes one invented subject -- a town, a person, a company, a
building, a sports or cultural event, a species, or a how-to procedure -- as a
list of *facts*. A fact is one sentence (picked from several wordings) plus the
questions it can answer. A context is the subject's opening fact and a random
selection of the others (2-6 sentences in all); the question is drawn from the
facts that made it in. Questions come in several forms (who / what / when /
where / how many / which / how long) and many paraphrase the sentence they are
answered by ("established" for "founded", "runner-up" for "came second"), so
copying the words around the answer is not enough.

Facts are consistent: no date lies after CURRENT_YEAR, and a biography's dates fit one life
(its work and prize fall between birth and death, later-life years fit the span that is left);
check_row() verifies both on every row, and the tests run it over every split.

Held-out subjects: train, validation and test describe towns, people, companies, events,
local news and how-to procedures; test_heldout describes only kinds of subject they never do
(HELDOUT_SUBJECTS: species and buildings or bridges).

Run ``python data/generators/qa.py``; output is byte-identical on every run.
"""

from __future__ import annotations

import random

import re

from _common import (CITIES, COUNTRIES, SURNAMES, capitalize_first, cut_splits, fix_articles, person, tidy,
                     write_splits)

SEED = 3529
SIZES = {"train": 1100, "validation": 160, "test": 160, "test_heldout": 120}
CURRENT_YEAR = 2024   # the latest year any fact may mention (the data were written in 2024)

FICTIONAL_COUNTRIES = ["Valdoria", "Estmark", "Kaloria", "Norvania", "Lusitra", "Marvonia", "Tarsland", "Belavia"]
TOWN_HEADS = ["Ash", "Bram", "Cold", "Elder", "Fair", "Glen", "High", "Kings", "Lang", "Mill", "Oak", "Red",
              "Stan", "Thorn", "West", "Wick", "Hazel", "Brook", "Dun", "Marl"]
TOWN_TAILS = ["ford", "bury", "mere", "wick", "ton", "field", "haven", "stead", "holm", "by", "combe", "ley"]
RIVERS = ["Ashwater", "Corran", "Velde", "Mirrow", "Tamsin", "Orla", "Brenne", "Kessa", "Dunmore", "Selka"]


def _town(rng):
    return rng.choice(TOWN_HEADS) + rng.choice(TOWN_TAILS)


def _pick(rng, *options):
    """One of several wordings of the same fact."""
    return rng.choice(options)


def _thousands(rng, low, high, step=10):
    return f"{rng.randrange(low, high, step):,}"


def possessive(name: str) -> str:
    """Possessive of a name: "Tamarind Labs" -> "Tamarind Labs'", "Orca Energy" -> "Orca Energy's"."""
    return name + ("'" if name.endswith("s") else "'s")


def _fact(sentence, *questions):
    """A sentence and the (question, answer) pairs it supports."""
    return {"sentence": sentence, "questions": list(questions)}


# --------------------------------------------------------------------------- subjects (encyclopedia)


def town(rng):
    name, country = _town(rng), rng.choice(FICTIONAL_COUNTRIES + COUNTRIES)
    kind = rng.choice(["market town", "fishing port", "mountain village", "university town", "former mining town",
                       "spa town", "river port"])
    direction = rng.choice(["north", "south", "east", "west", "north-east", "south-west"])
    river, km = rng.choice(RIVERS), str(rng.randint(4, 90))
    year, founders = str(rng.randint(1150, 1890)), rng.choice(
        ["salt traders", "wool merchants", "a community of monks", "fishing families", "copper miners",
         "cattle drovers", "a local landowner"])
    population = _thousands(rng, 1200, 98000)
    famous = rng.choice(["blue pottery", "cherry orchards", "smoked fish", "clock museum", "medieval bridge",
                         "hot springs", "lace", "cheese market", "observatory", "rowing regatta"])
    festival = rng.choice(["a lantern festival", "a folk music festival", "a harvest fair", "a kite festival",
                           "a street food week", "a boat race"])
    month = rng.choice(["March", "April", "May", "June", "July", "August", "September", "October"])
    visitors = _thousands(rng, 2000, 60000, 500)
    mayor = person(rng)
    facts = [
        _fact(_pick(rng, f"{name} is a {kind} in the {direction} of {country}.",
                    f"{name} is a small {kind} in the {direction} of {country}."),
              (f"In which country is {name}?", country),
              (f"Which part of {country} is {name} in?", direction),
              (f"What kind of place is {name}?", kind)),
        _fact(_pick(rng, f"It lies on the River {river}, about {km} kilometres from the sea.",
                    f"The River {river} flows through the town on its way to the sea, {km} kilometres away."),
              (f"Which river runs through {name}?", river),
              (f"On what river does {name} stand?", river),
              (f"How far is {name} from the sea?", f"{km} kilometres")),
        _fact(_pick(rng, f"The town was founded in {year} by {founders}.",
                    f"It was founded by {founders} in {year}.",
                    f"{capitalize_first(founders)} settled here in {year}, and the town grew up around the first houses."),
              (f"When was {name} founded?", year),
              (f"In what year was {name} established?", year),
              (f"Who founded {name}?", founders)),
        _fact(_pick(rng, f"About {population} people live there today.",
                    f"At the last census it had {population} inhabitants."),
              (f"How many people live in {name}?", population),
              (f"What is the population of {name}?", population),
              (f"How many residents does {name} have?", population)),
        _fact(_pick(rng, f"The town is best known for its {famous}.",
                    f"Visitors come mainly for its {famous}."),
              (f"What is {name} best known for?", famous),
              (f"What is {name} famous for?", famous),
              (f"What draws most visitors to {name}?", famous)),
        _fact(_pick(rng, f"Every {month} it hosts {festival} that attracts around {visitors} visitors.",
                    f"{capitalize_first(festival)} held each {month} brings around {visitors} visitors to its streets."),
              (f"In which month is {festival[2:] if festival.startswith('a ') else festival} held in {name}?", month),
              (f"How many visitors does the town's {festival.split(' ', 1)[1]} attract?", visitors)),
        _fact(_pick(rng, f"The current mayor, {mayor}, has held the post since {rng.randint(2009, 2023)}.",
                    f"{mayor} leads the town council."),
              (f"Who is the mayor of {name}?", mayor),
              (f"Who heads the town council of {name}?", mayor)),
    ]
    return facts


def biography(rng):
    full = person(rng)
    surname = full.split(" ", 1)[1]
    born = rng.randint(1890, 1955)
    died = born + rng.randint(55, min(95, CURRENT_YEAR - born))      # dead by CURRENT_YEAR, aged 55 or more
    job = rng.choice(["painter", "chemist", "novelist", "architect", "composer", "engineer", "astronomer",
                      "photographer", "economist", "botanist", "mathematician", "film director"])
    home, later = rng.sample(CITIES, 2)
    uni = rng.choice(["Marrowfield University", "Port Alder University", "Velden Conservatory", "Torrin Polytechnic",
                      "Ashcombe University", "Northmere College"])
    subject = rng.choice(["physics", "history", "music", "law", "medicine", "philosophy", "chemistry",
                          "drawing", "mathematics", "languages"])
    work = rng.choice(["The Salt Road", "Harbour Lights", "A Study in Grey", "The Long Winter", "Seven Bridges",
                       "Notes from the Valley", "The Glass Garden", "Northern Songs", "The Quiet Field",
                       "Maps of the Sea"])
    work_year = born + rng.randint(24, min(45, died - born - 10))     # at least ten years before death
    award = rng.choice(["Meridian Prize", "Golden Compass Award", "Ashcombe Medal", "Lantern Prize",
                        "Northern Arts Award"])
    award_year = rng.randint(work_year + 1, min(work_year + 12, died))
    # The last years of the life, after the prize: a span that fits between the prize and death.
    years_there = rng.choice([word for word, n in (("five", 5), ("nine", 9), ("twelve", 12), ("fifteen", 15), ("twenty", 20),
                                                   ("thirty", 30)) if n <= died - award_year] or ["a few"])
    facts = [
        _fact(_pick(rng, f"{full} ({born}-{died}) was a {job} from {home}.",
                    f"{full} was a {job}, born in {home} in {born}."),
              (f"What was {full}'s profession?", job),
              (f"What did {full} do for a living?", job),
              (f"Where was {full} from?", home),
              (f"In what year was {full} born?", str(born))),
        _fact(_pick(rng, f"{surname} studied {subject} at {uni}.",
                    f"After school, {surname} went to {uni} to study {subject}."),
              (f"Where did {full} study?", uni),
              (f"Which university did {full} attend?", uni),
              (f"What subject did {full} study?", subject)),
        _fact(_pick(rng, f"{surname}'s best-known work, {work}, appeared in {work_year}.",
                    f"The work that made {surname} famous was {work}, which appeared in {work_year}."),
              (f"What is {full}'s best-known work?", work),
              (f"Which work made {full} famous?", work),
              (f"When did {work} first appear?", str(work_year))),
        _fact(_pick(rng, f"In {award_year}, {surname} received the {award}.",
                    f"{surname} was awarded the {award} in {award_year}."),
              (f"Which prize did {full} receive?", award),
              (f"What award was given to {full} in {award_year}?", award),
              (f"In which year did {full} win the {award}?", str(award_year))),
        _fact(_pick(rng, f"Later in life {surname} moved to {later} and lived there for {years_there} years until {died}.",
                    f"{surname} spent the last {years_there} years of {rng.choice(['a long', 'a busy'])} life in {later}."),
              (f"Which city did {full} move to later in life?", later),
              (f"How long did {full} live in {later}?", f"{years_there} years")),
    ]
    return facts


def company(rng):
    name = rng.choice(["Brightline", "Kestrel", "Tamarind", "Bluepeak", "Orca", "Sunhollow", "Ironbridge",
                       "Cobalt", "Lumen", "Greenway", "Polaris", "Juniper", "Redfern", "Quillon", "Saffron",
                       "Harrow", "Vantage", "Alder", "Cinder", "Maple"]) + " " + rng.choice(
        ["Systems", "Foods", "Robotics", "Energy", "Textiles", "Labs", "Motors", "Logistics", "Games", "Health"])
    sector = {"Systems": "software", "Foods": "food", "Robotics": "robotics", "Energy": "renewable energy",
              "Textiles": "clothing", "Labs": "biotechnology", "Motors": "electric vehicle", "Logistics": "shipping",
              "Games": "video game", "Health": "medical devices"}[name.split()[-1]]
    city = rng.choice(CITIES)
    year = str(rng.randint(1952, 2018))
    founder_a, founder_b = person(rng), person(rng)
    staff = _thousands(rng, 80, 24000)
    countries = str(rng.randint(3, 40))
    product = rng.choice(["Falcon", "Tern", "Atlas", "Meadow", "Pulse", "Orbit", "Harbour", "Ember", "Drift", "Summit"])
    product_kind = {"software": "accounting app", "food": "breakfast cereal", "robotics": "warehouse robot",
                    "renewable energy": "home battery", "clothing": "rain jacket", "biotechnology": "rapid test",
                    "electric vehicle": "delivery van", "shipping": "tracking service", "video game": "puzzle game",
                    "medical devices": "heart monitor"}[sector]
    launched = str(rng.randint(int(year) + 2, CURRENT_YEAR))
    ceo = person(rng)
    sales = f"{rng.randint(2, 950)} million {rng.choice(['euros', 'dollars', 'pounds'])}"
    facts = [
        _fact(_pick(rng, f"{name} is a {sector} company based in {city}.",
                    f"{name}, a {sector} firm, has its headquarters in {city}."),
              (f"Where is {name} based?", city),
              (f"In which city does {name} have its headquarters?", city),
              (f"What industry is {name} in?", sector)),
        _fact(_pick(rng, f"It was founded in {year} by {founder_a} and {founder_b}.",
                    f"{founder_a} and {founder_b} started the company in {year}."),
              (f"Who founded {name}?", f"{founder_a} and {founder_b}"),
              (f"When was {name} founded?", year),
              (f"In what year did {founder_a} co-found {name}?", year)),
        _fact(_pick(rng, f"The firm employs about {staff} people in {countries} countries.",
                    f"Today it has around {staff} staff, spread across {countries} countries."),
              (f"How many people work for {name}?", staff),
              (f"How many employees does {name} have?", staff),
              (f"In how many countries does {name} operate?", countries)),
        _fact(_pick(rng, f"Its best-selling product is the {product}, a {product_kind} launched in {launched}.",
                    f"The {product}, a {product_kind} first sold in {launched}, remains its most popular product."),
              (f"What is {possessive(name)} best-selling product called?", product),
              (f"Which product sells best for {name}?", product),
              (f"When did {name} launch the {product}?", launched)),
        _fact(_pick(rng, f"Since {rng.randint(max(2015, int(year) + 1), CURRENT_YEAR)} the company has been run by {ceo}.",
                    f"{ceo} is its chief executive."),
              (f"Who runs {name}?", ceo),
              (f"Who is the chief executive of {name}?", ceo)),
        _fact(_pick(rng, f"Last year it reported sales of {sales}.",
                    f"Its revenue last year came to {sales}."),
              (f"How much did {name} sell last year?", sales),
              (f"What were {possessive(name)} sales last year?", sales)),
    ]
    return facts


def structure(rng):
    kind, measure, adjective = rng.choice([("bridge", "long", "length"), ("tower", "tall", "height"),
                                           ("library", "tall", "height"), ("footbridge", "long", "length"),
                                           ("lighthouse", "tall", "height"), ("viaduct", "long", "length")])
    name = f"{rng.choice(SURNAMES)} {kind.capitalize()}" if rng.random() < 0.6 else \
        f"{rng.choice(['Harbour', 'Old Mill', 'Northgate', 'Riverside', 'Queen Street', 'Cathedral'])} {kind.capitalize()}"
    city = rng.choice(CITIES)
    architect = person(rng)
    opened = rng.randint(1860, 2021)
    size = f"{rng.randint(18, 95) if measure == 'tall' else rng.randint(40, 1900):,}"
    build_years = rng.choice(["two", "three", "four", "six", "eight"])
    cost = f"{rng.randint(2, 400)} million {rng.choice(['euros', 'dollars', 'pounds'])}"
    material = rng.choice(["red brick", "local granite", "steel and glass", "reinforced concrete",
                           "limestone", "cast iron", "timber and stone"])
    users = _thousands(rng, 300, 40000, 50)
    facts = [
        _fact(_pick(rng, f"The {name} is one of the best-known landmarks in {city}.",
                    f"The {name} stands in the centre of {city}."),
              (f"In which city is the {name}?", city),
              (f"Where is the {name}?", city)),
        _fact(_pick(rng, f"It was designed by {architect} and opened in {opened}.",
                    f"{architect} designed it, and it opened to the public in {opened}."),
              (f"Who designed the {name}?", architect),
              (f"Which architect was responsible for the {name}?", architect),
              (f"When did the {name} open?", str(opened)),
              (f"In what year was the {name} opened to the public?", str(opened))),
        _fact(_pick(rng, f"The {kind} is {size} metres {measure}.", f"It measures {size} metres in {adjective}."),
              (f"How {measure} is the {name}?", f"{size} metres"),
              (f"What is the {adjective} of the {name}?", f"{size} metres")),
        _fact(_pick(rng, f"Building it took {build_years} years and cost {cost}.",
                    f"Construction lasted {build_years} years, at a cost of {cost}."),
              (f"How long did it take to build the {name}?", f"{build_years} years"),
              (f"How much did the {name} cost?", cost),
              (f"What was the construction cost of the {name}?", cost)),
        _fact(_pick(rng, f"It is built mainly of {material}.", f"The main building material is {material}."),
              (f"What is the {name} made of?", material),
              (f"Which material was mainly used to build the {name}?", material)),
        _fact(_pick(rng, f"Around {users} people use it every day.", f"On a typical day about {users} people pass through it."),
              (f"How many people use the {name} each day?", users),
              (f"About how many people use the {name} on an average day?", users)),
    ]
    return facts


def species(rng):
    adjective = rng.choice(["spotted", "crested", "lesser", "golden-eyed", "marsh", "dwarf", "long-tailed",
                            "striped", "ridge", "pale", "banded", "silver"])
    # (animal, group, smallest and largest adult length in centimetres)
    animal, group, low, high = rng.choice([
        ("tree frog", "amphibian", 2, 8), ("wren", "songbird", 9, 12), ("gecko", "lizard", 5, 20),
        ("shrew", "mammal", 4, 10), ("salamander", "amphibian", 6, 25), ("finch", "songbird", 10, 16),
        ("bat", "mammal", 4, 12), ("kingfisher", "bird", 12, 25), ("beetle", "insect", 1, 6), ("owl", "bird", 20, 45)])
    place = rng.choice(FICTIONAL_COUNTRIES)
    name = f"{place} {adjective} {animal}"
    habitat = rng.choice(["mountain streams", "coastal dunes", "cloud forest", "reed beds", "limestone caves",
                          "old oak woodland", "high meadows", "mangrove swamps"])
    length = str(rng.randint(low, high))
    food = rng.choice(["ants", "seeds", "small snails", "moths", "berries", "water insects", "spiders",
                       "fallen fruit", "earthworms"])
    lifespan = rng.choice(["three", "four", "six", "eight", "ten", "fifteen"])
    described = str(rng.randint(1790, 2015))
    naturalist = person(rng)
    left = _thousands(rng, 200, 9000, 50)
    facts = [
        _fact(_pick(rng, f"The {name} is a small {group} found in the {habitat} of {place}.",
                    f"The {name} is a {group} that lives only in the {habitat} of {place}."),
              (f"Where does the {name} live?", habitat),
              (f"What kind of animal is the {name}?", group),
              (f"In what habitat is the {name} found?", habitat)),
        _fact(_pick(rng, f"Adults grow to about {length} centimetres long.", f"A fully grown adult is roughly {length} centimetres in length."),
              (f"How big do adult {animal}s of this species get?", f"{length} centimetres"),
              (f"How long is an adult {name}?", f"{length} centimetres")),
        _fact(_pick(rng, f"It feeds mainly on {food}.", f"Its diet consists mostly of {food}."),
              (f"What does the {name} eat?", food),
              (f"What is the main food of the {name}?", food)),
        _fact(_pick(rng, f"In the wild it can live for up to {lifespan} years.", f"Individuals may survive for {lifespan} years in the wild."),
              (f"How long can the {name} live in the wild?", f"{lifespan} years"),
              (f"What is the lifespan of the {name}?", f"{lifespan} years")),
        _fact(_pick(rng, f"It was first described in {described} by the naturalist {naturalist}.",
                    f"The naturalist {naturalist} gave the first scientific description of it in {described}."),
              (f"Who first described the {name}?", naturalist),
              (f"When was the {name} first described?", described),
              (f"In what year did scientists first describe the {name}?", described)),
        _fact(_pick(rng, f"Fewer than {left} are thought to remain, and it is listed as endangered.",
                    f"Only about {left} remain in the wild."),
              (f"How many {name}s are left?", left),
              (f"About how many {animal}s of this species survive?", left)),
    ]
    return facts


# --------------------------------------------------------------------------- subjects (news)


def event(rng):
    city = rng.choice(CITIES)
    kind = rng.choice(["marathon", "cycling race", "chess open", "rowing race", "half marathon", "triathlon"])
    winner, second = person(rng), person(rng)
    day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
    timed = kind not in ("chess open",)
    # Plausible winning times per kind of race.
    result = {"marathon": f"2 hours {rng.randint(4, 40)} minutes",
              "half marathon": f"1 hour {rng.randint(1, 25)} minutes",
              "cycling race": f"{rng.randint(3, 5)} hours {rng.randint(2, 58)} minutes",
              "triathlon": f"{rng.choice(['1 hour', '2 hours'])} {rng.randint(2, 58)} minutes",
              "rowing race": f"{rng.randint(6, 19)} minutes",
              "chess open": ""}[kind]
    gap = rng.choice(["eight seconds", "half a minute", "two minutes", "a few metres", "less than a second"])
    crowd = _thousands(rng, 3000, 90000, 500)
    prize = f"{rng.randint(2, 80)},000 {rng.choice(['euros', 'dollars', 'pounds'])}"
    month = rng.choice(["March", "April", "May", "June", "September", "October"])
    event_name = f"{city} {kind}"
    opening = (_pick(rng, f"{winner} won the {event_name} on {day}, finishing in {result}.",
                     f"{winner} took first place in the {event_name} on {day} with a time of {result}.")
               if timed else f"{winner} won the {event_name} on {day} after nine rounds of play.")
    questions = [(f"Who won the {event_name}?", winner), (f"On which day was the {event_name} decided?", day)]
    if timed:
        questions.append((f"What was the winning time in the {event_name}?", result))
    facts = [
        _fact(opening, *questions),
        _fact(_pick(rng, f"{second} came second, {gap} behind." if timed else f"{second} finished second.",
                    f"Second place went to {second}."),
              (f"Who finished second in the {event_name}?", second),
              (f"Who was the runner-up in the {event_name}?", second)),
        _fact(_pick(rng, f"Organisers said about {crowd} people watched along the route." if timed
                    else f"Organisers said about {crowd} people followed the games online.",
                    f"Around {crowd} spectators turned out, according to the organisers."),
              (f"How many people watched the {event_name}?", crowd),
              ("According to the organisers, how many spectators were there?", crowd)),
        _fact(_pick(rng, f"The winner takes home {prize}.", f"First prize was worth {prize}."),
              (f"How much prize money did the winner of the {event_name} receive?", prize),
              (f"What was first prize worth in the {event_name}?", prize)),
        _fact(_pick(rng, f"Next year's {kind} will be held in {month}.", f"The organisers plan to move next year's race to {month}."
                    if timed else f"The next edition is planned for {month}."),
              (f"When will next year's {event_name} take place?", month),
              (f"In which month will the next {event_name} be held?", month)),
    ]
    return facts


def local_news(rng):
    town_name = _town(rng)
    facility = rng.choice(["swimming pool", "library", "health centre", "bus station", "sports hall", "market hall"])
    cost = f"{rng.randint(2, 60)} million {rng.choice(['euros', 'pounds', 'dollars'])}"
    opener = person(rng)
    month = rng.choice(["January", "February", "March", "April", "May", "June", "July", "August",
                        "September", "October", "November", "December"])
    capacity = str(rng.randint(40, 900))
    closed = rng.choice(["three", "five", "seven", "ten", "twelve"])
    contractor = rng.choice(["Harrow Builders", "Ironbridge Construction", "Alder & Sons", "Cinder Works",
                             "Northgate Contractors"])
    facts = [
        _fact(_pick(rng, f"A new {facility} opened in {town_name} in {month}.",
                    f"{town_name}'s new {facility} opened its doors in {month}."),
              (f"When did the new {facility} in {town_name} open?", month),
              (f"What opened in {town_name} in {month}?", f"{facility}")),
        _fact(_pick(rng, f"It was officially opened by {opener}, who chairs the town council.",
                    f"The council chair, {opener}, cut the ribbon."),
              (f"Who opened the new {facility}?", opener),
              (f"Who chairs the town council in {town_name}?", opener)),
        _fact(_pick(rng, f"The project cost {cost} and was built by {contractor}.",
                    f"{contractor} built it for {cost}."),
              (f"How much did the new {facility} cost?", cost),
              (f"Which firm built the {facility}?", contractor),
              ("Who was the building contractor?", contractor)),
        _fact(_pick(rng, f"It replaces an older building that closed {closed} years ago.",
                    f"The town had been without one for {closed} years."),
              (f"How long was {town_name} without a {facility}?", f"{closed} years")),
        _fact(_pick(rng, f"The building can hold up to {capacity} people at a time.",
                    f"Up to {capacity} visitors can use it at once."),
              (f"How many people can the new {facility} hold?", capacity),
              (f"What is the capacity of the new {facility}?", capacity)),
    ]
    return facts


# --------------------------------------------------------------------------- subjects (how-to)


def how_to(rng):
    task = rng.choice(["bread", "tyre", "repot", "tea", "paint", "compost", "eggs", "knife", "tomatoes",
                       "cast iron", "rice"])
    if task == "bread":
        flour, water = rng.choice(["400", "450", "500", "600"]), rng.choice(["250", "300", "320", "350"])
        knead, rise = rng.choice(["eight", "ten", "twelve", "fifteen"]), rng.choice(["one", "two", "three"])
        temp, bake = rng.choice(["200", "210", "220", "230"]), rng.choice(["25", "30", "35", "40"])
        return [
            _fact(f"To make a simple loaf, mix {flour} grams of strong flour with {water} millilitres of warm water, a teaspoon of salt and a sachet of yeast.",
                  ("How much flour goes into the loaf?", f"{flour} grams"),
                  ("How much water do you need for the loaf?", f"{water} millilitres")),
            _fact(_pick(rng, f"Knead the dough for {knead} minutes, until it feels smooth and springy.",
                        f"Work the dough with your hands for {knead} minutes until it is smooth."),
                  ("How long should you knead the dough?", f"{knead} minutes")),
            _fact(f"Cover the bowl and leave it somewhere warm for {rise} {'hour' if rise == 'one' else 'hours'}, until the dough has doubled in size.",
                  ("How long should the dough be left to rise?", f"{rise} {'hour' if rise == 'one' else 'hours'}")),
            _fact(f"Bake the loaf at {temp} degrees for {bake} minutes.",
                  ("At what temperature should the bread be baked?", f"{temp} degrees"),
                  ("How long does the loaf need in the oven?", f"{bake} minutes")),
            _fact("It is done when it sounds hollow as you tap the bottom.",
                  ("How can you tell when the bread is ready?", "it sounds hollow")),
        ]
    if task == "tyre":
        pressure = rng.choice(["50", "60", "65", "80", "90"])
        levers = rng.choice(["two", "three"])
        return [
            _fact("To fix a flat bicycle tyre, first remove the wheel from the frame.",
                  ("What is the first step in fixing a flat bicycle tyre?", "remove the wheel from the frame")),
            _fact(f"Use {levers} tyre levers to lift one side of the tyre off the rim.",
                  ("How many tyre levers do you need?", levers),
                  ("What tool lifts the tyre off the rim?", "tyre levers")),
            _fact(_pick(rng, "Find the hole by pumping a little air into the tube and listening for a hiss.",
                        "Pump some air into the tube and hold it near your cheek to feel where the air escapes."),
                  ("What do you pump into the tube to find the hole?", "air")),
            _fact("Roughen the area with sandpaper, apply a patch and press it down firmly for a minute.",
                  ("What should you use to roughen the area around the hole?", "sandpaper")),
            _fact(f"Refit the tyre and inflate it to {pressure} psi.",
                  ("To what pressure should the tyre be inflated?", f"{pressure} psi")),
        ]
    if task == "repot":
        bigger = rng.choice(["two", "three", "four", "five"])
        days = rng.choice(["two", "three", "five", "seven"])
        return [
            _fact(f"Choose a new pot about {bigger} centimetres wider than the old one, with holes in the bottom.",
                  ("How much wider should the new pot be?", f"{bigger} centimetres")),
            _fact("Water the plant the day before so the roots slide out easily.",
                  ("When should you water the plant before repotting?", "the day before")),
            _fact("Gently loosen the roots with your fingers and set the plant on a layer of fresh compost.",
                  ("What should you use to loosen the roots?", "your fingers")),
            _fact(f"Keep it out of direct sun for {days} days while it settles in.",
                  ("How long should the plant stay out of direct sun?", f"{days} days"),
                  ("For how many days should a repotted plant be kept out of strong sunlight?", f"{days} days")),
        ]
    if task == "tea":
        temp, minutes = rng.choice(["70", "75", "80", "85"]), rng.choice(["two", "three", "four"])
        grams = rng.choice(["two", "three", "four"])
        return [
            _fact(f"Green tea tastes bitter if the water is too hot, so let it cool to about {temp} degrees.",
                  ("How hot should the water be for green tea?", f"{temp} degrees"),
                  ("Why should the water for green tea not be too hot?", "tastes bitter")),
            _fact(f"Use {grams} grams of leaves for each cup.",
                  ("How many grams of leaves should you use per cup?", f"{grams} grams")),
            _fact(f"Let the leaves steep for {minutes} minutes, then strain.",
                  ("How long should green tea steep?", f"{minutes} minutes"),
                  ("For how long do you leave the leaves in the water?", f"{minutes} minutes")),
            _fact("The same leaves can be used two or three times.",
                  ("How many times can the leaves be reused?", "two or three times")),
        ]
    if task == "paint":
        coats, hours = rng.choice(["two", "three"]), rng.choice(["two", "four", "six"])
        return [
            _fact("Before painting a wall, wash it with warm soapy water and let it dry.",
                  ("What should you wash the wall with before painting?", "warm soapy water")),
            _fact("Cover the edges of windows and skirting boards with masking tape.",
                  ("What do you use to protect the edges of windows?", "masking tape")),
            _fact(_pick(rng, "Start with a brush around the edges, then use a roller for the large areas.",
                        "Paint the edges with a brush first and fill in the rest with a roller."),
                  ("What tool is best for the large areas of a wall?", "a roller")),
            _fact(f"Most walls need {coats} coats, with at least {hours} hours between them.",
                  ("How many coats of paint do most walls need?", coats),
                  ("How long should you wait between coats?", f"{hours} hours")),
        ]
    if task == "eggs":
        size = rng.choice(["medium", "large"])
        soft, hard = str(rng.randint(4, 6)), str(rng.randint(8, 11))
        cool = rng.choice(["two", "three"])
        return [
            _fact(_pick(rng, "To boil eggs, lower them gently into a pan of boiling water with a spoon.",
                        "Bring a pan of water to the boil and lower the eggs in with a spoon so they don't crack."),
                  ("What should you use to lower the eggs into the water?", "a spoon")),
            _fact(f"For a soft yolk, cook {size} eggs for {soft} minutes; for a firm yolk, allow {hard} minutes.",
                  (f"How long should {size} eggs cook for a soft yolk?", f"{soft} minutes"),
                  ("How many minutes does a firm yolk take?", f"{hard} minutes")),
            _fact(f"Then move them into cold water for {cool} minutes so they stop cooking and peel easily.",
                  ("How long should the eggs stay in cold water?", f"{cool} minutes"),
                  ("Where do the eggs go once they are cooked?", "cold water")),
        ]
    if task == "knife":
        soak, angle, strokes = rng.choice(["five", "ten", "fifteen"]), rng.choice(["15", "17", "20"]), \
            rng.choice(["ten", "twelve", "twenty"])
        finish = rng.choice(["a leather strop", "a honing steel", "a sheet of newspaper"])
        return [
            _fact(f"Before sharpening a kitchen knife, soak the whetstone in water for {soak} minutes.",
                  ("How long should the whetstone soak?", f"{soak} minutes"),
                  ("What do you soak before sharpening a knife?", "the whetstone")),
            _fact(_pick(rng, f"Hold the blade at an angle of about {angle} degrees to the stone.",
                        f"Keep the edge at roughly {angle} degrees against the stone."),
                  ("At what angle should the blade meet the stone?", f"{angle} degrees")),
            _fact(f"Draw each side across the stone {strokes} times, applying light pressure.",
                  ("How many strokes does each side of the blade need?", strokes)),
            _fact(f"Finish by polishing the edge on {finish}.",
                  ("What is used to polish the edge at the end?", finish)),
        ]
    if task == "tomatoes":
        month = rng.choice(["April", "May", "June"])
        spacing, stake = str(rng.randint(45, 60)), str(rng.randint(20, 35))
        water = rng.choice(["every morning", "twice a week", "every other day"])
        return [
            _fact(f"Plant tomato seedlings outside in {month}, once there is no longer any risk of frost.",
                  ("When should tomato seedlings be planted outside?", month),
                  ("What risk must have passed before planting tomatoes out?", "frost")),
            _fact(_pick(rng, f"Space the plants {spacing} centimetres apart so that air can move between them.",
                        f"Leave {spacing} centimetres between plants to let air circulate."),
                  ("How far apart should tomato plants be?", f"{spacing} centimetres")),
            _fact(f"Water them {water}, at the base rather than on the leaves.",
                  ("How often should the plants be watered?", water),
                  ("Where should you pour the water?", "at the base")),
            _fact(f"Tie each plant to a cane once it reaches {stake} centimetres in height.",
                  ("When should a tomato plant be tied to a cane?", f"once it reaches {stake} centimetres in height"),
                  ("What is each plant tied to?", "a cane")),
        ]
    if task == "cast iron":
        scrub = rng.choice(["coarse salt", "a stiff brush", "a chain-mail scrubber"])
        dry = rng.choice(["two", "three", "five"])
        oil = rng.choice(["vegetable oil", "sunflower oil", "flaxseed oil"])
        return [
            _fact("Clean a cast-iron pan while it is still warm, using hot water and no soap.",
                  ("What should a cast-iron pan be cleaned with?", "hot water")),
            _fact(f"Scrub off any stuck food with {scrub}.",
                  ("What should you scrub the pan with?", scrub),
                  ("What can you use to remove food stuck to the pan?", scrub)),
            _fact(f"Dry it over a low heat for {dry} minutes so that no water is left to cause rust.",
                  ("How long should the pan dry over the heat?", f"{dry} minutes"),
                  ("Why must no water be left on the pan?", "rust")),
            _fact(f"Finally, rub a thin layer of {oil} over the inside.",
                  ("Which oil is rubbed into the pan?", oil)),
        ]
    if task == "rice":
        rinse = rng.choice(["two", "three", "four"])
        ratio = rng.choice(["one and a half", "one and a quarter", "two"])
        simmer, rest = str(rng.randint(12, 18)), rng.choice(["five", "ten"])
        return [
            _fact(f"Rinse the rice {rinse} times, until the water runs almost clear.",
                  ("How many times should the rice be rinsed?", rinse)),
            _fact(f"Use {ratio} cups of water for every cup of rice.",
                  ("How much water do you need per cup of rice?", f"{ratio} cups")),
            _fact(_pick(rng, f"Bring it to the boil, cover, and simmer on the lowest heat for {simmer} minutes.",
                        f"Once it boils, put the lid on and let it simmer gently for {simmer} minutes."),
                  ("How long should the rice simmer?", f"{simmer} minutes")),
            _fact(f"Take the pan off the heat and leave it covered for {rest} minutes before serving.",
                  ("How long should the rice rest before serving?", f"{rest} minutes")),
        ]
    # compost
    ratio, weeks = rng.choice(["two", "three"]), rng.choice(["six", "eight", "ten", "twelve"])
    return [
        _fact("A good compost heap mixes green waste, such as vegetable peelings, with brown waste, such as cardboard and dry leaves.",
              ("What is an example of brown waste?", "cardboard and dry leaves"),
              ("Which kind of waste are vegetable peelings?", "green waste")),
        _fact(f"Aim for roughly {ratio} parts brown to one part green.",
              ("How many parts brown waste should you use for each part green?", ratio)),
        _fact(f"Turn the heap with a fork every {weeks} weeks to let air in.",
              ("How often should the compost heap be turned?", f"every {weeks} weeks"),
              ("What tool do you use to turn the heap?", "a fork")),
        _fact("Avoid meat and dairy, which attract rats.",
              ("Why should meat and dairy be kept out of compost?", "attract rats")),
    ]


# (subject, weight). train, validation and test use SUBJECTS; test_heldout only HELDOUT_SUBJECTS.
SUBJECTS = [(town, 15), (biography, 15), (company, 14), (event, 11), (local_news, 9), (how_to, 12)]
HELDOUT_SUBJECTS = [(species, 12), (structure, 12)]
# The opening sentence of a held-out subject's context (it is always kept): what the tests look for.
HELDOUT_OPENING = re.compile(r"^The .+ (is an? (small )?\S+ (found|that lives only) in the|is one of the best-known landmarks in|"
                             r"stands in the centre of) ")


def make_item(rng: random.Random, subjects=SUBJECTS) -> dict | None:
    """One context-question-answer row, or None when no question has a unique answer in the context."""
    subject = rng.choices([s for s, _ in subjects], weights=[w for _, w in subjects])[0]
    facts = subject(rng)
    # The opening fact introduces the subject; how-to steps keep their order and are never dropped in the middle.
    if subject is how_to:
        chosen = facts[:rng.randint(min(3, len(facts)), len(facts))]
    else:
        rest = facts[1:]
        keep = sorted(rng.sample(range(len(rest)), k=rng.randint(1, min(5, len(rest)))))
        chosen = [facts[0]] + [rest[k] for k in keep]
    context = tidy(fix_articles(" ".join(fact["sentence"] for fact in chosen)))
    options = [(q, a) for fact in chosen for q, a in fact["questions"]]
    rng.shuffle(options)
    for question, answer in options:
        # Exactly one occurrence, so "the span" is unambiguous for exact-match scoring.
        if context.count(answer) == 1:
            return {"context": context, "question": question, "answer": answer}
    return None


_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_LIFESPAN = re.compile(r"\((\d{4})-(\d{4})\)")
_BORN = re.compile(r"born in [A-Z][\w'-]*(?: [A-Z][\w'-]*)* in (\d{4})")


def check_row(row: dict) -> list[str]:
    """The consistency problems of one row (empty when it is sound).

    No year after CURRENT_YEAR; in a biography (a "(born-died)" span or "born in <place> in
    <year>"), death comes 55 to 95 years after birth and every other year lies between them.

    Example:
        >>> check_row({"context": "Ana Lima (1962-2054) was a poet from Porto.", "question": "?", "answer": "poet"})
        ['year 2054 is after 2024', 'death in 2054 is after 2024']
    """
    context = row["context"]
    years = [int(y) for y in _YEAR.findall(context)]
    problems = [f"year {y} is after {CURRENT_YEAR}" for y in years if y > CURRENT_YEAR]
    span = _LIFESPAN.search(context)
    born_only = _BORN.search(context)
    if span:
        born, died = int(span.group(1)), int(span.group(2))
        if died > CURRENT_YEAR:
            problems.append(f"death in {died} is after {CURRENT_YEAR}")
        if not 55 <= died - born <= 95:
            problems.append(f"a life of {died - born} years")
    elif born_only:
        born, died = int(born_only.group(1)), CURRENT_YEAR
    else:
        return problems
    problems += [f"year {y} outside the life {born}-{died}" for y in years if not born <= y <= died]
    return problems


def build(seed: int = SEED) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    needed = sum(size for split, size in SIZES.items() if split != "test_heldout")
    seen = [row for row in (make_item(rng) for _ in range(needed * 2)) if row is not None]
    held = [row for row in (make_item(rng, HELDOUT_SUBJECTS) for _ in range(SIZES["test_heldout"] * 3)) if row is not None]
    problems = [(row["context"], check_row(row)) for row in seen + held if check_row(row)]
    if problems:
        raise RuntimeError(f"{len(problems)} inconsistent contexts, e.g. {problems[:2]}")
    return cut_splits(rng, seen, held, SIZES, key="context")


if __name__ == "__main__":
    write_splits("qa", "qa", build())
