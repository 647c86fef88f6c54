"""Generate the bundled sentiment task: data/sentiment/{train,validation,test}.jsonl.

Rows are ``{"id", "text", "label"}`` with ``label`` in ``positive`` / ``negative``:
short reviews (1-4 sentences) of films, products, restaurants, places and
services. A review is composed from a *style* and several hand-written sentences:

* ``plain``          -- opinions on two or three aspects, then maybe a verdict;
* ``negation``       -- the verdict carried by a negated phrase ("not bad at all");
* ``mixed``          -- one point against the overall verdict, which stays clear;
* ``understatement`` -- a dry, low-key verdict ("I'd go back.");
* ``sarcasm``        -- praise words, negative meaning ("Great, another phone
                        that dies by noon."), and the odd back-handed compliment.

Every sentence was written for this project. Run ``python data/generators/sentiment.py``;
the output is byte-identical on every run (one seeded ``random.Random``).
"""

from __future__ import annotations

import random
import re

from _common import capitalize_first, dedupe, person, tidy, write_splits, CITIES, FICTIONAL_TOWNS

SEED = 1301
SIZES = {"train": 1100, "validation": 160, "test": 160}   # per split, half positive and half negative

# --------------------------------------------------------------------------- domains
# Each domain: names for the thing reviewed, aspects as (phrase, plural?), and sentences per polarity.
# Slots: {name} the thing reviewed, {a}/{be} an aspect and its verb, {b}/{be2} a second aspect,
# {who} a person, {n} a small number, {town} a place.

FILM_TITLES = ["The Glass Orchard", "Midnight at Harrow Pier", "Small Hours", "The Last Ferry to Velden",
               "Paper Lanterns", "Iron Meridian", "A Winter for Rosa", "Signal Lost", "The Cartographer's Son",
               "Saltwater Hymns", "Neon Tide", "Quiet Engines", "The Orchard Thief", "Ghosts of Brindmoor",
               "Seven Rooms", "Hollow Crown Road", "Low Tide Letters", "The Copper Kite", "Northbound",
               "Dust and Daylight"]
FILM_ASPECTS = ["the acting", "the script", "the soundtrack", "the pacing", "the ending", "the cinematography",
                "the dialogue", "the lead performance", "the plot", "the special effects", "the supporting cast",
                "the final act", "the costumes", "the jokes", "the action scenes"]
# Products and places get their own aspects, so an umbrella is never praised for its screen.
GENERIC_PRODUCT_ASPECTS = ["the build quality", "the instructions", "the design", "the finish"]
PRODUCTS = {
    "this phone": ["the battery", "the camera", "the screen", "the speaker"],
    "these headphones": ["the sound", "the noise cancelling", "the ear cushions", "the battery"],
    "the kettle": ["the lid", "the handle", "the switch", "the spout"],
    "this blender": ["the motor", "the blades", "the jug", "the lid"],
    "the new laptop": ["the keyboard", "the screen", "the battery", "the trackpad"],
    "this backpack": ["the zips", "the straps", "the pockets", "the fabric"],
    "the robot vacuum": ["the app", "the suction", "the brushes", "the battery"],
    "these running shoes": ["the soles", "the laces", "the cushioning", "the fit"],
    "the smartwatch": ["the strap", "the battery", "the screen", "the heart-rate sensor"],
    "this desk lamp": ["the switch", "the arm", "the light", "the base"],
    "the air fryer": ["the basket", "the timer", "the controls", "the non-stick coating"],
    "this e-reader": ["the screen", "the battery", "the page-turn buttons", "the backlight"],
    "the coffee grinder": ["the burrs", "the motor", "the hopper", "the grind settings"],
    "these walking boots": ["the soles", "the laces", "the leather", "the fit"],
    "the electric toothbrush": ["the battery", "the brush heads", "the charger", "the timer"],
    "this tent": ["the poles", "the zips", "the groundsheet", "the pegs"],
    "the office chair": ["the armrests", "the wheels", "the cushion", "the backrest"],
    "the bluetooth speaker": ["the sound", "the bass", "the battery", "the buttons"],
    "this umbrella": ["the canopy", "the handle", "the frame", "the catch"],
    "the sewing machine": ["the needle", "the foot pedal", "the bobbin", "the stitch settings"],
}
RESTAURANTS = ["Casa Lumen", "The Brass Spoon", "Little Saigon Kitchen", "Olive & Ember", "Noodle Yard",
               "The Harbour Grill", "Mama Efua's", "Trattoria Gallo", "Blue Lotus", "The Copper Pot",
               "Sakura Counter", "El Fogon", "The Hungry Heron", "Spice Route", "Bistro Moreau",
               "Kettle & Crumb", "Taqueria Sol", "The Green Fig", "Chez Ines", "Pho Corner"]
