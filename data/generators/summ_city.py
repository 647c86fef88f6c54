"""Scenario scripts: getting around a city as a visitor (directions, taxis, customs, sights...).

Conventions as in summ_services.py: ``[a|b]`` is an inline alternative, ``c.pick`` chooses a
value a summary may report and ``c.branch`` a path through the script. In the service topics
speaker 2 is the driver, officer or receptionist and speaker 1 the traveller.
"""

import re

from summ_common import CITIES, NUMWORDS, STREETS, cap


def named(c, options: list[str]) -> list[str]:
    """Summary options written mid-dialogue, with a speaker's tag replaced by the name spoken since (a goodbye may say it)."""
    return [o.replace("#Person1#", c.ref(1)).replace("#Person2#", c.ref(2)) for o in options]


def n_sentences(c) -> int:
    """How many sentences the summary has so far (at most three are allowed); "p.m." may count as an end."""
    return len(re.findall(r"[.!?](?=\s+[A-Z#]|$)", " ".join(c.summary)))


def asking_directions(c):
    dest = c.pick("the train station", "the post office", "the City Museum", "the nearest pharmacy", "the town hall", "the hospital",
                  "the bus station", "the public library", "the covered market", "the cathedral", "the university", "the concert hall",
                  "the Royal Hotel", "the football stadium", "the ferry terminal", "the Science Museum", "the swimming pool",
                  "the police station", "the tourist information office")
    mark = c.pick("the big roundabout", "the traffic lights", "the church", "a petrol station", "the park gates", "the supermarket",
                  "the bridge", "the cinema", "the fountain", "the bakery on the corner", "the fire station", "a yellow pub",
                  "the primary school", "the car park", "a big hardware shop")
    turn = c.pick("left", "right")
    street = c.pick(STREETS)
    why, why_s = c.pick((None, None), (None, None), ("I've got a job interview there", "has a job interview there"),
                        ("I'm meeting a friend there", "is meeting a friend there"), ("I have to pick up some tickets", "has to pick up some tickets"),
                        ("my sister works there", "is visiting a sister who works there"), ("I'm supposed to be there in twenty minutes", "is due there in twenty minutes"),
                        ("my phone battery is dead, so I can't check the map", "cannot check the map because the phone battery is dead"))
    kind = c.branch("walk", "walk", "bus", "along", "wrong")
    c.say(1, f"Excuse me, could you tell me how to get to {dest}?", f"Sorry to bother you. [I'm looking for|Do you know the way to] {dest}?",
          f"Excuse me, [I'm a bit lost.|I'm not from around here.] Which way is {dest}?")
    if why and c.chance(0.7):
        c.say(1, f"{cap(why)}.")
    else:
        why = None
    if kind == "wrong":
        c.say(2, f"Oh, you're going the wrong way. {cap(dest)} is back the way you came.",
              "[Ah|Oh dear], you've walked right past it, I'm afraid. [You need to go back.|Turn round and go back.]")
        c.say(1, "[Oh no|Oh, great|Typical]. [Which way, then?|Where did I go wrong?]", "Really? [I've been walking for ages.|No wonder I couldn't find it.]")
    elif c.chance(0.3):
        c.say(2, f"{cap(dest)}? [Let me think.|Hmm, let me see.|Oh, I know it.]", "[Yes|Sure], I know it.")
    if kind == "bus":
        num = c.num(3, 96)
        stops = c.pick("three", "four", "five", "six", "seven")
        c.say(2, "It's a long way to walk from here, [at least|about] forty minutes. You'd better take the bus.",
              f"That's [on the other side of town|quite far from here], forty minutes on foot. I'd take the bus if I were you.")
        c.say(1, "Which bus do I need?", "Oh. Which bus goes there?", "[Okay|Right]. Where do I get the bus?")
        c.say(2, f"The number {num}. The stop is [just over there|across the road], by {mark}.",
              f"Take the {num}. [You can catch it|It stops] by {mark}, [just there|over there].")
        c.say(1, "And where do I get off?", "How will I know where to get off?")
        c.say(2, f"After {stops} stops. [The driver will tell you if you ask.|It's the stop right outside.]",
              f"It's {stops} stops from here. [You'll see it from the window.|Just count them.]")
        pay = c.chance(0.5)
        if pay:
            fare = c.num(2, 4)
            c.say(1, "Can I pay on the bus?", "Do I need a ticket before I get on?")
            c.say(2, f"Yes, just pay the driver, it's {NUMWORDS[fare]} dollars. [Try to have coins.|They don't give change.]",
                  f"You pay the driver. It's {NUMWORDS[fare]} dollars, [but have the exact money|cash or card].")
        c.say(1, "[Great|Perfect|Lovely], thanks [a lot|so much].", "Thank you, that's really helpful.")
        if c.chance(0.4):
            c.say(2, "[No problem.|You're welcome.] [Good luck!|Enjoy your day.|Hope you get there in time.]")
        r1, r2 = c.ref(1), c.ref(2)
        if why and c.chance(0.5):
            c.sum(f"{r1} asks {r2} [the way to|how to get to] {dest}, as {c.he(1)} {why_s}.", f"{r1} needs to find {dest}: {c.he(1)} {why_s}.")
            c.sum(f"{r2} [suggests|recommends] the number {num} bus.", f"It is too far to walk, so {r2} suggests the bus.")
        else:
            c.sum(f"{r1} asks {r2} [the way to|how to get to] {dest}. {r2} [tells|advises] {c.him(1)} to take the number {num} bus.",
                  f"{r1} [is looking for|wants to get to] {dest}. It is too far to walk, so {r2} suggests bus number {num}.",
                  f"{r2} tells {r1} to take the number {num} bus to {dest} and get off after {stops} stops.",
                  f"{r2} [advises|tells] {r1} to catch the number {num} [bus|] to {dest} from the stop by {mark}.",
                  f"{cap(dest)} is too far to walk, so {r2} sends {r1} to the bus stop by {mark}.")
    else:
        spot, spot_s = c.pick(("on your left", "on the left"), ("on your right", "on the right"), ("at the end of the street", "at the end of the street"),
                              ("opposite a little park", "opposite a little park"), ("next to a big car park", "next to a big car park"),
                              ("across from the bank", "across from the bank"), ("behind the shopping centre", "behind the shopping centre"),
                              ("right next to the river", "right next to the river"))
        mins = c.pick("five", "ten", "fifteen", "twenty")
        c.say(2, f"Go straight on until you get to {mark}, then turn {turn} into {street}. {cap(dest)} is {spot}.",
              f"Walk down this road as far as {mark} and turn {turn}. That's {street}, and you'll see it {spot}.",
              f"Keep going [straight|along here] to {mark}, take a {turn} into {street}, and it's {spot}.")
        if kind == "along":
            c.say(1, "[Is it far?|How far is it?|Can I walk there?]", "How long will it take me to walk?")
            c.say(2, f"About {mins} minutes. [Actually|Oh, wait], I'm going that way myself. I'll walk with you.",
                  f"{cap(mins)} minutes or so. Come on, I'm heading that way [anyway|too]. I'll show you.")
            c.say(1, "[Oh|Really]? That's very kind of you.", "Are you sure? Thank you so much.")
            if c.chance(0.6):
                c.say(2, "Are you visiting?", "First time here?")
                c.say(1, "[Yes|Yeah], just for a few days.", "No, I've just moved here, [actually|in fact]. I still get lost all the time.")
            r1, r2 = c.ref(1), c.ref(2)
            c.sum(f"{r1} asks {r2} the way to {dest}. {r2} is going that way and walks {c.him(1)} there.",
                  f"{r1} is looking for {dest}, and {r2} offers to walk there with {c.him(1)}.",
                  f"{r2} [walks|takes] {r1} to {dest}, since {c.he(2)} is going the same way.",
                  f"{r1} cannot find {dest}. {r2} walks there with {c.him(1)}, as it is on {c.his(2)} way.",
                  f"{r2} shows {r1} the way to {dest}, a {mins}-minute walk, and goes along.")
        else:
            check = c.chance(0.5)
            if check:
                c.say(1, f"So, {mark}, then {turn} into {street}?", f"Okay, so {turn} at {mark}[, and it's {spot}|]?")
                c.say(2, "[That's it.|Exactly.|Yes, that's right.] You can't miss it.", "[Yes|Right]. [It's easy.|It's a big building, you'll see it.]")
            c.ask(1, 2, ("And is it far?", f"[No, only|Not really,] about {mins} minutes on foot."), ("How long does it take on foot?", f"About {mins} minutes[ if you walk|]."),
                  ("Can I walk it?", f"[Sure|Yes|Easily], it's {mins} minutes' walk."))
            c.say(1, "[Great|Brilliant|Perfect], thank you [so much|very much]!", "Thanks, you've [saved me|been a great help].")
            if c.chance(0.4):
                c.say(2, "[You're welcome.|No problem at all.|Any time.] [Have a good day!|Enjoy the city!|Good luck!]")
            r1, r2 = c.ref(1), c.ref(2)
            if kind == "wrong":
                c.sum(f"{r1} is going the wrong way to {dest}. {r2} tells {c.him(1)} to turn {turn} at {mark}.",
                      f"{r2} tells {r1}, who is going the wrong way, how to get to {dest}.",
                      f"{r1} is looking for {dest} but is going the wrong way, so {r2} [explains|gives {c.him(1)}] the route.")
            elif why and c.chance(0.5):
                c.sum(f"{r1} asks {r2} [the way to|how to get to] {dest}, as {c.he(1)} {why_s}.", f"{r1} needs to find {dest}: {c.he(1)} {why_s}.")
                c.sum(f"It is {mins} minutes' walk away.", f"{r2} tells {c.him(1)} to turn {turn} at {mark}.")
            else:
                c.sum(f"{r1} asks {r2} [the way to|how to get to] {dest}. {r2} tells {c.him(1)} to turn {turn} at {mark}.",
                      f"{r2} gives {r1} directions to {dest}: turn {turn} into {street} at {mark}.",
                      f"{r1} is looking for {dest}. It is about {mins} minutes' walk, past {mark}.",
                      f"{r2} tells {r1} how to get to {dest}, which is {spot_s} in {street}.",
                      f"{r1} [needs|wants] to find {dest}, and {r2} says it is {spot_s} after {mark}.")


