"""Generate the bundled sentiment task: data/sentiment/{train,validation,test,test_heldout}.jsonl.

Rows are ``{"id", "text", "label"}`` with ``label`` in ``positive`` / ``negative``:
short reviews (1-4 sentences) of films, products, restaurants, places and
services. A review is composed from a *style* and several hand-written sentences:

* ``plain``          -- opinions on two or three aspects, then maybe a verdict;
* ``negation``       -- the verdict carried by a negated phrase ("not bad at all");
* ``mixed``          -- one point against the overall verdict, which stays clear;
* ``understatement`` -- a dry, low-key verdict ("I'd go back.");
* ``sarcasm``        -- praise words, negative meaning ("Great, another phone
                        that dies by noon."), and the odd back-handed compliment.

Besides the hand-written sentences of each domain, every review may use *composed* sentences
(COMPOSED): an aspect of the thing reviewed, an evaluative phrase from a large pool and an
optional tail, so that no stock sentence recurs in many reviews. ``[a|b]`` in a sentence is an
inline alternative.

Splits: train, validation and test review films, products, restaurants, places and services;
``test_heldout`` reviews books, apps and games, courses and events (HELDOUT_DOMAINS), domains no
training review is about.

Every sentence was written for this project. Run ``python data/generators/sentiment.py``;
the output is byte-identical on every run (one seeded ``random.Random``).
"""

from __future__ import annotations

import random
import re

from _common import capitalize_first, dedupe, expand, person, tidy, write_splits, CITIES, FICTIONAL_TOWNS

SEED = 1301
# Rows per split, half positive and half negative. test_heldout reviews only the held-out domains.
SIZES = {"train": 1100, "validation": 160, "test": 160, "test_heldout": 120}

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

# Held-out domains: their reviews make test_heldout only (no training review is about these things).
HELDOUT_DOMAINS = {
    "book": {
        "names": ["The Lantern Keeper", "Salt and Cedar", "A House Called Winter", "The Quiet Cartographer", "Nine Miles North",
                  "The Glassblower's Daughter", "Rivermouth", "The Last Summer at Oleander Bay", "Paper Birds", "The Orchard Year"],
        "aspects": lambda name: ["the plot", "the characters", "the ending", "the writing", "the pacing", "the dialogue",
                                 "the translation", "the first chapter", "the narrator", "the cover"],
        "positive": [
            "I read {name} in two sittings and then lent it to my sister.",
            "{A} {be} so vivid that I could picture every room.",
            "It is the kind of book you finish and immediately want to start again.",
            "I missed my bus stop twice because I could not put it down.",
            "The last fifty pages had me in tears on a crowded train.",
        ],
        "negative": [
            "I gave up on {name} halfway through and I rarely do that.",
            "{A} {be} so flat that I kept forgetting who was who.",
            "Four hundred pages, and nothing much happens in any of them.",
            "It reads like a first draft that nobody bothered to edit.",
            "The twist is explained three times, in case you missed it.",
        ],
        "sarcasm": ["Great, another novel where the dog dies in chapter two.",
                    "Loved the part where the author forgot the main character for a hundred pages."],
        "positive_sarcasm": ["My only complaint is that I stayed up until three to finish it."],
    },
    "app": {
        "names": ["this budgeting app", "the new photo-editing app", "this language-learning app", "the puzzle game",
                  "this meditation app", "the recipe app", "this running tracker", "the note-taking app", "the train times app"],
        "aspects": lambda name: ["the interface", "the notifications", "the subscription price", "the updates", "the tutorial",
                                 "the sync between devices", "the ads", "the offline mode", "the search", "the dark mode"],
        "positive": [
            "I have opened {name} every day for {n} weeks, which says a lot.",
            "{A} {be} clean and obvious, so I never needed the help pages.",
            "It replaced three other apps on my phone.",
            "The free version is genuinely usable, with no nagging.",
            "It works perfectly on my old phone, which most apps no longer do.",
        ],
        "negative": [
            "{Name} crashes every time I try to save anything.",
            "{A} {be} buried under menus and pop-ups.",
            "Every update moves the buttons somewhere new.",
            "It drains my battery faster than video calls do.",
            "The free trial quietly turned into a yearly subscription.",
        ],
        "sarcasm": ["Wonderful, a notification every ten minutes reminding me the app exists.",
                    "Nothing says calm like a meditation app that shows an advert between breaths."],
        "positive_sarcasm": ["The only downside is that I now check my budget for fun."],
    },
    "course": {
        "names": ["the evening pottery class", "this online coding course", "the beginners' Spanish course", "the first-aid workshop",
                  "the photography course", "the weekend baking class", "the public speaking course", "the watercolour workshop"],
        "aspects": lambda name: ["the teacher", "the materials", "the group size", "the exercises", "the pace", "the venue",
                                 "the feedback", "the price", "the homework", "the final project"],
        "positive": [
            "After {n} weeks of {name} I can finally do what I signed up to learn.",
            "{A} {be} patient with everyone, even the slowest of us.",
            "Every session ended with something I could use the next day.",
            "I signed up for the next level before the last lesson was over.",
            "The small group meant we all got real attention.",
        ],
        "negative": [
            "{Name} was mostly the teacher reading slides aloud.",
            "{A} {be} so disorganised that we lost half of each session.",
            "We were promised practice and got three hours of theory.",
            "Nobody ever looked at the work we handed in.",
            "Half the group had dropped out by the third week, and I understand why.",
        ],
        "sarcasm": ["What a treat to pay for a course and then teach myself from videos.",
                    "Loved the practical session, which was a video of someone else practising."],
        "positive_sarcasm": ["The only problem is that my family now expects me to cook every weekend."],
    },
    "event": {
        "names": ["the summer music festival", "the food fair", "the charity fun run", "the open-air theatre night",
                  "the harbour fireworks", "the craft market", "the comedy festival", "the vintage car show"],
        "aspects": lambda name: ["the line-up", "the organisation", "the queues", "the toilets", "the food stalls", "the sound",
                                 "the atmosphere", "the ticket price", "the seating", "the signposting"],
        "positive": [
            "We went to {name} on a whim and stayed until the very end.",
            "{A} {be} relaxed and friendly, even with huge crowds.",
            "Everything ran on time, which is rare for an event this size.",
            "There was something for the children and the grandparents alike.",
            "We are already counting the days until next year.",
        ],
        "negative": [
            "{Name} was so overcrowded that we left after an hour.",
            "{A} {be} chaotic from the moment the gates opened.",
            "We queued forty minutes for a drink and missed the main act.",
            "Nobody seemed to know where anything was, including the staff.",
            "The rain was not their fault, but the lack of any shelter was.",
        ],
        "sarcasm": ["Great value: sixty dollars to watch the back of someone's head for three hours.",
                    "Loved the exclusive experience of queuing for the toilets all evening."],
        "positive_sarcasm": ["Terrible news for my wallet: I have already booked next year's tickets."],
    },
}
BACK_REFERENCE_HELDOUT = {"book": "the book", "app": "the app", "course": "the course", "event": "the event"}