DISHES = ["the starters", "the main course", "the dessert", "the bread", "the soup", "the fish",
          "the house special", "the salad", "the side dishes", "the sauce", "the grilled vegetables",
          "the lunch menu", "the daily special", "the dumplings", "the noodles"]
PLACES = {
    "the old town museum": ["the exhibits", "the galleries", "the cafe", "the display cases"],
    "the botanical garden": ["the glasshouses", "the flower beds", "the cafe", "the paths"],
    "the harbour hotel": ["the rooms", "the breakfast room", "the pool", "the beds"],
    "the national park": ["the trails", "the campsites", "the visitor centre", "the picnic areas"],
    "the aquarium": ["the tanks", "the shark tunnel", "the cafe", "the touch pools"],
    "the castle": ["the towers", "the grounds", "the great hall", "the courtyard"],
    "the beach resort": ["the beach", "the pool", "the rooms", "the restaurant"],
    "the science centre": ["the exhibits", "the workshop rooms", "the cafe", "the planetarium"],
    "the night market": ["the food stalls", "the craft stalls", "the seating area", "the toilets"],
    "the hostel": ["the dorms", "the kitchen", "the showers", "the common room"],
    "the lakeside campsite": ["the pitches", "the showers", "the shop", "the jetty"],
    "the art gallery": ["the main collection", "the galleries", "the cafe", "the sculpture garden"],
    "the zoo": ["the enclosures", "the play area", "the cafe", "the paths"],
    "the spa": ["the treatment rooms", "the pool", "the sauna", "the changing rooms"],
    "the guesthouse": ["the rooms", "the breakfast room", "the garden", "the beds"],
}
SERVICES = ["the plumber", "the local bank", "the airline", "the gym", "the hairdresser", "the removal company",
            "the internet provider", "the garage", "the dentist", "the cleaning service", "the courier",
            "the language school", "the dry cleaner", "the car rental firm", "the vet"]
SERVICE_ASPECTS = ["the booking process", "the staff", "the price", "the customer service", "the follow-up",
                   "the phone support", "the opening hours", "the website", "the advice", "the invoice",
                   "the timekeeping", "the paperwork"]