def taxi_ride(c):
    dest = c.pick(["the airport", "the central station", "the City Hospital", "the convention centre", "the bus station", "the university campus",
                   "the old town", "the football stadium", "the ferry port", "the Grand Harbour Hotel", "the Riverside Inn", "the shopping centre",
                   "the zoo", "the Children's Hospital", "the town hall", "the marina", "the science park", "the Hotel Aurora", "the beach",
                   f"number {c.num(2, 90)}, {c.branch(*STREETS)}"])
    c.say(2, "[Hi|Evening|Hello]. Where to?", "Hello, where are you heading?", "[Good morning|Hi there]. Where can I take you?")
    c.say(1, f"{cap(dest)}, please.", f"Could you take me to {dest}, please?", f"[Hi.|Hello.] {cap(dest)}, [please|if you can].")
    t = c.clock(7, 21)
    hurry, hurry_s = c.pick((None, None), (f"I've got a flight at {t}", f"has a flight at {t}"), (f"I have a job interview at {t}", f"has a job interview at {t}"),
                            (f"my train leaves at {t}", f"has a train at {t}"), (f"I'm meeting a client at {t}", f"is meeting a client at {t}"),
                            (f"my sister's wedding starts at {t}", f"is attending {c.his(1)} sister's wedding at {t}"),
                            (f"my exam starts at {t}", f"has an exam at {t}"), (f"I'm picking up my son from school at {t}", f"has to collect {c.his(1)} son from school at {t}"),
                            (f"my ferry leaves at {t}", f"has a ferry to catch at {t}"), (f"the concert starts at {t}", f"has a concert at {t}"),
                            (f"I'm starting a new job and I have to be there at {t}", f"starts a new job at {t}"),
                            (f"I'm giving a talk at {t}", f"is giving a talk at {t}"), (f"I have a doctor's appointment at {t}", f"has a doctor's appointment at {t}"))
    mins = c.pick("fifteen", "twenty", "twenty-five", "thirty", "forty")
    if hurry:
        c.say(1, f"[I'm in a bit of a hurry|I'm running late], actually. {cap(hurry)}.", f"Will we make it by {t}? {cap(hurry)}.")
        c.say(2, f"[Don't worry|Should be fine], it's about {mins} minutes from here.", f"It takes about {mins} minutes. [We'll make it.|I'll do my best.]")
    elif c.chance(0.5):
        c.say(1, "How long will it take?", "Is it far from here?")
        c.say(2, f"About {mins} minutes, [if the traffic's okay|normally].", f"{cap(mins)} minutes or so.")
    else:
        mins = None
    traffic = c.chance(0.6)
    if traffic:
        cause, cause_s = c.pick(("there's been an accident on the bridge", "an accident on the bridge"),
                                (f"they're digging up {c.branch(*STREETS)} again", "roadworks"),
                                ("there's a football match this afternoon", "a football match"), ("it's rush hour", "the rush hour"),
                                ("there's a protest march in the centre", "a protest march in the centre"),
                                ("the main road is closed for the marathon", "a marathon"), ("the tunnel is closed for repairs", "the closed tunnel"),
                                ("there's a festival in the old town", "a festival in the old town"), ("a lorry has broken down on the main road", "a broken-down lorry"), ("the bridge is up for a ship", "the raised bridge"),
                                ("there's a parade for the new mayor", "a parade"), ("the street market is on today", "the street market"))
        route, route_s = c.pick(("go along the river", "the riverside road"), ("take the ring road", "the ring road"),
                                ("cut through the back streets", "the back streets"), ("take the motorway", "the motorway"),
                                ("go round by the harbour", "the harbour road"), ("go over the hill", "a shortcut over the hill"),
                                ("go past the university", "the university road"), ("go along the seafront", "the seafront"),
                                ("take the old coast road", "the old coast road"), ("go round the park", "the long way round the park"))
        c.say(2, f"[Hmm|Oh], {cause}. I'll {route} instead[, if that's okay|].", f"I heard {cause}, so I'm going to {route}. It's [quicker|faster].")
        worry = c.chance(0.5)
        if worry:
            c.say(1, "Will that cost more?", "Is that more expensive?")
            c.say(2, "[A little|A bit], but it's much faster.", "It's about the same, [don't worry|honestly].")
        else:
            c.say(1, "[Fine|Sure|Okay], whatever is quickest.", "You know best.")
    tip = None
    if c.chance(0.45):
        c.say(2, "[So,|] are you visiting?", "First time in the city?", "Here for work or for fun?")
        c.say(1, "Yes, [just for a few days|for a conference|visiting my brother].", "[Work, unfortunately.|A bit of both.] [It's my first time here.|I don't know the city at all.]")
        tip, tip_s = c.pick(("the fish market", "the fish market"), ("the view from Castle Hill", "the view from Castle Hill"),
                            ("the jazz bar on the harbour", "a jazz bar on the harbour"), ("the night market", "the night market"),
                            ("the boat trip on the river", "a boat trip on the river"), ("the old cemetery", "the old cemetery"),
                            ("the little Greek place behind the station", "a Greek restaurant behind the station"),
                            ("the botanical garden", "the botanical garden"), ("the rooftop bar at the Hotel Aurora", "a rooftop bar"),
                            ("the flea market on Sundays", "the flea market"), ("the modern art museum", "the modern art museum"))
        c.say(2, f"[Then|Well,] you have to see {tip}. [Everyone loves it.|It's my favourite.|Locals go there too.]",
              f"If you get time, [try|don't miss] {tip}. [Trust me.|You won't regret it.]")
        c.say(1, "[Thanks|Great], I'll [try to go|remember that].", "[Good tip|Oh, nice], thanks.")
    fare = c.num(12, 65)
    c.say(2, f"Here we are. That's ${fare}[, please|].", f"[Okay|Right], {dest}. ${fare}, please.", f"Here you go. The meter says ${fare}.")
    pay = c.branch("tip", "tip", "receipt", "cash", "card")
    if pay == "tip":
        paid = fare + c.num(2, 8)
        c.say(1, f"Here's ${paid}. Keep the change.", f"[Thanks.|Thank you.] Here's ${paid}, keep the rest.")
        c.say(2, "[Thanks a lot!|That's kind, thank you.] [Have a good day.|Good luck!|Enjoy your evening.]")
        pay_s = f"[gives|pays|hands over] ${paid} and [tells {c.ref(2)} to keep|leaves] the change"
    elif pay == "receipt":
        c.say(1, "Can I pay by card? And could I have a receipt? It's for work.", "Could I get a receipt, please? My company pays for it.")
        c.say(2, "[Of course|Sure]. Here you are.", "[No problem|Sure], I'll print one for you.")
        pay_s = "[asks for|wants|requests] a receipt [because|since] [it is for work|the company pays]"
    elif pay == "cash":
        c.say(1, "Can I pay by card?", "Do you take cards?")
        c.say(2, "Sorry, the card machine isn't working today. Cash only.", "I'm afraid the machine is broken. Do you have cash?")
        atm = c.chance(0.5)
        if atm:
            c.say(1, "I don't have enough cash. Can you stop at a cash machine?", "Oh no. Is there a cash machine nearby?")
            c.say(2, "There's one just round the corner. I'll wait.", "Sure, there's a bank right there.")
            pay_s = "[has to|must] [stop at|get cash from] a cash machine [because|as] the card machine is [not working|broken]"
        else:
            c.say(1, "[Okay|Fine], here you go.", "Luckily I've got some cash. Here.")
            pay_s = "pays [in cash|with cash] [because|as] the card machine is [broken|not working]"
    else:
        c.say(1, "Can I pay by card?", "Is card okay?")
        c.say(2, "Sure, just tap it here.", "Of course. [Tap|Put] your card [on the machine|here].")
        pay_s = "pays [by card|with a card|by tapping a card]"
    r1, r2 = c.ref(1), c.ref(2)
    pay_s = named(c, [pay_s])[0]
    if hurry:
        c.sum(f"{r1} takes a taxi to {dest} because {c.he(1)} {hurry_s}.", f"{r1} is in a hurry to get to {dest}, as {c.he(1)} {hurry_s}.",
              f"{r2} drives {r1}, who {hurry_s}, to {dest}.", f"{r1} {hurry_s}, so {c.he(1)} [takes|gets] a taxi to {dest}.",
              f"{r1} asks {r2} to hurry to {dest}, since {c.he(1)} {hurry_s}.",
              f"{r1} {hurry_s}, and {r2} says the ride to {dest} takes {mins} minutes.")
    else:
        c.sum(f"{r1} takes a taxi to {dest}.", f"{r2} drives {r1} to {dest}.", f"{r1} asks {r2} to take {c.him(1)} to {dest}.",
              f"{r1} [gets|catches] a taxi to {dest}" + (f", a {mins}-minute ride." if mins else "."))
    if traffic and c.chance(0.35 if hurry else 0.7):
        c.sum(f"Because of {cause_s}, {r2} takes {route_s}.", f"{r2} [avoids|gets round] {cause_s} by taking {route_s}.",
              f"{cap(cause_s)} forces {r2} to take {route_s}.", f"They take {route_s} to avoid {cause_s}.")
    elif tip and c.chance(0.3 if hurry else 0.6):
        c.sum(f"{r2} tells {r1} about {tip_s}.", f"On the way, {r2} [tells|advises] {r1} to [visit|see] {tip_s}.")
    elif c.chance(0.15 if hurry else 0.9):
        c.sum(f"{r1} {pay_s}.", f"The fare is ${fare}, and {r1} {pay_s}.", f"The fare [is|comes to] ${fare}.")