# Composed sentences: any domain, any aspect. {A}/{a} an aspect, {be} its verb, {b}/{be2} a second
# aspect; [x|y] alternatives. Adjectives fit an aspect of any kind (a screen, a waiter, a plot).
POSITIVE_ADJECTIVES = ["excellent", "superb", "first-rate", "lovely", "outstanding", "spot on", "well thought out", "a real highlight",
                       "brilliant", "impressive", "wonderful", "top-notch", "a joy", "faultless",
                       "beautifully done", "a pleasant surprise", "really good", "great value", "hard to fault", "terrific",
                       "a cut above the rest", "exactly right", "remarkably good"]
NEGATIVE_ADJECTIVES = ["poor", "awful", "disappointing", "a mess", "shoddy", "second-rate", "badly thought out", "a letdown",
                       "frustrating", "terrible", "dreadful", "sloppy", "careless", "a disaster",
                       "mediocre at best", "an afterthought", "hard to forgive", "below par", "a real weak point",
                       "embarrassingly bad", "simply not good enough", "a joke", "nothing short of awful"]
COMPOSED = {
    "positive": [
        "{A} {be} [really |genuinely |surprisingly |truly |]{adj}[, especially for the price|, which I did not expect|"
        " from start to finish|, and it shows|].",
        "I [loved|really liked|was impressed by|could not fault] {a}[, and {b} {be2} {adj2} too|].",
        "[What stood out for me|The best part|My favourite thing|What won me over] was {a}, which {be} {adj}.",
        "[Credit where it is due:|Honestly,|To be fair,|I have to say,] {a} {be} {adj}.",
        "[Both|Together,] {a} and {b} were {adj}[, and that is rare|, which made the whole thing|].",
    ],
    "negative": [
        "{A} {be} [really |frankly |honestly |just |]{adj}[, even for the price|, which I did not expect|"
        ", and nobody seemed to care|, and it shows|].",
        "I [hated|was let down by|could not stand|was disappointed by] {a}[, and {b} {be2} {adj2} too|].",
        "[The worst part|What annoyed me most|My biggest complaint|What ruined it for me] was {a}, which {be} {adj}.",
        "[Frankly,|Honestly,|To be blunt,|I have to say,] {a} {be} {adj}.",
        "[Both|Between them,] {a} and {b} were {adj}[, which is hard to excuse|, and I expected better|].",
    ],
}