DOMAINS = {
    "film": {
        "names": FILM_TITLES,
        "aspects": lambda name: FILM_ASPECTS,
        "positive": [
            "{name} kept me on the edge of my seat from the first scene to the last.",
            "{A} {be} superb, and I was still thinking about it on the way home.",
            "I laughed, I cried, and I went back to see {name} a second time.",
            "{A} {be} beautifully judged, never showy.",
            "The two hours flew by.",
            "It is the kind of film you want to talk about over dinner afterwards.",
            "{who} gives the performance of a career as the grieving father.",
            "Every shot looks like a painting, and {b} {be2} just as good.",
            "My teenagers put their phones away for the whole film, which says everything.",
            "{A} alone {be} worth the ticket price.",
            "I expected a quiet drama and got something far richer.",
            "The whole cinema applauded when the credits rolled.",
            "The quiet moments land just as hard as the big ones.",
            "{who} and {who} have real chemistry, and you believe every word they say to each other.",
            "I went in knowing nothing about it and came out recommending it to everyone I met.",
            "It is funny, sad and surprisingly tense, often in the same scene.",
            "The last ten minutes are some of the best filmmaking I have seen this year.",
            "Even my friend who hates musicals was humming the songs afterwards.",
        ],
        "negative": [
            "{name} drags on for what feels like a week.",
            "{A} {be} flat, and {b} {be2} even worse.",
            "I checked my watch four times before the halfway mark.",
            "The plot twists can be seen coming from a mile away.",
            "{A} {be} so bad that people around me were laughing at the wrong moments.",
            "{who} looks bored in every scene, and so was I.",
            "It tries to be three films at once and manages none of them.",
            "Half the audience had left before the end.",
            "{name} is loud where it should be tense and dull where it should be fun.",
            "Two hours and twenty minutes of my life I will never get back.",
            "The characters make decisions no real person would make.",
            "I fell asleep during the big chase, and I regret nothing.",
            "The jokes fall flat and the drama never gets going.",
            "Every scene goes on at least a minute too long.",
            "{who} is wasted on a script that gives the cast nothing to work with.",
            "By the halfway point I no longer cared who the killer was.",
            "The trailer promised a thriller; the film delivers a long, confused lecture.",
            "The sound mix is so muddy that we missed half the dialogue.",
        ],
        "sarcasm": [
            "Great, another three-hour superhero film where nothing happens.",
            "Oh good, a sequel nobody asked for with the same jokes as the first.",
            "What a treat to pay full price for a film that ends mid-sentence.",
            "Loved the part where the plot stopped making sense, which was most of it.",
            "Brilliant idea to explain the twist three times in case we missed it.",
        ],
        "positive_sarcasm": [
            "My only complaint is that it ruined every other film I watched that week.",
            "The only catch: I now have to buy the soundtrack.",
        ],
    },
    "product": {
        "names": list(PRODUCTS),
        "aspects": lambda name: PRODUCTS[name] + GENERIC_PRODUCT_ASPECTS,
        "positive": [
            "I have used {name} almost every day for {n} months and it still works like new.",
            "{A} {be} excellent, especially for the money.",
            "Setting it up took about five minutes, and {b} {be2} a pleasant surprise.",
            "It feels solid, and nothing rattles or creaks.",
            "It does exactly what it promises, quietly and reliably.",
            "My partner borrowed it once and now wants one of their own.",
            "{A} {be} far better than on the one I had before.",
            "It arrived a day early and was easy to use straight out of the box.",
            "I bought a second one as a present.",
            "Worth every penny.",
            "After a long search I finally found one that lasts.",
            "Customer support answered my question within the hour.",
            "{A} {be} better than I expected at this price.",
            "It is light enough to carry around all day without noticing.",
            "I was sceptical about the reviews, but they were right.",
            "After {n} months of daily use there is barely a scratch on it.",
            "It replaced two gadgets in our kitchen cupboard.",
            "The little details, like a proper carry bag, show someone actually thought about it.",
        ],
        "negative": [
            "{Name} stopped working after {n} weeks.",
            "{A} {be} poor, and {b} {be2} no better.",
            "The first one arrived broken and the replacement broke too.",
            "{A} {be} a joke for something this expensive.",
            "I spent an hour on the phone to support and got nowhere.",
            "{A} {be} nothing like the photos on the website.",
            "It started making a rattling noise that gets louder every week.",
            "It gave up completely within a month.",
            "I sent it back and bought a cheaper one that actually works.",
            "Save your money.",
            "Within a month the finish had started peeling off.",
            "It looked great in the shop and fell apart at home.",
            "The battery indicator says full right up until it switches itself off.",
            "One of the parts snapped the second time I used it.",
            "It is heavier and noisier than the description suggests.",
            "Half the features only work if you sign up for a subscription.",
            "The warranty turned out to cover almost nothing.",
            "My old one was ten years old and worked better than this.",
        ],
        "sarcasm": [
            "Great, another phone that dies by noon.",
            "Wonderful, a kettle that takes longer to boil than it takes me to walk to a cafe.",
            "I love a vacuum that needs rescuing from under the sofa twice a day.",
            "Nothing beats headphones that only work in the left ear.",
            "Fantastic design choice to put the power button exactly where you grip it.",
            "Perfect if you enjoy reading the manual more than using the thing.",
        ],
        "positive_sarcasm": [
            "Terrible news for my old one, which has now been retired for good.",
            "My only problem is that I have no excuse to buy a new one for years.",
        ],
    },
    "restaurant": {
        "names": RESTAURANTS,
        "aspects": lambda name: DISHES,
        "positive": [
            "We had dinner at {name} last Friday and are already planning our next visit.",
            "{A} {be} delicious, and {b} {be2} even better.",
            "The staff remembered us from our last visit and had our table ready.",
            "{A} {be} generous, fresh and full of flavour.",
            "Every dish came out hot and beautifully presented.",
            "It was the best meal I have had in {town} in years.",
            "{A} alone {be} worth the trip.",
            "The chef came out to ask how everything was, which was a lovely touch.",
            "We left full, happy and not much poorer.",
            "Book ahead, because it is always busy for a reason.",
            "Our waiter, {who}, made great recommendations.",
            "The room was cosy and the music was just loud enough.",
            "{A} tasted like something my grandmother would make, which is the highest praise I have.",
            "They happily adapted two dishes for my friend's allergy.",
            "The portions were big enough to share, and the prices were fair.",
            "Even the tap water came with a slice of lemon and a smile.",
            "We turned up without a booking and they still found us a table.",
            "I am still thinking about {a}.",
        ],
        "negative": [
            "We waited {n}0 minutes for a table we had booked.",
            "{A} {be} cold, and {b} {be2} overpriced.",
            "The place smelled of old frying oil.",
            "{A} {be} bland, as if nobody had tasted it before sending it out.",
            "Our order was wrong twice and nobody apologised.",
            "The bill included two drinks we never ordered.",
            "{A} {be} so salty I could not finish it.",
            "The table was sticky and the cutlery was not clean.",
            "It is the worst meal I have had in {town} in a long time.",
            "We had to ask three times for water.",
            "The waiter rolled his eyes when we asked about allergies.",
            "I was ill for two days afterwards.",
            "{A} arrived lukewarm, and nobody came to check on us.",
            "The music was so loud we had to shout across the table.",
            "There was a hair in {a}, and the manager just shrugged.",
            "Half the menu was unavailable and nobody told us until we ordered.",
            "We paid a service charge for service we never really got.",
            "It has gone badly downhill since it changed owners.",
        ],
        "sarcasm": [
            "Nothing says fine dining like a forty-minute wait for cold soup.",
            "What a bargain: thirty euros for three prawns and a smear of sauce.",
            "Loved being rushed out of my seat before I had finished eating.",
            "Great to see the chef trying something bold, like forgetting the salt entirely.",
            "The waiter was a delight, on the few occasions we saw him.",
        ],
        "positive_sarcasm": [
            "The only problem is that every other restaurant now feels like a letdown.",
            "My diet did not survive the dessert menu, and I am not sorry.",
        ],
    },
    "place": {
        "names": list(PLACES),
        "aspects": lambda name: PLACES[name],
        "positive": [
            "We spent a whole day at {name} and could happily have stayed longer.",
            "{A} {be} lovely, and {b} {be2} just as good.",
            "It is the highlight of any trip to {town}.",
            "{A} {be} spotless and the staff could not do enough for us.",
            "The kids were fascinated from start to finish.",
            "Our guide, {who}, knew the history inside out and told it with real warmth.",
            "{A} alone {be} worth the visit.",
            "Even on a rainy afternoon there was plenty to do.",
            "We are already planning to go back next summer.",
            "It was quiet, clean and surprisingly good value.",
            "The view from the top was unforgettable.",
            "Everything was well organised, from the tickets to the shuttle bus.",
            "{A} {be} even better than in the photos.",
            "There were benches and shade everywhere, which mattered with two small children.",
            "The audio guide was free and genuinely interesting.",
            "We arrived early and had the place almost to ourselves.",
            "Staff went out of their way to help my father with his wheelchair.",
            "It was worth every minute of the long drive.",
        ],
        "negative": [
            "{Name} was crowded, dirty and far too expensive.",
            "{A} {be} run-down, and {b} {be2} not much better.",
            "Half of it was shut and nobody told us at the ticket desk.",
            "{A} {be} a real disappointment after everything we had read.",
            "We queued for an hour in the sun with no water for sale.",
            "The staff seemed annoyed that we had turned up at all.",
            "{A} {be} dirty and neglected.",
            "It was the low point of our week in {town}.",
            "The photos online must have been taken twenty years ago.",
            "We left after forty minutes and asked for a refund.",
            "There was building work next door from seven every morning.",
            "The paths were flooded and nobody had put up a warning sign.",
            "{A} {be} closed without any explanation.",
            "The only cafe had run out of almost everything by lunchtime.",
            "Parking cost more than the entrance ticket.",
            "The signs were faded and we kept getting lost.",
            "We were herded through in groups of forty with no time to look at anything.",
            "It was noisy, overpriced and much smaller than advertised.",
        ],
        "sarcasm": [
            "Loved paying extra for a room that smelled of damp.",
            "What a view, if you enjoy looking at a car park.",
            "Brilliant to discover the pool was closed, the day after we booked.",
            "Nothing like a relaxing afternoon with a drill going next door.",
            "The guide was very thorough: he read every sign out loud, slowly.",
        ],
        "positive_sarcasm": [
            "Be warned: you will never want to leave.",
            "The only downside is that every other holiday now feels a bit dull.",
        ],
    },
    "service": {
        "names": SERVICES,
        "aspects": lambda name: SERVICE_ASPECTS,
        "positive": [
            "{Name} sorted out the problem in one visit.",
            "{A} {be} clear, and the staff were friendly and quick.",
            "{who} explained every step and never made me feel silly for asking.",
            "{A} {be} fair, with no hidden extras.",
            "They were exactly on time and did everything they promised.",
            "I have recommended them to all my neighbours in {town}.",
            "{A} {be} the best I have dealt with in years.",
            "They called the next day to check everything was still fine.",
            "Booking took two minutes online.",
            "Quick, honest and reasonably priced.",
            "After years of switching I have finally found one I trust.",
            "The whole thing was done in half the time they quoted.",
            "They explained the bill line by line without being asked.",
            "When something went wrong they fixed it the same day, at no cost.",
            "{who} on the front desk remembered my name after one visit.",
            "The price was exactly what they quoted, not a penny more.",
            "They were patient with all my questions and never rushed me.",
            "I no longer dread dealing with this kind of thing.",
        ],
        "negative": [
            "{Name} cancelled on me three times in one week.",
            "{A} {be} confusing, and {b} {be2} worse.",
            "I was on hold for {n}0 minutes before being cut off.",
            "The final bill was double what they quoted on the phone.",
            "Nobody answered my emails for a fortnight.",
            "They made a mess of it, and the problem came back the next day.",
            "{A} {be} unhelpful from start to finish.",
            "I had to explain the problem to five different people.",
            "The refund I was promised never arrived.",
            "I would not trust them with anything important.",
            "They charged me a fee just to tell me they could not help.",
            "Avoid them if you value your time.",
            "{A} {be} a maze of forms and dead links.",
            "Every time I called I was told someone would ring me back. Nobody ever did.",
            "They lost my paperwork twice.",
            "{who} promised to sort it out and then went on holiday for three weeks.",
            "The price went up by a third without any warning.",
            "The chat assistant kept sending me the same useless link.",
        ],
        "sarcasm": [
            "Great, another internet provider whose connection drops every evening at eight.",
            "What a pleasure to be told my call is important to them for an hour.",
            "Love an airline that loses your bag and then charges you to look for it.",
            "Fantastic service: they fixed the tap and flooded the kitchen.",
            "Very efficient of them to bill me for a repair they never did.",
        ],
        "positive_sarcasm": [
            "The bad news is that I have nothing left to complain about.",
            "I am a little annoyed that I waited so long to switch to them.",
        ],
    },
}