def reporting_a_theft(c):
    item, desc, bag = c.pick(("wallet", "a brown leather wallet", True), ("phone", "a black phone in a red case", False),
                             ("handbag", "a small green handbag with a gold zip", True), ("backpack", "a grey backpack with a laptop inside", True),
                             ("camera", "a silver camera in a black pouch", False), ("laptop", "a laptop covered in stickers", False),
                             ("purse", "a red purse with a flower pattern", True), ("tablet", "a tablet in a blue cover", False),
                             ("suitcase", "a large black suitcase with a yellow ribbon", True), ("bike", "a blue mountain bike with a basket", False),
                             ("passport", "a passport in a brown leather holder", False), ("watch", "a gold watch with a leather strap", False),
                             ("scooter", "a white electric scooter", False), ("briefcase", "an old brown briefcase", True))
    if item in ("bike", "scooter"):
        where = c.pick("outside the supermarket", "outside the train station", "outside the post office", "outside the gym", "outside the library",
                       "outside the cinema", "at the university", "by the canal", f"in {c.branch(*STREETS)}")
        how, how_s = c.pick(("I locked it to a post, and when I came back the lock was cut", "the lock was cut"),
                            ("I only left it for ten minutes", "it was only left for ten minutes"),
                            ("I think I forgot to lock it", "it might not have been locked"))
    else:
        where = c.pick("on the bus", "at the train station", f"in a cafe in {c.branch(*STREETS)}", "at the market", "on the metro",
                       "in the shopping centre", "at the beach", "in the gym changing room", "in the park", "at a bar near the harbour",
                       "in the hotel lobby", "at the airport")
        how, how_s = c.pick(("someone bumped into me, and then it was gone", "someone bumped into {him}"),
                            ("I put it down for a second, and when I turned round it was gone", "{he} put it down for a moment"),
                            ("it was on the chair next to me", "it was on the chair beside {him}"),
                            ("it was in my coat pocket", "it was in a coat pocket"),
                            ("I fell asleep for a few minutes", "{he} fell asleep for a few minutes"))
        how_s = how_s.format(him=c.him(1), he=c.he(1))
    when = c.pick("this morning", "about an hour ago", "yesterday afternoon", "last night", "at lunchtime", "on Saturday evening", "just now")
    c.say(2, "[Good morning|Hello]. How can I help you?", "[Next, please.|Hello.] What's happened?", "Hello, what can I do for you?")
    c.say(1, f"I'd like to report a theft. [Someone has stolen|Somebody took] my {item}.", f"[Hello.|Hi.] My {item} has been stolen.",
          f"Hi, [I need to report|I want to report] a stolen {item}.")
    c.say(2, "I'm sorry to hear that. Where and when did it happen?", "[Oh dear.|I see.] When did this happen, and where?")
    c.say(1, f"{cap(where)}, {when}. {cap(how)}.", f"It was {when}, {where}. {cap(how)}.")
    c.say(2, f"Can you describe the {item}?", f"What does the {item} look like?", f"[Okay.|Right.] Can you describe it for me?")
    inside = None
    if bag:
        inside = c.pick("my bank cards and my driving licence", "my passport and some cash", "my house keys and my bank cards",
                        f"about {c.num(40, 300, 10)} dollars in cash", "my glasses and my phone charger", "my work ID and my keys")
        c.say(1, f"It's {desc}. [Everything was in it:|Inside there was] {inside}.", f"It's {desc}. My whole life was in it: {inside}.")
    else:
        c.say(1, f"It's {desc}.", f"It's {desc}. [It was a present.|I only bought it last month.|It's not new, but I need it.]")
    thief = c.pick(None, None, "a young man in a grey hoodie", "a tall woman with a red cap", "two teenagers on bikes", "a man with a beard and a black jacket",
                   "a short man with glasses", "a woman with long dark hair")
    c.say(2, "Did you see who took it?", "Did you notice anyone suspicious?")
    if thief:
        c.say(1, f"I think so. I saw {thief} [hanging around|standing very close to me].", f"Maybe. I saw {thief} running away.")
    else:
        c.say(1, "No, I didn't see anyone.", "No, [it all happened so fast|I didn't notice anything].")
    action, action_s = c.pick(("I'll give you a crime reference number for your insurance", "gives {him} a crime reference number for the insurance"),
                              ("we'll look at the CCTV footage from the street", "[will look at|is going to check|promises to check] the CCTV footage from the street"),
                              ("we'll call you if it's handed in", "[will call|promises to call|will ring] {him} if it is handed in"),
                              ("an officer will go there this afternoon and ask around", "will send an officer there to ask around"),
                              ("we'll go through the footage and get back to you by Friday", "will go through the footage and get back to {him} by Friday"),
                              ("we'll check the pawn shops in the area", "[will check|is going to check] the pawn shops nearby"),
                              ("we'll add it to our list of stolen property", "adds it to the list of stolen property"),
                              ("we'll send you a copy of the report by email", "will email {him} a copy of the report"))
    action_s = action_s.format(him=c.him(1))
    advice, advice_s = {
        "wallet": ("cancel your bank cards straight away", "cancel {his} bank cards"), "purse": ("cancel your bank cards straight away", "cancel {his} bank cards"),
        "handbag": ("cancel your bank cards and change your locks", "cancel {his} cards and change the locks"),
        "phone": ("call your phone company and block the SIM card", "block the SIM card"),
        "tablet": ("change your passwords tonight", "change {his} passwords"), "laptop": ("change your passwords tonight", "change {his} passwords"),
        "passport": ("contact your embassy about an emergency passport", "contact {his} embassy"),
        "bike": ("check the second-hand websites this week", "check second-hand websites for it"),
        "scooter": ("check the second-hand websites this week", "check second-hand websites for it"),
    }.get(item) or c.pick(("tell your insurance company as soon as possible", "[contact|call] {his} insurance company"),
                          ("ask the staff there if they have cameras", "ask the staff there about their cameras"),
                          ("check the lost property office too, just in case", "check the lost property office as well"),
                          ("keep the receipt if you still have it", "keep the receipt for the {item}"),
                          ("post about it on the neighbourhood website", "post about it on a local website"))
    advice_s = advice_s.format(his=c.his(1), item=item)
    c.say(2, f"Okay. Let me take your name and phone number. [Then|After that] {action}.",
          f"I'll need your details first. {cap(action)}.")
    if c.chance(0.5):
        c.say(1, f"It's {c.nm(1)} {c.nm_last(1)}, and my number is [on this card|here].", f"{c.nm(1)} {c.nm_last(1)}. Here's my number.")
    else:
        c.say(1, "Sure. [Do you think I'll get it back?|Is there any chance of getting it back?]", "Of course. [What are the chances of finding it?|Will you find it?]")
        c.say(2, "[Honestly, it's hard to say.|I can't promise anything, I'm afraid.|Sometimes things turn up.]", "It does happen, so don't give up hope.")
    advised = c.chance(0.7)
    if advised:
        c.say(2, f"[In the meantime|Meanwhile], you should {advice}.", f"And I'd {advice} if I were you.")
        c.say(1, "[Yes|Right], I'll do that [now|right away].", "Good idea. I'll do it as soon as I get home.")
    c.goodbye("service", 0.3)
    r1, r2, his = c.ref(1), c.ref(2), c.his(1)
    c.sum(f"{r1} reports to {r2} that {his} {item} was stolen {where}.",
          f"{r1} tells the police that someone stole {his} {item} {when}.",
          f"{r1}'s {item} was stolen {where}, and {c.he(1)} reports it.",
          f"{r1} reports the theft of {desc}.",
          f"{r1} had {his} {item} stolen {where}: {how_s}.",
          f"{r1} [tells|explains to] {r2} how {his} {item} was stolen {where}.")
    act = [f"{r2} {action_s}.", f"{r2} takes the details and {action_s}.", f"{r2} records the theft and {action_s}."]
    if advised and c.chance(0.5):
        act = [f"{r2} [advises|tells] {r1} to {advice_s}.", f"{r2} says {r1} should {advice_s}."]
    elif thief and c.chance(0.4):
        act = [f"{r1} saw {thief} nearby.", f"{r1} [suspects|thinks] the thief was {thief}."]
    if c.chance(0.7):
        c.sum(*act)