# --------------------------------------------------------------------------- styles (domain-neutral pieces)

VERDICT = {
    "positive": ["[Highly|Warmly|Thoroughly|Strongly] recommended.", "[Five stars|Full marks|Top marks] from me.",
                 "I would recommend it to [anyone|everyone|a friend|my family] [without a second thought|in a heartbeat|].",
                 "A [pleasure|joy|delight] from start to finish.", "A real [gem|find|treat].", "[Absolutely|Completely|Totally] worth it.",
                 "I'm a [fan|convert|big fan now].", "[Ten|Nine] out of ten[, easily|].", "Go, you won't regret it.",
                 "[Thoroughly|Hugely|Genuinely] enjoyable.", "[We will|I will|I'll] be back[ soon|, no question]."],
    "negative": ["[Avoid.|Avoid at all costs.|Give it a miss.|Do not bother.]", "One star, and that is [generous|being kind|more than it deserves].",
                 "I would not recommend it[ to anyone| to my worst enemy|].", "Never again[, honestly|, not even for free|].",
                 "A [complete|total|sad] waste of [money|time|an evening].", "[Deeply|Hugely|Truly] disappointing.",
                 "[Steer clear.|Stay away.|Look elsewhere.]", "Not for me, and probably not for you.", "[Two|One|Three] out of ten.",
                 "[Such|What] a letdown."],
}
NEGATION = {
    "positive": ["Not bad at all[, honestly|, really|].", "I honestly can't fault it.", "I didn't expect much, but I was not disappointed.",
                 "There was nothing I didn't like.", "I have no complaints [whatsoever|at all|to speak of].",
                 "It never once felt like a waste of [money|time].", "I can't remember the last time I enjoyed something this much.",
                 "Not a single thing went wrong.", "You won't find better at this price.",
                 "It is not perfect, but it is not far off."],
    "negative": ["Not worth the [money|price|hype].", "I wouldn't recommend it to anyone.", "It was not good, and not cheap either.",
                 "Nothing about it worked the way it should.", "I can't think of one thing I liked.",
                 "It is not terrible, it is just not good.", "I won't be [trying|buying|booking] it again.",
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
        "{A} {be} a bit of a letdown, but everything else more than made up for it[|, honestly].",
        "It isn't cheap, but I'd pay it again [without thinking twice|in a heartbeat|tomorrow].",
        "{A} could be better; overall, though, I loved it.",
        "Yes, {a} {be} forgettable. [Still, I am glad I chose it.|Even so, I would choose it again.|I still left happy.]",
        "There were [a couple of|one or two|a few] small problems, but none that spoiled it.",
        "I had my doubts at first, but by the end I was [completely|totally|well and truly] won over.",
        "Despite a shaky start, it turned into one of the highlights of my [month|year|summer].",
    ],
    "negative": [
        "{A} {be} [lovely|fine|decent], but that doesn't rescue the rest.",
        "The first impression was promising; it went downhill [from there|fast|quickly].",
        "I wanted to like it, and {a} {be} fine, but overall it fell flat.",
        "There are [one or two|a few] good moments, but they are buried under [everything that goes wrong|all the problems].",
        "It looks great on paper. In practice, it is [a mess|a letdown|another story].",
        "{A} {be} nice enough, which makes the rest all the more frustrating.",
        "Friendly [people|staff], sadly, can't make up for such a poor experience.",
    ],
}


BACK_REFERENCE = {"film": "the film", "product": "it", "restaurant": "this restaurant", "place": "the place",
                  "service": "they"}


SENTENCE_BREAK = re.compile(r"(?<=[.!?]) +")


def _is_plural(aspect: str) -> bool:
    """English plural by its last letter, good enough for these lists ("the bass" stays singular)."""
    return aspect.endswith("s") and not aspect.endswith("ss")


def _fill(rng, sentence: str, domain: dict, name: str, mention: str | None = None, positive: bool = True) -> str:
    """Fill one sentence's slots and alternatives; each call draws fresh aspects of ``name``.

    ``mention`` is how the sentence refers to it ("it", "the film"); by default its name.
    ``positive`` picks the adjective pool for composed sentences.
    """
    sentence = expand(rng, sentence)
    mention = mention or name
    a, b = rng.sample(domain["aspects"](name), k=2)
    a_plural, b_plural = _is_plural(a), _is_plural(b)
    values = {
        "name": mention, "Name": capitalize_first(mention),
        "a": a, "A": capitalize_first(a), "be": "were" if a_plural else "was",
        "b": b, "be2": "were" if b_plural else "was",
        "who": person(rng), "n": rng.choice(["two", "three", "four", "six", "eight"]),
        "adj": rng.choice(POSITIVE_ADJECTIVES if positive else NEGATIVE_ADJECTIVES),
        "adj2": rng.choice(POSITIVE_ADJECTIVES if positive else NEGATIVE_ADJECTIVES),
        "town": rng.choice(CITIES + FICTIONAL_TOWNS),
    }
    if "{n}0" in sentence:  # "{n}0 minutes" needs digits, not words
        values["n"] = str(rng.randint(2, 9))
    return capitalize_first(sentence.format(**values))