# --------------------------------------------------------------------------- styles (domain-neutral pieces)

VERDICT = {
    "positive": ["Highly recommended.", "Five stars from me.", "I would recommend it to anyone.",
                 "A pleasure from start to finish.", "A real gem.", "Absolutely worth it.", "I'm a fan.",
                 "Ten out of ten.", "Go, you won't regret it.", "Thoroughly enjoyable."],
    "negative": ["Avoid.", "One star, and that is generous.", "I would not recommend it.",
                 "Never again.", "A complete waste of money.", "Deeply disappointing.", "Steer clear.",
                 "Not for me, and probably not for you.", "Two out of ten.", "Such a letdown."],
}
NEGATION = {
    "positive": ["Not bad at all.", "I honestly can't fault it.", "I didn't expect much, but I was not disappointed.",
                 "There was nothing I didn't like.", "I have no complaints whatsoever.",
                 "It never once felt like a waste of money.", "I can't remember the last time I enjoyed something this much.",
                 "Not a single thing went wrong.", "You won't find better at this price.",
                 "It is not perfect, but it is not far off."],
    "negative": ["Not worth the money.", "I wouldn't recommend it to anyone.", "It was not good, and not cheap either.",
                 "Nothing about it worked the way it should.", "I can't think of one thing I liked.",
                 "It is not terrible, it is just not good.", "I won't be trying it again.",
                 "I didn't enjoy a single minute of it.", "None of the reviews mentioned how bad it really is.",
                 "It never lived up to the hype."],
}
UNDERSTATEMENT = {
    "positive": ["I'd happily choose it again.", "It did the job, and then some.", "I suppose I'll have to admit it was rather good.",
                 "Safe to say I was won over.", "Hard to complain, really.", "It'll do nicely.",
                 "Let's just say I've already told my friends.", "Not the worst way to spend an afternoon, to put it mildly.",
                 "I might have smiled once or twice. Fine, the whole time.", "Quietly excellent."],
    "negative": ["Let's just say I won't be repeating the experience.", "It was not quite what we'd hoped for.",
                 "I've had better. Most things, in fact.", "It could have gone better.",
                 "A bit of a letdown, to put it kindly.", "Let's say it was an experience.",
                 "Not quite my cup of tea, or anyone else's in our group.", "I have had more fun at the dentist.",
                 "It was fine, if you like being mildly miserable.", "Some room for improvement. Quite a lot of room."],
}
# Mixed: a minor point against the verdict, then the verdict. {a}/{be} bound as above.
MIXED = {
    "positive": [
        "{A} {be} a bit of a letdown, but everything else more than made up for it.",
        "It isn't cheap, but I'd pay it again without thinking twice.",
        "{A} could be better; overall, though, I loved it.",
        "Yes, {a} {be} forgettable. Still, I am glad I chose it.",
        "There were a couple of small problems, but none that spoiled it.",
        "I had my doubts at first, but by the end I was completely won over.",
        "Despite a shaky start, it turned into one of the highlights of my month.",
    ],
    "negative": [
        "{A} {be} lovely, but that doesn't rescue the rest.",
        "The first impression was promising; it went downhill from there.",
        "I wanted to like it, and {a} {be} fine, but overall it fell flat.",
        "There are one or two good moments, but they are buried under everything that goes wrong.",
        "It looks great on paper. In practice, it is a mess.",
        "{A} {be} nice enough, which makes the rest all the more frustrating.",
        "Friendly people, sadly, can't make up for such a poor experience.",
    ],
}