def customs(c):
    city = c.pick(CITIES)
    purpose, purpose_s = c.pick(("I'm here on holiday", "on holiday"), ("I'm attending a conference", "for a conference"),
                                ("I'm visiting my daughter", f"to visit {c.his(1)} daughter"), ("I'm here for my cousin's wedding", f"for {c.his(1)} cousin's wedding"),
                                ("it's a business trip", "on business"), ("I'm starting a language course", "for a language course"),
                                ("I'm going to a music festival", "for a music festival"), ("I have a job interview", "for a job interview"),
                                ("I'm visiting old friends", "to visit old friends"), ("I'm here to watch the tennis", "to watch the tennis"),
                                ("I'm doing a cycling tour", "for a cycling tour"), ("my grandson was just born", "to see a new grandson"))
    length = c.pick("two weeks", "five days", "a month", "three nights", "ten days", "six weeks", "a week", "four days", "the weekend")
    c.say(2, "[Good morning.|Hello.] Where are you travelling from today?", "Hello. Where have you [come|arrived] from today?",
          "[Good afternoon|Hello]. Passport, please. Where have you flown in from?", "Next, please. [Your passport?|Passport?] Where are you coming from?")
    c.say(1, f"From {city}.", f"I've just flown in from {city}.", f"[Here you are.|Here.] From {city}.")
    if c.chance(0.5):
        c.say(2, "And what's the purpose of your visit?", "What brings you here?", "Business or pleasure?")
        c.say(1, f"{cap(purpose)}.", f"[Well,|Oh,] {purpose}.")
        c.say(2, "How long are you staying?", "How long will you be here?")
        c.say(1, f"{cap(length)}.", f"[Just|About] {length}.")
    else:
        c.say(2, "What's the purpose of your visit, and how long are you staying?", "Why are you visiting, and for how long?")
        c.say(1, f"{cap(purpose)}, for {length}.", f"[Well,|Oh,] {purpose}. [Just|About] {length}.")
    stay, stay_s = c.pick((None, None), (None, None), (None, None), ("with my sister", f"with {c.his(1)} sister"), ("at a hotel in the centre", "at a hotel in the centre"),
                          ("in a rented flat", "in a rented flat"), ("with friends", "with friends"), ("at a student residence", "at a student residence"),
                          ("at a campsite by the lake", "at a campsite by the lake"))
    if stay:
        c.say(2, "Where will you be staying?", "And where are you staying?")
        c.say(1, f"{cap(stay)}.", f"I'll be staying {stay}.")
    c.smalltalk("service", 0.2, next_who=2)
    kind = c.branch("fine", "banned", "banned", "limit", "limit", "medicine", "gift")
    goods = {"fine": [("some clothes and a few books", "only clothes and books")],
             "banned": [("some apples from our garden", "some apples"), ("a salami from home", "a salami"), ("some fresh cheese", "some fresh cheese"),
                        ("a bag of sausages", "sausages"), ("a little potted plant", "a potted plant"), ("a bag of oranges", "oranges"),
                        ("some homemade ham", "homemade ham"), ("a bag of flower seeds", "flower seeds"), ("a jar of my mum's honey", "a jar of honey"),
                        ("some mangoes", "mangoes"), ("a box of fresh eggs", "fresh eggs")],
             "limit": [("four bottles of wine", "four bottles of wine"), ("three bottles of whisky", "three bottles of whisky"),
                       ("six cartons of cigarettes", "six cartons of cigarettes"), ("two bottles of vodka and a box of cigars", "vodka and cigars"),
                       ("five bottles of rum", "five bottles of rum"), ("a whole case of beer", "a case of beer"), ("three bottles of gin", "three bottles of gin")],
             "medicine": [("a box of strong painkillers", "strong painkillers"), ("my heart medicine", f"{c.his(1)} heart medicine"),
                          ("some sleeping pills", "sleeping pills"), ("insulin and needles", "insulin and needles")],
             "gift": [("a new laptop for my brother", "a new laptop"), ("a gold necklace for my mother", "a gold necklace"),
                      ("a new camera for my dad", "a new camera"), ("a watch I bought in the duty-free", "a watch"),
                      ("a painting I bought at a market", "a painting"), ("a new phone for my wife", "a new phone"), ("a silver tea set", "a silver tea set")]}[kind]
    thing, thing_s = c.pick(goods)
    declared = c.chance(0.5) and kind != "fine"
    it = "them" if thing_s.endswith("s") and not thing_s.startswith(("a ", "an ")) else "it"  # "oranges" -> them
    c.say(2, "Do you have anything to declare?", "Anything to declare?", "Are you carrying anything you need to declare?")
    if declared:
        c.say(1, f"Yes, I have {thing}. [Is that okay?|I wasn't sure about it.]", f"I think so. I've got {thing} in my bag.")
    else:
        c.say(1, "No, nothing.", "[No|I don't think so], just clothes and presents.")
        c.say(2, "Could you open your bag, please?", "Would you put your bag on the table and open it, please?")
        c.say(1, "[Sure|Of course].", "Okay, [here|there you go].")
        if kind == "fine":
            c.say(2, "[Thank you.|That's fine.] You can close it.", "[Alright|Okay], that's all in order.")
        else:
            c.say(2, "And what's this?", "What's in this bag here?")
            c.say(1, f"Oh, that's {thing}. [I forgot about it.|I didn't think it counted.]", f"Just {thing}. [Is that a problem?|Sorry, I forgot.]")
    if kind == "fine":
        c.say(2, "[Enjoy your stay.|Welcome, enjoy your visit.|Have a good trip.]", "Everything's fine. [Enjoy your stay.|Welcome.]")
        outcome = [f"{c.ref(2)} checks {c.ref(1)}'s bag and lets {c.him(1)} through.",
                   f"{c.ref(1)} has nothing to declare, and the bag check finds nothing wrong."]
    elif kind == "banned":
        fine = c.chance(0.3) and not declared
        c.say(2, "I'm afraid you can't bring food or plants like that into the country. I'll have to take it.",
              "Sorry, fruit, meat and plants aren't allowed. It has to go in the bin.")
        if fine:
            amount = c.num(50, 300, 50)
            c.say(2, f"And because you didn't declare it, there's a fine of ${amount}.", f"You should have declared it, so I have to fine you ${amount}.")
            c.say(1, "[Oh no.|Really?] I had no idea.", "That's a lot. I honestly didn't know.")
            outcome = [f"{c.ref(1)} did not declare {thing_s}, so {c.ref(2)} fines {c.him(1)} ${amount}.",
                       f"{c.ref(2)} finds {thing_s} in the bag and gives {c.ref(1)} a ${amount} fine."]
        else:
            c.say(1, "[Oh, what a shame.|Fine, I understand.|Oh well. It was a present from my aunt.]")
            outcome = [f"{c.ref(1)} cannot bring {thing_s} into the country, so {c.ref(2)} takes {it} away.",
                       f"{cap(thing_s)} " + ("are" if it == "them" else "is") + f" not allowed, so {c.ref(1)} [loses {it}|has to give {it} up]."]
    elif kind == "limit":
        duty = c.num(15, 90)
        c.say(2, "That's over your duty-free allowance, I'm afraid. You'll have to pay duty on it.", "You're only allowed [a small amount|one litre or two hundred cigarettes] duty-free.")
        c.say(1, "Oh. How much is it?", "I see. How much do I owe?")
        c.say(2, f"It comes to ${duty}. You can pay over there.", f"${duty}. You can pay at the desk [behind me|on the left].")
        outcome = [f"{c.ref(1)} has to pay ${duty} duty on {thing_s}.",
                   f"{c.ref(1)} has more than the duty-free allowance of {thing_s.split(' of ')[-1]} and pays ${duty} duty."]
    elif kind == "medicine":
        c.say(2, "Do you have a prescription for that?", "For medicine like that I need to see a prescription.")
        ok = c.chance(0.7)
        if ok:
            c.say(1, "Yes, here's the letter from my doctor.", "Yes, I've got it right here.")
            c.say(2, "That's fine, thank you. Enjoy your stay.", "[Alright|Good], that's in order.")
            outcome = [f"{c.ref(1)} can keep {thing_s} because {c.he(1)} has a prescription.",
                       f"{c.ref(2)} lets {c.ref(1)} keep {thing_s} after seeing the prescription."]
        else:
            c.say(1, "Not with me. It's on my phone, maybe?", "I left it at home, I'm afraid.")
            c.say(2, "Then I need to keep it here until you can show me one.", "Then you'll have to leave it with us until you bring a prescription.")
            outcome = [f"{c.ref(1)} has no prescription for {thing_s}, so {c.ref(2)} keeps {it}.",
                       f"Without a prescription, {c.ref(1)} has to leave {thing_s} with customs."]
    else:
        value = c.num(300, 1500, 50)
        c.say(2, "How much did it cost?", "What's it worth?")
        c.say(1, f"About ${value}.", f"[Around|Nearly] ${value}.")
        tax = value > 900
        if tax:
            c.say(2, "That's over the limit, so you'll need to pay some tax on it. The desk is over there.", "Then you'll have to pay import tax. Please go to the desk on the left.")
            outcome = [f"{c.ref(1)} must pay tax on {thing_s} worth ${value}.",
                       f"{c.ref(2)} sends {c.ref(1)} to pay tax on {thing_s} worth ${value}."]
        else:
            c.say(2, "That's under the limit, so it's fine. Enjoy your stay.", "You're alright, that's within the allowance.")
            outcome = [f"{c.ref(1)} has {thing_s} worth ${value}, which is within the limit.",
                       f"{c.ref(2)} says {thing_s} worth ${value} is under the limit."]
    stay_x = f", staying {stay_s}" if stay else ""
    if c.chance(0.6):
        c.sum(f"{c.ref(1)} arrives from {city} {purpose_s}.", f"{c.ref(1)} tells {c.ref(2)} {c.he(1)} is here {purpose_s} for {length}.",
              f"{c.ref(1)} comes from {city} and will stay {length}.", f"{c.ref(2)} questions {c.ref(1)}, who is here {purpose_s}.")
    c.sum(*outcome)