OPENERS = {
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
    "book": ["I read {name} on holiday in {month}.", "Our book club chose {name} this month.",
             "I picked up {name} at the library in {town}.", "A friend lent me {name}."],
    "app": ["I downloaded {name} {n} months ago.", "I switched to {name} in {month}.", "A few words on {name}.",
            "My colleague told me to try {name}."],
    "course": ["I signed up for {name} in {month}.", "I just finished {name}.", "My partner and I did {name} together.",
               "I took {name} at a community centre in {town}."],
    "event": ["We went to {name} in {month}.", "Some thoughts on {name} this year.", "We drove to {town} for {name}.",
              "I took my kids to {name} last weekend."],
}


def _opener(rng, domain_key: str, name: str) -> str:
    """An optional first sentence that names what is reviewed, so reviews don't all start mid-thought."""
    sentence = rng.choice(OPENERS[domain_key])
    month = rng.choice(["January", "March", "April", "June", "August", "October", "November"])
    return capitalize_first(sentence.format(name=name, n=rng.choice(["two", "three", "six"]),
                                            town=rng.choice(CITIES), month=month))


def make_review(rng: random.Random, label: str, domains: dict, back_reference: dict) -> dict:
    """One review of a thing from ``domains``; ``back_reference`` is how later sentences name it."""
    domain_key = rng.choice(list(domains))
    domain = domains[domain_key]
    name = rng.choice(domain["names"])
    positive = label == "positive"
    style = rng.choices(["plain", "negation", "mixed", "understatement", "sarcasm"],
                        weights=[35, 18, 20, 14, 13])[0]
    # Body sentences: the domain's own, or composed ones (any aspect, a large adjective pool).
    own = domain[label]
    body = [rng.choice(own) if rng.random() < 0.5 else rng.choice(COMPOSED[label]) for _ in range(rng.randint(1, 2))]
    if len(body) == 2 and body[0] == body[1]:
        body = body[:1]
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
        body_text = " ".join(_fill(rng, sentence, domain, name, back_reference[domain_key], positive) for sentence in pieces)
        text = _opener(rng, domain_key, name) + " " + body_text
    else:
        text = " ".join(_fill(rng, sentence, domain, name, positive=positive) for sentence in pieces)
    return {"text": tidy(text), "label": label}


def held_out_names() -> list[str]:
    """The names of the things test_heldout reviews; no other split mentions any of them."""
    return sorted(name for domain in HELDOUT_DOMAINS.values() for name in domain["names"])


def build(seed: int = SEED) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    groups = {"seen": (DOMAINS, BACK_REFERENCE, ("train", "validation", "test")),
              "heldout": (HELDOUT_DOMAINS, BACK_REFERENCE_HELDOUT, ("test_heldout",))}
    per_label = {split: size // 2 for split, size in SIZES.items()}
    # Draw extra candidates: short reviews collide often, and near-duplicates are dropped
    # across both labels and all domains at once so no split can hold two versions of one review.
    candidates = []
    for group, (domains, back, splits_of) in groups.items():
        needed = sum(per_label[split] for split in splits_of)
        candidates += [{**make_review(rng, label, domains, back), "group": group}
                       for label in ("positive", "negative") for _ in range(needed * 3)]
    # Some pieces hold two sentences ("It looks great on paper. In practice, it is [a mess|a letdown|another story]."): keep 1-4.
    candidates = [row for row in candidates if len(SENTENCE_BREAK.split(row["text"])) <= 4]
    candidates = dedupe(candidates, key="text")
    splits = {split: [] for split in SIZES}
    for group, (_domains, _back, splits_of) in groups.items():
        for label in ("positive", "negative"):
            pool = [{"text": row["text"], "label": label} for row in candidates if row["group"] == group and row["label"] == label]
            needed = sum(per_label[split] for split in splits_of)
            if len(pool) < needed:
                raise RuntimeError(f"only {len(pool)} distinct {label} {group} reviews; add sentences or candidates")
            rng.shuffle(pool)
            start = 0
            for split in splits_of:
                splits[split] += pool[start:start + per_label[split]]
                start += per_label[split]
    # Each label was drawn on its own; shuffle so the labels are interleaved.
    for split in SIZES:
        rng.shuffle(splits[split])
    return splits


if __name__ == "__main__":
    write_splits("sentiment", "sent", build())