BACK_REFERENCE = {"film": "the film", "product": "it", "restaurant": "this restaurant", "place": "the place",
                  "service": "they"}


SENTENCE_BREAK = re.compile(r"(?<=[.!?]) +")


def _is_plural(aspect: str) -> bool:
    """English plural by its last letter, good enough for these lists ("the bass" stays singular)."""
    return aspect.endswith("s") and not aspect.endswith("ss")


def _fill(rng, sentence: str, domain: dict, name: str, mention: str | None = None) -> str:
    """Fill one sentence's slots; each call draws fresh aspects of ``name``.

    ``mention`` is how the sentence refers to it ("it", "the film"); by default its name.
    """
    mention = mention or name
    a, b = rng.sample(domain["aspects"](name), k=2)
    a_plural, b_plural = _is_plural(a), _is_plural(b)
    values = {
        "name": mention, "Name": capitalize_first(mention),
        "a": a, "A": capitalize_first(a), "be": "were" if a_plural else "was",
        "b": b, "be2": "were" if b_plural else "was",
        "who": person(rng), "n": rng.choice(["two", "three", "four", "six", "eight"]),
        "town": rng.choice(CITIES + FICTIONAL_TOWNS),
    }
    if "{n}0" in sentence:  # "{n}0 minutes" needs digits, not words
        values["n"] = str(rng.randint(2, 9))
    return capitalize_first(sentence.format(**values))