def hotel_check_out(c):
    room = c.num(101, 530)
    nights = c.num(1, 6)
    n_s = f"{NUMWORDS[nights]} night{'s' if nights > 1 else ''}"
    total = c.num(120, 900)
    c.say(1, f"[Good morning|Hi]. I'd like to check out, please. Room {room}.", f"Hello, I'm checking out. It's room {room}.",
          f"Morning. Could I check out? Room {room}[, please|].")
    c.say(2, "[Certainly.|Of course.] [Did you enjoy your stay?|How was your stay?]", "[Sure.|Of course.] I hope you enjoyed your stay.")
    feedback = c.pick(None, None, "the breakfast was excellent", "the shower was cold one morning", "the view from the room was amazing",
                      "the street was noisy at night", "the room was quiet at night", "the Wi-Fi kept dropping", "the bed was comfortable",
                      "the pool was closed for cleaning", "the room was smaller than in the photos")
    if feedback in ("the breakfast was excellent", "the view from the room was amazing", "the bed was comfortable", "the room was quiet at night"):
        c.say(1, f"[Lovely, thanks.|Very nice.|Great, thank you.] {cap(feedback)}.", f"Oh, {feedback}[, I must say|].", f"Really good. {cap(feedback)}.")
    elif feedback:
        c.say(1, f"[Mostly good, thanks.|Fine, thank you.] [Although|Only] {feedback}.", f"[Well,|Oh,] {feedback}[, I must say|, to be honest|].")
    else:
        c.say(1, "[Very much, thanks.|It was lovely.|Yes, it was great.]", "[Yes|Very much], [thank you|thanks]. [We'll come back.|I'd stay here again.]")
    # (the charge, its amount, why the guest objects, how it can be settled)
    charge, amount, reason, ways = c.pick(("the minibar", c.num(8, 40), "I never opened the minibar", "mistake used goodwill"),
                                          ("room service", c.num(15, 60), "we didn't order room service", "mistake used"),
                                          ("a phone call", c.num(5, 30), "I didn't make any phone calls", "mistake used goodwill"),
                                          ("the spa", c.num(30, 90), "I didn't go to the spa", "mistake used"),
                                          ("parking", c.num(10, 40), "I came by train", "mistake"),
                                          ("laundry", c.num(12, 35), "I didn't send any laundry", "mistake used"),
                                          ("breakfast", c.num(12, 50), "I thought breakfast was included", "policy goodwill"),
                                          ("a late check-out", c.num(20, 60), "nobody told me there was a fee", "policy goodwill"),
                                          ("a film", c.num(6, 15), "I didn't watch any films", "mistake used goodwill"),
                                          ("an extra night", c.num(80, 150), "I cancelled that night weeks ago", "mistake"),
                                          ("a bottle of champagne", c.num(40, 90), "I never ordered champagne", "mistake used"),
                                          ("the gym", c.num(10, 25), "I thought the gym was free", "policy goodwill"),
                                          ("city tax", c.num(5, 20), "I've never heard of a city tax", "policy"),
                                          ("a cleaning fee", c.num(25, 70), "the room was perfectly clean when I left", "mistake goodwill"))
    c.say(2, f"Here's your bill. That's {n_s}, and it comes to ${total}.", f"[Okay|Right], {n_s}. Your total is ${total}.")
    c.say(1, f"Hmm, what's this ${amount} for {charge}? {cap(reason)}.", f"Sorry, there's a charge here for {charge}, ${amount}. {cap(reason)}.")
    settle = c.branch(*ways.split())
    new = total - amount
    if settle == "mistake":
        c.say(2, f"Let me check. [Oh|Ah], you're right, that was for room {room + c.branch(1, 2, 10, 100)}. I'm so sorry. I'll take it off.",
              "I'm sorry, that must be a mistake. [Let me remove it.|I'll correct that now.]")
        c.say(2, f"So the new total is ${new}.", f"That brings it down to ${new}.")
        s_out = [f"{c.ref(1)} questions a ${amount} charge for {charge}; it is a mistake, and {c.ref(2)} takes it off.",
                 f"{c.ref(2)} removes a wrong charge for {charge} from {c.ref(1)}'s bill.",
                 f"{c.ref(1)} [finds|spots] a wrong charge for {charge} on the bill, so {c.ref(2)} [removes|corrects] it.",
                 f"{c.ref(1)} is charged for {charge} by mistake, and {c.ref(2)} lowers the bill to ${new}.",
                 f"The bill for room {room} wrongly includes ${amount} for {charge}, so {c.ref(2)} takes it off."]
    elif settle == "used":
        who = c.pick("my husband", "my wife", "my colleague", "the kids", "my friend", "my son", "my daughter", "my brother", "my business partner", "my mother")
        c.say(2, f"[Let me check.|One moment.] It was charged on the second evening. [Could someone else in the room have used it?|Maybe someone in your party?]",
              "The system shows it was charged [last night|on your first night]. Perhaps someone else in your room?")
        c.say(1, f"Oh, [wait|hang on]. {cap(who)} might have. [Sorry, my mistake.|Okay, that's fair.]", f"Ah, of course, {who}. [I forgot.|Sorry about that.]")
        new = total
        who_s = who.replace('my ', c.his(1) + ' ')
        s_out = [f"{c.ref(1)} questions a charge for {charge}, but then remembers that {who_s} used it.",
                 f"{c.ref(1)} thinks the ${amount} for {charge} is wrong, but {who_s} used it.",
                 f"{c.ref(1)} pays the full ${total}, because {who_s} ran up the charge for {charge}."]
    elif settle == "policy":
        c.say(2, f"I'm afraid {charge} isn't included in your rate. It was on the booking [conditions|confirmation].",
              f"[Unfortunately|I'm sorry, but] {charge} is charged separately. It's in the booking terms.")
        c.say(1, "[Oh.|Really?] Nobody mentioned it. [Well, fine.|I suppose I'll pay it, then.]", "That's [a bit annoying|disappointing], but okay.")
        new = total
        s_out = [f"{c.ref(1)} questions a charge for {charge}, but it is not included in the rate.",
                 f"{c.ref(2)} explains that {charge} is charged separately, so {c.ref(1)} pays it.",
                 f"{c.ref(1)} did not expect a ${amount} charge for {charge}, but it is in the booking terms.",
                 f"{c.ref(1)} pays ${total} after {n_s}, including ${amount} for {charge}."]
    else:
        c.say(2, f"Hmm, it's [in our system|on the booking terms], but since you're a [regular guest|loyal guest|repeat guest], I'll take it off.",
              f"Normally we charge for {charge}, but I'll remove it this time as a goodwill gesture.")
        c.say(2, f"So that's ${new} altogether.", f"[Your|The] new total is ${new}.")
        c.say(1, "[That's very kind, thank you.|Oh, thank you, I appreciate that.]", "[Thanks|Great], that's [really|very] nice of you.")
        s_out = [f"{c.ref(1)} questions a charge for {charge}, and {c.ref(2)} removes it as a goodwill gesture.",
                 f"{c.ref(2)} takes the ${amount} for {charge} off {c.ref(1)}'s bill as a goodwill gesture.",
                 f"{c.ref(1)} objects to ${amount} for {charge}, so {c.ref(2)} removes it and the total is ${new}.",
                 f"{c.ref(1)} only pays ${new}, as {c.ref(2)} drops the charge for {charge} this time."]
    pay, pay_s = c.pick(("on the card I gave you at check-in", "on the card from check-in"), ("by card", "by card"), ("in cash", "in cash"),
                        ("could you send the invoice to my company", "sends the invoice to the company"))
    if pay.startswith("could"):
        c.say(1, f"And {pay}? [They're paying for the trip.|It was a business trip.]", f"Also, {pay}, please?")
        c.say(2, "[Of course.|No problem.] I'll email it [today|this morning].", "Sure, just write the address here.")
        pay_line = [f"{c.ref(2)} {pay_s}.", f"The invoice goes to {c.ref(1)}'s company."]
    else:
        c.say(1, f"I'll pay {pay}, please.", f"Can I pay {pay}?")
        c.say(2, "[Certainly.|Of course.] [Here's your receipt.|Your receipt is in the envelope.]", "[Sure.|No problem.] Here's your receipt.")
        pay_line = [f"{c.ref(1)} pays {pay_s}.", f"{c.ref(1)} settles the bill {pay_s}.", f"{c.ref(1)} [pays|settles up] {pay_s} and [gets|takes] a receipt."]
    extra, extra_s = c.pick((None, None), ("Could I leave my bags here until the afternoon?", "leaves the luggage at the hotel until the afternoon"),
                            ("Could you call me a taxi to the airport?", "asks for a taxi to the airport"),
                            ("Could you call me a taxi to the station?", "asks for a taxi to the station"),
                            ("Can I leave my suitcase with you until six?", "leaves a suitcase at reception until six"))
    if extra:
        c.say(1, extra)
        c.say(2, "[Of course.|Certainly.] [I'll arrange it now.|No problem at all.]", "Sure. [It'll be ready.|Leave it with me.]")
    c.goodbye("service", 0.35)
    intro = [f"{c.ref(1)} checks out of room {room}.", f"{c.ref(1)} is checking out and asks {c.ref(2)} for the bill."]
    if feedback:
        intro = [f"{c.ref(1)} checks out and says {feedback}.", f"Checking out, {c.ref(1)} mentions that {feedback}."]
    if c.chance(0.25 if feedback else 0.15):
        c.sum(*intro)
    c.sum(*named(c, s_out))
    if n_sentences(c) < 2 and extra and c.chance(0.4):
        c.sum(f"{c.ref(1)} also {extra_s}.")
    elif n_sentences(c) < 2 and c.chance(0.15):
        c.sum(*named(c, pay_line))