def _opener(rng, domain_key: str, name: str) -> str:
    """An optional first sentence that names what is reviewed, so reviews don't all start mid-thought."""
    openers = {
        "film": ["Saw {name} on Saturday.", "We watched {name} last night.", "Finally caught {name} at the cinema.",
                 "Streamed {name} at home with my sister.", "I had been waiting months for {name}.",
                 "We picked {name} for our film club this month."],
        "product": ["I bought {name} {n} months ago.", "I've had {name} since the spring.", "A quick review of {name}.",
                    "I got {name} as a birthday present.", "I replaced my old one with {name} in {month}.",
                    "We ordered {name} online after reading the reviews."],
        "restaurant": ["We ate at {name} for my birthday.", "Lunch at {name} today.", "Tried {name} on a friend's advice.",
                       "Took my parents to {name} on Sunday.", "Dinner for six at {name} last weekend.",
                       "We found {name} by chance on a walk through {town}."],
        "place": ["We visited {name} during the school holidays.", "A weekend trip to {name}.",
                  "We stopped at {name} on our way to {town}.", "We spent two nights near {name} in {month}.",
                  "Went to {name} with a group from work.", "My partner booked {name} as a surprise."],
        "service": ["I used {name} for the first time last month.", "Some thoughts on {name}.",
                    "We've been with {name} for a year now.", "I had to call {name} after a problem in {month}.",
                    "I needed {name} at short notice in {month}.", "A neighbour recommended {name}."],
    }
    sentence = rng.choice(openers[domain_key])
    month = rng.choice(["January", "March", "April", "June", "August", "October", "November"])
    return capitalize_first(sentence.format(name=name, n=rng.choice(["two", "three", "six"]),
                                            town=rng.choice(CITIES), month=month))