# (a sight, what the host says about it): a few sights have two facts, one chosen per dialogue.
SIGHTS = [("the cathedral", "was built in the thirteenth century"), ("the cathedral", "has the tallest spire in the country"),
          ("the castle", "was a prison for almost two hundred years"), ("the castle", "was never captured in a war"),
          ("the clock tower", "still has its original clock from 1890"), ("the fishing harbour", "was once the busiest port in the country"),
          ("the stone bridge", "is the oldest bridge in the city"), ("the covered market", "has sold fresh fish every morning for three hundred years"),
          ("the royal palace", "is still used for state visits"), ("the botanical garden", "has more than five thousand kinds of plants"),
          ("the opera house", "took twelve years to build"), ("the lighthouse", "was built after a famous shipwreck"),
          ("the city wall", "is almost three kilometres long"), ("the old university", "is one of the oldest in Europe"),
          ("the main square", "used to hold a horse market"), ("the windmill", "still grinds flour for the local bakeries"),
          ("the west gate", "was the only way into the city for centuries"), ("the town hall", "has a painted ceiling that took ten years to finish"),
          ("the railway station", "was designed by the same architect as the opera house"), ("the fish market", "opens at four in the morning"),
          ("the observatory", "still has a working telescope from the old days"), ("the fortress", "was built to protect the river"),
          ("the synagogue", "is the oldest building in the old town"), ("the monastery", "still makes its own beer")]