def make_review(rng: random.Random, label: str) -> dict:
    domain_key = rng.choice(list(DOMAINS))
    domain = DOMAINS[domain_key]
    name = rng.choice(domain["names"])
    style = rng.choices(["plain", "negation", "mixed", "understatement", "sarcasm"],
                        weights=[35, 18, 20, 14, 13])[0]
    body = rng.sample(domain[label], k=rng.randint(1, 2))
    pieces: list[str] = []
    if style == "plain":
        pieces = body + ([rng.choice(VERDICT[label])] if rng.random() < 0.5 else [])
    elif style == "negation":
        pieces = body[:1] + [rng.choice(NEGATION[label])]
        rng.shuffle(pieces)
    elif style == "mixed":
        # The contrary point sits inside the MIXED sentence; the body sentence keeps the verdict clear.
        pieces = body[:1] + [rng.choice(MIXED[label])]
        if rng.random() < 0.5:
            pieces.reverse()
    elif style == "understatement":
        pieces = body[:1] + [rng.choice(UNDERSTATEMENT[label])]
    elif style == "sarcasm":
        key = "sarcasm" if label == "negative" else "positive_sarcasm"
        pieces = [rng.choice(domain[key])] + (body[:1] if rng.random() < 0.6 else [])
    # Sarcastic lines name their own target ("another phone"), so they get no opener naming another.
    if style != "sarcasm" and rng.random() < 0.35 and len(pieces) < 4:
        # Once the opener has named it, later sentences refer back ("It stopped working").
        body_text = " ".join(_fill(rng, sentence, domain, name, BACK_REFERENCE[domain_key]) for sentence in pieces)
        text = _opener(rng, domain_key, name) + " " + body_text
    else:
        text = " ".join(_fill(rng, sentence, domain, name) for sentence in pieces)
    return {"text": tidy(text), "label": label}


def build(seed: int = SEED) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    per_label = {split: size // 2 for split, size in SIZES.items()}
    needed = sum(per_label.values())
    # Draw extra candidates: short reviews collide often, and near-duplicates are dropped
    # across both labels at once so no split can hold two versions of one review.
    candidates = [make_review(rng, label) for label in ("positive", "negative") for _ in range(needed * 3)]
    # Some pieces hold two sentences ("It looks great on paper. In practice, it is a mess."): keep 1-4.
    candidates = [row for row in candidates if len(SENTENCE_BREAK.split(row["text"])) <= 4]
    candidates = dedupe(candidates, key="text")
    splits = {split: [] for split in SIZES}
    for label in ("positive", "negative"):
        pool = [row for row in candidates if row["label"] == label]
        if len(pool) < needed:
            raise RuntimeError(f"only {len(pool)} distinct {label} reviews; add sentences or candidates")
        rng.shuffle(pool)
        start = 0
        for split in SIZES:
            splits[split] += pool[start:start + per_label[split]]
            start += per_label[split]
    # Each label was drawn on its own; shuffle so the labels are interleaved.
    for split in SIZES:
        rng.shuffle(splits[split])
    return splits


if __name__ == "__main__":
    write_splits("sentiment", "sent", build())