def sightseeing_tour(c):
    (place, fact) = c.pick(SIGHTS)
    nxt = c.pick([p for p, _ in SIGHTS if p != place])
    guide = c.chance(0.35)
    if guide:
        c.familiar = False  # a paid guide and a visitor: strangers, unlike the friends of the other path
    photo = c.pick("from the top of the steps", "from the bridge", "in front of the main door", "from the hill behind it", "by the fountain",
                   "from the little balcony", "with the river in the background", "from the steps across the square", "under the big arch")
    food = c.pick("fish soup", "grilled sardines", "dumplings", "street food", "pancakes with cheese", "noodles", "fried octopus",
                  "spicy sausages", "seafood stew", "cheese and onion tart", "meat pie", "lamb stew", "stuffed peppers", "fresh oysters")
    food_where = c.pick("a little cafe by the river", "the market", "a tiny restaurant round the corner", "a food truck near the park",
                        "a family place down that street", "the bakery near the station")
    if guide:
        c.say(2, f"[Right|Okay], here we are. This is {place}. It {fact}.", f"[So|Now], this is {place}. [Fun fact:|Did you know?] It {fact}.")
    else:
        c.say(2, c.hi(2, 1, 0.3) + f" [And here it is|Here we are], {place}! It {fact}.", f"So this is {place}, [the one I told you about|our pride and joy]. It {fact}.")
    c.say(1, "[Wow!|Really?] [That's amazing.|I had no idea.|It's beautiful.]", "[Wow.|Oh, wow.] [It's much bigger than I expected.|It's stunning.]")
    outdoor = place in ("the stone bridge", "the main square", "the city wall", "the fishing harbour", "the west gate")
    q = c.branch("who", "none") if outdoor else c.branch("inside", "who", "none")
    fee_s = ""
    if q == "inside":
        fee = c.num(4, 15)
        c.say(1, "Can we go inside?", "Is it open to visitors?")
        c.say(2, f"Yes, it's ${fee} each. [It's worth it.|The view from the top is the best part.]", f"Sure, tickets are ${fee}. [I'll get them.|We can buy them at the door.]")
        fee_s = c.branch(f"Tickets to go in are ${fee}.", f"Entry is ${fee} each.", f"It is ${fee} to go inside.")
    elif q == "who":
        c.say(1, "Do many people visit?", "Is it always this busy?")
        c.say(2, "In summer it's packed. [We're lucky today.|Mornings are quieter.]", "Only at weekends. [Today is fine.|We picked a good day.]")
    snap = c.chance(0.6)
    if snap:
        c.say(1, "Can you take a photo of me?", "I have to get a picture of this.", "Would you take my picture?")
        c.say(2, f"Sure. The best spot is {photo}.", f"Of course. [Let's go|Come on], it looks best {photo}.")
    weather = c.branch("fine", "fine", "rain", "tired")
    if weather == "rain":
        c.say(1, "Oh no, it's starting to rain.", "Is that rain? I didn't bring an umbrella.")
        c.say(2, f"Let's hurry to {nxt} then. There's a cafe next to it where we can wait it out.", f"Then let's head for {nxt}. [It's just five minutes away.|It's close, and there's a cafe there.]")
        next_s = c.branch("Because it starts to rain, they [head for|go to] {nxt} next.", "When it [starts|begins] to rain, they [escape|move on] to {nxt}.",
                          "Rain drives them [on|off] to {nxt}.")
    elif weather == "tired":
        c.say(1, "My feet are killing me. Can we sit down somewhere?", "I need a coffee before we see anything else.")
        c.say(2, f"Sure. There's a cafe [right|just] next to {nxt}, we can go there next.", f"Let's rest a bit, then walk to {nxt}. It's on the way.")
        next_s = c.branch("{r1} is tired, so they stop for a coffee and then go on to {nxt}.", "[Tired|Footsore], {r1} [wants|needs] a break, so they [rest|sit down] on the way to {nxt}.")
    else:
        c.say(1, "What's next?", "Where are we going next?", "What else is there to see around here?")
        c.say(2, f"{cap(nxt)}. It's [just down the road|a short walk from here|on the other side of the river].", f"I thought we'd go to {nxt} next.")
        next_s = c.branch("They plan to see {nxt} next.", "Next on the list is {nxt}.", "{r2} [suggests going to|wants to show {r1}] {nxt} next.")
    lunch = c.chance(0.65)
    if lunch:
        c.say(1, "[And lunch?|What about lunch?] [I'm starving.|I'm getting hungry.]", "Can we eat somewhere local?")
        c.say(2, f"Of course. You have to try the {food} at {food_where}.", f"I know [just the place|a great spot]. {cap(food_where)} does amazing {food}.")
    r1, r2 = c.ref(1), c.ref(2)
    next_s = next_s.format(r1=r1, r2=r2, nxt=nxt)  # the names as the finished dialogue has them
    who2 = c.expand(f"[A guide|The guide {r2}]") if guide else r2
    c.sum(f"{r2} shows {r1} {place}, which {fact}.", f"{who2} [shows|takes] {r1} [around|to] {place}.",
          f"{r1} visits {place} with {r2} and learns that it {fact}.", f"{r1} [learns|hears] from {r2} that {place} {fact}.")
    if c.chance(0.55):
        tail = [next_s]
        if lunch:
            tail += [f"{r2} tells {r1} to try the {food} at {food_where}.", f"For lunch, they will have {food} at {food_where}."]
        if snap:
            tail.append(f"{r1} has {c.his(1)} photo taken {photo}.")
        if fee_s:
            tail.append(fee_s)
        c.sum(*tail)


SCENARIOS = {
    "asking directions": asking_directions,
    "taxi ride": taxi_ride,
    "reporting a theft": reporting_a_theft,
    "customs": customs,
    "hotel check-out": hotel_check_out,
    "sightseeing tour": sightseeing_tour,
}
FAMILIAR_TOPICS = {"sightseeing tour"}
STAFF_TOPICS = {"taxi ride", "reporting a theft", "customs", "hotel check-out"}
